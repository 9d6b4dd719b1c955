#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a person is in their first tracked skill, as the people screen shows it
/// ("66% to Senior · Serverless Functions"): kept in the people summaries so the
/// screen reads no profile per row. It depends on the profile as well as the
/// journal, so each is kept with the profile index's checksum it was computed
/// against, and computed again when the index changed.
public struct ProgressFigure: Equatable, Sendable {
    /// The profile's name.
    public var skillName: String
    /// Percent done toward `nextLevel`; nil at the top level.
    public var percent: Int?
    public var nextLevel: String?

    public init(skillName: String, percent: Int?, nextLevel: String?) {
        self.skillName = skillName
        self.percent = percent
        self.nextLevel = nextLevel
    }

    /// Nil when the skill's profile is unknown, or the role or level is no longer in it.
    public init?(_ brief: SkillBrief, library: ProfileLibrary) {
        guard let profile = library.profile(brief.skill),
              let standing = Standing(profile: profile, tracked: PersonSummary.trackedSkill(brief)) else { return nil }
        let next = standing.next
        self.init(skillName: profile.name, percent: next?.percent, nextLevel: next?.level)
    }
}

/// What the team view reads from profiles for a person, kept beside the progress
/// figure and checked the same way: each tracked skill's counts toward the level
/// after the person's, for their role (as `PathSkill` counts them), and the evidence
/// dates of ticks on Required expectations. With it the team view reads no profile.
public struct PathFigure: Equatable, Sendable {
    public var counts: [String: PathCounts]
    /// When the evidence of each tick on a Required expectation was last shown.
    public var requiredEvidence: [String]

    init(counts: [String: PathCounts], requiredEvidence: [String]) {
        self.counts = counts
        self.requiredEvidence = requiredEvidence
    }

    /// Worked out from the profiles of the skills the summary tracks.
    public init(_ summary: PersonSummary, library: ProfileLibrary) {
        counts = [:]
        let facts = summary.team ?? TeamFacts()
        if let role = facts.role, let level = facts.level {
            for brief in summary.tracked {
                guard let profile = library.summary(brief.skill),
                      let found = profile.roles.first(where: { $0.id == role }) else { continue }
                let skill = PathSkill.make(summary: profile, role: found, level: level,
                                           tracked: PersonSummary.trackedSkill(brief), library: library)
                counts[brief.skill] = PathCounts(done: skill.done, total: skill.total, excluded: skill.excluded)
            }
        }
        let roles = Dictionary(summary.tracked.map { ($0.skill, $0.role) }, uniquingKeysWith: { a, _ in a })
        requiredEvidence = facts.evidence.filter { Self.isRequired($0, role: roles[$0.skill], library: library) }.map(\.at)
    }

    /// Whether a tick's expectation belongs to a Required level of its skill's role.
    static func isRequired(_ tick: TickEvidence, role: String?, library: ProfileLibrary) -> Bool {
        guard let role, let found = library.profile(tick.skill)?.role(named: role) else { return false }
        return found.levels.contains { $0.required && $0.expectations.contains { $0.id == tick.item } }
    }
}

extension PeopleSummaries {
    /// The checksum in the profile index's header line, which changes whenever any
    /// profile does (bundled ones included); nil without a readable index. Reads
    /// only the header, so it costs one small read.
    static func profileIndexHash(in folder: DataFolder) -> String? {
        let path = CacheFolder.path(in: folder) + "/" + ProfileIndex.fileName
        guard let (fd, _) = (try? SafeFile.openForReading(path)) ?? nil else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 200)
        let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0, let newline = head[0..<count].firstIndex(of: 0x0A) else { return nil }
        let fields = String(decoding: head[..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 3, fields[0] == ProfileIndex.kind, Int(fields[1]) == ProfileIndex.format,
              fields[2].count == 16 else { return nil }
        return String(fields[2])
    }

    /// Gives every summary its progress and path figures: from its entry when computed against
    /// the current profile index, else computed (loading the library only then) and
    /// stored in the entry. Returns true when an entry changed.
    static func addFigures(_ summaries: inout [PersonSummary], entries: inout [Entry], folder: DataFolder,
                           library given: ProfileLibrary?) -> Bool {
        var indexHash = profileIndexHash(in: folder)
        var byPerson: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { byPerson[entry.person] = index }
        let stale = summaries.indices.filter { at in
            guard !summaries[at].tracked.isEmpty else { return false }
            guard let entry = byPerson[summaries[at].id.rawValue].map({ entries[$0] }), indexHash != nil,
                  entry.figureFor == indexHash else { return true }
            summaries[at].progress = entry.figure
            summaries[at].pathFigure = entry.pathFigure
            return false
        }
        guard !stale.isEmpty else { return false }
        let library = given ?? ProfileLibrary.load(from: folder)
        if given == nil { indexHash = profileIndexHash(in: folder) } // loading may have rebuilt the index
        var changed = false
        for at in stale {
            guard let first = summaries[at].tracked.first else { continue }
            let figure = ProgressFigure(first, library: library)
            let pathFigure = PathFigure(summaries[at], library: library)
            summaries[at].progress = figure
            summaries[at].pathFigure = pathFigure
            if let indexHash, let entry = byPerson[summaries[at].id.rawValue] {
                entries[entry].figure = figure
                entries[entry].pathFigure = pathFigure
                entries[entry].figureFor = indexHash
                changed = true
            }
        }
        return changed
    }
}
