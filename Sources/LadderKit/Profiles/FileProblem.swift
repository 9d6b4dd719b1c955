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

    public init(file: String, line: Int = 0, column: Int = 0, message: String, excerpt: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
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
        let indent = String(repeating: " ", count: before.unicodeScalars.reduce(0) { $0 + Self.columns($1) })
        return "\(headline)\n  \(shown)\n  \(indent)^"
    }

    /// Terminal columns of a scalar: 0 for combining marks, 2 for East Asian wide
    /// characters and emoji, else 1. Enough to place a caret.
    static func columns(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
