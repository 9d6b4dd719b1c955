import CellGrid

/// "Did you mean …?" for every unknown skill, role, level, person or expectation id:
/// the closest one or two valid choices by case, prefix and edit distance, put
/// before the list of every choice. One function, so every such error reads alike.
public enum Suggestions {
    /// At most this many choices are suggested.
    public static let limit = 2

    /// The closest one or two of `choices` to `query`, best first; empty when none is
    /// close enough to be a likely typo. Case-insensitive; a choice that starts with
    /// the query (or the query with it) counts as close, as does one within an edit
    /// distance of a third of the query's length (at least 1, at most 3).
    public static func closest(to query: String, among choices: [String]) -> [String] {
        Array(ranked(query, choices).prefix(limit))
    }

    /// As `closest(to:among:)`, also matching other spellings of a choice (ids of
    /// named things): `aliases` are pairs of a spelling and the choice it stands for.
    public static func closest(to query: String, among choices: [String], aliases: [(String, String)]) -> [String] {
        let stands = choices + aliases.map(\.1)
        var seen = Set<String>()
        let found = ranked(query, choices + aliases.map(\.0), indexes: true).map { stands[Int($0) ?? 0] }
        return Array(found.filter { seen.insert($0).inserted }.prefix(limit))
    }

    /// Every close choice, best first (their indexes as text when `indexes`).
    static func ranked(_ query: String, _ choices: [String], indexes: Bool = false) -> [String] {
        let key = Array(query.lowercased())
        guard !key.isEmpty, key.count <= 200 else { return [] }
        let allowed = min(3, max(1, key.count / 3))
        var scored: [(score: Int, index: Int)] = []
        for (index, choice) in choices.enumerated() {
            let candidate = Array(choice.lowercased())
            guard candidate.count <= 200 else { continue }
            if candidate == key {
                scored.append((0, index))
            } else if key.count >= 2, candidate.starts(with: key) || key.starts(with: candidate) && candidate.count >= 2 {
                scored.append((1, index))
            } else if abs(candidate.count - key.count) <= allowed {
                let distance = editDistance(key, candidate, cap: allowed)
                if distance <= allowed { scored.append((1 + distance, index)) }
            }
        }
        var seen = Set<String>()
        return scored.sorted { ($0.score, $0.index) < ($1.score, $1.index) }
            .filter { seen.insert(choices[$0.index].lowercased()).inserted || indexes }
            .map { indexes ? String($0.index) : choices[$0.index] }
    }

    /// The message for an unknown name: `unknown <what> '<query>'<context>; did you
    /// mean <a> or <b>? <listLabel>: <choices>`. Suggestions come from `suggestFrom`
    /// (default: the choices), or are given ready as `suggested`. The query and
    /// choices are made safe to print; a long list is cut after 40 choices, saying
    /// which command lists them all (`seeAll`).
    public static func unknown(_ what: String, _ query: String, context: String = "",
                               choices: [String], listLabel: String = "choose one of",
                               suggestFrom: [String]? = nil, suggested: [String]? = nil, seeAll: String? = nil) -> String {
        let close = suggested ?? closest(to: query, among: suggestFrom ?? choices)
        return "unknown \(what) '\(Safe.text(String(query.prefix(80))))'\(context); \(phrase(close))\(listLabel): \(list(choices, seeAll: seeAll))"
    }

    /// `did you mean a or b? ` (with its trailing space), or empty when nothing is close.
    public static func didYouMean(_ query: String, among choices: [String]) -> String {
        phrase(closest(to: query, among: choices))
    }

    static func phrase(_ close: [String]) -> String {
        close.isEmpty ? "" : "did you mean \(close.map(Safe.text).joined(separator: " or "))? "
    }

    /// The choices joined by commas; `none` when empty; cut after 40, naming the
    /// command that lists them all when there is one (`… (960 more: ladder profiles)`).
    public static func list(_ choices: [String], seeAll: String? = nil) -> String {
        guard !choices.isEmpty else { return "none" }
        let shown = choices.prefix(40).map(Safe.text).joined(separator: ", ")
        guard choices.count > 40 else { return shown }
        return shown + ", … (\(choices.count - 40) more\(seeAll.map { ": \($0)" } ?? ""))"
    }

    /// Levenshtein distance between two texts, stopping early once every path is over `cap`.
    static func editDistance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, current[j])
            }
            if best > cap { return best }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
