/// The names of a page's levels, lowest first.
///
/// The page gives only the first and last ("from Junior to Principal") and the
/// count; the names between come from `--levels`, or, for the usual five levels
/// from Junior to Principal, are Junior, Middle, Senior, Lead, Principal. Two
/// levels need nothing more than the page.
public enum LevelNames {
    /// The usual five levels.
    public static let standardFive = ["Junior", "Middle", "Senior", "Lead", "Principal"]
    static let maxLength = 100

    /// `--levels "A, B, C"` as a list of names.
    public static func split(_ option: String) -> [String] {
        option.split(separator: ",", omittingEmptySubsequences: false).map { PageWords.fold(String($0)) }
    }

    static func resolve(given: [String]?, header: PageHeader, file: String) throws(PageImportError) -> [String] {
        let count = header.levelCount.value
        let range = header.levelRange
        let example = "--levels \"\(range?.value.first ?? "Junior"),…,\(range?.value.last ?? "Principal")\" with \(count) names"
        guard let given else {
            guard let range else {
                throw PageImportError(file: file, line: header.levelCount.line,
                                      message: "the page does not say what its \(count) levels are called (no 'from FIRST to LAST' line above the table)",
                                      hint: "pass the level names, lowest first: \(example)")
            }
            let (first, last) = (range.value.first, range.value.last)
            if count == 5, first.lowercased() == "junior", last.lowercased() == "principal" {
                return [first] + standardFive[1...3] + [last]
            }
            if count == 2, first.lowercased() != last.lowercased() { return [first, last] }
            if count == 1, first.lowercased() == last.lowercased() { return [first] }
            if count > 2 {
                throw PageImportError(file: file, line: range.line,
                                      message: "the page names only its first and last levels (\(Quote.page(first, limit: 24)) and \(Quote.page(last, limit: 24))) of \(count) (line \(header.levelCount.line))",
                                      hint: "pass the level names, lowest first: \(example)")
            }
            throw PageImportError(file: file, line: range.line,
                                  message: "the page goes from \(Quote.page(first, limit: 24)) to \(Quote.page(last, limit: 24)), which does not fit its \(count) level\(count == 1 ? "" : "s") (line \(header.levelCount.line))",
                                  hint: "pass the level names, lowest first: --levels with \(count) name\(count == 1 ? "" : "s")")
        }
        if let index = given.firstIndex(where: \.isEmpty) {
            throw PageImportError(file: file, message: "--levels has an empty name (#\(index + 1)); pass names separated by commas, e.g. \(example)")
        }
        if let long = given.first(where: { $0.count > maxLength }) {
            throw PageImportError(file: file, message: "--levels has a name of \(long.count) characters; at most \(maxLength) allowed")
        }
        var seen = Set<String>()
        for name in given where !seen.insert(name.lowercased()).inserted {
            throw PageImportError(file: file, message: "--levels names \(Quote.page(name, limit: 24)) twice")
        }
        guard given.count == count else {
            throw PageImportError(file: file, line: header.levelCount.line,
                                  message: "--levels names \(given.count) level\(given.count == 1 ? "" : "s"), but the page says Levels \(count)",
                                  hint: "pass exactly \(count) names, lowest first: \(example)")
        }
        if let range, let first = given.first, let last = given.last {
            if first.lowercased() != range.value.first.lowercased() || last.lowercased() != range.value.last.lowercased() {
                throw PageImportError(file: file, line: range.line,
                                      message: "--levels goes from \(Quote.page(first, limit: 24)) to \(Quote.page(last, limit: 24)), but the page goes from \(Quote.page(range.value.first, limit: 24)) to \(Quote.page(range.value.last, limit: 24))",
                                      hint: "start --levels with the page's first level and end it with its last")
            }
            return [range.value.first] + given.dropFirst().dropLast() + (count > 1 ? [range.value.last] : [])
        }
        return given
    }
}
