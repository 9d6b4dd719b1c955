import Foundation

/// One dated change in a person's journal: a line of `people/<id>.jsonl`.
///
/// Kinds: `person` (name, mentee), `track` (skill, role, level: start tracking or
/// change role/level), `untrack`, `tick` and `untick` (skill, item, text, level),
/// `note` (skill, item, text, note; an empty note clears it), `step` (skill, level:
/// the new level after a step up); `na` and `applicable` (skill, item, text, note:
/// the reason an expectation does not apply, and taking it back); reviews:
/// `review-start` (by), `review-note` (note, by), `review-end` (by), and a
/// reviewer's view of a tick: `confirm` and `question` (skill, item, text, note:
/// the comment, by), `answer` (the person's reply, which closes the question) and
/// `withdraw` (the reviewer takes the question back). Fields not used by a kind
/// are absent. `text` keeps the expectation's words at the time, so a tick whose
/// expectation is later changed or removed can still be shown.
public struct JournalEvent: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case person, track, untrack, tick, untick, note, step, na, applicable
        case reviewStart = "review-start", reviewNote = "review-note", reviewEnd = "review-end"
        case confirm, question, answer, withdraw
    }

    /// Journal line format version; a newer one opens read-only.
    public var v: Int
    /// Random id of this event, for undo and for telling merged copies apart.
    public var id: String
    /// When it happened, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var at: String
    /// The kind's raw value; unknown kinds (from a newer Ladder) are kept and skipped.
    public var kind: String
    public var skill: String?
    public var role: String?
    public var level: String?
    public var item: String?
    public var text: String?
    public var note: String?
    public var name: String?
    /// Who did it, for reviews: the reviewer's name.
    public var by: String?
    /// On a `person` event: whether the person is someone you mentor.
    public var mentee: Bool?

    public static let currentVersion = 1

    public init(_ kind: Kind, at: String = JournalEvent.now(), skill: String? = nil, role: String? = nil,
                level: String? = nil, item: String? = nil, text: String? = nil, note: String? = nil,
                name: String? = nil, by: String? = nil, mentee: Bool? = nil) {
        v = Self.currentVersion
        id = Self.newID()
        self.at = at
        self.kind = kind.rawValue
        self.skill = skill
        self.role = role
        self.level = level
        self.item = item
        self.text = text
        self.note = note
        self.name = name
        self.by = by
        self.mentee = mentee
    }

    public var knownKind: Kind? { Kind(rawValue: kind) }

    /// The calendar day of `at`, `YYYY-MM-DD`.
    public var day: String { String(at.prefix(10)) }

    static func newID() -> String {
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

    /// The event as one JSON line (no newline), keys sorted so lines are stable.
    public func encodedLine() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
