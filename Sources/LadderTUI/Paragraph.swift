import CellGrid

/// Text wrapped at the screen's width with a hanging indent: the first row starts
/// with a lead (a date, a mark), the rows after it start under the text, so a long
/// note or question is read whole instead of cut at the edge.
enum Paragraph {
    typealias Row = [(String, Style)]

    /// `lead` then `text` in `style`, wrapped in `width` columns; later rows are
    /// indented by `hang` columns (the lead's width unless given; at most half the width).
    static func rows(_ lead: Row, _ text: String, _ style: Style, width: Int, hang: Int? = nil) -> [Row] {
        let leadWidth = lead.reduce(0) { $0 + TextWidth.of($1.0) }
        let indent = min(hang ?? leadWidth, max(0, width / 2))
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        guard width > leadWidth, !words.isEmpty else {
            return [lead + [(words, style)]]
        }
        let first = TextWidth.wrap(words, to: width - leadWidth).first ?? ""
        var rows: [Row] = [lead + [(first, style)]]
        let rest = words.dropFirst(first.count).drop(while: { $0 == " " })
        guard !rest.isEmpty else { return rows }
        let pad = String(repeating: " ", count: indent)
        for line in TextWidth.wrap(String(rest), to: max(1, width - indent)) {
            rows.append([(pad, .plain), (line, style)])
        }
        return rows
    }

    /// Plain text with no lead, every row indented by `indent` columns.
    static func rows(_ text: String, _ style: Style, width: Int, indent: Int = 0) -> [Row] {
        rows([(String(repeating: " ", count: indent), .plain)], text, style, width: width)
    }
}
