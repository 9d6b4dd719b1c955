import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the people screen shows of a person, without their whole record.
public struct PersonSummary: Equatable, Sendable {
    public var id: PersonID
    public var name: String
    /// Skills tracked now.
    public var skills: Int
    /// When the last event happened, if any.
    public var lastChange: String?
    /// Lines of the journal that did not load (shown as warnings when the person is opened).
    public var problems: Int
    public var readOnly: Bool
    /// Someone the user mentors.
    public var mentee: Bool = false
    /// When their last review ended, if any.
    public var lastReview: String?
    /// Reviewer questions not yet answered or withdrawn.
    public var openQuestions: Int = 0
    /// Each tracked skill, enough to draw progress against its profile.
    public var tracked: [SkillBrief] = []
    /// What the team view needs beyond this (nil for a person with no journal yet).
    public var team: TeamFacts?
    /// Progress in the first tracked skill, when its profile is known (see `ProgressFigure`).
    public var progress: ProgressFigure?
    /// What the team view needs from profiles (see `PathFigure`), worked out with `progress`.
    public var pathFigure: PathFigure?

    public init(id: PersonID, name: String, skills: Int, lastChange: String?, problems: Int = 0, readOnly: Bool = false) {
        self.id = id
        self.name = name
        self.skills = skills
        self.lastChange = lastChange
        self.problems = problems
        self.readOnly = readOnly
    }

    /// The summary of a folded record.
    public init(_ record: PersonRecord, journal: Journal) {
        self.init(id: record.id, name: record.name, skills: record.skillOrder.count, lastChange: record.lastChange,
                  problems: journal.problems.count, readOnly: journal.readOnly)
        mentee = record.mentee
        lastReview = record.lastEndedReview?.end
        openQuestions = record.openQuestions
        tracked = record.trackedSkills.map {
            SkillBrief(skill: $0.skill, role: $0.role, level: $0.level, ticked: $0.ticks.keys.sorted(),
                       notApplicable: $0.notApplicable.keys.sorted())
        }
        team = TeamFacts(record)
    }

    /// The summary's tracked skill as a `TrackedSkill`, to read against its profile.
    public static func trackedSkill(_ brief: SkillBrief) -> TrackedSkill {
        var skill = TrackedSkill(skill: brief.skill, role: brief.role, level: brief.level, since: "")
        for id in brief.ticked { skill.ticks[id] = Tick(expectation: id, text: "", level: "", at: "") }
        for id in brief.notApplicable { skill.notApplicable[id] = NotApplicable(reason: "", at: "", text: "") }
        return skill
    }
}

/// A tracked skill in a person's summary: role, level and which expectations are
/// ticked or not applicable. The ids are kept as one space-separated string each,
/// one field of the people index rather than one per id.
public struct SkillBrief: Equatable, Sendable {
    public var skill: String
    public var role: String
    public var level: String
    var tickedIDs: String
    var notApplicableIDs: String

    public init(skill: String, role: String, level: String, ticked: [String], notApplicable: [String]) {
        self.skill = skill
        self.role = role
        self.level = level
        tickedIDs = ticked.joined(separator: " ")
        notApplicableIDs = notApplicable.joined(separator: " ")
    }

    /// The ids as the cache keeps them, space-separated.
    init(skill: String, role: String, level: String, tickedIDs: String, notApplicableIDs: String) {
        self.skill = skill
        self.role = role
        self.level = level
        self.tickedIDs = tickedIDs
        self.notApplicableIDs = notApplicableIDs
    }

    public var ticked: [String] { tickedIDs.split(separator: " ").map(String.init) }
    public var notApplicable: [String] { notApplicableIDs.split(separator: " ").map(String.init) }
}

/// Everyone's summary, read through `<data>/cache/people.index`: per journal, its
/// stamp (size, mtime, ctime, inode) and the summary of its fold. A journal whose
/// stamp matches (and did not change within two seconds of being summarised) is
/// not read; any other is read, folded and its entry replaced. The journals stay the
/// truth: an index that is missing, unreadable, of another format or made for
/// another folder is ignored and rebuilt, and the answers are the same without it.
public enum PeopleSummaries {
    static let kind = "ladder-people-index"
    /// Bump when the index layout or the fold that makes a summary changes.
    static let format = 7 // 5: whether each tick is confirmed, or each entry's progress figure; 6: both; 7: path figures
    static let fileName = "people.index"

    struct Index {
        var folder: String
        var entries: [Entry]
    }

    struct Entry: Equatable {
        var person: String
        var stamp: FileStamp
        var racy: Bool?
        var name: String
        var skills: Int
        var lastChange: String?
        var problems: Int
        var readOnly: Bool
        var mentee: Bool
        var lastReview: String?
        var openQuestions: Int
        var tracked: [SkillBrief]
        var team: TeamFacts?
        /// The first skill's progress, and the profile index checksum it was computed against.
        var figure: ProgressFigure?
        var pathFigure: PathFigure?
        var figureFor: String?
    }

    static func decode(_ bytes: [UInt8], folder: DataFolder) -> Result<Index, CacheRefusal> {
        CacheEnvelope.unwrap(bytes, kind: kind, format: format).flatMap { body in
            guard let index = decode(body: body) else { return .failure(CacheRefusal("unreadable")) }
            guard index.folder == folder.peoplePath else { return .failure(CacheRefusal("made for another folder")) }
            return .success(index)
        }
    }

    static func encode(_ index: Index) -> [UInt8] {
        CacheEnvelope.wrap(kind: kind, format: format, body: encodedBody(index))
    }

    /// A summary for each person of `store.people()`, in that order, each with its
    /// progress figure. `library` is loaded from the folder only when a figure must be
    /// computed (the profiles changed, or the person's journal did).
    public static func load(_ store: Store, cache: Bool = true,
                            library: ProfileLibrary? = nil) -> (summaries: [PersonSummary], report: CacheReport) {
        load(store, cache: cache, now: FileStamp.now(), library: library)
    }

    /// `now` decides which stamps are too fresh to trust (tests move it forward).
    static func load(_ store: Store, cache: Bool, now: Int64,
                     library: ProfileLibrary? = nil) -> (summaries: [PersonSummary], report: CacheReport) {
        let folder = store.folder
        var report = CacheReport()
        var old: [String: Entry] = [:]
        if cache {
            if let bytes = CacheFolder.read(fileName, in: folder) {
                switch decode(bytes, folder: folder) {
                case .success(let index): for entry in index.entries { old[entry.person] = entry }
                case .failure(let refusal): report.discarded = refusal.reason
                }
            } else {
                report.discarded = "missing"
            }
        }
        var changed = report.discarded != nil
        var entries: [Entry] = []
        var summaries: [PersonSummary] = []
        // Journals to read again, with their place in `summaries` and stamp; read on every core.
        var pending: [(at: Int, id: PersonID, stamp: FileStamp)] = []
        for id in store.people() {
            let path = store.journalPath(for: id)
            guard let stamp = FileStamp.of(path) else {
                // No journal yet (`me` before the first change): nothing to cache.
                summaries.append(PersonSummary(PersonRecord(id: id), journal: Journal()))
                continue
            }
            if let entry = old[id.rawValue], entry.stamp == stamp, entry.racy != true {
                report.reused += 1
                entries.append(entry)
                var summary = PersonSummary(id: id, name: entry.name, skills: entry.skills, lastChange: entry.lastChange,
                                             problems: entry.problems, readOnly: entry.readOnly)
                summary.mentee = entry.mentee
                summary.lastReview = entry.lastReview
                summary.openQuestions = entry.openQuestions
                summary.tracked = entry.tracked
                summary.team = entry.team
                summaries.append(summary)
                continue
            }
            changed = true
            report.parsed += 1
            pending.append((summaries.count, id, stamp))
            summaries.append(PersonSummary(PersonRecord(id: id), journal: Journal()))
        }
        // Many journals at once: use record snapshots, leave writing them to whoever opens the person.
        var reader = store
        if reader.snapshots == .readWrite { reader.snapshots = .read }
        let read = Parallel.map(pending.map(\.id)) { [reader] id -> PersonSummary? in
            guard let (record, journal) = try? reader.record(for: id) else { return nil }
            return PersonSummary(record, journal: journal)
        }
        for ((at, _, stamp), summary) in zip(pending, read) {
            guard let summary else { continue }
            summaries[at] = summary
            // The stamp from before the read: if the journal grew meanwhile, it no longer
            // matches next time and the journal is read again.
            entries.append(Entry(person: summary.id.rawValue, stamp: stamp, racy: stamp.isRacy(now: now) ? true : nil,
                                 name: summary.name, skills: summary.skills, lastChange: summary.lastChange,
                                 problems: summary.problems, readOnly: summary.readOnly, mentee: summary.mentee,
                                 lastReview: summary.lastReview, openQuestions: summary.openQuestions, tracked: summary.tracked, team: summary.team))
        }
        if old.count != entries.count { changed = true }
        if addFigures(&summaries, entries: &entries, folder: folder, library: library) { changed = true }
        guard cache, changed else { return (summaries, report) }
        do {
            let path = try CacheFolder.prepare(in: folder)
            try SafeFile.writeAtomically(encode(Index(folder: folder.peoplePath, entries: entries)), to: path + "/" + fileName)
            report.wrote = true
        } catch {
            report.writeError = error.message
        }
        return (summaries, report)
    }
}
