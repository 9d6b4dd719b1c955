import Foundation

/// A person's journal read from disk: the events that loaded, and a problem for
/// every line that did not (a torn last line after a crash, a line from a bad
/// merge). Lines that fail are left in the file untouched and skipped.
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

    /// Parses journal bytes; `file` names the file in problems.
    public static func parse(_ bytes: [UInt8], file: String) -> Journal {
        var journal = Journal()
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = 0
        let count = bytes.count
        while start < count {
            lineNumber += 1
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            let isLast = end >= count
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 } // CRLF
            let line = bytes[start..<lineEnd]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                let event = try decoder.decode(JournalEvent.self, from: Data(line))
                if event.v > JournalEvent.currentVersion {
                    journal.readOnly = true
                    journal.problems.append(FileProblem(file: file, line: lineNumber, column: 1,
                        message: "written by a newer Ladder (format \(event.v)); this person opens read-only until you update Ladder"))
                    continue
                }
                journal.events.append(event)
            } catch {
                let text = String(decoding: line.prefix(120), as: UTF8.self)
                let message = isLast
                    ? "the last line is incomplete (Ladder was stopped while writing it); it was skipped and the rest loaded"
                    : "this line is not a journal event (\(reason(error))); it was skipped and is kept in the file"
                journal.problems.append(FileProblem(file: file, line: lineNumber, column: 1, message: message, excerpt: text))
            }
        }
        return journal
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: return "not valid JSON"
        }
    }
}
