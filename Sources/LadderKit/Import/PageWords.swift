/// White space handling shared by the importer's files.
enum PageWords {
    /// The text without white space (including no-break spaces) at either end.
    static func trim(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// Words separated by runs of white space.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Runs of white space folded to single spaces, none at the ends.
    static func fold(_ text: String) -> String {
        split(text).joined(separator: " ")
    }
}
