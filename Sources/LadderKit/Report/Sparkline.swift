import Foundation

/// A one-line chart of percentages: `▁▂▃▅▇` (or ASCII `.:-=+*#@` where the
/// terminal cannot show Unicode). Only 0% draws the lowest mark and only 100%
/// the highest, so a little progress shows and "complete" is unmistakable.
public enum Sparkline {
    public static let unicodeMarks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let asciiMarks: [Character] = [".", ":", "-", "=", "+", "*", "#", "@"]

    public static func render(_ percents: [Int], unicode: Bool = true) -> String {
        let marks = unicode ? unicodeMarks : asciiMarks
        return String(percents.map { percent in
            let clamped = min(100, max(0, percent))
            return marks[clamped == 0 ? 0 : 1 + (clamped - 1) * (marks.count - 2) / 99]
        })
    }

    /// Whether the locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) encodes text as UTF-8.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
