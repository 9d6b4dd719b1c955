/// Keeps a spreadsheet from running text as a formula: a cell that starts with `=`,
/// `+`, `-` or `@` (OWASP's CSV injection) is written with a `'` before it, which
/// spreadsheet programs show as text; reading takes that `'` off again. A text that
/// itself starts with `'` and one of those (or a second `'`) gets one too, so every
/// text reads back exactly as it was written.
public enum CSVFormula {
    static let triggers: Set<Character> = ["=", "+", "-", "@"]

    /// The text as written to a cell.
    public static func protect(_ text: String) -> String {
        guard let first = text.first else { return text }
        if triggers.contains(first) { return "'" + text }
        if first == "'", let second = text.dropFirst().first, triggers.contains(second) || second == "'" { return "'" + text }
        return text
    }

    /// The text a cell written by `protect` stands for.
    public static func unprotect(_ text: String) -> String {
        guard text.first == "'", let second = text.dropFirst().first, triggers.contains(second) || second == "'" else { return text }
        return String(text.dropFirst())
    }
}
