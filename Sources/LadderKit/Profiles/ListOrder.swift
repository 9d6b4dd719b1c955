#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The library's list orders, exactly as Swift orders `String` tuples, only
/// faster: a start sorts a thousand file names and a thousand profile names.
/// For text that is all ASCII (nearly every name) Swift's order is the order of
/// the bytes, and `lowercased()` maps A–Z alone, so such a key becomes one byte
/// string (first part, a 0 byte, second part) compared with `memcmp`; a pair with
/// any other text is compared as Swift compares it.
enum ListOrder {
    /// The places of `keys` in order of (first, second), the first part lower-cased
    /// when `foldingFirst`.
    static func order(_ keys: [(first: String, second: String)], foldingFirst: Bool) -> [Int] {
        // Every ASCII key's bytes back to back; each key's span in them (nil: not ASCII).
        var bytes: [UInt8] = []
        var spans: [Range<Int>?] = []
        spans.reserveCapacity(keys.count)
        for key in keys {
            let start = bytes.count
            var ascii = true
            for byte in key.first.utf8 {
                ascii = ascii && byte != 0 && byte < 0x80
                bytes.append(foldingFirst && byte &- 0x41 < 26 ? byte | 0x20 : byte)
            }
            bytes.append(0)
            for byte in key.second.utf8 {
                ascii = ascii && byte != 0 && byte < 0x80
                bytes.append(byte)
            }
            spans.append(ascii ? start..<bytes.count : nil)
        }
        func swiftKey(_ at: Int) -> (String, String) {
            (foldingFirst ? keys[at].first.lowercased() : keys[at].first, keys[at].second)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            keys.indices.sorted { a, b in
                guard let x = spans[a], let y = spans[b], let base = buffer.baseAddress else { return swiftKey(a) < swiftKey(b) }
                let order = memcmp(base + x.lowerBound, base + y.lowerBound, min(x.count, y.count))
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// The places of `names` in the order `names.sorted()` gives (file names).
    static func order(_ names: [String]) -> [Int] {
        order(names.map { ($0, "") }, foldingFirst: false)
    }

    /// Whether `a` comes before `b` as Swift orders them.
    static func precedes(_ a: String, _ b: String) -> Bool {
        order([a, b]) == [0, 1] && a != b
    }
}
