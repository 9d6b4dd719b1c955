import CellGrid
import Foundation

/// What a set of changes to the data folder adds up to, per person and for profiles:
/// the words of a sync commit's message (`me +3 (2 tick, 1 note); ana +1 (step)`)
/// and of what a pull brought in.
public struct ChangeSummary: Equatable, Sendable {
    /// One person's journal: lines added by event kind, lines removed.
    public struct Person: Equatable, Sendable {
        /// The person's id, safe to print.
        public var id: String
        /// The journal's path in the repository, `people/<id>.jsonl`, as git gave it.
        public var path: String
        /// Added lines by event kind (`unreadable` for lines that are not events).
        public var added: [String: Int] = [:]
        public var removed = 0

        public init(id: String, path: String) {
            self.id = id
            self.path = path
        }

        public var addedCount: Int { added.values.reduce(0, +) }

        /// `ana +3 (2 tick, 1 note)`, `ana -1`, `ana +2 (tick) -1`.
        public var words: String {
            var text = id
            if addedCount > 0 {
                let kinds = added.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                text += " +\(addedCount) (" + kinds.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
            }
            if removed > 0 { text += " -\(removed)" }
            if addedCount == 0 && removed == 0 { text += " changed" }
            return text
        }
    }

    public var people: [Person] = []
    /// Every changed path, as git gave it.
    public var paths: [String] = []
    public var profilesAdded = 0
    public var profilesChanged = 0
    public var profilesRemoved = 0
    /// Changed files that are neither journals nor profiles.
    public var otherFiles = 0

    public init() {}

    public var isEmpty: Bool {
        paths.isEmpty && people.isEmpty && profilesAdded == 0 && profilesChanged == 0 && profilesRemoved == 0 && otherFiles == 0
    }

    /// `me +3 (2 tick, 1 note); ana +1 (step); profiles: +1 file`; at most `limit`
    /// people named, the rest counted.
    public func words(limit: Int = 3) -> String {
        var parts = people.prefix(limit).map(\.words)
        if people.count > limit { parts.append("\(people.count - limit) more \(people.count - limit == 1 ? "person" : "people")") }
        var profiles: [String] = []
        if profilesAdded > 0 { profiles.append("+\(profilesAdded) \(profilesAdded == 1 ? "file" : "files")") }
        if profilesChanged > 0 { profiles.append("\(profilesChanged) changed") }
        if profilesRemoved > 0 { profiles.append("-\(profilesRemoved) \(profilesRemoved == 1 ? "file" : "files")") }
        if !profiles.isEmpty { parts.append("profiles: " + profiles.joined(separator: ", ")) }
        if otherFiles > 0 { parts.append("\(otherFiles) other \(otherFiles == 1 ? "file" : "files")") }
        return parts.isEmpty ? "no changes" : parts.joined(separator: "; ")
    }

    /// The commit message: `ladder sync: …` (or the user's text, with the summary as
    /// the body), and one line per person when not all fit the first line.
    public func commitMessage(_ text: String?) -> String {
        let summary = "ladder sync: " + words()
        var message = summary
        if let text, !text.allSatisfy(\.isWhitespace) { message = text + "\n\n" + summary }
        if people.count > 3 { message += "\n\n" + people.map(\.words).joined(separator: "\n") }
        return message
    }

    /// Sorts people as they are shown: `me` first, then by id.
    mutating func sortPeople() {
        people.sort { a, b in
            if (a.id == PersonID.me.rawValue) != (b.id == PersonID.me.rawValue) { return a.id == PersonID.me.rawValue }
            return a.id < b.id
        }
    }

    /// The person id of a journal path (`people/<id>.jsonl`), else nil.
    static func personID(ofPath path: String) -> String? {
        guard path.hasPrefix("people/"), path.hasSuffix(".jsonl") else { return nil }
        let name = path.dropFirst("people/".count).dropLast(".jsonl".count)
        guard !name.isEmpty, !name.contains("/") else { return nil }
        return Safe.text(String(name))
    }

    /// Counts the added and removed lines of one file's `git diff --unified=0`
    /// output, added lines by the `kind` of the event they hold.
    static func countLines(ofDiff diff: [UInt8], into person: inout Person) {
        var counter = DiffCounter()
        var lines = JournalLines()
        lines.feed(diff[...]) { counter.add($0, into: &person) }
        lines.finish { counter.add($0, into: &person) }
    }

    /// Counts a diff's lines one at a time, so a huge diff can be read as a stream.
    struct DiffCounter {
        var inHunk = false

        mutating func add(_ line: JournalLines.Line, into person: inout Person) {
            let bytes = line.bytes
            if bytes.starts(with: Array("@@".utf8)) { inHunk = true; return }
            if bytes.starts(with: Array("diff --git".utf8)) { inHunk = false; return }
            guard inHunk, let first = bytes.first else { return }
            if first == UInt8(ascii: "+") {
                let kind = line.tooLong ? "unreadable" : ChangeSummary.eventKind(bytes.dropFirst())
                person.added[kind, default: 0] += 1
            } else if first == UInt8(ascii: "-") {
                person.removed += 1
            }
        }
    }

    private struct KindOnly: Decodable { var kind: String }

    /// The event kind of a journal line, as a short safe word; `unreadable` when
    /// the line is not an event, `other` when its kind is not a plain word.
    static func eventKind(_ line: ArraySlice<UInt8>) -> String {
        guard let kind = try? JSONDecoder().decode(KindOnly.self, from: Data(line)).kind else { return "unreadable" }
        let plain = !kind.isEmpty && kind.count <= 24
            && kind.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" || $0 == "_" }
        return plain ? kind : "other"
    }
}
