import Testing
@testable import LadderKit

/// The eight-bytes-at-a-time test of a string's plain run agrees with the byte test:
/// every byte value at every place among plain neighbours, and random words.
struct JSONScannerPlainTests {
    static func plainByByte(_ word: UInt64) -> Bool {
        (0..<8).allSatisfy { place in
            let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(place)))
            return byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x5C
        }
    }

    @Test func everyByteAtEveryPlace() {
        for neighbour in [UInt8(0x20), 0x61, 0x7F, 0x21, 0x5B, 0x5D] {
            for place in 0..<8 {
                for value in 0...255 {
                    var word = UInt64(neighbour) &* 0x0101_0101_0101_0101
                    word &= ~(UInt64(0xFF) << (8 * UInt64(place)))
                    word |= UInt64(value) << (8 * UInt64(place))
                    #expect(JSONScanner.isPlain(word) == Self.plainByByte(word), "\(value) at \(place) among \(neighbour)")
                }
            }
        }
    }

    @Test func randomWords() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            // Mostly printable bytes, so plain words are common.
            var word: UInt64 = 0
            for place in 0..<8 {
                let byte = Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator) : UInt8.random(in: 0...255, using: &generator)
                word |= UInt64(byte) << (8 * UInt64(place))
            }
            #expect(JSONScanner.isPlain(word) == Self.plainByByte(word))
        }
    }

    /// Strings read whole across the eight-byte steps: each special byte at each place.
    @Test func stringsAroundEveryPlace() {
        for length in 0..<20 {
            for special in ["\\\"", "\\\\", "\\n", "é", "\u{1F600}"] {
                for place in 0...length {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: place))
                    let json = Array("\"\(text)\"".utf8)
                    let read = json.withUnsafeBufferPointer { buffer -> String? in
                        var scanner = JSONScanner(bytes: buffer)
                        return scanner.string()
                    }
                    let expected = text.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                        .replacingOccurrences(of: "\\n", with: "\n")
                    #expect(read == expected, "\(json)")
                }
            }
            // A raw control character is refused wherever it is.
            for place in 0...length {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                bytes.insert(0x01, at: place)
                let json = [0x22] + bytes + [0x22]
                let read = json.withUnsafeBufferPointer { buffer -> String? in
                    var scanner = JSONScanner(bytes: buffer)
                    return scanner.string()
                }
                #expect(read == nil)
            }
        }
    }
}
