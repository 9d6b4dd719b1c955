import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// Record snapshots (`<data>/cache/records/`) are exact: whatever happened to the
/// journal or the snapshot, a record loaded through it equals the fold of the whole
/// journal — state, events, problems and the read-only mark.
@Suite struct RecordSnapshotTests {
    /// Every kind of line: those of `JournalLineTests`, and the kinds and fields they
    /// leave out — role, focus with and without a day, unfocus, reviewers with names,
    /// a change before its skill's track line (kept aside, then applied), a note-fix
    /// that removes an entry, an undo.
    /// An undo's `UNDO` is replaced by ids of lines before it.
    static let kinds = JournalLineTests.lines + [
        #"{"at":"2026-01-01T09:00:00Z","id":"1","kind":"role","level":"Senior","role":"cloud-engineer","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","kind":"role","level":"","role":"","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","kind":"track","level":"Middle","role":"cloud-engineer","skill":"serverless-functions","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","item":"f85ceb","kind":"tick","level":"Senior","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","due":"2026-03-01","id":"1","item":"aa11bb","kind":"focus","level":"Senior","skill":"serverless-functions","text":"Uses it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","item":"cc22dd","kind":"focus","level":"Senior","skill":"serverless-functions","text":"Runs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","item":"aa11bb","kind":"unfocus","skill":"serverless-functions","text":"Uses it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","by":"olga-petrova","id":"1","kind":"review-start","name":"Olga Petrova","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","by":"olga-petrova","id":"1","kind":"review-note","name":"Olga\tPetrova","note":"Tabs\tand\nlines","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","by":"olga-petrova","id":"1","item":"f85ceb","kind":"question","name":"Olga Petrova","note":"Which?","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","item":"f85ceb","kind":"answer","note":"This one","skill":"serverless-functions","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","by":"olga-petrova","id":"1","item":"f85ceb","kind":"question","name":"Olga Petrova","note":"Again?","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","by":"olga-petrova","id":"1","item":"f85ceb","kind":"confirm","name":"Olga Petrova","note":"ok","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","by":"olga-petrova","id":"1","kind":"review-end","name":"Olga Petrova","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","entry":"2026-01-01T09:00:03Z","id":"1","item":"f85ceb","kind":"note-fix","note":"","skill":"serverless-functions","v":2}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","item":"e1","kind":"tick","level":"Junior","skill":"later-skill","text":"Early.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","by":"olga-petrova","id":"1","item":"e1","kind":"confirm","name":"Olga Petrova","note":"","skill":"later-skill","text":"Early.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","item":"e1","kind":"note","note":"log \u001f entry","skill":"later-skill","text":"Early.","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","kind":"track","level":"Junior","role":"cloud-engineer","skill":"later-skill","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","kind":"person","name":"Ana \\ Silva","v":1}"#,
        #"{"at":"2026-01-01T09:00:00Z","id":"1","kind":"undo","undo":[UNDO],"v":2}"#,
    ]
    /// A store that snapshots every journal; with `extending`, extends the snapshot at
    /// every load that read new lines (instead of once the journal settled).
    static func makeStore(extending: Bool = false) throws -> Store {
        let folder = DataFolder(path: try TestSupport.makeTempFolder("ladder-snapshot"))
        try folder.prepare()
        var store = Store(folder: folder)
        store.snapshotMinBytes = 0
        if extending { store.snapshotGrowthBytes = 1 }
        return store
    }

    /// Journal lines of every kind (`kinds`), each a time `first` minutes and on after
    /// a base moment, with the id of its minute (so lines written again at a minute
    /// repeat its id); with `undo`, undo lines too, each naming one or two of the ten
    /// minutes before it.
    static func lines(_ count: Int, from first: Int, seed: UInt64, undo: Bool = false) -> [String] {
        var random = Seeded(seed)
        let kinds = undo ? kinds : Array(kinds.dropLast())
        return (first..<(first + count)).map { minute in
            let template = kinds[Int(random.next() % UInt64(kinds.count))]
            let named = (0..<Int(random.next() % 2 + 1)).map { _ in "\"\(id(minute - 1 - Int(random.next() % 10)))\"" }
            return line(template.replacingOccurrences(of: "UNDO", with: named.joined(separator: ",")), minute: minute, id: id(minute))
        }
    }

    static func id(_ minute: Int) -> String { String(format: "%016llx", UInt64(bitPattern: Int64(minute)) &* 0x9E37_79B9_7F4A_7C15) }

    static func line(_ template: String, minute: Int, id: String) -> String {
        let at = JournalEvent.timestamp(Date(timeIntervalSince1970: 1_767_258_000 + Double(minute) * 60))
        var text = template.replacingOccurrences(of: #"\"at\":\"[^\"]*\""#, with: "\"at\":\"\(at)\"", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\"id\":\"[^\"]*\""#, with: "\"id\":\"\(id)\"", options: .regularExpression)
        return text
    }

    struct Seeded {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func journalPath(_ store: Store) -> String { store.folder.journalPath(for: .me) }

    static func write(_ bytes: [UInt8], _ store: Store) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: journalPath(store)))
    }

    static func append(_ lines: [String], _ store: Store) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journalPath(store)))
        handle.seekToEndOfFile()
        handle.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try handle.close()
    }

    static func bytes(_ store: Store) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: journalPath(store)))) }

    static func joined(_ lines: [String]) -> [UInt8] { Array(lines.map { $0 + "\n" }.joined().utf8) }

    /// Loads through the snapshot and from the whole journal and expects the same;
    /// returns the journal the snapshot load read (its events are the lines it read).
    @discardableResult
    static func expectExact(_ store: Store, _ comment: Comment? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> Journal {
        let (record, journal) = try store.record(for: .me)
        var whole = store
        whole.snapshots = .off
        let (truth, truthJournal) = try whole.record(for: .me)
        var (state, truthState) = (record, truth)
        state.events = []
        truthState.events = []
        #expect(state == truthState, comment, sourceLocation: sourceLocation)
        #expect(record.eventCount == truth.events.count, comment, sourceLocation: sourceLocation)
        #expect(record.events == truth.events, comment, sourceLocation: sourceLocation)
        #expect(journal.problems == truthJournal.problems, comment, sourceLocation: sourceLocation)
        #expect(journal.readOnly == truthJournal.readOnly, comment, sourceLocation: sourceLocation)
        return journal
    }

    @Test func aLoadReadsOnlyTheLinesAppendedSinceTheSnapshot() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        try Self.write(Self.joined(Self.lines(300, from: 0, seed: 1)), store)
        #expect(try Self.expectExact(store).events.count == 300, "the first load folds everything")
        #expect(FileManager.default.fileExists(atPath: RecordSnapshot.path(in: store.folder, for: .me)))
        try Self.append(Self.lines(40, from: 300, seed: 2), store)
        #expect(try Self.expectExact(store).events.count == 40, "only the new lines are read")
        #expect(try store.record(for: .me).record.events.count == 340, "the record still has every event")
    }

    @Test func anExtendedSnapshotReadsOnlyLaterLines() throws {
        let store = try Self.makeStore(extending: true)
        defer { TestSupport.removeFolder(store.folder.path) }
        try Self.write(Self.joined(Self.lines(100, from: 0, seed: 18)), store)
        try Self.expectExact(store)
        try Self.append(Self.lines(30, from: 100, seed: 19), store)
        #expect(try Self.expectExact(store).events.count == 30)
        try Self.append(Self.lines(7, from: 130, seed: 20), store)
        #expect(try Self.expectExact(store).events.count == 7, "the snapshot now ends after the 30")
        #expect(try store.record(for: .me).record.events.count == 137)
    }

    @Test func everyKindOfEventFoldsTheSameFromTheSnapshot() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        // Every kind but the undo in the head, then again after it: read on from the snapshot.
        let kinds = Self.kinds.dropLast()
        try Self.write(Self.joined(kinds.enumerated().map { Self.line($1, minute: $0, id: "a\($0)") }), store)
        try Self.expectExact(store)
        let snapshot = try #require(RecordSnapshot.load(in: store.folder, for: .me, journal: Self.journalPath(store)))
        #expect(!snapshot.record.untracked.isEmpty || snapshot.record.skills["later-skill"] != nil)
        let again = kinds.enumerated().map { Self.line($1, minute: 100 + $0, id: "b\($0)") }
        try Self.append(again, store)
        #expect(try Self.expectExact(store).events.count == again.count)
    }

    @Test func theSnapshotKeepsEveryPartOfTheState() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        // Stop before `later-skill` is tracked, so its changes are still kept aside.
        let head = Self.kinds.prefix { !$0.contains(#""kind":"track","level":"Junior""#) }
        try Self.write(Self.joined(head.enumerated().map { Self.line($1, minute: $0, id: "a\($0)") }), store)
        let truth = try Self.expectExact(store)
        let snapshot = try #require(RecordSnapshot.load(in: store.folder, for: .me, journal: Self.journalPath(store)))
        var whole = store
        whole.snapshots = .off
        var folded = try whole.record(for: .me).record
        folded.events = []
        #expect(snapshot.record == folded)
        #expect(snapshot.record.untracked["later-skill"]?.count == 3)
        #expect(snapshot.record.role == nil && snapshot.record.firstChange != nil && snapshot.record.lastProgress != nil)
        let skill = try #require(snapshot.record.skills["serverless-functions"])
        #expect(skill.focus["cc22dd"]?.text == "Runs it." && skill.focus["aa11bb"] == nil)
        #expect(skill.assessments["f85ceb"]?.thread.count == 4)
        #expect(snapshot.record.reviews.last?.notes.last?.by?.name == "Olga\tPetrova")
        #expect(truth.problems.isEmpty)
        // Tracking it after the snapshot applies what was kept aside.
        try Self.append([Self.line(Self.kinds[Self.kinds.count - 3], minute: 500, id: "late")], store)
        #expect(try Self.expectExact(store).events.count == 1)
        #expect(try store.record(for: .me).record.skills["later-skill"]?.ticks["e1"] != nil)
    }

    @Test func anUndoOrAnUndoneEventAfterTheSnapshotFoldsTheWholeJournal() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let lines = Self.kinds.dropLast().enumerated().map { Self.line($1, minute: $0, id: Self.id($0)) }
        // The head undoes an event that is not there yet (a clone's line merged later).
        let undo = Self.line(#"{"at":"x","id":"x","kind":"undo","undo":["late-one"],"v":2}"#, minute: 100, id: "u1")
        try Self.write(Self.joined(lines + [undo]), store)
        try Self.expectExact(store)
        try Self.append([Self.line(Self.kinds[2], minute: 101, id: "late-one")], store)
        #expect(try Self.expectExact(store).events.count > 1, "the whole journal: the new line is undone")
        #expect(try store.record(for: .me).record.events.allSatisfy { $0.id != "late-one" })
        // An undo appended after the snapshot takes back an event it holds.
        try Self.expectExact(store)
        let step = Self.line(#"{"at":"x","id":"x","kind":"undo","undo":["\#(Self.id(8))"],"v":2}"#, minute: 102, id: "u2")
        try Self.append([step], store)
        #expect(try Self.expectExact(store).events.count > 1)
        #expect(try store.record(for: .me).record.skills["serverless-functions"]?.steps.isEmpty == true)
        // Undone in memory (the UI applies its own undo) from a record read through the snapshot.
        try Self.expectExact(store)
        var record = try store.record(for: .me).record
        let tick = try #require(record.events.last { if case .tick = $0.change { return true } else { return false } })
        record.apply(JournalEvent(.undo(events: [tick.id]), at: "2027-01-01T00:00:00Z"))
        try store.append([JournalEvent(.undo(events: [tick.id]), at: "2027-01-01T00:00:00Z")], for: .me)
        var whole = store
        whole.snapshots = .off
        var (a, b) = (record, try whole.record(for: .me).record)
        a.events = []
        b.events = []
        #expect(a == b)
    }

    @Test func anOwnersAndASharedRecordFoldTheSame() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        // The owner named themself after using the folder: their journal stays `me`'s,
        // and goes by their name while no line names them.
        let lines = Self.kinds.filter { !$0.contains(#""kind":"person""#) }.enumerated().map { Self.line($1, minute: $0, id: "a\($0)") }
        try Self.write(Self.joined(lines.filter { !$0.contains(#""kind":"undo""#) }), store)
        try Self.expectExact(store)
        let owner = Owner(id: PersonID(name: "Ana Silva"), name: "Ana Silva", journal: .me)
        try owner.save(to: store.folder)
        for person in [PersonID.me, owner.id] {
            let (record, _) = try store.record(for: person)
            #expect(record.name == "Ana Silva")
            #expect(record.id == owner.id)
        }
        try Self.append([Self.line(Self.kinds[0], minute: 900, id: "named")], store)
        var whole = store
        whole.snapshots = .off
        #expect(try store.record(for: owner.id).record == whole.record(for: owner.id).record)
        #expect(try store.record(for: owner.id).journal.events.count == 1, "read on from the snapshot")
        // A shared record's journal lives in its own repository; its snapshot is this folder's.
        let bo = PersonID(name: "Bo")
        let shared = store.folder.sharedRecord(bo)
        try FileManager.default.createDirectory(atPath: shared.path + "/.git", withIntermediateDirectories: true)
        try shared.prepare()
        try Data(Self.joined(lines.filter { !$0.contains(#""kind":"undo""#) })).write(to: URL(fileURLWithPath: shared.journalPath(for: bo)))
        for round in 0..<3 {
            let (record, _) = try store.record(for: bo)
            let truth = try whole.record(for: bo).record
            #expect(record == truth, "round \(round)")
            #expect(FileManager.default.fileExists(atPath: RecordSnapshot.path(in: store.folder, for: bo)))
            try store.append([JournalEvent(.untrack(skill: "x\(round)"), at: "2027-01-01T00:00:0\(round)Z")], for: bo)
        }
        #expect(try store.record(for: bo).journal.events.count == 3, "read on from the snapshot")
    }


    @Test func linesMergedIntoTheMiddleFoldTheWholeJournal() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let lines = Self.lines(200, from: 0, seed: 3, undo: true)
        try Self.write(Self.joined(lines), store)
        try Self.expectExact(store)
        let merged = Array(lines[..<100]) + Self.lines(5, from: 150, seed: 4) + Array(lines[100...]) + Self.lines(5, from: 400, seed: 5)
        try Self.write(Self.joined(merged), store)
        #expect(try Self.expectExact(store).events.count > 10, "not read on from the snapshot")
    }

    @Test func aTruncatedJournalFoldsTheSameAtEveryCut() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let original = Self.joined(Self.lines(60, from: 0, seed: 6, undo: true))
        let more = Self.lines(80, from: 60, seed: 7, undo: true)
        for cut in stride(from: 0, to: original.count, by: 53) {
            try Self.write(original, store)
            try Self.expectExact(store, "snapshot of the whole journal")
            try Self.write(Array(original[..<cut]), store)
            try Self.expectExact(store, "cut at \(cut)")
            try Self.append(more, store) // longer than the snapshot's bytes again, but not an extension of them
            try Self.expectExact(store, "cut at \(cut), then appended")
        }
    }

    @Test func aDamagedJournalFoldsTheSame() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let original = Self.joined(Self.lines(80, from: 0, seed: 8, undo: true))
        for (round, at) in stride(from: 5, to: original.count, by: 211).enumerated() {
            try Self.write(original, store)
            try Self.expectExact(store)
            var damaged = original
            damaged[at] = [0x00, 0x7B, 0x22, 0x0A, 0xFF][round % 5]
            try Self.write(damaged, store)
            try Self.expectExact(store, "byte \(at)")
            try Self.append(Self.lines(3, from: 500, seed: UInt64(round)), store)
            try Self.expectExact(store, "byte \(at), then appended")
        }
    }

    @Test func anAppendOlderThanTheSnapshotOrRepeatingAnEventFoldsInTimeOrder() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let lines = Self.lines(120, from: 1_000, seed: 9)
        try Self.write(Self.joined(lines), store)
        try Self.expectExact(store)
        // A union merge appends the other clone's lines, older than ours.
        try Self.append(Self.lines(10, from: 0, seed: 10), store)
        #expect(try Self.expectExact(store).events.count == 130, "the whole journal, sorted by time")
        try Self.expectExact(store)
        // A merge by hand repeats a line: the event counts once.
        try Self.append([lines[5], lines[6].replacingOccurrences(of: "\"at\":", with: "\"text\":\"other\",\"at\":")], store)
        try Self.expectExact(store)
    }

    @Test func aTornLastLineThenAnAppendFoldsTheSame() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        try Self.write(Self.joined(Self.lines(50, from: 0, seed: 11)) + Array(#"{"at":"2026-01-0"#.utf8), store)
        try Self.expectExact(store)
        try store.append([JournalEvent(.untrack(skill: "x"), at: "2027-01-01T00:00:00Z")], for: .me)
        try Self.expectExact(store)
        try store.append([JournalEvent(.untrack(skill: "y"), at: "2027-01-01T00:00:01Z")], for: .me)
        try Self.expectExact(store)
    }

    @Test func aDamagedSnapshotIsDroppedAndRebuilt() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        try Self.write(Self.joined(Self.lines(150, from: 0, seed: 12)), store)
        try Self.expectExact(store)
        let path = RecordSnapshot.path(in: store.folder, for: .me)
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var random = Seeded(13)
        for round in 0..<40 {
            var bad = good
            switch round % 4 {
            case 0: bad = Array(bad.prefix(Int(random.next() % UInt64(bad.count))))
            case 1: bad[Int(random.next() % UInt64(bad.count))] ^= 0x20
            case 2:
                // A body cut short that passes the checksum (written by a broken copy, say).
                let body = Array(bad[(bad.firstIndex(of: 0x0A)! + 1)...])
                bad = CacheEnvelope.wrap(kind: RecordSnapshot.kind, format: RecordSnapshot.format,
                                         body: Array(body.prefix(Int(random.next() % UInt64(body.count)))))
            default: bad = Array("\(RecordSnapshot.kind) \(RecordSnapshot.format + 1) 0\n".utf8) + bad
            }
            try Data(bad).write(to: URL(fileURLWithPath: path))
            try Self.append(Self.lines(1, from: 200 + round, seed: UInt64(round)), store)
            try Self.expectExact(store, "round \(round)")
        }
    }

    @Test func linesGoneSinceTheLastSyncAreReportedTheSame() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let lines = Self.lines(100, from: 0, seed: 14)
        try Self.write(Self.joined(lines), store)
        SyncedLines.recordAll(in: store.folder)
        try Self.expectExact(store)
        try Self.append(Self.lines(5, from: 100, seed: 15), store)
        #expect(try Self.expectExact(store).problems.isEmpty)
        try Self.write(Self.joined(Array(lines.dropFirst(3)) + Self.lines(5, from: 100, seed: 15)), store)
        #expect(try Self.expectExact(store).problems.count == 1)
    }

    @Test(arguments: [false, true])
    func randomAppendsCutsAndDamageAlwaysFoldTheSame(extending: Bool) throws {
        let store = try Self.makeStore(extending: extending)
        defer { TestSupport.removeFolder(store.folder.path) }
        var random = Seeded(16)
        var minute = 0
        try Self.write(Self.joined(Self.lines(100, from: 0, seed: 17, undo: true)), store)
        for round in 0..<60 {
            var bytes = try Self.bytes(store)
            switch random.next() % 6 {
            case 0, 1, 2:
                minute += 100
                try Self.append(Self.lines(Int(random.next() % 20) + 1, from: minute, seed: random.next(), undo: true), store)
            case 3:
                bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count + 1))))
                try Self.write(bytes, store)
            case 4 where !bytes.isEmpty:
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
                try Self.write(bytes, store)
            default:
                try Self.append(Self.lines(2, from: Int(random.next() % UInt64(minute + 1)), seed: random.next(), undo: true), store)
            }
            try Self.expectExact(store, "round \(round)")
        }
    }
}
