import CellGrid

/// A problem found in a file Ladder reads, with where it is, reported as
/// `file:line:column: message`, then the offending line and a caret under the column.
public struct FileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    public var message: String
    /// The text of the offending line, if known (already made safe to print).
    public var excerpt: String?
    /// Set when the file is a profile from a newer Ladder: listed, never opened.
    public var newer: NewerSchema?

    public init(file: String, line: Int = 0, column: Int = 0, message: String, excerpt: String? = nil,
                newer: NewerSchema? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
        self.newer = newer
    }

    /// Builds a problem whose excerpt is the given line of `source`.
    public init(file: String, line: Int, column: Int, message: String, source: String) {
        var excerpt: String?
        if line > 0 {
            var current = 1
            // By scalars: split on Character would keep "\r\n" (one Character) whole.
            for text in source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
                if current == line { excerpt = String(String.UnicodeScalarView(text.prefix(200))); break }
                current += 1
            }
        }
        self.init(file: file, line: line, column: column, message: message, excerpt: excerpt)
    }

    /// `file:line:column: message` alone.
    public var headline: String {
        let place = line > 0 ? ":\(line)" + (column > 0 ? ":\(column)" : "") : ""
        return Safe.text("\(file)\(place): \(message)")
    }

    /// The headline, the offending line and a caret under the column (columns count
    /// Unicode scalars, as libyaml does; the caret allows for wide characters).
    public var description: String {
        guard let excerpt, line > 0 else { return headline }
        var clean = excerpt
        if clean.unicodeScalars.last == "\r" { clean.unicodeScalars.removeLast() } // CRLF
        let shown = Safe.text(clean)
        let before = Safe.text(String(String.UnicodeScalarView(clean.unicodeScalars.prefix(max(0, column - 1)))))
        let indent = String(repeating: " ", count: TextWidth.of(before))
        return "\(headline)\n  \(shown)\n  \(indent)^"
    }
}
