import CellGrid

/// A request that names something that does not exist, or asks for what cannot be
/// done now; the message lists the valid choices. Nothing was written.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The changes a person can make, checked against the profile and their record and
/// turned into typed `Change`s (stamped with a time only when written). Shared by the
/// CLI and the UI so both refuse alike. Pure: no clock, no randomness, no disk.
public enum Changes {
    /// Start tracking a skill, or change role or level in it.
    public static func track(_ profile: Profile, role: String, level: String) throws(InputError) -> Change {
        guard let found = profile.role(named: role) else {
            throw profile.unknownRole(role)
        }
        guard let index = profile.levelIndex(named: level) else {
            throw profile.unknownLevel(level)
        }
        return .track(skill: profile.id, role: found.id, level: profile.levels[index])
    }

    /// The person's tracked skill, or an error naming what they do track.
    public static func tracked(_ skill: String, in record: PersonRecord, library: ProfileLibrary) throws(InputError) -> Standing {
        guard let profile = library.profile(skill) else {
            throw library.unknownSkill(skill)
        }
        guard let tracked = record.skills[profile.id] else {
            let list = record.skillOrder.isEmpty ? "none yet" : record.skillOrder.joined(separator: ", ")
            throw InputError("\(record.name) does not track \(profile.id) (tracked: \(list)); start with: ladder track \(profile.id) --role ROLE --level LEVEL")
        }
        guard let standing = Standing(profile: profile, tracked: tracked) else {
            throw InputError("\(record.name)'s role '\(tracked.role)' or level '\(tracked.level)' is no longer in \(profile.id); set them again with: ladder track \(profile.id) --role ROLE --level LEVEL")
        }
        return standing
    }

    /// Tick expectations (any level of the person's role). Already ticked ones are left as they are.
    public static func tick(_ ids: [String], in standing: Standing) throws(InputError) -> [Change] {
        try expectations(ids, in: standing).compactMap { level, expectation in
            standing.tracked.ticks[expectation.id] == nil
                ? .tick(skill: standing.profile.id, level: level, expectation: expectation.id, text: expectation.text)
                : nil
        }
    }

    /// Untick expectations; also accepts ticks whose expectation left the profile.
    public static func untick(_ ids: [String], in standing: Standing) throws(InputError) -> [Change] {
        var changes: [Change] = []
        for id in ids {
            let key = id.lowercased()
            if let tick = standing.tracked.ticks[key] {
                changes.append(.untick(skill: standing.profile.id, level: tick.level, expectation: key, text: tick.text))
            } else {
                _ = try expectations([id], in: standing) // unknown ids are an error; known unticked ones are a no-op
            }
        }
        return changes
    }

    /// Attach (or, with empty text, clear) a note of evidence on an expectation.
    public static func note(_ text: String, on id: String, in standing: Standing) throws(InputError) -> Change {
        let trimmed = try checkedText(text, what: "a note")
        let known = try expectations([id], in: standing).first
        return .note(skill: standing.profile.id, level: known?.level, expectation: known?.expectation.id ?? id,
                     text: known?.expectation.text, note: trimmed)
    }

    /// Correct (or, with empty text, remove) one entry of an expectation's evidence
    /// log: `entry` counts from the newest, 1 first, as the thread and `--list` show them.
    public static func fixNote(_ entry: Int, to text: String, on id: String, in standing: Standing) throws(InputError) -> Change {
        let trimmed = text.isEmpty ? "" : try checkedText(text, what: "a note")
        let key = try expectations([id], in: standing).first?.expectation.id ?? id
        let log = standing.tracked.log(key)
        guard !log.isEmpty else { throw InputError("\(key) has no evidence to correct; add a note with: ladder note \(standing.profile.id) \(key) TEXT") }
        guard entry >= 1, entry <= log.count else {
            throw InputError("\(key) has \(log.count) evidence entr\(log.count == 1 ? "y" : "ies"); choose 1 (the newest) to \(log.count) (see: ladder note \(standing.profile.id) \(key) --list)")
        }
        return .noteFix(skill: standing.profile.id, expectation: key, entry: log[entry - 1].at, note: trimmed)
    }

    /// Record the step up to the next level; every expectation of it must be ticked.
    public static func step(_ standing: Standing) throws(InputError) -> Change {
        guard let next = standing.next else {
            throw InputError("\(standing.level) is the top level of \(standing.profile.name); there is no next level")
        }
        guard next.isComplete else {
            throw InputError("\(next.summary): tick every expectation of \(next.level) before stepping up (\(next.total - next.done) open)")
        }
        return .step(skill: standing.profile.id, level: next.level)
    }

    /// The expectations of the person's role with these ids, or an error listing valid ids.
    static func expectations(_ ids: [String], in standing: Standing) throws(InputError) -> [(level: String, expectation: Expectation)] {
        var found: [(String, Expectation)] = []
        for id in ids {
            let key = id.lowercased()
            var match: (String, Expectation)?
            for cell in standing.role.levels {
                if let e = cell.expectations.first(where: { $0.id == key }) { match = (cell.level, e); break }
            }
            guard let match else {
                let level = standing.nextLevel ?? standing.level
                let valid = standing.role.level(level)?.expectations.map(\.id) ?? []
                let all = standing.role.levels.flatMap { $0.expectations.map(\.id) }
                throw InputError(Suggestions.unknown("expectation id", id, context: " for \(standing.role.name) in \(standing.profile.id)",
                                                     choices: valid, listLabel: "\(level) has", suggestFrom: all)
                                 + " (all ids: ladder show \(standing.profile.id) --role \(standing.role.id))")
            }
            found.append(match)
        }
        return found
    }
}

import Foundation
