import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// A report of a long journal reads its events once, one at a time, without keeping
/// them (`PersonRecord.reduceEvents`), keeps its changes compactly (`ChangeList`) and
/// writes its Markdown as it goes (`TextOutput`): the same report, Markdown and
/// JSON as from every event kept and a string made whole, however the journal is written.
@Suite struct StreamedReportTests {
    let library = ProfileLibrary.bundled()
    typealias Snapshots = RecordSnapshotTests

    func date(_ text: String) throws -> Date { try #require(JournalEvent.date(text)) }

    /// The journal's lines read as a snapshot's earlier events: handed on one at a time
    /// (nil when the reader gave up), and all of them kept.
    func earlier(_ store: Store) throws -> (streamed: [JournalEvent]?, kept: [JournalEvent]) {
        let path = Snapshots.journalPath(store)
        let length = Int64(try Snapshots.bytes(store).count)
        let earlier = EarlierEvents(count: 0) { keepsIDs, each in
            Store.earlierEvents(path: path, length: length, keepsIDs: keepsIDs, each)
        }
        let streamed = earlier.reduce(into: [JournalEvent]()) { $0.append($1) }
        return (streamed, earlier.events)
    }

    /// The events of the whole journal as the fold keeps them.
    func truth(_ store: Store) throws -> PersonRecord {
        var whole = store
        whole.snapshots = .off
        return try whole.record(for: .me).record
    }

    @Test func eventsInFoldOrderAreHandedOnAsTheyAreRead() throws {
        let store = try Snapshots.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        try Snapshots.write(Snapshots.joined(Snapshots.lines(400, from: 0, seed: 71)), store)
        let (streamed, kept) = try earlier(store)
        #expect(streamed != nil, "nothing to put in order: read as it comes")
        #expect(streamed == kept)
        #expect(kept == (try truth(store)).events)
    }

    @Test func anUndoATimeOutOfOrderOrARepeatedIDLeavesItToTheKeptEvents() throws {
        let lines = Snapshots.lines(200, from: 0, seed: 72)
        let undone = Snapshots.lines(200, from: 0, seed: 73, undo: true)
        #expect(undone.contains { $0.contains(#""kind":"undo""#) })
        let cases: [(String, [String])] = [
            ("an undo", undone),
            ("a time out of order", Array(lines[100...]) + Array(lines[..<100])),
            ("a repeated id", lines + [Snapshots.line(lines[10], minute: 200, id: Snapshots.id(10))]),
        ]
        for (what, journal) in cases {
            let store = try Snapshots.makeStore()
            defer { TestSupport.removeFolder(store.folder.path) }
            try Snapshots.write(Snapshots.joined(journal), store)
            let (streamed, kept) = try earlier(store)
            #expect(streamed == nil, "\(what)")
            #expect(kept == (try truth(store)).events, "\(what)")
        }
    }

    @Test func aReportReadThroughTheSnapshotIsTheReportOfEveryEventKept() throws {
        for (seed, undo) in [(81 as UInt64, false), (82, true), (83, false)] {
            let store = try Snapshots.makeStore()
            defer { TestSupport.removeFolder(store.folder.path) }
            try Snapshots.write(Snapshots.joined(Snapshots.lines(300, from: 0, seed: seed, undo: undo)), store)
            _ = try store.record(for: .me) // makes the snapshot
            try Snapshots.append(Snapshots.lines(30, from: 300, seed: seed + 100), store)
            let record = try store.record(for: .me).record
            let kept = try truth(store)
            for period in [ReportPeriod.lastReview, .since(day: "2026-01-01"), .since(day: "2026-01-02")] {
                let now = try date("2026-01-05T00:00:00Z")
                let streamed = PersonReport(record: record, library: library, now: now, period: period)
                let whole = PersonReport(record: kept, library: library, now: now, period: period)
                #expect(streamed == whole, "seed \(seed), \(period)")
                #expect(MarkdownReport.render(streamed) == MarkdownReport.render(whole))
                #expect(try PrettyJSON.string(streamed, keys: .snakeCase) == PrettyJSON.string(whole, keys: .snakeCase))
            }
            #expect(record.events == kept.events, "asked for last: the reports streamed them")
        }
    }

    @Test func withoutPointsTheHistoryHasTheSameLevelsAndPace() throws {
        for seed in 91...94 as ClosedRange<UInt64> {
            let lines = Snapshots.lines(300, from: 0, seed: seed) + Snapshots.lines(300, from: 2_000, seed: seed + 10)
            let record = PersonRecord.fold(Journal.parse(Snapshots.joined(lines), file: "me.jsonl").events, id: .me)
            for window in [90, 2] {
                let now = try date("2026-01-05T00:00:00Z")
                let full = History.of(record, library: library, now: now, windowDays: window)
                let lean = record.reduceEvents(into: History.Replay(record, library: library, now: now, windowDays: window,
                                                                    keepsPoints: false)) { $0.add($1) }
                    .histories(record, library: library, now: now)
                #expect(lean.map(\.levels) == full.map(\.levels), "seed \(seed)")
                #expect(lean.map(\.pace) == full.map(\.pace), "seed \(seed)")
                #expect(lean.allSatisfy { $0.points.isEmpty })
            }
        }
    }

    /// Many shapes (the table of kept shapes grows several times), each met many times.
    @Test func aChangeListKeepsManyShapesApart() {
        var changes: [ChangeReport] = []
        for index in 0..<3000 {
            let shape = (index * 7919) % 600
            changes.append(ChangeReport(at: "2026-02-\(10 + index / 1000)T09:00:00Z", kind: shape % 2 == 0 ? "tick" : "untick",
                                        expectation: "e\(shape)", text: shape % 3 == 0 ? nil : "Text \(shape / 3)",
                                        level: nil, note: nil, verb: "ticked"))
        }
        var list = ChangeList()
        for change in changes { list.append(change) }
        #expect(Array(list) == changes)
    }

    @Test func aChangeListGivesBackEveryChangeAndEncodesAsTheirArray() throws {
        let times = ["2026-01-01T09:00:00Z", "2026-01-01T09:00:00Z", "2026-01-01T10:30:07Z", "2026-01-02T00:00:00Z", "2026-01-01",
                     "", "2026-01-01T09:00:00.5Z", "2026-01-0\u{E9}T09:00:00Z", "2026-01-01T\0\0\0\0\0\0\0\0Z", "2026-01-01X09:00:00Z"]
        var changes: [ChangeReport] = []
        for (index, at) in times.enumerated() {
            changes.append(ChangeReport(at: at, kind: index % 2 == 0 ? "tick" : "note", expectation: index % 3 == 0 ? nil : "e\(index % 4)",
                                        text: index % 5 == 0 ? nil : "Designs it.", level: index % 2 == 0 ? "Senior" : nil,
                                        note: index % 2 == 0 ? nil : "PR #\(index)", verb: index % 2 == 0 ? "ticked (Senior)" : "note"))
        }
        // One character spelled two ways (equal to ==, not in bytes): each comes back as it was.
        for (index, spelling) in ["\u{E9}t\u{E9}", "e\u{301}te\u{301}", "\u{E9}t\u{E9}"].enumerated() {
            changes.append(ChangeReport(at: index == 0 ? "2026-01-03T09:00:00Z" : spelling, kind: "tick", expectation: spelling, text: spelling, level: spelling,
                                        note: nil, verb: "ticked (\(spelling))"))
        }
        var list = ChangeList()
        for change in changes { list.append(change) }
        #expect(Array(list) == changes)
        #expect(list.map { Array($0.at.utf8) + Array($0.expectation?.utf8 ?? "".utf8) + Array($0.text?.utf8 ?? "".utf8)
                           + Array($0.level?.utf8 ?? "".utf8) + Array($0.verb.utf8) }
                == changes.map { Array($0.at.utf8) + Array($0.expectation?.utf8 ?? "".utf8) + Array($0.text?.utf8 ?? "".utf8)
                                 + Array($0.level?.utf8 ?? "".utf8) + Array($0.verb.utf8) }, "the bytes of every word")
        #expect(list.count == times.count + 3)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(list) == encoder.encode(changes))
    }

    @Test func markdownWrittenToAFileAsItGoesIsTheStringMadeWhole() throws {
        let store = try Snapshots.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let lines = (0..<8).flatMap { Snapshots.lines(500, from: $0 * 500, seed: 100 + UInt64($0)) }
            .filter { !$0.contains(#""kind":"review-end""#) } // every change in one period: well over one 64 KB chunk
        try Snapshots.write(Snapshots.joined(lines), store)
        let report = PersonReport(record: try store.record(for: .me).record, library: library, now: try date("2026-01-05T00:00:00Z"))
        let whole = MarkdownReport.render(report)
        #expect(whole.utf8.count > 2 * TextOutput.chunkBytes)

        let path = store.folder.path + "/report.md"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        var output = TextOutput(fileDescriptor: fd, name: path)
        MarkdownReport.render(report, into: &output)
        try output.finish()
        close(fd)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(whole.utf8))
    }
}
