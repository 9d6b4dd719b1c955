/// Reads the flat JSON object of a journal line (`JournalLine`) without going
/// through `JSONDecoder`: string, boolean and integer values and the `undo` list of
/// strings, every string escape including `\u` surrogate pairs. Anything unusual — a
/// key `JournalLine` does not have, another type, `null`, a nested value, a number
/// that is not a plain integer, a repeated key, invalid UTF-8, a control character
/// in a string, a missing field — gives nil, and the
/// caller decodes the line with `JSONDecoder`, which says what is wrong. So a line
/// this reads is read exactly as `JSONDecoder` reads it, only several times faster.
enum JournalLineDecoder {
    static func decode(_ bytes: ArraySlice<UInt8>) -> JournalLine? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer)
            return parser.line()
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x09, 0x0A, 0x0D: at += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func line() -> JournalLine? {
            guard expect(0x7B) else { return nil }
            var v: Int?, id: String?, atTime: String?, kind: String?
            var skill: String?, role: String?, level: String?, item: String?, text: String?, note: String?
            var name: String?, by: String?, mentee: Bool?, undo: [String]?, due: String?, entry: String?
            var seen: UInt32 = 0
            skipSpace()
            if at < bytes.count, bytes[at] == 0x7D { return nil } // {}: no fields, let JSONDecoder say so
            while true {
                skipSpace()
                guard let bit = key() else { return nil } // a key this Ladder does not write: JSONDecoder decides
                guard expect(0x3A) else { return nil }
                skipSpace()
                switch bit {
                case 1: guard let value = integer() else { return nil }; v = value
                case 2: guard let value = string() else { return nil }; id = value
                case 4: guard let value = string() else { return nil }; atTime = value
                case 8: guard let value = string() else { return nil }; kind = value
                case 16: guard let value = string() else { return nil }; skill = value
                case 32: guard let value = string() else { return nil }; role = value
                case 64: guard let value = string() else { return nil }; level = value
                case 128: guard let value = string() else { return nil }; item = value
                case 256: guard let value = string() else { return nil }; text = value
                case 512: guard let value = string() else { return nil }; note = value
                case 1024: guard let value = string() else { return nil }; name = value
                case 2048: guard let value = string() else { return nil }; by = value
                case 4096: guard let value = boolean() else { return nil }; mentee = value
                case 8192: guard let value = strings() else { return nil }; undo = value
                case 16384: guard let value = string() else { return nil }; due = value
                default: guard let value = string() else { return nil }; entry = value
                }
                guard seen & bit == 0 else { return nil }
                seen |= bit
                skipSpace()
                guard at < bytes.count else { return nil }
                if bytes[at] == 0x2C { at += 1; continue }
                if bytes[at] == 0x7D { at += 1; break }
                return nil
            }
            skipSpace()
            guard at == bytes.count, let v, let id, let atTime, let kind else { return nil }
            return JournalLine(v: v, id: id, at: atTime, kind: kind, skill: skill, role: role, level: level, item: item,
                               text: text, note: note, name: name, by: by, mentee: mentee, undo: undo, due: due, entry: entry)
        }

        /// The fields a journal line has (every property of `JournalLine`), by name,
        /// each with its bit in `line()`.
        static let keys: [(name: [UInt8], bit: UInt32)] = [
            ("v", 1), ("id", 2), ("at", 4), ("kind", 8), ("skill", 16), ("role", 32), ("level", 64), ("item", 128),
            ("text", 256), ("note", 512), ("name", 1024), ("by", 2048), ("mentee", 4096), ("undo", 8192), ("due", 16384),
            ("entry", 32768),
        ].map { (Array($0.0.utf8), $0.1) }

        /// The bit of the key at `at`, matched on its bytes (no string is made); nil for
        /// any other key, or one written with an escape.
        mutating func key() -> UInt32? {
            guard at < bytes.count, bytes[at] == 0x22 else { return nil }
            let start = at + 1
            var end = start
            while end < bytes.count, bytes[end] != 0x22 {
                guard bytes[end] != 0x5C else { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            at = end + 1
            let length = end - start
            for key in Self.keys where key.name.count == length {
                var same = true
                for k in 0..<length where bytes[start + k] != key.name[k] { same = false; break }
                if same { return key.bit }
            }
            return nil
        }

        /// A plain non-negative integer of at most 18 digits, no leading zero.
        mutating func integer() -> Int? {
            let start = at
            var value = 0
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
                value = value * 10 + Int(bytes[at] - 0x30)
                at += 1
            }
            let digits = at - start
            guard digits > 0, digits <= 18, !(digits > 1 && bytes[start] == 0x30) else { return nil }
            if at < bytes.count, [0x2E, 0x65, 0x45].contains(bytes[at]) { return nil } // 1.0, 1e3
            return value
        }

        /// A list of strings, `[]` included.
        mutating func strings() -> [String]? {
            guard expect(0x5B) else { return nil }
            var items: [String] = []
            skipSpace()
            if at < bytes.count, bytes[at] == 0x5D { at += 1; return items }
            while true {
                skipSpace()
                guard let item = string() else { return nil }
                items.append(item)
                skipSpace()
                guard at < bytes.count else { return nil }
                if bytes[at] == 0x2C { at += 1; continue }
                if bytes[at] == 0x5D { at += 1; return items }
                return nil
            }
        }

        mutating func boolean() -> Bool? {
            func word(_ letters: [UInt8]) -> Bool {
                guard at + letters.count <= bytes.count else { return false }
                for (k, letter) in letters.enumerated() where bytes[at + k] != letter { return false }
                return true
            }
            if word([0x74, 0x72, 0x75, 0x65]) { at += 4; return true } // true
            if word([0x66, 0x61, 0x6C, 0x73, 0x65]) { at += 5; return false } // false
            return nil
        }

        mutating func string() -> String? {
            guard at < bytes.count, bytes[at] == 0x22 else { return nil }
            at += 1
            let start = at
            var ascii = true
            // The usual case: no escapes.
            while at < bytes.count {
                let byte = bytes[at]
                if byte == 0x22 {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<at])
                    at += 1
                    return ascii ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
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
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    return nil
                }
            }
            return nil
        }

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
}
