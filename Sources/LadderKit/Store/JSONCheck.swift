/// Finds where a line stops being valid JSON (Foundation's decoder on Linux does not
/// say), so a problem can point at its column. Iterative, so nesting cannot exhaust
/// the stack.
enum JSONCheck {
    /// The byte offset (from the start of `bytes`) of the first error, or nil when
    /// `bytes` is one valid JSON value.
    static func firstError(in bytes: ArraySlice<UInt8>) -> (offset: Int, reason: String)? {
        let base = bytes.startIndex
        let end = bytes.endIndex
        var i = base
        enum Container { case array, object }
        var stack: [Container] = []
        func fail(_ reason: String) -> (offset: Int, reason: String) { (i - base, reason) }
        func skipSpace() { while i < end, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) { i += 1 } }

        // Reads one string starting at `i` (which is at the opening quote).
        func string() -> (offset: Int, reason: String)? {
            i += 1
            while i < end {
                let byte = bytes[i]
                switch byte {
                case 0x22: i += 1; return nil
                case 0x5C:
                    i += 1
                    guard i < end else { return fail("unfinished text") }
                    switch bytes[i] {
                    case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 1
                    case 0x75:
                        i += 1
                        for _ in 0..<4 {
                            guard i < end, isHex(bytes[i]) else { return fail("bad \\u escape") }
                            i += 1
                        }
                    default: return fail("bad escape")
                    }
                case 0x00..<0x20: return fail("control character in text")
                case 0x80...:
                    let length = utf8Length(bytes, at: i, end: end)
                    guard length > 0 else { return fail("invalid UTF-8") }
                    i += length
                default: i += 1
                }
            }
            return fail("unfinished text")
        }

        func number() -> (offset: Int, reason: String)? {
            if i < end && bytes[i] == 0x2D { i += 1 }
            guard i < end, isDigit(bytes[i]) else { return fail("bad number") }
            if bytes[i] == 0x30 { i += 1 } else { while i < end && isDigit(bytes[i]) { i += 1 } }
            if i < end && bytes[i] == 0x2E {
                i += 1
                guard i < end, isDigit(bytes[i]) else { return fail("bad number") }
                while i < end && isDigit(bytes[i]) { i += 1 }
            }
            if i < end && (bytes[i] == 0x65 || bytes[i] == 0x45) {
                i += 1
                if i < end && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
                guard i < end, isDigit(bytes[i]) else { return fail("bad number") }
                while i < end && isDigit(bytes[i]) { i += 1 }
            }
            return nil
        }

        func literal(_ word: [UInt8]) -> (offset: Int, reason: String)? {
            for byte in word {
                guard i < end, bytes[i] == byte else { return fail("unexpected character") }
                i += 1
            }
            return nil
        }

        /// An object's key and its ':', from where the key's opening quote should be.
        func key() -> (offset: Int, reason: String)? {
            guard i < end else { return fail("the line ends too early") }
            guard bytes[i] == 0x22 else { return fail("expected a quoted key") }
            if let e = string() { return e }
            skipSpace()
            guard i < end else { return fail("the line ends too early") }
            guard bytes[i] == 0x3A else { return fail("expected ':'") }
            i += 1
            return nil
        }

        // expectValue: a value must come next; otherwise a ',' or a closing bracket.
        var expectValue = true
        skipSpace()
        while true {
            if expectValue {
                skipSpace()
                guard i < end else { return fail("the line ends too early") }
                let byte = bytes[i]
                var error: (offset: Int, reason: String)?
                switch byte {
                case 0x7B: // {
                    if stack.count >= 512 { return fail("nested too deeply") }
                    stack.append(.object); i += 1; skipSpace()
                    if i < end && bytes[i] == 0x7D { i += 1; stack.removeLast(); expectValue = false; break }
                    if let e = key() { return e }
                    continue
                case 0x5B: // [
                    if stack.count >= 512 { return fail("nested too deeply") }
                    stack.append(.array); i += 1; skipSpace()
                    if i < end && bytes[i] == 0x5D { i += 1; stack.removeLast(); expectValue = false }
                    continue
                case 0x22: error = string()
                case 0x2D, 0x30...0x39: error = number()
                case 0x74: error = literal(Array("true".utf8))
                case 0x66: error = literal(Array("false".utf8))
                case 0x6E: error = literal(Array("null".utf8))
                default: return fail("unexpected character")
                }
                if let error { return error }
                expectValue = false
                continue
            }
            skipSpace()
            guard let top = stack.last else {
                return i < end ? fail("unexpected text after the end") : nil
            }
            guard i < end else { return fail("the line ends too early") }
            switch (bytes[i], top) {
            case (0x2C, .array): i += 1; expectValue = true
            case (0x2C, .object):
                i += 1; skipSpace()
                if let e = key() { return e }
                expectValue = true
            case (0x5D, .array), (0x7D, .object): i += 1; stack.removeLast()
            default: return fail(top == .array ? "expected ',' or ']'" : "expected ',' or '}'")
            }
        }
    }

    /// 1-based column of a byte offset, counting characters (Unicode scalars).
    static func column(ofByte offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var column = 1
        for byte in bytes.prefix(max(0, offset)) where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 when it is not valid.
    static func utf8Length(_ bytes: ArraySlice<UInt8>, at i: Int, end: Int) -> Int {
        let first = bytes[i]
        let length: Int
        var minimum: UInt32
        var value: UInt32
        switch first {
        case 0xC2...0xDF: length = 2; value = UInt32(first & 0x1F); minimum = 0x80
        case 0xE0...0xEF: length = 3; value = UInt32(first & 0x0F); minimum = 0x800
        case 0xF0...0xF4: length = 4; value = UInt32(first & 0x07); minimum = 0x10000
        default: return 0
        }
        guard i + length <= end else { return 0 }
        for k in 1..<length {
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return 0 }
        return length
    }
}
