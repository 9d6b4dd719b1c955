import CellGrid
import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// Compares a rendered screen with `Snapshots/<name>.txt`. A missing or different
/// snapshot fails; set `LADDER_RECORD_SNAPSHOTS=1` to write them on purpose. The text
/// is what a terminal without colour (`NO_COLOR`) shows.
func expectSnapshot(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectGolden(canvas.text + "\n", name + ".txt", sourceLocation: sourceLocation)
}

/// Compares the colours of a rendered screen with `Snapshots/<name>.colours.txt`: a
/// letter a cell, `a` accent, `g` good, `w` warning, `b` bad, `m` muted, blank for
/// none; what the terminal adds to the text of `<name>.txt` when it has colour.
func expectColourSnapshot(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let letters: [Style.Colour: Character] = [.plain: " ", .accent: "a", .good: "g", .warning: "w", .bad: "b", .muted: "m"]
    let rows = (0..<canvas.height).map { y in
        var row = ""
        for x in 0..<canvas.width where !(canvas[x, y].text.isEmpty) {
            // A wide character's right half is drawn by its left: one letter for both columns.
            let letter = letters[canvas[x, y].style.colour] ?? "?"
            row += String(repeating: letter, count: max(1, TextWidth.of(canvas[x, y].text)))
        }
        while row.last == " " { row.removeLast() }
        return row
    }
    expectGolden(rows.joined(separator: "\n") + "\n", name + ".colours.txt", sourceLocation: sourceLocation)
}

/// Compares text with the file `Snapshots/<file>`, or writes it when recording.
private func expectGolden(_ actual: String, _ file: String, sourceLocation: SourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["LADDER_RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot \(file); record it with LADDER_RECORD_SNAPSHOTS=1 swift test --filter LadderTUITests", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for row in 0..<max(e.count, a.count) {
            let left = row < e.count ? String(e[row]) : "<none>"
            let right = row < a.count ? String(a[row]) : "<none>"
            if left != right { diff.append("row \(row + 1):\n  expected: \(left)\n  actual:   \(right)") }
        }
        Issue.record("snapshot \(file) differs:\n\(diff.prefix(8).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}

/// A person with a fixed history in the bundled profile, for stable screens.
enum Fixture {
    static let library = ProfileLibrary.bundled()
    static var profile: Profile { library.profile("serverless-functions") ?? library.profiles[0] }

    static func senior() -> [LadderKit.Expectation] {
        profile.role(named: "cloud-engineer")?.level("Senior")?.expectations ?? []
    }

    /// The fixed "now" of every fixture screen, so dates and stale marks never drift.
    static let now = "2026-07-01T00:00:00Z"

    /// Me, a Middle Cloud Engineer with one Senior expectation ticked and noted.
    static func record() -> PersonRecord {
        var record = PersonRecord(id: .me)
        let senior = senior()
        record.apply(JournalEvent(.track(skill: profile.id, role: "cloud-engineer", level: "Middle"), at: "2026-05-01T09:00:00Z"))
        record.apply(JournalEvent(.tick(skill: profile.id, level: "Senior", expectation: senior[0].id, text: senior[0].text), at: "2026-06-01T09:00:00Z"))
        record.apply(JournalEvent(.note(skill: profile.id, level: nil, expectation: senior[0].id, text: senior[0].text, note: "Led the Lambda cold-start work, PR #412"), at: "2026-06-02T09:00:00Z"))
        return record
    }

    /// Ana Silva, a mentee, with the same history as `record()`.
    static func ana() -> PersonRecord {
        var record = PersonRecord(id: PersonID(name: "Ana Silva"))
        record.apply(JournalEvent(.person(name: "Ana Silva", mentee: true), at: "2026-05-01T08:00:00Z"))
        for event in Fixture.record().events { record.apply(JournalEvent(event.change, at: event.at)) }
        return record
    }

    /// The app, as a user runs it, on a data folder holding `record`'s journal, at
    /// the fixture's fixed time, drawn at 100×30. `owner` names the folder's owner
    /// (`ladder init --name`) before it starts.
    static func app(_ record: PersonRecord = record(), unicode: Bool = true, now: String = now,
                    profiles: [String: String] = [:], owner: String? = nil) -> TestApp {
        TestApp(record, unicode: unicode, now: now, profiles: profiles, owner: owner)
    }

    /// Types keys (tmux names) into the app, as `ladder snapshot --keys` does.
    @discardableResult
    static func type(_ keys: String, into app: TestApp) -> TestApp {
        for event in KeyNames.parse(keys) { app.handle(event) }
        return app
    }
}

/// A `LadderApp` on its own temporary data folder, removed when the test is done.
final class TestApp {
    let app: LadderApp
    let folder: String

    /// `profiles`: YAML text of the user's own profiles by file name, beside the bundled ones.
    init(_ record: PersonRecord, unicode: Bool, now: String, profiles: [String: String], owner: String?,
         environment: [String: String] = [:], canLendTerminal: Bool = false) {
        folder = (try? TestSupport.makeTempFolder("ladder-tui")) ?? "/nonexistent"
        let store = Store(folder: DataFolder(path: folder))
        do {
            try store.folder.prepare()
            try store.append(record.events, for: record.id)
            if let owner { _ = try store.nameOwner(owner) }
            for (name, yaml) in profiles {
                try SafeFile.makeFolder(folder + "/profiles")
                try SafeFile.writeAtomically(Array(yaml.utf8), to: folder + "/profiles/" + name)
            }
        } catch {
            Issue.record("could not write the fixture's files: \(error)")
        }
        let library = profiles.isEmpty ? Fixture.library : ProfileLibrary.load(from: store.folder)
        app = LadderApp(store: store, library: library, person: record.id, unicode: unicode, environment: environment,
                        canLendTerminal: canLendTerminal, clock: { now })
        app.handle(.resize(width: 100, height: 30))
    }

    deinit { TestSupport.removeFolder(folder) }

    var state: AppState { app.state }
    /// The folder's store for a test's own writes: it waits for the lock as the CLI
    /// does (the app's store tries once). Other tests in this process spawn
    /// programs, and a child between fork and exec briefly keeps a lock just released.
    var store: Store { Store(folder: app.store.folder) }
    /// One event, then any work it left pending (a sync), as the terminal's loop does.
    /// A save waiting for the lock is tried again as the clock's ticks would (no test
    /// here holds the lock, but a child of another test between fork and exec can keep
    /// one just released for a moment).
    func handle(_ event: InputEvent) {
        app.handle(event)
        while app.hasWorkPending { app.handle(.idle) }
        for _ in 0..<250 where app.state.waitingForLock != nil {
            usleep(20_000)
            app.handle(.idle)
        }
    }

    /// The frame at a size (sent as a resize first, as the terminal does).
    func screen(_ width: Int, _ height: Int) -> Canvas {
        app.handle(.resize(width: width, height: height))
        return app.frame
    }
}
