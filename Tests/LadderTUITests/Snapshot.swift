import CellGrid
import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// Compares a rendered screen with `Snapshots/<name>.txt`. A missing or different
/// snapshot fails; set `LADDER_RECORD_SNAPSHOTS=1` to write them on purpose.
func expectSnapshot(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = canvas.text + "\n"
    if ProcessInfo.processInfo.environment["LADDER_RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: file)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt; record it with LADDER_RECORD_SNAPSHOTS=1 swift test --filter LadderTUITests", sourceLocation: sourceLocation)
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
        Issue.record("snapshot \(name) differs:\n\(diff.prefix(8).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}

/// A person with a fixed history in the bundled profile, for stable screens.
enum Fixture {
    static let library = ProfileLibrary.bundled()
    static var profile: Profile { library.profiles[0] }

    static func senior() -> [LadderKit.Expectation] {
        profile.role(named: "cloud-engineer")?.level("Senior")?.expectations ?? []
    }

    /// The fixed "now" of every fixture screen, so dates and stale marks never drift.
    static let now = "2026-07-01T00:00:00Z"

    /// Me, a Middle Cloud Engineer with one Senior expectation ticked and noted.
    static func record() -> PersonRecord {
        var record = PersonRecord(id: .me)
        let senior = senior()
        record.apply(JournalEvent(.track, at: "2026-05-01T09:00:00Z", skill: profile.id, role: "cloud-engineer", level: "Middle"))
        record.apply(JournalEvent(.tick, at: "2026-06-01T09:00:00Z", skill: profile.id, level: "Senior", item: senior[0].id, text: senior[0].text))
        record.apply(JournalEvent(.note, at: "2026-06-02T09:00:00Z", skill: profile.id, item: senior[0].id,
                                  text: senior[0].text, note: "Led the Lambda cold-start work, PR #412"))
        return record
    }

    static func state(_ record: PersonRecord = record(), unicode: Bool = true) -> AppState {
        var state = AppState(library: library, person: .me, record: record, unicode: unicode)
        state.now = now
        return state
    }

    /// Feeds keys (tmux names) through `update`, dropping effects except saves, which
    /// are applied as if the disk accepted them at the fixture's fixed time.
    static func type(_ keys: String, into state: AppState) -> AppState {
        var state = state
        for event in KeyNames.parse(keys) {
            let (next, effects) = update(state, event)
            state = next
            for effect in effects {
                if case .save(let events, let success, let open) = effect {
                    // Dated at the fixture's fixed "now", so screens that show dates stay stable.
                    for var event in events {
                        event.at = now
                        state.record.apply(event)
                    }
                    state.message = .info(success)
                    if let open { state.screen = open; state.back = [.dashboard] }
                }
            }
            _ = view(state, width: 100, height: 30)
        }
        return state
    }
}

/// A temporary data folder for tests that need the runtime and a store.
struct LadderTestSupportFolder {
    let path: String
    init() throws { path = try TestSupport.makeTempFolder("ladder-tui") }
    func remove() { TestSupport.removeFolder(path) }
}
