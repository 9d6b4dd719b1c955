import CellGrid
/// What a level adds over another for one role: the expectations that are new, and
/// those that grow from one of the lower level's (they start with the same word:
/// "Designs …" at Middle and "Designs …" at Senior), side by side.
public struct LevelDiff: Equatable, Sendable {
    /// One expectation of the higher level and, when it grows from one, the lower level's.
    public struct Pair: Equatable, Sendable {
        public var from: Expectation?
        public var to: Expectation
    }

    public var profile: String
    public var role: Role
    public var from: String
    public var to: String
    /// Whether the higher level is Required for the role.
    public var required: Bool
    public var grows: [Pair]
    public var new: [Expectation]
    /// Expectations of the lower level that no expectation of the higher one grows from.
    public var left: [Expectation]

    /// The diff between two levels of a role; nil when either level is missing.
    public init?(profile: Profile, role: Role, from: String, to: String) {
        guard let low = role.level(from), let high = role.level(to) else { return nil }
        self.profile = profile.id
        self.role = role
        self.from = from
        self.to = to
        required = high.required
        var unused = low.expectations
        grows = []
        new = []
        for expectation in high.expectations {
            let start = Self.firstWord(expectation.text)
            if !start.isEmpty, let index = unused.firstIndex(where: { Self.firstWord($0.text) == start }) {
                grows.append(Pair(from: unused.remove(at: index), to: expectation))
            } else {
                new.append(expectation)
            }
        }
        left = unused
    }

    /// The first word, lower-cased, letters only, after any adverb ("Independently
    /// designs …" starts with "designs"): what "the same wording start" compares.
    static func firstWord(_ text: String) -> String {
        let words = text.lowercased().split(separator: " ").map { String($0.prefix { $0.isLetter || $0 == "-" }) }
        return words.first { !$0.hasSuffix("ly") } ?? ""
    }
}

extension Changes {
    /// The diff a person asks for: from their level (or `from`) to the next (or `to`), in
    /// their role in the skill (or `role`).
    public static func diff(_ profile: Profile, role: String?, from: String?, to: String?,
                            record: PersonRecord) throws(InputError) -> LevelDiff {
        let tracked = record.skills[profile.id]
        let roles = profile.roles.map(\.name).joined(separator: ", ")
        guard let roleName = role ?? tracked?.role ?? record.role else {
            throw InputError("which role? pass --role (one of: \(roles))")
        }
        guard let found = profile.role(named: roleName) else {
            throw profile.unknownRole(roleName)
        }
        let levels = profile.levels.joined(separator: ", ")
        let fromName = from ?? tracked?.level ?? record.level
        guard let fromName, let low = profile.levelIndex(named: fromName) else {
            throw InputError("which level to start from? pass --from (one of: \(levels))")
        }
        let high: Int
        if let to {
            guard let index = profile.levelIndex(named: to) else {
                throw InputError("unknown level '\(Safe.text(to))'; choose one of: \(levels)")
            }
            high = index
        } else {
            guard low + 1 < profile.levels.count else {
                throw InputError("\(profile.levels[low]) is the top level of \(profile.name); pass --from a lower level (one of: \(levels))")
            }
            high = low + 1
        }
        guard high != low, let diff = LevelDiff(profile: profile, role: found, from: profile.levels[low], to: profile.levels[high]) else {
            throw InputError("--from and --to name the same level; choose two of: \(levels)")
        }
        return diff
    }
}
