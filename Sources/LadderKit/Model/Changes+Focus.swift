import CellGrid

/// Focus: the expectations a person is working on, each with an optional target day.
extension Changes {
    /// Start working on an expectation of the person's role, or give it a new target
    /// day. `due` is `YYYY-MM-DD` (nil: no date) and may not be before `today`.
    public static func focus(_ id: String, due: String?, today: String, in standing: Standing) throws(InputError) -> Change {
        let (level, expectation) = try ownExpectation(id, in: standing, doing: "work on")
        if standing.tracked.ticks[expectation.id] != nil {
            throw InputError("\(expectation.id) is already ticked in \(standing.profile.id): nothing left to work on (untick it first to work on it again)")
        }
        if let reason = standing.tracked.notApplicable[expectation.id]?.reason {
            throw InputError("\(expectation.id) is marked not applicable (\(Safe.text(reason))); make it count again first: ladder na \(standing.profile.id) \(expectation.id) --undo")
        }
        let day = try targetDay(due, today: today)
        return .focus(skill: standing.profile.id, level: level, expectation: expectation.id, text: expectation.text, due: day)
    }

    /// Stop working on an expectation (without ticking it).
    public static func unfocus(_ id: String, in standing: Standing) throws(InputError) -> Change {
        let key = id.lowercased()
        guard let focus = standing.tracked.focus[key] else {
            let current = standing.tracked.focus.keys.sorted().joined(separator: ", ")
            _ = try ownExpectation(id, in: standing, doing: "stop working on") // an unknown id says so first
            throw InputError("you are not working on \(key) in \(standing.profile.id); working on: \(current.isEmpty ? "none" : current)")
        }
        return .unfocus(skill: standing.profile.id, expectation: key, text: focus.text)
    }

    /// A target day as typed: empty means none; otherwise a real `YYYY-MM-DD` from today on.
    public static func targetDay(_ text: String?, today: String) throws(InputError) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        let shown = Safe.text(String(trimmed.prefix(40)))
        guard CalendarDay.parts(trimmed) != nil else {
            throw InputError("'\(shown)' is not a date; write the target day as YYYY-MM-DD, e.g. \(today)")
        }
        guard CalendarDay.isValid(trimmed) else {
            throw InputError("\(shown) is not a day of the calendar; give a real date as YYYY-MM-DD")
        }
        guard trimmed >= today else {
            throw InputError("\(shown) is in the past; give a target day from today (\(today)) on")
        }
        return trimmed
    }

    /// An expectation of the person's own role; an id of another role of the same
    /// profile is named as such, rather than as unknown.
    static func ownExpectation(_ id: String, in standing: Standing, doing: String) throws(InputError) -> (String, Expectation) {
        let key = id.lowercased()
        if !standing.role.levels.contains(where: { $0.expectations.contains { $0.id == key } }),
           let other = standing.profile.allExpectations().first(where: { $0.expectation.id == key }) {
            throw InputError("\(key) is an expectation of \(Safe.text(other.role.name)) · \(Safe.text(other.level.level)), not of your role \(Safe.text(standing.role.name)) in \(standing.profile.id); \(doing) one of yours (ids: ladder show \(standing.profile.id) --role \(standing.role.id))")
        }
        guard let found = try expectations([id], in: standing).first else { throw InputError("name an expectation id") }
        return found
    }
}
