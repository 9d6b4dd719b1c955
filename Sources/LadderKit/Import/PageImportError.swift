import CellGrid

/// Why a skill page could not be imported, with where: `file:line: message`, and
/// a hint line that says what to do when the user can do something.
///
/// Text quoted from the page is made safe to print and cut short.
public struct PageImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The page as the user named it (`<stdin>` for standard input).
    public var file: String
    /// 1-based line of the page; 0 when the problem is about the whole page.
    public var line: Int
    /// 1-based column (of a spreadsheet's field); 0 when the line is enough.
    public var column: Int
    public var message: String
    /// What the user can do about it, if anything.
    public var hint: String?

    public init(file: String, line: Int = 0, column: Int = 0, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line: message` (or `file:line:column: message`) alone.
    public var headline: String {
        let place = line > 0 ? ":\(line)" + (column > 0 ? ":\(column)" : "") : ""
        return Safe.text("\(file)\(place): \(message)")
    }

    /// The headline, then the hint on its own line.
    public var description: String {
        guard let hint else { return headline }
        return headline + "\n  " + Safe.text(hint)
    }
}
