import CellGrid
import Foundation

/// JSON for scripts, as `JSONEncoder` writes it with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes` (byte for byte: scripts may compare it), but written
/// as it is made: a value's members are encoded when they are written, so nothing
/// but the value itself is held, and the text goes out 64 KB at a time.
///
/// Text from files stays exact, with anything that could act on a terminal (DEL, C1
/// controls, line and paragraph separators, bidi and other invisible format
/// characters, as `Safe.text` would alter them) written as a `\uXXXX` escape.
public enum PrettyJSON {
    /// How property names become keys; a dictionary's own keys are kept as they are.
    public enum Keys: Sendable {
        /// As the type spells them (`nextLevel`).
        case asWritten
        /// snake_case, as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` makes them (`next_level`).
        case snakeCase
    }

    /// Writes `value` and a newline to `output`.
    public static func write<T: Encodable>(_ value: T, keys: Keys, to output: inout TextOutput) throws {
        try writeValue(value, keys: keys, to: &output)
        output.bytes.append(0x0A)
        output.sendIfFull()
    }

    /// `value` as text, without the newline `write` ends with.
    public static func string<T: Encodable>(_ value: T, keys: Keys) throws -> String {
        var output = TextOutput()
        try writeValue(value, keys: keys, to: &output)
        return output.text
    }

    private static func writeValue<T: Encodable>(_ value: T, keys: Keys, to output: inout TextOutput) throws {
        let context = Context(keys: keys)
        try context.write(context.item(value), indent: 0, to: &output)
    }

    /// `key` in snake_case, as `JSONEncoder` makes it: a word starts at each capital,
    /// and a run of capitals is one word up to the capital before a lowercase letter
    /// (`myURLValue` → `my_url_value`).
    static func snakeCase(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        guard !scalars.isEmpty else { return key }
        func isUpper(_ i: Int) -> Bool {
            let category = scalars[i].properties.generalCategory
            return category == .uppercaseLetter || category == .titlecaseLetter
        }
        func isLower(_ i: Int) -> Bool { scalars[i].properties.generalCategory == .lowercaseLetter }
        var words: [Range<Int>] = []
        var wordStart = 0
        var search = 1..<scalars.count
        while let upper = search.first(where: isUpper) {
            words.append(wordStart..<upper)
            search = upper..<search.upperBound
            guard let lower = search.first(where: isLower) else {
                wordStart = search.lowerBound
                break
            }
            if lower == upper + 1 {
                wordStart = upper // a capitalised word
            } else {
                words.append(upper..<lower - 1) // a run of capitals, up to the one the next word starts with
                wordStart = lower - 1
            }
            search = lower + 1..<search.upperBound
        }
        words.append(wordStart..<search.upperBound)
        return words.map { String(String.UnicodeScalarView(scalars[$0])).lowercased() }.joined(separator: "_")
    }
}

/// A value as it will be written: a scalar, a container whose members were recorded,
/// or a value not encoded yet.
enum JSONItem {
    case string(String)
    case int(Int64)
    case unsigned(UInt64)
    case bool(Bool)
    case null
    /// Text `JSONEncoder` wrote (a floating-point number, a `Date`, `URL` or `Data`).
    case encoded([UInt8])
    /// Encoded when it is written.
    case value(any Encodable)
    case object(JSONObject)
    case array(JSONArray)
    /// What a `superEncoder` was given.
    case encoder(JSONNodeEncoder)
}

final class JSONObject {
    struct Member {
        var key: String
        var item: JSONItem
    }

    var members: [Member] = []
}

final class JSONArray {
    var items: [JSONItem] = []
}

/// A dictionary keyed by strings: its keys are data, written as they are.
protocol StringKeyedDictionary {}
extension Dictionary: StringKeyedDictionary where Key == String {}

extension PrettyJSON {
    /// What every container of one `write` shares: how keys are spelt, and the keys spelt so far.
    final class Context {
        let snakeCase: Bool
        private var spelt: [String: String] = [:]
        /// An encoder for each depth, used again for each value written there.
        private var encoders: [JSONNodeEncoder] = []
        private var lastType: (id: ObjectIdentifier, isDictionary: Bool)?

        init(keys: Keys) { snakeCase = keys == .snakeCase }

        /// How `key` is written; `asData` for a dictionary's own keys.
        func key(_ key: String, asData: Bool) -> String {
            guard snakeCase, !asData else { return key }
            var key = key
            let plain = key.withUTF8 { bytes in !bytes.contains { $0 &- 0x41 < 26 || $0 >= 0x80 } } // no capital, nothing beyond ASCII
            if plain { return key }
            if let known = spelt[key] { return known }
            let converted = PrettyJSON.snakeCase(key)
            spelt[key] = converted
            return converted
        }

        /// `value` ready to write: a scalar at once, anything else when it is written.
        /// (Told by its type, which is cheaper than a cast.)
        func item<T: Encodable>(_ value: T) throws -> JSONItem {
            if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
            if T.self == Int.self { return .int(Int64(unsafeBitCast(value, to: Int.self))) }
            if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
            if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == URL.self
                || T.self == Data.self || T.self == Decimal.self {
                return try Self.encoded(value)
            }
            return .value(value)
        }

        /// `value` as `JSONEncoder` writes it alone.
        static func encoded<T: Encodable>(_ value: T) throws -> JSONItem {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return .encoded(Array(try encoder.encode(value)))
        }

        func write(_ item: JSONItem, indent: Int, to out: inout TextOutput) throws {
            switch item {
            case .string(let text): Self.write(text, to: &out)
            case .int(let number): out.write(String(number))
            case .unsigned(let number): out.write(String(number))
            case .bool(let flag): out.write(flag ? "true" : "false")
            case .null: out.write("null")
            case .encoded(let bytes): Self.write(escaping: bytes, to: &out)
            case .value(let value):
                let encoder = encoder(at: indent / 2, keysAreData: isStringKeyedDictionary(type(of: value)))
                try value.encode(to: encoder)
                try write(encoder.result, indent: indent, to: &out)
            case .encoder(let encoder): try write(encoder.result, indent: indent, to: &out)
            case .object(let object): try write(object, indent: indent, to: &out)
            case .array(let array):
                try writeContainer(open: 0x5B, close: 0x5D, count: array.items.count, indent: indent, to: &out) { index, out in
                    try write(array.items[index], indent: indent + 2, to: &out)
                }
            }
        }

        /// Whether values of `type` are dictionaries keyed by strings; the last answer is
        /// kept, as a list's values are mostly of one type (a conformance check costs
        /// more than writing a short value).
        private func isStringKeyedDictionary(_ type: any Encodable.Type) -> Bool {
            let id = ObjectIdentifier(type)
            if let last = lastType, last.id == id { return last.isDictionary }
            let isDictionary = type is StringKeyedDictionary.Type
            lastType = (id, isDictionary)
            return isDictionary
        }

        /// An encoder for a value written at `depth`, ready to use again: a value's
        /// members are written before the next value at its depth is encoded.
        private func encoder(at depth: Int, keysAreData: Bool) -> JSONNodeEncoder {
            while encoders.count <= depth { encoders.append(JSONNodeEncoder(context: self)) }
            let encoder = encoders[depth]
            encoder.reset(keysAreData: keysAreData)
            return encoder
        }

        /// Members in the order of their keys' bytes; of a key given twice, the last.
        private func write(_ object: JSONObject, indent: Int, to out: inout TextOutput) throws {
            let members = object.members
            var order = Array(members.indices)
            order.sort { a, b in members[a].key == members[b].key ? a < b : members[a].key < members[b].key }
            order = order.indices.compactMap { at in
                at + 1 < order.count && members[order[at + 1]].key == members[order[at]].key ? nil : order[at]
            }
            try writeContainer(open: 0x7B, close: 0x7D, count: order.count, indent: indent, to: &out) { index, out in
                let member = members[order[index]]
                Self.write(member.key, to: &out)
                out.write(" : ")
                try write(member.item, indent: indent + 2, to: &out)
            }
        }

        /// `[` or `{`, each element on a line of its own indented two more, and the close
        /// on a line at `indent`; an empty one has a blank line inside.
        private func writeContainer(open: UInt8, close: UInt8, count: Int, indent: Int, to out: inout TextOutput,
                                    element: (Int, inout TextOutput) throws -> Void) throws {
            out.bytes.append(open)
            out.bytes.append(0x0A)
            for index in 0..<count {
                if index > 0 { out.bytes.append(0x2C); out.bytes.append(0x0A) }
                Self.indent(indent + 2, to: &out)
                try element(index, &out)
                out.sendIfFull()
            }
            out.bytes.append(0x0A)
            Self.indent(indent, to: &out)
            out.bytes.append(close)
        }

        private static let spaces = [UInt8](repeating: 0x20, count: 64)

        private static func indent(_ count: Int, to out: inout TextOutput) {
            var left = count
            while left > 0 {
                let now = min(left, spaces.count)
                out.bytes.append(contentsOf: spaces[0..<now])
                left -= now
            }
        }

        /// A JSON string: `"` and `\` escaped, controls as `JSONEncoder` escapes them,
        /// and what `Safe.jsonEscapes` names as `\uXXXX`. Runs of plain bytes are
        /// copied whole (eight at a time while they are printable ASCII).
        static func write(_ text: String, to out: inout TextOutput) {
            var text = text
            out.bytes.append(0x22)
            text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                let raw = UnsafeRawPointer(base), count = bytes.count
                var (plainFrom, at) = (0, 0)
                func copyPlain(upTo end: Int) { out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<end])) }
                while at < count {
                    while at + 8 <= count, isPlain(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) { at += 8 }
                    guard at < count else { break }
                    let byte = bytes[at]
                    if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                        at += 1
                    } else if byte < 0x80 {
                        copyPlain(upTo: at)
                        write(Unicode.Scalar(byte), to: &out)
                        at += 1
                        plainFrom = at
                    } else {
                        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2 // the text is valid UTF-8
                        var value = UInt32(byte) & (0x7F >> length)
                        for next in at + 1..<min(at + length, count) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
                        if let scalar = Unicode.Scalar(value), Safe.jsonEscapes(scalar) {
                            copyPlain(upTo: at)
                            escape(scalar, to: &out)
                            plainFrom = at + length
                        }
                        at += length
                    }
                }
                copyPlain(upTo: min(at, count))
            }
            out.bytes.append(0x22)
        }

        /// True when each of the eight bytes is printable ASCII (DEL is not) other than `"` and `\`.
        @inline(__always)
        private static func isPlain(_ word: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            return JSONScanner.isPlain(word) && (word ^ (ones &* 0x7F) &- ones) & ~(word ^ (ones &* 0x7F)) & highs == 0
        }

        /// Text `JSONEncoder` wrote, with what `Safe.jsonEscapes` names escaped.
        static func write(escaping bytes: [UInt8], to out: inout TextOutput) {
            guard bytes.contains(where: { $0 >= 0x7F }) else { return out.bytes.append(contentsOf: bytes) }
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                if Safe.jsonEscapes(scalar) { escape(scalar, to: &out) } else { out.bytes.append(contentsOf: String(scalar).utf8) }
            }
        }

        /// An ASCII character that is not plain in a JSON string.
        private static func write(_ scalar: Unicode.Scalar, to out: inout TextOutput) {
            switch scalar.value {
            case 0x22: out.write("\\\"")
            case 0x5C: out.write("\\\\")
            case 0x08: out.write("\\b")
            case 0x0C: out.write("\\f")
            case 0x0A: out.write("\\n")
            case 0x0D: out.write("\\r")
            case 0x09: out.write("\\t")
            case 0..<0x20: escape(scalar, to: &out)
            case 0x7F: escape(scalar, to: &out)
            default: out.bytes.append(UInt8(scalar.value))
            }
        }

        /// `\uXXXX` for each UTF-16 unit, in lowercase hex.
        private static func escape(_ scalar: Unicode.Scalar, to out: inout TextOutput) {
            for unit in String(scalar).utf16 {
                out.write("\\u")
                for shift in stride(from: 12, through: 0, by: -4) { out.bytes.append(hexDigits[Int(unit >> UInt16(shift)) & 0xF]) }
            }
        }

        private static let hexDigits = Array("0123456789abcdef".utf8)
    }
}
