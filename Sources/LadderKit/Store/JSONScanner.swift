/// The pieces of the hand-written JSON readers (`JournalLineDecoder`,
/// `ProfileJSON.read`): a cursor over UTF-8 bytes that reads one string, integer,
/// boolean or exact run of bytes at a time, and answers nil for anything it does not
/// fully know, so its caller can leave that input to `JSONDecoder`.
///
/// Strings take every JSON escape, `\u` surrogate pairs included; a lone surrogate,
/// invalid UTF-8 or a raw control character gives nil.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Whether every byte has been read.
    var atEnd: Bool { at == bytes.count }

    /// Steps over JSON white space.
    mutating func skipSpace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x09, 0x0A, 0x0D: at += 1
            default: return
            }
        }
    }

    /// Steps over white space and then `byte`, if it is next.
    mutating func expect(_ byte: UInt8) -> Bool {
        skipSpace()
        return take(byte)
    }

    /// Steps over `byte` if it is next (no white space before it).
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// Steps over `literal` if its bytes are next, exactly (no white space).
    @inline(__always)
    mutating func take(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { expected in
            guard at + expected.count <= bytes.count else { return false }
            for k in 0..<expected.count where bytes[at + k] != expected[k] { return false }
            at += expected.count
            return true
        }
    }

    /// A plain non-negative integer of at most 18 digits, no leading zero.
    mutating func integer() -> Int? {
        let start = at
        var value = 0
        while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
            guard at - start < 18 else { return nil } // more digits would overflow
            value = value * 10 + Int(bytes[at] - 0x30)
            at += 1
        }
        let digits = at - start
        guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { return nil }
        if at < bytes.count, [0x2E, 0x65, 0x45].contains(bytes[at]) { return nil } // 1.0, 1e3
        return value
    }

    /// `true` or `false`.
    mutating func boolean() -> Bool? {
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// True when each of the eight bytes is printable ASCII other than `"` and `\\`.
    @inline(__always)
    static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        guard word & highs == 0 else { return false }                  // beyond ASCII
        guard (word &- ones &* 0x20) & ~word & highs == 0 else { return false } // a control character
        return !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// A string, its escapes undone.
    mutating func string() -> String? {
        var words: RepeatedWords? = nil
        return string(keptIn: &words)
    }

    /// A string, its escapes undone; one without escapes is looked up in (and added
    /// to) `words`, when given.
    mutating func string(keptIn words: inout RepeatedWords?) -> String? {
        guard at < bytes.count, bytes[at] == 0x22 else { return nil }
        at += 1
        let start = at
        var ascii = true
        // Eight bytes at a time while none is a quote, a backslash, a control character
        // or beyond ASCII: the usual journal text (a byte at a time, strings were a tenth
        // of reading a long journal).
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while at + 8 <= bytes.count, Self.isPlain(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) { at += 8 }
        }
        // The usual case: no escapes.
        while at < bytes.count {
            let byte = bytes[at]
            if byte == 0x22 {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<at])
                at += 1
                return words?.word(raw, ascii: ascii) ?? RepeatedWords.make(raw, ascii: ascii)
            }
            if byte == 0x5C { break }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            at += 1
        }
        guard at < bytes.count else { return nil }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
        while at < bytes.count {
            let byte = bytes[at]
            if byte == 0x22 {
                at += 1
                return String(validating: out, as: UTF8.self)
            }
            if byte < 0x20 { return nil }
            at += 1
            guard byte == 0x5C else { out.append(byte); continue }
            guard at < bytes.count else { return nil }
            let escape = bytes[at]
            at += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: out.append(escape)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var scalar = hex4() else { return nil }
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by \u and a low one.
                    guard at + 1 < bytes.count, bytes[at] == 0x5C, bytes[at + 1] == 0x75 else { return nil }
                    at += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                UTF8.encode(unicode) { out.append($0) }
            default:
                return nil
            }
        }
        return nil
    }

    /// Four hex digits of a `\u` escape.
    mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
            at += 1
        }
        return value
    }
}
