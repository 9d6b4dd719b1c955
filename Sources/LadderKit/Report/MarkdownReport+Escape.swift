import CellGrid

/// Text from files made safe for a Markdown report: one line, no control characters,
/// nothing that could open a heading, a list, a link, emphasis or HTML.
extension MarkdownReport {
    /// The day of an ISO time, `YYYY-MM-DD`, made safe.
    static func day(_ moment: String) -> String { escape(String(moment.prefix(10))) }

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
        let characters = Array(safe)
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out.append("\\")
            case "&" where entityFollows(characters, after: index):
                out.append("\\")
            case "#" where index == 0 || index == characters.count - 1:
                out.append("\\")
            case "-" where index == 0, "+" where index == 0, "=" where index == 0:
                out.append("\\")
            case "." where index > 0 && characters[..<index].allSatisfy(\.isASCIIDigit),
                 ")" where index > 0 && characters[..<index].allSatisfy(\.isASCIIDigit):
                out.append("\\")
            default:
                break
            }
            out.append(character)
        }
        return out
    }

    /// False when no character of `text` can be one `escape` escapes, judged by its
    /// bytes (a byte that might start one sends the text down the careful path).
    static func mayNeedEscape(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next() else { return false }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: break
        }
        var last = first
        var byte: UInt8? = first
        while let current = byte {
            switch current {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"):
                return true
            default: break
            }
            last = current
            byte = utf8.next()
        }
        return last == UInt8(ascii: "#")
    }

    /// Whether `&` at `index` starts an entity reference such as `&amp;` or `&#35;`.
    static func entityFollows(_ characters: [Character], after index: Int) -> Bool {
        var end = index + 1
        while end < characters.count, end - index <= 32, characters[end] == "#" || (characters[end].isASCII && (characters[end].isLetter || characters[end].isNumber)) {
            end += 1
        }
        return end > index + 1 && end < characters.count && characters[end] == ";"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
