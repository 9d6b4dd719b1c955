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
            var parser = JSONScanner(bytes: buffer)
            return parser.line()
        }
    }
}

private extension JSONScanner {
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
    static let journalKeys: [(name: [UInt8], bit: UInt32)] = [
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
        for key in Self.journalKeys where key.name.count == length {
            var same = true
            for k in 0..<length where bytes[start + k] != key.name[k] { same = false; break }
            if same { return key.bit }
        }
        return nil
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
}
