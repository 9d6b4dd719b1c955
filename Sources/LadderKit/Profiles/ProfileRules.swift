import Foundation
import Yams

/// The rules a decoded profile must follow beyond its YAML shape; each broken rule
/// is reported at the node that breaks it.
enum ProfileRules {
    /// A broken rule: where it is, as keys and indices from the top, and why.
    struct Broken {
        var path: [Any]
        var message: String
    }

    /// Throws the first broken rule, at its node (or the nearest node that exists).
    static func check(_ profile: Profile, node: Node, file: String, text: String) throws(FileProblem) {
        guard let broken = firstBroken(in: profile) else { return }
        var current: Node? = node
        var found = node
        for step in broken.path {
            if let index = step as? Int, let sequence = current?.sequence, index < sequence.count {
                current = sequence[index]
            } else if let key = step as? String {
                current = current?[key]
            } else {
                current = nil
            }
            if let current { found = current }
        }
        throw ProfileFile.at(found, broken.message, file, text)
    }

    /// The first rule the profile breaks, in the order a reader fixes them; nil when it keeps them all.
    static func firstBroken(in profile: Profile) -> Broken? {
        func fail(_ path: [Any], _ message: String) -> Broken { Broken(path: path, message: message) }

        if profile.schema < 1 { return fail(["schema"], "schema must be 1 or more") }
        if profile.id.isEmpty || Identifier.slug(profile.id, fallback: "") != profile.id {
            return fail(["id"], "id must be lower-case letters, digits and dashes, e.g. '\(Identifier.slug(profile.name))'")
        }
        if isBlank(profile.name, .whitespaces) { return fail(["name"], "name is empty") }
        if !isISODate(profile.updated) { return fail(["updated"], "updated must be a date like 2026-03-17") }
        if profile.levels.isEmpty { return fail(["levels"], "a profile needs at least one level") }
        var levelNames = Set<String>()
        for (index, level) in profile.levels.enumerated() {
            if isBlank(level, .whitespaces) { return fail(["levels", index], "level name is empty") }
            if !levelNames.insert(level.lowercased()).inserted { return fail(["levels", index], "level '\(level)' is listed twice") }
        }
        if let problem = ResourceRules.problem(in: profile.resources ?? []) {
            return fail(["resources", problem.index, problem.field], problem.message)
        }
        if profile.roles.isEmpty { return fail(["roles"], "a profile needs at least one role") }
        var roleIDs = Set<String>()
        var expectationIDs = Set<String>()
        for (r, role) in profile.roles.enumerated() {
            if role.id.isEmpty || Identifier.slug(role.id, fallback: "") != role.id {
                return fail(["roles", r, "id"], "role id must be lower-case letters, digits and dashes, e.g. '\(Identifier.slug(role.name))'")
            }
            if !roleIDs.insert(role.id).inserted { return fail(["roles", r, "id"], "role id '\(role.id)' is used twice") }
            if isBlank(role.name, .whitespaces) { return fail(["roles", r, "name"], "role name is empty") }
            let names = role.levels.map(\.level)
            if names != profile.levels {
                return fail(["roles", r, "levels"], "role '\(role.name)' must list the levels \(profile.levels.joined(separator: ", ")) in that order; it lists \(names.joined(separator: ", "))")
            }
            for (l, level) in role.levels.enumerated() {
                if level.expectations.isEmpty {
                    return fail(["roles", r, "levels", l], "\(role.name) · \(level.level) has no expectations")
                }
                for (e, expectation) in level.expectations.enumerated() {
                    let path: [Any] = ["roles", r, "levels", l, "expectations", e]
                    if !isExpectationID(expectation.id) {
                        return fail(path + ["id"], "expectation id '\(expectation.id)' must be 1 to 16 lower-case letters, digits or dashes")
                    }
                    if !expectationIDs.insert(expectation.id).inserted {
                        return fail(path + ["id"], "expectation id '\(expectation.id)' is used twice; ids must be unique in a profile")
                    }
                    if isBlank(expectation.text, .whitespacesAndNewlines) {
                        return fail(path + ["text"], "expectation text is empty")
                    }
                    if let problem = ResourceRules.problem(in: expectation.resources ?? []) {
                        return fail(path + ["resources", problem.index, problem.field], problem.message)
                    }
                }
            }
        }
        return nil
    }

    static func isISODate(_ text: String) -> Bool {
        CalendarDay.isValid(text)
    }

    /// 1 to 16 of `a-z`, `0-9` and `-`. By bytes: each is a character of its own, and
    /// any other byte belongs to a character that is not one of them.
    static func isExpectationID(_ id: String) -> Bool {
        (1...16).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D
        }
    }

    /// Whether the text is empty once `set` is trimmed from both ends, as
    /// `trimmingCharacters(in:).isEmpty` says, without making the trimmed copy.
    static func isBlank(_ text: String, _ set: CharacterSet) -> Bool {
        text.unicodeScalars.allSatisfy { set.contains($0) }
    }
}
