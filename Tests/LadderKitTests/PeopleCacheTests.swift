import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The people summaries in `<data>/cache/people.index`: the same answers as folding
/// every journal, whatever state the cache is in.
@Suite struct PeopleCacheTests {
    static func makeStore() throws -> Store {
        let folder = DataFolder(path: try TestSupport.makeTempFolder("ladder-people-cache"))
        try folder.prepare()
        let store = Store(folder: folder)
        try store.append([
            JournalEvent(.track(skill: "serverless-functions", role: "cloud-engineer", level: "Middle"), at: "2026-01-01T09:00:00Z"),
            JournalEvent(.tick(skill: "serverless-functions", level: "Senior", expectation: "a1", text: "T."), at: "2026-01-02T09:00:00Z"),
        ], for: .me)
        for (name, skills) in [("Ада Лавлейс", 2), ("Grace Hopper", 1), ("Nobody Yet", 0)] {
            var events = [JournalEvent(.person(name: name, mentee: nil), at: "2026-02-01T09:00:00Z")]
            for index in 0..<skills {
                events.append(JournalEvent(.track(skill: "skill-\(index)", role: "r", level: "Junior"), at: "2026-02-0\(index + 2)T09:00:00Z"))
            }
            try store.append(events, for: PersonID(name: name))
        }
        return store
    }

    /// Every person's summary made by reading and folding their whole journal.
    static func truth(_ store: Store) throws -> [PersonSummary] {
        let library = ProfileLibrary.load(from: store.folder)
        return try store.people().map { id in
            let (record, journal) = try store.record(for: id)
            var summary = PersonSummary(record, journal: journal)
            summary.progress = summary.tracked.first.flatMap { ProgressFigure($0, library: library) }
            if !summary.tracked.isEmpty { summary.pathFigure = PathFigure(summary, library: library) }
            return summary
        }
    }

    var indexPath: (Store) -> String { { CacheFolder.path(in: $0.folder) + "/" + PeopleSummaries.fileName } }

    @Test func summariesMatchTheFoldedJournalsAndAreReused() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let truth = try Self.truth(store)
        #expect(truth.map(\.name) == ["Grace Hopper", "Me", "Nobody Yet", "Ада Лавлейс"])
        #expect(truth.map(\.skills) == [1, 1, 0, 2])
        #expect(PeopleSummaries.load(store, cache: false).summaries == truth)
        let first = PeopleSummaries.load(store)
        #expect(first.summaries == truth)
        #expect(first.report.discarded == "missing")
        #expect(first.report.wrote)
        // Journals written a moment ago are too fresh to trust by stamp: read again.
        let second = PeopleSummaries.load(store)
        #expect(second.summaries == truth)
        // Once older than the window, a stamp alone proves a journal unchanged.
        _ = PeopleSummaries.load(store, cache: true, now: later)
        let third = PeopleSummaries.load(store, cache: true, now: later)
        #expect(third.summaries == truth)
        #expect(third.report.parsed == 0)
        #expect(third.report.reused == truth.count)
        #expect(!third.report.wrote)
    }

    @Test func theProgressFigureIsKeptAndRecomputedWhenTheProfilesChange() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        _ = ProfileLibrary.load(from: store.folder) // the profile index, as the app has it before the people screen
        _ = PeopleSummaries.load(store, cache: true, now: later)
        let kept = PeopleSummaries.load(store, cache: true, now: later)
        #expect(!kept.report.wrote, "figures and summaries reused")
        let me = try #require(kept.summaries.first { $0.id == .me }?.progress)
        #expect(me.skillName == "Serverless Functions" && me.nextLevel == "Senior")
        // The profile renamed: the index changes, and so does the figure, though no journal did.
        var profile = try #require(ProfileLibrary.bundled().profile("serverless-functions"))
        profile.name = "Functions, Renamed"
        try Data(try ProfileFile.encode(profile).utf8).write(to: URL(fileURLWithPath: store.folder.profilesPath + "/serverless-functions.yaml"))
        _ = ProfileLibrary.load(from: store.folder)
        let renamed = PeopleSummaries.load(store, cache: true, now: later)
        #expect(renamed.report.wrote)
        #expect(renamed.summaries.first { $0.id == .me }?.progress?.skillName == "Functions, Renamed")
        #expect(renamed.summaries == (try Self.truth(store)))
        #expect(!PeopleSummaries.load(store, cache: true, now: later).report.wrote)
    }

    /// A minute from now: every stamp made in the test is old enough to trust then.
    let later = FileStamp.now() + 60_000_000_000

    @Test func anAppendedEventIsSeen() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        _ = PeopleSummaries.load(store, cache: true, now: later)
        let grace = PersonID(name: "Grace Hopper")
        try store.append([JournalEvent(.track(skill: "cobol", role: "r", level: "Lead"), at: "2026-03-01T09:00:00Z"),
                          JournalEvent(.person(name: "Rear Admiral Hopper", mentee: nil), at: "2026-03-01T09:01:00Z")], for: grace)
        let loaded = PeopleSummaries.load(store, cache: true, now: later)
        let summary = try #require(loaded.summaries.first { $0.id == grace })
        #expect(summary.name == "Rear Admiral Hopper")
        #expect(summary.skills == 2)
        #expect(summary.lastChange == "2026-03-01T09:01:00Z")
        #expect(loaded.report.parsed == 1)
        #expect(loaded.summaries == (try Self.truth(store)))
    }

    @Test func aSameSizeRewriteWithItsTimesPutBackIsSeen() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        _ = PeopleSummaries.load(store, cache: true, now: later)
        let path = store.folder.journalPath(for: PersonID(name: "Grace Hopper"))
        var before = stat()
        stat(path, &before)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "Grace Hopper", with: "Grace Hoppex")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, path, &times, 0)
        let loaded = PeopleSummaries.load(store, cache: true, now: later)
        #expect(loaded.summaries.contains { $0.name == "Grace Hoppex" })
        #expect(loaded.summaries == (try Self.truth(store)))
    }

    @Test func aCorruptForeignOrDeletedCacheIsRebuilt() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let truth = try Self.truth(store)
        _ = PeopleSummaries.load(store)
        let good = try #require(CacheFolder.read(PeopleSummaries.fileName, in: store.folder))
        let body = Array(good[(try #require(good.firstIndex(of: 0x0A)) + 1)...])
        var moved = try PeopleSummaries.decode(good, folder: store.folder).get()
        moved.folder = "/elsewhere/people"
        var flipped = good
        let name = try #require(flipped.indices.first { flipped[$0...].starts(with: Array("Grace".utf8)) })
        flipped[name] = UInt8(ascii: "X")
        let cases: [([UInt8]?, String)] = [
            (flipped, "checksum mismatch"),
            (Array("{\"entries\": [".utf8), "unreadable"),
            ([0, 1, 2], "unreadable"),
            (CacheEnvelope.wrap(kind: PeopleSummaries.kind, format: 99, body: body), "format 99, this Ladder writes \(PeopleSummaries.format)"),
            (CacheEnvelope.wrap(kind: "ladder-profile-index", format: PeopleSummaries.format, body: body), "not a ladder-people-index"),
            (PeopleSummaries.encode(moved), "made for another folder"),
            (nil, "missing"),
        ]
        for (content, reason) in cases {
            if let content {
                try SafeFile.writeAtomically(content, to: indexPath(store))
            } else {
                try FileManager.default.removeItem(atPath: CacheFolder.path(in: store.folder))
            }
            let loaded = PeopleSummaries.load(store)
            #expect(loaded.report.discarded == reason)
            #expect(loaded.report.wrote)
            #expect(loaded.summaries == truth)
        }
    }

    @Test func aForgedSummaryIsCaughtByTheStamp() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        _ = PeopleSummaries.load(store, cache: true, now: later)
        let good = try #require(CacheFolder.read(PeopleSummaries.fileName, in: store.folder))
        var index = try PeopleSummaries.decode(good, folder: store.folder).get()
        let position = try #require(index.entries.firstIndex { $0.person == "grace-hopper" })
        index.entries[position].name = "Forged"
        index.entries[position].stamp.size += 1
        try SafeFile.writeAtomically(PeopleSummaries.encode(index), to: indexPath(store))
        #expect(PeopleSummaries.load(store, cache: true, now: later).summaries == (try Self.truth(store)))
    }

    /// Every field of an entry survives the index's text form, awkward texts
    /// included; a line missing or out of place is refused, never half read.
    @Test func theIndexKeepsEveryFieldAndRefusesAMissingLine() throws {
        let full = PeopleSummaries.Entry(
            person: "ана", stamp: FileStamp(size: 12, mtime: -3, ctime: 1_700_000_000_000_000_000, inode: UInt64.max), racy: true,
            name: "Tab\there, new\nline \\ and \u{1F}", skills: 2, lastChange: "", problems: 3, readOnly: true, mentee: true,
            lastReview: "2026-01-01T09:00:00Z", openQuestions: 4,
            tracked: [SkillBrief(skill: "a", role: "r", level: "Junior", ticked: ["x", "y"], notApplicable: []),
                      SkillBrief(skill: "b", role: "r", level: "Senior", ticked: [], notApplicable: ["z"])],
            team: TeamFacts(role: "r", level: nil, answered: 1, since: "2025-01-01T09:00:00Z", lastProgress: nil,
                            evidence: [TickEvidence(skill: "a", item: "x", at: "2025-02-01T09:00:00Z", confirmed: true),
                                       TickEvidence(skill: "a", item: "y", at: "", confirmed: nil)]),
            figure: ProgressFigure(skillName: "A\tskill", percent: nil, nextLevel: "Middle"),
            pathFigure: PathFigure(counts: ["a": PathCounts(done: 1, total: 3, excluded: 1), "b": PathCounts(done: 0, total: 0, excluded: 0)],
                                   requiredEvidence: ["2025-02-01T09:00:00Z"]),
            figureFor: "0123456789abcdef")
        var bare = PeopleSummaries.Entry(person: "me", stamp: FileStamp(size: 0, mtime: 0, ctime: 0, inode: 0), racy: nil, name: "",
                                         skills: 0, lastChange: nil, problems: 0, readOnly: false, mentee: false, lastReview: nil,
                                         openQuestions: 0, tracked: [], team: nil, figure: nil, pathFigure: nil, figureFor: nil)
        var withPercent = bare
        withPercent.person = "p"
        withPercent.figure = ProgressFigure(skillName: "", percent: 0, nextLevel: nil)
        withPercent.team = TeamFacts()
        bare.pathFigure = PathFigure(counts: [:], requiredEvidence: [])
        let index = PeopleSummaries.Index(folder: "/data/people", entries: [full, bare, withPercent])
        let body = PeopleSummaries.encodedBody(index)
        let read = try #require(PeopleSummaries.decode(body: body[...]))
        #expect(read.folder == index.folder)
        #expect(read.entries == index.entries)
        // A line missing or out of place makes the index unreadable (a cut body is the envelope's checksum's to catch).
        var lines = body.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let skill = try #require(lines.firstIndex { $0.starts(with: Array("skill\t".utf8)) })
        lines.remove(at: skill)
        #expect(PeopleSummaries.decode(body: Array(lines.joined(separator: [0x0A]))[...]) == nil)
        lines.insert(Array("stray\tline".utf8), at: skill)
        #expect(PeopleSummaries.decode(body: Array(lines.joined(separator: [0x0A]))[...]) == nil)
    }
}
