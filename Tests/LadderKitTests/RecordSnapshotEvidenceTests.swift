import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// A record snapshot keeps each skill's evidence log as a block read only when the
/// log is asked for: a load that never asks does not read it, a snapshot written
/// again copies an unread block as it is, and a block that does not read is folded
/// again from the journal. Whatever the path, the record equals the whole fold.
@Suite struct RecordSnapshotEvidenceTests {
    typealias Lines = RecordSnapshotTests

    /// Two skills, long logs on several expectations whose words change, notes that
    /// clear a log, corrections that remove or reword an entry, text that needs escaping.
    static func lines(_ count: Int, from first: Int, seed: UInt64) -> [String] {
        var random = Lines.Seeded(seed)
        var out: [String] = []
        if first == 0 {
            out.append(Lines.line(#"{"at":"x","id":"x","kind":"track","level":"Middle","role":"cloud-engineer","skill":"serverless-functions","v":1}"#, minute: 0, id: "t1"))
            out.append(Lines.line(#"{"at":"x","id":"x","kind":"track","level":"Junior","role":"cloud-engineer","skill":"later-skill","v":1}"#, minute: 0, id: "t2"))
        }
        for minute in first..<(first + count) {
            let skill = random.next() % 3 == 0 ? "later-skill" : "serverless-functions"
            let item = ["e1", "e2", "e3", "f85ceb"][Int(random.next() % 4)]
            let words = random.next() % 5 == 0 ? "Designs it, reworded \(minute / 50)." : "Designs it."
            let at = JournalEvent.timestamp(Date(timeIntervalSince1970: 1_767_258_000 + Double(minute) * 60))
            // A correction names an entry of up to 30 minutes before (often one there is).
            let earlier = JournalEvent.timestamp(Date(timeIntervalSince1970: 1_767_258_000 + Double(max(0, minute - Int(random.next() % 30))) * 60))
            let change: Change
            switch random.next() % 12 {
            case 0: change = .note(skill: skill, level: "Senior", expectation: item, text: words, note: "")
            case 1: change = .noteFix(skill: skill, expectation: item, entry: earlier, note: "")
            case 2: change = .noteFix(skill: skill, expectation: item, entry: earlier, note: "fixed\tat \(minute)")
            case 3: change = .tick(skill: skill, level: "Senior", expectation: item, text: words)
            default: change = .note(skill: skill, level: "Senior", expectation: item, text: words, note: "PR #\(minute)\nwith \\ and \u{1F}")
            }
            let event = JournalEvent(change, at: at, id: Lines.id(minute))
            out.append((try? String(decoding: event.encodedLine(), as: UTF8.self)) ?? "")
        }
        return out
    }

    static func snapshot(_ store: Store) throws -> RecordSnapshot {
        try #require(RecordSnapshot.load(in: store.folder, for: .me, journal: Lines.journalPath(store)))
    }

    @Test func aLoadLeavesTheLogsUnreadUntilAskedAndTheyReadTheSame() throws {
        let store = try Lines.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        try Lines.write(Lines.joined(Self.lines(400, from: 0, seed: 1)), store)
        try Lines.expectExact(store)
        let snapshot = try Self.snapshot(store)
        let skills = snapshot.record.skills.values
        #expect(skills.contains { !$0.notes.isEmpty })
        for skill in skills where !skill.notes.isEmpty {
            #expect(skill.evidenceLog.pending != nil, "\(skill.skill): not read at load")
        }
        var whole = store
        whole.snapshots = .off
        let truth = try whole.record(for: .me).record
        for skill in skills {
            #expect(skill.notes == truth.skills[skill.skill]?.notes)
            #expect(skill.evidence == truth.skills[skill.skill]?.evidence, "\(skill.skill): read on first use")
        }
    }

    @Test(arguments: [false, true])
    func aSnapshotWrittenAgainKeepsUnreadLogsExactly(extending: Bool) throws {
        let store = try Lines.makeStore(extending: extending)
        defer { TestSupport.removeFolder(store.folder.path) }
        try Lines.write(Lines.joined(Self.lines(300, from: 0, seed: 2)), store)
        try Lines.expectExact(store)
        // New lines that touch no log: the next snapshot copies the unread blocks.
        try Lines.append([Lines.line(#"{"at":"x","id":"x","kind":"step","level":"Senior","skill":"serverless-functions","v":1}"#, minute: 300, id: "s1")], store)
        try Lines.expectExact(store)
        try Lines.expectExact(store, "from the snapshot written with the copied blocks")
        // Then notes on one skill: its log is read, changed and written anew; the other's copied.
        var minute = 301
        for round in 0..<6 {
            try Lines.append(Self.lines(5, from: minute, seed: UInt64(round + 10)), store)
            minute += 5
            try Lines.expectExact(store, "round \(round)")
        }
    }

    /// A block that does not read (a snapshot written wrong, its checksum right) is not
    /// trusted: the log is folded again from the journal.
    @Test func aBlockThatDoesNotReadIsFoldedFromTheJournal() throws {
        let store = try Lines.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        try Lines.write(Lines.joined(Self.lines(200, from: 0, seed: 3)), store)
        try Lines.expectExact(store)
        let path = RecordSnapshot.path(in: store.folder, for: .me)
        let file = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        guard case .success(let body) = CacheEnvelope.unwrap(file, kind: RecordSnapshot.kind, format: RecordSnapshot.format) else {
            Issue.record("the snapshot does not unwrap")
            return
        }
        let tag = Array("\nevidence\t".utf8)
        let starts = (body.startIndex..<(body.endIndex - tag.count)).filter { body[$0..<($0 + tag.count)].elementsEqual(tag) }
        #expect(starts.count > 10)
        for (round, start) in [starts[0], starts[starts.count / 2], starts[starts.count - 1]].enumerated() {
            var bad = Array(body)
            bad[start - body.startIndex + 8] = UInt8(ascii: "X") // "evidencX": same length, not a line a log has
            try Data(CacheEnvelope.wrap(kind: RecordSnapshot.kind, format: RecordSnapshot.format, body: bad)).write(to: URL(fileURLWithPath: path))
            let snapshot = try Self.snapshot(store)
            var whole = store
            whole.snapshots = .off
            var truth = try whole.record(for: .me).record
            truth.events = []
            #expect(snapshot.record == truth, "round \(round)")
            try Lines.expectExact(store, "round \(round)")
        }
    }

    @Test func aLogWithoutItsNewestNotesIsRefused() {
        let newest = ["e1": Note(text: "b", at: "2026-01-02T00:00:00Z", expectation: "E")]
        var out = FieldWriter()
        for (text, at) in [("a", "2026-01-01T00:00:00Z"), ("b", "2026-01-02T00:00:00Z")] {
            out.field("evidence"); out.field("e1"); out.field(text); out.field(at)
            if text == "a" { out.field("E") }
            out.endLine()
        }
        let block = out.bytes[...]
        #expect(RecordSnapshot.readEvidence(block, newest: newest)?["e1"]?.map(\.text) == ["a", "b"])
        #expect(RecordSnapshot.readEvidence(block, newest: [:]) == nil)
        #expect(RecordSnapshot.readEvidence(block, newest: ["e1": Note(text: "a", at: "2026-01-01T00:00:00Z", expectation: "E")]) == nil)
        #expect(RecordSnapshot.readEvidence(block.dropLast(), newest: newest) != nil, "a last line without its newline still reads")
        #expect(RecordSnapshot.readEvidence(Array("evidence\te1\tb\n".utf8)[...], newest: newest) == nil, "no words")
        // An expectation's entries apart from each other: not what the writer writes.
        let split = Array("evidence\te1\ta\t2026-01-01T00:00:00Z\tE\nevidence\te2\tc\t2026-01-01T00:00:00Z\tE\nevidence\te1\tb\t2026-01-02T00:00:00Z\tE\n".utf8)
        #expect(RecordSnapshot.readEvidence(split[...], newest: newest.merging(["e2": Note(text: "c", at: "2026-01-01T00:00:00Z", expectation: "E")]) { a, _ in a }) == nil)
    }
}
