import CellGrid

/// Text from files made safe for a Markdown report: one line, no control characters,
/// nothing that could open a heading, a list, a link, emphasis or HTML.
extension MarkdownReport {
    /// The day of an ISO time, `YYYY-MM-DD`, made safe.
    static func day(_ moment: String) -> String {
        // Digits and dashes from a digit on, then nothing that could join the tenth
        // character (an ASCII byte or the end): what a journal time starts with, and
        // nothing `escape` would change.
        let plain = moment.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= 10 && bytes[0].isASCIIDigit && bytes[..<10].allSatisfy { $0.isASCIIDigit || $0 == UInt8(ascii: "-") }
                && (bytes.count == 10 || bytes[10] < 0x80)
        }
        return plain == true ? String(decoding: moment.utf8.prefix(10), as: UTF8.self) : escape(String(moment.prefix(10)))
    }

    /// An id as inline code, or escaped text when it holds a backtick.
    static func code(_ id: String) -> String {
        let safe = Safe.text(id)
        return safe.contains("`") || safe.isEmpty ? escape(safe) : "`\(safe)`"
    }

    /// `Safe.text`, then a backslash before every character that could change the
    /// Markdown's structure: emphasis, code, links, HTML, tables, strikethrough,
    /// entity references, and at the start (or end) a heading, quote or list marker.
    public static func escape(_ text: String) -> String {
        let safe = Safe.text(text)
        if !mayNeedEscape(safe) { return safe } // most text: no character below can match
        var out: [UInt8] = []
        out.reserveCapacity(safe.utf8.count + 8)
        // Text all ASCII is read byte by byte: each byte is a character of its own (`Safe.text`
        // leaves no CR LF pair). Other text character by character, as `==` compares them.
        let asASCII = safe.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            escape(bytes, into: &out)
            return true
        }
        if asASCII != true { escape(Array(safe), into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `units` to `out`, a backslash before each one that needs it.
    static func escape<Units: RandomAccessCollection>(_ units: Units, into out: inout [UInt8])
    where Units.Element: MarkdownUnit, Units.Index == Int {
        var digitsBefore = true // every unit before this one is an ASCII digit
        for index in units.indices {
            let unit = units[index]
            if needsBackslash(unit, at: index, in: units, digitsBefore: digitsBefore) { out.append(UInt8(ascii: "\\")) }
            unit.write(to: &out)
            digitsBefore = digitsBefore && unit.isASCIIDigit
        }
    }

    static func needsBackslash<Units: RandomAccessCollection>(_ unit: Units.Element, at index: Int, in units: Units,
                                                              digitsBefore: Bool) -> Bool
    where Units.Element: MarkdownUnit, Units.Index == Int {
        if unit.isASCIIAlphanumeric || unit.matches(" ") { return false } // most of any text
        for special in alwaysEscaped where unit.matches(special) { return true }
        if unit.matches("&") { return entityFollows(units, after: index) }
        if unit.matches("#") { return index == units.startIndex || index == units.endIndex - 1 }
        if unit.matches("-") || unit.matches("+") || unit.matches("=") { return index == units.startIndex }
        if unit.matches(".") || unit.matches(")") { return index > units.startIndex && digitsBefore }
        return false
    }

    /// Escaped wherever they are: emphasis, code, links, HTML, tables, strikethrough.
    static let alwaysEscaped: [Unicode.Scalar] = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~"]

    /// False when no character of `text` can be one `escape` escapes, judged by its
    /// bytes (a byte that might start one sends the text down the careful path).
    static func mayNeedEscape(_ text: String) -> Bool {
        text.withBytes(mayNeedEscape)
    }

    private static func mayNeedEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: break
        }
        if last == UInt8(ascii: "#") { return true }
        return bytes.contains { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"):
                return true
            default: return false
            }
        }
    }

    /// Whether `&` at `index` starts an entity reference such as `&amp;` or `&#35;`.
    static func entityFollows<Units: RandomAccessCollection>(_ units: Units, after index: Int) -> Bool
    where Units.Element: MarkdownUnit, Units.Index == Int {
        var end = index + 1
        while end < units.endIndex, end - index <= 32, units[end].matches("#") || units[end].isASCIIAlphanumeric {
            end += 1
        }
        return end > index + 1 && end < units.endIndex && units[end].matches(";")
    }
}

/// What `MarkdownReport.escape` reads text as: its bytes when it is all ASCII, its
/// characters otherwise.
protocol MarkdownUnit {
    /// Whether it is this ASCII character (for a character: equal to it, as `==` has it).
    func matches(_ ascii: Unicode.Scalar) -> Bool
    var isASCIIDigit: Bool { get }
    /// An ASCII letter or digit.
    var isASCIIAlphanumeric: Bool { get }
    func write(to out: inout [UInt8])
}

extension UInt8: MarkdownUnit {
    func matches(_ ascii: Unicode.Scalar) -> Bool { UInt32(self) == ascii.value }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || ((self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z")) }
    func write(to out: inout [UInt8]) { out.append(self) }
}

extension Character: MarkdownUnit {
    func matches(_ ascii: Unicode.Scalar) -> Bool { self == Character(ascii) }
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
    func write(to out: inout [UInt8]) { out.append(contentsOf: utf8) }
}
