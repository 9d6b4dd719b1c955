import CellGrid
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A person's journal read from disk: the events that loaded, and a problem for
/// every line that did not (a torn last line after a crash, a line from a bad
/// merge, a line over 64 KB). Lines that fail are left in the file untouched and
/// skipped. An event id on several lines (a merge done by hand) counts once: later
/// copies are dropped, and reported only when their content differs.
public struct Journal: Sendable {
    public var events: [JournalEvent]
    public var problems: [FileProblem]
    /// True when the file holds lines from a newer Ladder: shown, never written to.
    public var readOnly: Bool

    public init(events: [JournalEvent] = [], problems: [FileProblem] = [], readOnly: Bool = false) {
        self.events = events
        self.problems = problems
        self.readOnly = readOnly
    }

    /// Parses journal bytes; `file` names the file in problems. Never fails: every
    /// line is either an event or a problem with its line and column.
    public static func parse(_ bytes: [UInt8], file: String) -> Journal {
        var reader = Reader(file: file)
        var lines = JournalLines(salt: JournalLines.randomSalt())
        lines.feed(bytes[...]) { reader.add($0) }
        lines.finish { reader.add($0) }
        return reader.journal
    }

    /// Reads a journal file line by line through a bounded buffer (never the whole
    /// file at once); nil when there is no such file. A symbolic link, a folder or a
    /// FIFO is refused before reading. With `salt`, also returns the salted hashes of
    /// the lines that hold events (see `JournalLines`), for the append-only checks.
    static func read(_ path: String, file: String? = nil, salt: UInt64? = nil) throws(StoreError) -> (journal: Journal, eventLines: Set<UInt64>)? {
        guard let (fd, _) = try SafeFile.openForReading(path) else { return nil }
        defer { close(fd) }
        var reader = Reader(file: file ?? path, keepsHashes: salt != nil)
        var lines = JournalLines(salt: salt ?? JournalLines.randomSalt())
        try lines.readAll(fd, path: path) { reader.add($0) }
        return (reader.journal, reader.eventLines)
    }

    /// Turns lines into events and problems, one at a time.
    struct Reader {
        let file: String
        var keepsHashes = false
        var journal = Journal()
        /// Salted hashes of the lines holding events, when `keepsHashes`.
        var eventLines: Set<UInt64> = []
        /// Each event id read so far: its line and the hash of that line. Keyed by the
        /// id's 64-bit hash (a string key cost a third of reading a long journal); an id
        /// whose hash another id had first goes to `seenByID`, so a collision changes nothing.
        private var seen: [UInt64: Seen] = [:]
        private var seenByID: [String: Seen] = [:]
        /// Ids of the events a record snapshot holds (and those its undo lines name),
        /// when reading on after it: an event with one of them sets `repeatsEarlier`
        /// (the caller then folds the whole journal, which knows what to keep).
        var earlierIDs: EventIDHashes?
        private(set) var repeatsEarlier = false
        private let decoder = JSONDecoder()
        /// The words lines repeat, kept once (`RepeatedWords`).
        private var words: RepeatedWords? = RepeatedWords()

        init(file: String, keepsHashes: Bool = false) {
            self.file = file
            self.keepsHashes = keepsHashes
        }

        /// Makes room for `count` event ids at once (a long journal's events are read
        /// again knowing how many there are: no table grown and copied on the way).
        mutating func reserve(_ count: Int) {
            seen.reserveCapacity(count)
        }

        mutating func add(_ line: JournalLines.Line) {
            if let event = event(line) { journal.events.append(event) }
        }

        /// The event a line holds, the first time its id is read; nil for a line that
        /// holds none (its problem noted), repeats an event or is from a newer Ladder.
        mutating func event(_ line: JournalLines.Line) -> JournalEvent? {
            guard let (event, bytes) = parse(line) else { return nil }
            if let earlierIDs, earlierIDs.contains(event.id) { repeatsEarlier = true }
            let idHash = EventIDHashes.hash(event.id)
            if let first = seen(event.id, hash: idHash) {
                // The same event twice (a merge done by hand): it counts once. Only a
                // copy that differs is worth a word.
                if first.hash != line.hash {
                    journal.problems.append(FileProblem(file: file, line: line.number, column: 1,
                        message: "event \(Safe.text(String(event.id.prefix(40)))) is already on line \(first.line) with other content; this line was skipped and is kept in the file",
                        excerpt: String(decoding: bytes.prefix(120), as: UTF8.self)))
                }
                return nil
            }
            let entry = Seen(id: event.id, line: line.number, hash: line.hash)
            if seen[idHash] == nil { seen[idHash] = entry } else { seenByID[event.id] = entry }
            return event
        }

        /// The event a line holds, whether its id was read before or not, and the line's
        /// bytes without a BOM or CR; nil for a line that holds none (its problem noted)
        /// or is from a newer Ladder.
        mutating func parse(_ line: JournalLines.Line) -> (event: JournalEvent, bytes: ArraySlice<UInt8>)? {
            var bytes = line.bytes
            if line.number == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) } // a BOM from an editor
            if let last = bytes.last, last == 0x0D, !line.tooLong { bytes = bytes.dropLast() } // CRLF
            if line.tooLong {
                journal.problems.append(FileProblem(file: file, line: line.number, column: 1,
                    message: "this line is \(line.length) bytes, longer than the \(JournalLines.maxLineBytes / 1024) KB a journal line may be; it was skipped and is kept in the file",
                    excerpt: String(decoding: bytes.prefix(120), as: UTF8.self)))
                return nil
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
            do {
                // The hand-written reader takes the lines Ladder writes; JSONDecoder the rest.
                let event = try JournalLineDecoder.event(bytes, words: &words) ?? decoder.decode(JournalEvent.self, from: Data(bytes))
                if keepsHashes { eventLines.insert(line.hash) }
                if event.v > JournalEvent.currentVersion {
                    journal.markNewer(version: event.v, file: file, line: line.number)
                    return nil
                }
                return (event, bytes)
            } catch {
                if let version = try? decoder.decode(VersionOnly.self, from: Data(bytes)).v, version > JournalEvent.currentVersion {
                    if keepsHashes { eventLines.insert(line.hash) }
                    journal.markNewer(version: version, file: file, line: line.number)
                    return nil
                }
                let text = String(decoding: bytes.prefix(120), as: UTF8.self)
                let syntax = JSONCheck.firstError(in: bytes)
                let column = syntax.map { JSONCheck.column(ofByte: $0.offset, in: bytes) } ?? 1
                if line.last && syntax != nil {
                    let message = "the last line is incomplete (Ladder was stopped while writing it); it was skipped and the rest loaded"
                    journal.problems.append(FileProblem(file: file, line: line.number, column: 1, message: message, excerpt: text))
                } else {
                    let why = syntax.map { "not valid JSON: \($0.reason)" } ?? Journal.reason(error)
                    let message = "this line is not a journal event (\(why)); it was skipped and is kept in the file"
                    journal.problems.append(FileProblem(file: file, line: line.number, column: column, message: message, excerpt: text))
                }
                return nil
            }
        }

        /// The ids of every event kept and of every event an undo line names, hashed
        /// (for a record snapshot: a later line with one of them needs the whole fold).
        func keptIDs() -> EventIDHashes {
            var hashes = Array(seen.keys) + seenByID.keys.map(EventIDHashes.hash)
            for event in journal.events {
                if case .undo(let ids) = event.change { hashes += ids.map(EventIDHashes.hash) }
            }
            return EventIDHashes(hashes: hashes)
        }

        /// An event id read before: its line and the hash of that line.
        private struct Seen {
            var id: String
            var line: Int
            var hash: UInt64
        }

        private func seen(_ id: String, hash: UInt64) -> Seen? {
            guard let first = seen[hash] else { return nil }
            return first.id == id ? first : seenByID[id]
        }
    }

    fileprivate mutating func markNewer(version: Int, file: String, line: Int) {
        readOnly = true
        problems.append(FileProblem(file: file, line: line, column: 1,
            message: "written by a newer Ladder (format \(version)); this person opens read-only until you update Ladder"))
    }

    fileprivate struct VersionOnly: Decodable { var v: Int }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.valueNotFound(_, let context): return "null at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: return "not a journal event"
        }
    }
}
