import Foundation

/// One dated change in a person's journal: a line of `people/<id>.jsonl`.
///
/// The change itself is typed (`Change`); the event adds when it happened and an id
/// that tells merged copies apart. Both are stamped here and only here, when a change
/// is about to be written, so the code that checks and makes changes stays pure.
public struct JournalEvent: Equatable, Sendable {
    /// Journal line format version; a newer one opens read-only.
    public var v: Int
    /// Random id of this event, for telling merged copies apart.
    public var id: String
    /// When it happened, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var at: String
    /// What changed.
    public var change: Change

    /// The newest journal line format this Ladder reads (1, and 2 for `undo` and `note-fix` lines).
    public static let currentVersion = 2

    /// Stamps a change with its time and a new random id.
    public init(_ change: Change, at: String, id: String = JournalEvent.newID()) {
        v = change.format
        self.id = id
        self.at = at
        self.change = change
    }

    /// Stamps changes made together with one time.
    public static func stamp(_ changes: [Change], at: String) -> [JournalEvent] {
        changes.map { JournalEvent($0, at: at) }
    }

    /// The kind's name as the journal writes it.
    public var kind: String { change.kind }
    /// The skill the change is about, if any.
    public var skill: String? { change.skill }

    /// The calendar day of `at`, `YYYY-MM-DD`.
    public var day: String { String(at.prefix(10)) }

    /// A new random event id: 16 hex digits.
    public static func newID() -> String {
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The current time in the journal's format.
    public static func now() -> String {
        timestamp(Date())
    }

    public static func timestamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The moment a journal timestamp names, or nil when it is not one.
    public static func date(_ timestamp: String) -> Date? {
        let parts = timestamp.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int32($0) }
        guard parts.count == 6, timestamp.hasSuffix("Z") else { return nil }
        var fields = tm()
        fields.tm_year = parts[0] - 1900
        fields.tm_mon = parts[1] - 1
        fields.tm_mday = parts[2]
        fields.tm_hour = parts[3]
        fields.tm_min = parts[4]
        fields.tm_sec = parts[5]
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }
}
