/// Reads the flat JSON object of a journal line (`JournalLine`) without going
/// through `JSONDecoder`: string, boolean and integer values and the `undo` list of
/// strings, every string escape including `\u` surrogate pairs. Anything unusual — a
/// key `JournalLine` does not have, another type, `null`, a nested value, a number
/// that is not a plain integer, a repeated key, invalid UTF-8, a control character
/// in a string, a missing field — gives nil, and the
/// caller decodes the line with `JSONDecoder`, which says what is wrong. So a line
/// this reads is read exactly as `JSONDecoder` reads it, only several times faster.
///
/// The words lines repeat (skill, role, level, item, the expectation's words, a
/// reviewer) are kept in `words` across lines (`RepeatedWords`); a note, an id or a
/// time is made afresh.
enum JournalLineDecoder {
    static func decode(_ bytes: ArraySlice<UInt8>) -> JournalLine? {
        var words: RepeatedWords? = nil
        return decode(bytes, words: &words)
    }

    static func decode(_ bytes: ArraySlice<UInt8>, words: inout RepeatedWords?) -> JournalLine? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONScanner(bytes: buffer)
            return parser.line(words: &words)
        }
    }

    /// The event a line holds, read as `decode` reads it (not through `decode`: the
    /// line it hands out was copied once more per line).
    static func event(_ bytes: ArraySlice<UInt8>, words: inout RepeatedWords?) -> JournalEvent? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONScanner(bytes: buffer)
            guard let line = parser.line(words: &words) else { return nil }
            return JournalEvent(line: line)
        }
    }
}

private extension JSONScanner {
    mutating func line(words: inout RepeatedWords?) -> JournalLine? {
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
            case 16: guard let value = string(keptIn: &words) else { return nil }; skill = value
            case 32: guard let value = string(keptIn: &words) else { return nil }; role = value
            case 64: guard let value = string(keptIn: &words) else { return nil }; level = value
            case 128: guard let value = string(keptIn: &words) else { return nil }; item = value
            case 256: guard let value = string(keptIn: &words) else { return nil }; text = value
            case 512: guard let value = string() else { return nil }; note = value
            case 1024: guard let value = string(keptIn: &words) else { return nil }; name = value
            case 2048: guard let value = string(keptIn: &words) else { return nil }; by = value
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

    /// The bit in `line()` of the key at `at` (every property of `JournalLine` has
    /// one), matched on its bytes (no string is made); nil for any other key, or one
    /// written with an escape.
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
        guard length > 0 else { return nil }
        // The one key this length and these first bytes can be, then checked whole
        // (a search of the sixteen was a twentieth of reading a long journal).
        let second = length > 1 ? bytes[start + 1] : 0
        let candidate: (name: StaticString, bit: UInt32)? = switch (length, bytes[start], second) {
        case (1, UInt8(ascii: "v"), _): ("v", 1)
        case (2, UInt8(ascii: "i"), _): ("id", 2)
        case (2, UInt8(ascii: "a"), _): ("at", 4)
        case (2, UInt8(ascii: "b"), _): ("by", 2048)
        case (3, _, _): ("due", 16384)
        case (4, UInt8(ascii: "k"), _): ("kind", 8)
        case (4, UInt8(ascii: "r"), _): ("role", 32)
        case (4, UInt8(ascii: "i"), _): ("item", 128)
        case (4, UInt8(ascii: "t"), _): ("text", 256)
        case (4, UInt8(ascii: "n"), UInt8(ascii: "o")): ("note", 512)
        case (4, UInt8(ascii: "n"), _): ("name", 1024)
        case (4, UInt8(ascii: "u"), _): ("undo", 8192)
        case (5, UInt8(ascii: "s"), _): ("skill", 16)
        case (5, UInt8(ascii: "l"), _): ("level", 64)
        case (5, UInt8(ascii: "e"), _): ("entry", 32768)
        case (6, _, _): ("mentee", 4096)
        default: nil
        }
        guard let candidate else { return nil }
        let same = candidate.name.withUTF8Buffer { name in
            name.count == length && (0..<length).allSatisfy { bytes[start + $0] == name[$0] }
        }
        return same ? candidate.bit : nil
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
