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

    /// Parses journal bytes; `file` names the file in problems. Never fails: every
    /// line is either an event or a problem with its line and column.
    public static func parse(_ bytes: [UInt8], file: String) -> Journal {
        var journal = Journal()
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 // a UTF-8 BOM from an editor
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
                    journal.markNewer(version: event.v, file: file, line: lineNumber)
                    continue
                }
                journal.events.append(event)
            } catch {
                if let version = try? decoder.decode(VersionOnly.self, from: Data(line)).v, version > JournalEvent.currentVersion {
                    journal.markNewer(version: version, file: file, line: lineNumber)
                    continue
                }
                let text = String(decoding: line.prefix(120), as: UTF8.self)
                let syntax = JSONCheck.firstError(in: line)
                let column = syntax.map { JSONCheck.column(ofByte: $0.offset, in: line) } ?? 1
                let message: String
                if isLast && syntax != nil {
                    message = "the last line is incomplete (Ladder was stopped while writing it); it was skipped and the rest loaded"
                    journal.problems.append(FileProblem(file: file, line: lineNumber, column: 1, message: message, excerpt: text))
                } else {
                    let why = syntax.map { "not valid JSON: \($0.reason)" } ?? reason(error)
                    message = "this line is not a journal event (\(why)); it was skipped and is kept in the file"
                    journal.problems.append(FileProblem(file: file, line: lineNumber, column: column, message: message, excerpt: text))
                }
            }
        }
        return journal
    }

    private mutating func markNewer(version: Int, file: String, line: Int) {
        readOnly = true
        problems.append(FileProblem(file: file, line: line, column: 1,
            message: "written by a newer Ladder (format \(version)); this person opens read-only until you update Ladder"))
    }

    private struct VersionOnly: Decodable { var v: Int }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context): return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.valueNotFound(_, let context): return "null at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: return "not a journal event"
        }
    }
}
