import Foundation
import Yams

/// The rules a decoded profile must follow beyond its YAML shape; each broken rule
/// is reported at the node that breaks it.
enum ProfileRules {
    static func check(_ profile: Profile, node: Node, file: String, text: String) throws(FileProblem) {
        func fail(_ path: [Any], _ message: String) -> FileProblem {
            var current: Node? = node
            var found = node
            for step in path {
                if let index = step as? Int, let sequence = current?.sequence, index < sequence.count {
                    current = sequence[index]
                } else if let key = step as? String {
                    current = current?[key]
                } else {
                    current = nil
                }
                if let current { found = current }
            }
            return ProfileFile.at(found, message, file, text)
        }

        if profile.schema < 1 { throw fail(["schema"], "schema must be 1 or more") }
        if profile.id.isEmpty || Identifier.slug(profile.id, fallback: "") != profile.id {
            throw fail(["id"], "id must be lower-case letters, digits and dashes, e.g. '\(Identifier.slug(profile.name))'")
        }
        if profile.name.trimmingCharacters(in: .whitespaces).isEmpty { throw fail(["name"], "name is empty") }
        if !isISODate(profile.updated) { throw fail(["updated"], "updated must be a date like 2026-03-17") }
        if profile.levels.isEmpty { throw fail(["levels"], "a profile needs at least one level") }
        var levelNames = Set<String>()
        for (index, level) in profile.levels.enumerated() {
            if level.trimmingCharacters(in: .whitespaces).isEmpty { throw fail(["levels", index], "level name is empty") }
            if !levelNames.insert(level.lowercased()).inserted { throw fail(["levels", index], "level '\(level)' is listed twice") }
        }
        if let problem = ResourceRules.problem(in: profile.resources ?? []) {
            throw fail(["resources", problem.index, problem.field], problem.message)
        }
        if profile.roles.isEmpty { throw fail(["roles"], "a profile needs at least one role") }
        var roleIDs = Set<String>()
        var expectationIDs = Set<String>()
        for (r, role) in profile.roles.enumerated() {
            if role.id.isEmpty || Identifier.slug(role.id, fallback: "") != role.id {
                throw fail(["roles", r, "id"], "role id must be lower-case letters, digits and dashes, e.g. '\(Identifier.slug(role.name))'")
            }
            if !roleIDs.insert(role.id).inserted { throw fail(["roles", r, "id"], "role id '\(role.id)' is used twice") }
            if role.name.trimmingCharacters(in: .whitespaces).isEmpty { throw fail(["roles", r, "name"], "role name is empty") }
            let names = role.levels.map(\.level)
            if names != profile.levels {
                throw fail(["roles", r, "levels"], "role '\(role.name)' must list the levels \(profile.levels.joined(separator: ", ")) in that order; it lists \(names.joined(separator: ", "))")
            }
            for (l, level) in role.levels.enumerated() {
                if level.expectations.isEmpty {
                    throw fail(["roles", r, "levels", l], "\(role.name) · \(level.level) has no expectations")
                }
                for (e, expectation) in level.expectations.enumerated() {
                    let path: [Any] = ["roles", r, "levels", l, "expectations", e]
                    if !isExpectationID(expectation.id) {
                        throw fail(path + ["id"], "expectation id '\(expectation.id)' must be 1 to 16 lower-case letters, digits or dashes")
                    }
                    if !expectationIDs.insert(expectation.id).inserted {
                        throw fail(path + ["id"], "expectation id '\(expectation.id)' is used twice; ids must be unique in a profile")
                    }
                    if expectation.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        throw fail(path + ["text"], "expectation text is empty")
                    }
                    if let problem = ResourceRules.problem(in: expectation.resources ?? []) {
                        throw fail(path + ["resources", problem.index, problem.field], problem.message)
                    }
                }
            }
        }
    }

    static func isISODate(_ text: String) -> Bool {
        CalendarDay.isValid(text)
    }

    static func isExpectationID(_ id: String) -> Bool {
        (1...16).contains(id.count) && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
