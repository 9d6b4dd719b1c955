import CellGrid

/// The values shell completion offers for skills, roles, levels, expectation ids and
/// people, from the words already on the command line. Reads the profile index (and
/// at most the one profile named on the line, for its expectation ids); never fails:
/// what it cannot read it leaves out.
public enum Completions {
    /// One value to offer, with a description for shells that show one (zsh, fish).
    public struct Candidate: Equatable, Sendable {
        public var value: String
        public var description: String?

        public init(_ value: String, _ description: String? = nil) {
            self.value = value
            self.description = description
        }
    }

    /// Every skill's id, described by its name.
    public static func skills(_ library: ProfileLibrary) -> [Candidate] {
        library.summaries.map { Candidate($0.id, $0.name) }
    }

    /// The roles (ids, described by name) of the skill already on the line.
    public static func roles(_ words: [String], current: Int, library: ProfileLibrary) -> [Candidate] {
        guard let skill = skill(in: words, current: current, library: library) else { return [] }
        return skill.roles.map { Candidate($0.id, $0.name) }
    }

    /// The levels of the skill already on the line, lowest first.
    public static func levels(_ words: [String], current: Int, library: ProfileLibrary) -> [Candidate] {
        guard let skill = skill(in: words, current: current, library: library) else { return [] }
        return skill.levels.map { Candidate($0) }
    }

    /// The expectation ids of the skill on the line (of `--role`'s role when the line
    /// names one), described by their text; ids already on the line are left out.
    public static func expectations(_ words: [String], current: Int, library: ProfileLibrary) -> [Candidate] {
        guard let summary = skill(in: words, current: current, library: library),
              let profile = library.profile(summary.id) else { return [] }
        let unquoted = words.map(unquote)
        var roles = profile.roles
        if let flag = unquoted.firstIndex(of: "--role"), flag + 1 < unquoted.count, flag + 1 != current,
           let role = profile.role(named: unquoted[flag + 1]) {
            roles = [role]
        }
        let onLine = Set(unquoted.enumerated().filter { $0.offset != current }.map { $0.element.lowercased() })
        var seen = Set<String>()
        var candidates: [Candidate] = []
        for role in roles {
            for cell in role.levels {
                for expectation in cell.expectations where !onLine.contains(expectation.id) && seen.insert(expectation.id).inserted {
                    candidates.append(Candidate(expectation.id, "\(cell.level): \(expectation.text)"))
                }
            }
        }
        return candidates
    }

    /// The people of the store, by id.
    public static func people(_ store: Store) -> [Candidate] {
        store.people().map { Candidate($0.rawValue) }
    }

    /// The first word on the line (other than the one being completed) that names a skill.
    public static func skill(in words: [String], current: Int, library: ProfileLibrary) -> ProfileSummary? {
        for (index, word) in words.enumerated().dropFirst() where index != current && !word.hasPrefix("-") {
            if let summary = library.summary(unquote(word)) { return summary }
        }
        return nil
    }

    /// The lines a custom completion prints for `shell` (`zsh`, `fish`, `bash` or
    /// nil): the candidates that start with `prefix` (ignoring case), as
    /// `value:description` for zsh, `value<TAB>description` for fish and the bare
    /// value for bash. Descriptions are neutralised, one line, cut to 60 characters.
    public static func lines(_ candidates: [Candidate], prefix: String, shell: String?) -> [String] {
        let key = unquote(prefix).lowercased()
        return candidates.filter { $0.value.lowercased().hasPrefix(key) }.compactMap { candidate in
            let value = Safe.text(candidate.value)
            guard !value.contains("\n"), !value.isEmpty else { return nil }
            guard let description = candidate.description.map(shortDescription), !description.isEmpty else { return value }
            switch shell {
            case "zsh": return value.replacingOccurrences(of: ":", with: "\\:") + ":" + description
            case "fish": return value + "\t" + description
            default: return value
            }
        }
    }

    static func shortDescription(_ text: String) -> String {
        let line = Safe.lines(text).joined(separator: " ").replacingOccurrences(of: "\t", with: " ")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// A shell word without its quotes and backslash escapes (`"Cloud Engineer"`, `Cloud\ Engineer`).
    static func unquote(_ word: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for character in word {
            if escaped { out.append(character); escaped = false; continue }
            if character == "\\" && quote != "'" { escaped = true; continue }
            if let open = quote {
                if character == open { quote = nil } else { out.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else {
                out.append(character)
            }
        }
        return out
    }
}

import Foundation
