import CellGrid
import Foundation
import LadderKit
import LadderTUI
#if canImport(Glibc)
import Glibc
#endif

/// Measurements made inside this process, on the library and the pure UI.
enum InProcess {
    struct Phases: Codable {
        /// `ProfileLibrary.load` with the cache warm.
        var libraryLoad: Double
        /// `LadderApp.init`: reading and folding `me`'s journal.
        var personLoad: Double
        var dashboardFrame: Double
        /// From the dashboard, Enter (open the first tracked skill) and its frame.
        var skillOpen: Double
        /// `P`: people summaries from the cache, and the frame.
        var peopleOpen: Double
        var peopleListed: Int
        /// `a`: the browser over every summary, and its frame.
        var browserOpen: Double
        var profilesListed: Int
    }

    /// Passes from nothing to each screen, timed phase by phase (cache warm); the
    /// median of each phase.
    static func phases(folder: DataFolder, width: Int, height: Int, passes: Int) -> Phases {
        let runs = (0..<passes).map { _ in phases(folder: folder, width: width, height: height) }
        func median(_ value: (Phases) -> Double) -> Double { Stats(runs.map(value)).median }
        return Phases(libraryLoad: median(\.libraryLoad), personLoad: median(\.personLoad), dashboardFrame: median(\.dashboardFrame),
                      skillOpen: median(\.skillOpen), peopleOpen: median(\.peopleOpen), peopleListed: runs[0].peopleListed,
                      browserOpen: median(\.browserOpen), profilesListed: runs[0].profilesListed)
    }

    static func phases(folder: DataFolder, width: Int, height: Int) -> Phases {
        let t0 = clockNanos()
        let library = ProfileLibrary.load(from: folder)
        let t1 = clockNanos()
        let app = LadderApp(store: Store(folder: folder), library: library, person: .me)
        let t2 = clockNanos()
        _ = app.render(width: width, height: height)
        let t3 = clockNanos()
        app.handle(.key(.enter))
        _ = app.render(width: width, height: height)
        let t4 = clockNanos()
        app.handle(.key(.escape))
        _ = app.render(width: width, height: height)
        let t5 = clockNanos()
        app.handle(.key(.character("P")))
        _ = app.render(width: width, height: height)
        let t6 = clockNanos()
        let people = app.state.people.count
        app.handle(.key(.escape))
        _ = app.render(width: width, height: height)
        let t7 = clockNanos()
        app.handle(.key(.character("a")))
        _ = app.render(width: width, height: height)
        let t8 = clockNanos()
        return Phases(libraryLoad: millis(t0, t1), personLoad: millis(t1, t2), dashboardFrame: millis(t2, t3),
                      skillOpen: millis(t3, t4), peopleOpen: millis(t5, t6), peopleListed: people,
                      browserOpen: millis(t7, t8), profilesListed: library.summaries.count)
    }

    struct KeyToFrame: Codable {
        var navigation: Stats
        var ticking: Stats
        var all: Stats
        /// Not a target: moving through the browser's list of every profile.
        var browser: Stats
        /// Cells that differed between consecutive frames, on average.
        var changedCellsPerFrame: Double
    }

    /// Keys on the skill screen at `width`×`height`: `update`, then `view`, then a
    /// diff of the canvas against the previous frame (what a backend does before
    /// drawing). Saving is not included (see `tickPersisted`): a tick's events are
    /// applied to the record in memory, as `LadderApp` does once they are saved.
    static func keyToFrame(folder: DataFolder, width: Int, height: Int, keys count: Int) -> KeyToFrame {
        let library = ProfileLibrary.load(from: folder)
        let app = LadderApp(store: Store(folder: folder), library: library, person: .me)
        var state = app.state
        var (next, _) = update(state, .key(.enter))
        state = next
        var previous = view(state, width: width, height: height).canvas
        let navigation: [Key] = [.down, .down, .character("j"), .up, .character("k"), .right, .down, .left, .pageDown, .home]
        let ticking: [Key] = [.character(" "), .down, .character(" "), .character("x"), .up, .character(" ")]
        var navigationTimes: [Double] = []
        var tickingTimes: [Double] = []
        var changed = 0
        var frames = 0
        let warmup = 200
        for index in 0..<(count + warmup) {
            let isTick = index % 3 == 0
            let key = isTick ? ticking[(index / 3) % ticking.count] : navigation[index % navigation.count]
            let start = clockNanos()
            let effects: [Effect]
            (next, effects) = update(state, .key(key))
            state = next
            for effect in effects {
                if case .save(let events, let success, _) = effect {
                    for event in events { state.record.apply(event) }
                    state.message = .info(success)
                }
            }
            let frame = view(state, width: width, height: height)
            state.clickRows = frame.listRows
            var differing = 0
            let cells = frame.canvas.cells
            let before = previous.cells
            for cell in cells.indices where cells[cell] != before[cell] { differing += 1 }
            previous = frame.canvas
            let end = clockNanos()
            guard index >= warmup else { continue }
            if isTick { tickingTimes.append(millis(start, end)) } else { navigationTimes.append(millis(start, end)) }
            changed += differing
            frames += 1
        }
        var browser = app.state
        (browser, _) = update(browser, .key(.character("a")))
        var browserTimes: [Double] = []
        let browserKeys: [Key] = [.down, .down, .pageDown, .up, .character("j"), .end, .home, .pageDown]
        for index in 0..<(count / 5 + warmup) {
            let start = clockNanos()
            (browser, _) = update(browser, .key(browserKeys[index % browserKeys.count]))
            let frame = view(browser, width: width, height: height)
            browser.clickRows = frame.listRows
            var differing = 0
            for cell in frame.canvas.cells.indices where frame.canvas.cells[cell] != previous.cells[cell] { differing += 1 }
            previous = frame.canvas
            let end = clockNanos()
            if index >= warmup && differing >= 0 { browserTimes.append(millis(start, end)) }
        }
        return KeyToFrame(navigation: Stats(navigationTimes), ticking: Stats(tickingTimes),
                          all: Stats(navigationTimes + tickingTimes), browser: Stats(browserTimes),
                          changedCellsPerFrame: Double(changed) / Double(max(1, frames)))
    }

    /// Appending one tick event (lock, write, fsync) to a copy of `me`'s journal in
    /// a scratch data folder under `scratch`.
    static func tickPersisted(from folder: DataFolder, scratch: String, count: Int) throws -> Stats {
        let copy = DataFolder(path: scratch)
        try copy.prepare()
        if let bytes = try SafeFile.contents(of: folder.journalPath(for: .me)) {
            try SafeFile.writeAtomically(bytes, to: copy.journalPath(for: .me))
        }
        let store = Store(folder: copy)
        var times: [Double] = []
        for index in 0..<(count + 20) {
            let event = JournalEvent(index % 2 == 0 ? .tick : .untick, skill: "bench", level: "Senior", item: "abc123",
                                     text: "Optimizes cost and performance.")
            let start = clockNanos()
            try store.append([event], for: .me)
            let end = clockNanos()
            if index >= 20 { times.append(millis(start, end)) }
        }
        return Stats(times)
    }
}
