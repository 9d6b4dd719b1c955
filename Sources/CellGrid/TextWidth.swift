/// How many terminal columns text takes, grapheme by grapheme, the way terminals
/// and glibc's `wcwidth` count them: East Asian wide and full-width characters and
/// emoji take two, combining marks and zero-width characters none, the rest one.
public enum TextWidth {
    public static func of(_ grapheme: Character) -> Int {
        if grapheme.isASCII { return grapheme.asciiValue.map { $0 >= 0x20 && $0 != 0x7F ? 1 : 0 } ?? 1 }
        var width = 0
        for scalar in grapheme.unicodeScalars {
            width = max(width, of(scalar))
        }
        return width
    }

    public static func of(_ text: String) -> Int {
        printableASCII(text) ? text.utf8.count : text.reduce(0) { $0 + of($1) }
    }

    /// Every byte a printable ASCII character: one column each, no grapheme breaking
    /// needed (most names and sentences; several times faster to measure).
    public static func printableASCII(_ text: String) -> Bool {
        // A native string's bytes read in place: several times faster than through its iterator.
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(printableASCII) } ?? text.utf8.allSatisfy(printableASCII)
    }

    /// A printable ASCII character: a space, a letter, a digit or a mark.
    public static func printableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        if isWide(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// `text` cut to at most `columns` columns, with `…` when anything was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        var out = ""
        var used = 0
        for grapheme in text {
            let w = of(grapheme)
            if used + w > columns - 1 { break }
            out.append(grapheme)
            used += w
        }
        return out + "…"
    }

    /// Splits text into lines of at most `columns` columns, breaking at spaces where it can.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        if printableASCII(text) {
            var text = text
            return text.withUTF8 { wrapASCII($0, to: columns) }
        }
        return wrapGraphemes(text, to: columns)
    }

    /// `wrap` for text of printable ASCII: the same lines, worked out on bytes (a
    /// column a byte), as most text is; several times faster than by grapheme.
    static func wrapASCII(_ bytes: UnsafeBufferPointer<UInt8>, to columns: Int) -> [String] {
        let space = UInt8(ascii: " ")
        var lines: [String] = []
        var line: [UInt8] = []
        line.reserveCapacity(columns)
        var index = 0
        while index < bytes.count {
            guard bytes[index] != space else {
                index += 1
                continue
            }
            var start = index
            while index < bytes.count && bytes[index] != space { index += 1 }
            if !line.isEmpty && line.count + 1 + index - start <= columns {
                line.append(space)
                line.append(contentsOf: bytes[start..<index])
                continue
            }
            if !line.isEmpty {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
            }
            while index - start > columns { // a word longer than the line: hard break
                lines.append(String(decoding: bytes[start..<start + columns], as: UTF8.self))
                start += columns
            }
            line.append(contentsOf: bytes[start..<index])
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    /// `wrap` for any text: words of graphemes, each as wide as the terminal draws it.
    static func wrapGraphemes(_ text: String, to columns: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = of(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= columns {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            while wordWidth > columns { // a word longer than the line: hard break
                var head = "", used = 0
                while let g = word.first, used + of(g) <= columns { head.append(g); used += of(g); word.removeFirst() }
                if head.isEmpty { word.removeFirst(); continue }
                lines.append(head)
                wordWidth = of(word)
            }
            line = word
            lineWidth = wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
