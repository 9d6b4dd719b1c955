/// Works out each role's name from the table's rows, where nothing marks where a
/// name ends: "Cloud Engineer Required Understands …".
///
/// The same role starts the same row of every level block. The word `Required`
/// right after the name marks a Required cell, so a role Required at some levels
/// and not at others is named by the words all its rows share; a role Required at
/// every level is named by the words before `Required`. A role never Required is
/// named by the longest run of leading words all its rows share, unless something
/// shows that the descriptions share leading words too: a description that would
/// start in lower case, with a digit or with `,;:`; a name whose last word starts
/// descriptions elsewhere on the page; a name running past a word that ends a
/// clause; a single level block. Then the page does not decide, and the user
/// names the role with `--role`. Rows whose cells do not share their first words,
/// or where `Required` turns up just after the shared words in one cell, do not
/// line up: refused.
enum RoleNames {
    /// One row of the table across every level block: the cells of one role.
    struct Row {
        struct Cell {
            let line: Int
            let words: [String]
        }

        /// 0-based row position in each block.
        let position: Int
        let cells: [Cell]

        /// The longest number of leading words every cell shares.
        var commonPrefix: Int {
            guard let first = cells.first else { return 0 }
            var count = 0
            while count < first.words.count, cells.allSatisfy({ count < $0.words.count && $0.words[count] == first.words[count] }) {
                count += 1
            }
            return count
        }

        func name(_ wordCount: Int) -> String {
            (cells.first?.words.prefix(wordCount) ?? []).joined(separator: " ")
        }

        /// Whether every cell starts with these words (any case) and has text after them.
        func accepts(_ nameWords: [String]) -> Bool {
            let k = nameWords.count
            return k > 0 && cells.allSatisfy { cell in
                guard cell.words.count > k else { return false }
                if cell.words[k] == RoleNames.flag && cell.words.count == k + 1 { return false }
                return zip(cell.words, nameWords).allSatisfy { $0.lowercased() == $1.lowercased() }
            }
        }
    }

    /// A role as read from its row.
    struct Resolved: Equatable {
        struct Cell: Equatable {
            let line: Int
            let required: Bool
            let description: String
        }

        let name: String
        let line: Int
        let cells: [Cell]
    }

    enum Decision: Equatable {
        /// The name is the first `wordCount` words of the row.
        case decided(wordCount: Int)
        case unclear(candidates: [Int], reason: String)
    }

    static let flag = "Required"
    /// How far after a name a stray `Required` shows that rows do not line up.
    static let alignmentWindow = 3
    static let maxNameLength = 200

    /// The roles of the table's rows, in row order. `given` are the user's `--role`
    /// names: all of them in row order, or some, each matched to the row it starts.
    static func resolve(_ rows: [Row], given: [String], file: String) throws(PageImportError) -> [Resolved] {
        // Rows with Required cells decide themselves; the words their descriptions
        // start with then help to judge the rows that never say Required.
        var decisions: [Decision?] = []
        var starts = Set<String>()
        for row in rows {
            let decision = try decideMarked(row, file: file)
            decisions.append(decision)
            if case .decided(let k)? = decision {
                for cell in row.cells {
                    let start = cell.words[k] == flag ? k + 1 : k
                    if start < cell.words.count { starts.insert(cell.words[start]) }
                }
            }
        }
        // Unmarked rows' own descriptions (after the words each row shares) count too.
        for (row, decision) in zip(rows, decisions) where decision == nil {
            let p = row.commonPrefix
            for cell in row.cells where cell.words.count > p { starts.insert(cell.words[p]) }
        }
        var final: [Decision] = []
        for (row, decision) in zip(rows, decisions) {
            if let decision {
                final.append(decision)
            } else {
                final.append(try decideUnmarked(row, descriptionStarts: starts, file: file))
            }
        }

        let forced = try match(given, to: rows, decisions: final, file: file)
        var unclear: [(Row, [Int], String)] = []
        var counts: [Int] = []
        for (index, row) in rows.enumerated() {
            if let k = forced[index] {
                counts.append(k)
            } else if case .decided(let k) = final[index] {
                counts.append(k)
            } else if case .unclear(let candidates, let reason) = final[index] {
                unclear.append((row, candidates, reason))
                counts.append(0)
            }
        }
        if let (row, candidates, reason) = unclear.first {
            let shown = candidates.prefix(6).map { row.name($0) }
            let more = candidates.count > 6 ? " (or longer)" : ""
            let others = unclear.dropFirst().map { "\($0.0.cells[0].line)" }
            let also = others.isEmpty ? "" : others.count == 1
                ? "; the row at line \(others[0]) is unclear too"
                : "; the rows at lines \(others.joined(separator: ", ")) are unclear too"
            throw PageImportError(
                file: file, line: row.cells[0].line,
                message: "cannot tell where the role name ends in row \(row.position + 1) (\(Quote.page(row.cells[0].words.joined(separator: " ")))): \(reason); the name could be \(Quote.alternatives(shown))\(more)",
                hint: "pass the exact name with --role \"Exact Name\" (repeat it: one for every role in row order, or only the unclear ones\(also))")
        }

        var resolved: [Resolved] = []
        for (row, k) in zip(rows, counts) {
            let name = row.name(k)
            if name.count > maxNameLength {
                throw PageImportError(file: file, line: row.cells[0].line, message: "the role name in row \(row.position + 1) is \(name.count) characters; at most \(maxNameLength) allowed")
            }
            var cells: [Resolved.Cell] = []
            for cell in row.cells {
                let required = cell.words[k] == flag
                let description = cell.words[(required ? k + 1 : k)...].joined(separator: " ")
                cells.append(Resolved.Cell(line: cell.line, required: required, description: description))
            }
            if let earlier = resolved.first(where: { $0.name.lowercased() == name.lowercased() }) {
                throw PageImportError(file: file, line: row.cells[0].line,
                                      message: "rows at lines \(earlier.line) and \(row.cells[0].line) both name the role \(Quote.page(name)); every row of a level block is a different role")
            }
            resolved.append(Resolved(name: name, line: row.cells[0].line, cells: cells))
        }
        return resolved
    }

    /// The decision for a row with a `Required` cell; nil for a row without one.
    static func decideMarked(_ row: Row, file: String) throws(PageImportError) -> Decision? {
        let p = row.commonPrefix
        guard let first = row.cells.first else { return nil }
        if p == 0 {
            let other = row.cells.first(where: { $0.words.first != first.words.first }) ?? first
            throw PageImportError(
                file: file, line: other.line,
                message: "row \(row.position + 1) of each level block should start with the same role name, but line \(first.line) reads \(Quote.page(first.words.joined(separator: " "), limit: 32)) and line \(other.line) reads \(Quote.page(other.words.joined(separator: " "), limit: 32))",
                hint: "every level block must list the same roles in the same order, one a line")
        }
        if let j = first.words.prefix(p).firstIndex(of: flag), !first.words.prefix(j).contains(where: endsClause) {
            // Required in every block: the name is what comes before it.
            if j == 0 {
                throw PageImportError(file: file, line: first.line, message: "row \(row.position + 1) starts with 'Required': the role's name is missing")
            }
            try checkDescriptions(row, after: j, file: file)
            return .decided(wordCount: j)
        }
        let flagged = row.cells.filter { $0.words.count > p && $0.words[p] == flag }
        guard !flagged.isEmpty else { return nil }
        try checkAlignment(row, nameWords: p, file: file)
        try checkDescriptions(row, after: p, file: file)
        return .decided(wordCount: p)
    }

    /// The decision for a row whose cells never say `Required`.
    static func decideUnmarked(_ row: Row, descriptionStarts: Set<String>, file: String) throws(PageImportError) -> Decision {
        let p = row.commonPrefix
        try checkAlignment(row, nameWords: p, file: file)
        if row.cells.count > 1, let bare = row.cells.first(where: { $0.words.count == p }) {
            throw PageImportError(file: file, line: bare.line,
                                  message: "the row for \(Quote.page(row.name(p))) has no description")
        }
        // Names the row could have: leading words it shares (with one block: all
        // but the last), up to the first word that ends in , ; or :
        let limit = row.cells.count > 1 ? p : p - 1
        var candidates: [Int] = []
        for k in 0..<max(0, limit) {
            if endsClause(row.cells[0].words[k]) { break }
            candidates.append(k + 1)
        }
        guard !candidates.isEmpty else {
            throw PageImportError(file: file, line: row.cells[0].line,
                                  message: "row \(row.position + 1) does not start with a role name: \(Quote.page(row.cells[0].words.joined(separator: " ")))")
        }
        if row.cells.count < 2 {
            return .unclear(candidates: candidates, reason: "with one level block there is no other row to compare it with")
        }
        guard candidates.last == p else {
            return .unclear(candidates: candidates, reason: "the words its rows share run into the description")
        }
        guard p > 1 else { return .decided(wordCount: p) } // a name has at least one word
        // A description starts like a sentence: not in lower case, not with a digit
        // or with punctuation that continues one.
        let nextWords = row.cells.map { $0.words[p] }
        if let odd = nextWords.first(where: { word in word.first.map { $0.isLowercase || $0.isNumber || Sentences.continuations.contains($0) } ?? true }) {
            return .unclear(candidates: candidates, reason: "the role is never Required and its descriptions share their first words (one would start with \(Quote.page(odd, limit: 20)))")
        }
        let last = row.cells[0].words[p - 1]
        if descriptionStarts.contains(last) {
            return .unclear(candidates: candidates, reason: "the role is never Required and \(Quote.page(last, limit: 20)), the last word its rows share, starts descriptions elsewhere on the page")
        }
        return .decided(wordCount: p)
    }

    /// A word no role name has inside it: one ending a clause or a sentence.
    static func endsClause(_ word: String) -> Bool {
        guard let end = word.last else { return false }
        if ",;:!?".contains(end) { return true }
        if end == "." {
            let lower = word.lowercased()
            return !Sentences.abbreviations.contains(lower) && !Sentences.isDottedInitials(word)
        }
        return false
    }

    /// Refuses a row whose cells do not line up: a `Required` shortly after the
    /// shared words in one cell means that cell names a different role.
    static func checkAlignment(_ row: Row, nameWords p: Int, file: String) throws(PageImportError) {
        for cell in row.cells where !(cell.words.count > p && cell.words[p] == flag) {
            let window = cell.words.indices.filter { $0 > p && $0 <= p + alignmentWindow }
            if window.contains(where: { cell.words[$0] == flag }) {
                let first = row.cells[0]
                throw PageImportError(
                    file: file, line: cell.line,
                    message: "row \(row.position + 1) of each level block should start with the same role name, but line \(cell.line) reads \(Quote.page(cell.words.joined(separator: " "), limit: 40)) and line \(first.line) reads \(Quote.page(first.words.joined(separator: " "), limit: 40))",
                    hint: "every level block must list the same roles in the same order, one a line")
            }
        }
    }

    static func checkDescriptions(_ row: Row, after k: Int, file: String) throws(PageImportError) {
        for cell in row.cells {
            let start = cell.words.count > k && cell.words[k] == flag ? k + 1 : k
            if start >= cell.words.count {
                throw PageImportError(file: file, line: cell.line, message: "the row for \(Quote.page(row.name(k))) has no description")
            }
        }
    }

    /// Which rows the user's `--role` names go to: row index → name word count.
    static func match(_ given: [String], to rows: [Row], decisions: [Decision], file: String) throws(PageImportError) -> [Int: Int] {
        guard !given.isEmpty else { return [:] }
        let names = given.map { PageWords.split($0) }
        if let empty = given.firstIndex(where: { PageWords.split($0).isEmpty }) {
            throw PageImportError(file: file, message: "--role #\(empty + 1) is empty; pass a role's exact name, e.g. --role \"Cloud Engineer\"")
        }
        if given.count > rows.count {
            throw PageImportError(file: file, message: "--role is given \(given.count) times, but the table has \(rows.count) role\(rows.count == 1 ? "" : "s")")
        }
        var forced: [Int: Int] = [:]
        if given.count == rows.count, zip(rows, names).allSatisfy({ $0.accepts($1) }) {
            for (index, words) in names.enumerated() { forced[index] = words.count }
            return forced
        }
        for (n, words) in names.enumerated() {
            let open = rows.indices.filter { forced[$0] == nil && rows[$0].accepts(words) }
            let same = open.first { if case .decided(let k) = decisions[$0] { return k == words.count } else { return false } }
            let unclear = open.first { if case .unclear = decisions[$0] { return true } else { return false } }
            guard let pick = same ?? unclear else {
                if let row = open.first.map({ rows[$0] }), case .decided(let k) = decisions[row.position] {
                    throw PageImportError(
                        file: file, line: row.cells[0].line,
                        message: "--role \(Quote.page(given[n])) matches row \(row.position + 1), which the page names \(Quote.page(row.name(k)))",
                        hint: "to rename roles the page decides, give every role's name with --role, in row order")
                }
                let rowStarts = rows.prefix(8).map { "\(Quote.page($0.cells[0].words.prefix(4).joined(separator: " "), limit: 40)) (line \($0.cells[0].line))" }
                throw PageImportError(
                    file: file, message: "--role \(Quote.page(given[n])) does not start any remaining row of the table",
                    hint: "the rows start: \(rowStarts.joined(separator: ", "))\(rows.count > 8 ? ", …" : "")")
            }
            forced[pick] = words.count
        }
        return forced
    }
}
