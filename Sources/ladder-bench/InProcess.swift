import CellGrid
import Foundation
import LadderKit
import LadderTUI
import LadderTerminal
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
        app.handle(.resize(width: width, height: height))
        _ = app.frame
        let t3 = clockNanos()
        app.handle(.key(.enter))
        _ = app.frame
        let t4 = clockNanos()
        app.handle(.key(.escape))
        _ = app.frame
        let t5 = clockNanos()
        app.handle(.key(.character("P")))
        _ = app.frame
        let t6 = clockNanos()
        let people = app.state.people.count
        app.handle(.key(.escape))
        _ = app.frame
        let t7 = clockNanos()
        app.handle(.key(.character("a")))
        _ = app.frame
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
        /// Moving through the learning path, and through the team view and its matrix.
        var path: Stats?
        var team: Stats?
        /// Cells that differed between consecutive frames, on average.
        var changedCellsPerFrame: Double
    }

    /// Keys on the skill screen at `width`×`height`, through the app's one step
    /// (`LadderApp.handle`: `update`, the effects, saving a tick to a scratch copy of
    /// `me`'s journal), then the frame, drawn by the curses backend as the run loop
    /// draws it (curses on /dev/null: it works out and writes what changed).
    static func keyToFrame(folder: DataFolder, scratch: String, width: Int, height: Int, keys count: Int) throws -> KeyToFrame {
        let terminal = try NcursesTerminal(headlessWidth: width, height: height)
        defer { terminal.stop() }
        let library = ProfileLibrary.load(from: folder)
        let app = LadderApp(store: Store(folder: try scratchCopy(of: folder, at: scratch)), library: library, person: .me)
        app.handle(.resize(width: width, height: height))
        app.handle(.key(.enter))
        var previous = app.frame
        let navigation: [Key] = [.down, .down, .character("j"), .up, .character("k"), .right, .down, .left, .pageDown, .home]
        let ticking: [Key] = [.character(" "), .down, .character(" "), .character("x"), .up, .character(" ")]
        var navigationTimes: [Double] = []
        var tickingTimes: [Double] = []
        var changed = 0
        var frames = 0
        let warmup = 200
        func keyAndFrame(_ key: Key, on target: LadderApp) -> (millis: Double, changed: Int) {
            let start = clockNanos()
            target.handle(.key(key))
            let frame = target.frame
            terminal.draw(frame)
            let end = clockNanos()
            var differing = 0
            for cell in frame.cells.indices where frame.cells[cell] != previous.cells[cell] { differing += 1 }
            previous = frame
            return (millis(start, end), differing)
        }
        for index in 0..<(count + warmup) {
            let isTick = index % 3 == 0
            let (time, differing) = keyAndFrame(isTick ? ticking[(index / 3) % ticking.count] : navigation[index % navigation.count], on: app)
            guard index >= warmup else { continue }
            if isTick { tickingTimes.append(time) } else { navigationTimes.append(time) }
            changed += differing
            frames += 1
        }
        app.handle(.key(.escape))
        app.handle(.key(.character("a")))
        var browserTimes: [Double] = []
        let browserKeys: [Key] = [.down, .down, .pageDown, .up, .character("j"), .end, .home, .pageDown]
        for index in 0..<(count / 5 + warmup) {
            let (time, _) = keyAndFrame(browserKeys[index % browserKeys.count], on: app)
            if index >= warmup { browserTimes.append(time) }
        }
        /// Keys on a screen of another app on the fixture itself (these keys write nothing).
        func screen(_ app: LadderApp, opening: [Key], _ keys: [Key]) -> [Double] {
            app.handle(.resize(width: width, height: height))
            for key in opening { app.handle(.key(key)) }
            previous = app.frame
            var times: [Double] = []
            for index in 0..<(count / 5 + warmup) {
                let (time, _) = keyAndFrame(keys[index % keys.count], on: app)
                if index >= warmup { times.append(time) }
            }
            return times
        }
        // A mentee's first screen is their learning path (they have a role); the team view is the owner's.
        let store = Store(folder: folder)
        let mentee = store.people().first { $0 != .me } ?? .me
        let path = screen(LadderApp(store: store, library: library, person: mentee), opening: [],
                          [.down, .down, .character("j"), .up, .character("k"), .pageDown, .home])
        let team = screen(LadderApp(store: store, library: library, person: .me), opening: [.character("T")],
                          [.down, .down, .up, .character("m"), .right, .down, .left, .character("m")])
        return KeyToFrame(navigation: Stats(navigationTimes), ticking: Stats(tickingTimes),
                          all: Stats(navigationTimes + tickingTimes), browser: Stats(browserTimes),
                          path: Stats(path), team: Stats(team),
                          changedCellsPerFrame: Double(changed) / Double(max(1, frames)))
    }

    /// A data folder at `scratch` holding a copy of `me`'s journal, to write to.
    static func scratchCopy(of folder: DataFolder, at scratch: String) throws -> DataFolder {
        let copy = DataFolder(path: scratch)
        try copy.prepare()
        if let bytes = try SafeFile.contents(of: folder.journalPath(for: .me)) {
            try SafeFile.writeAtomically(bytes, to: copy.journalPath(for: .me))
        }
        return copy
    }

    /// Appending one tick event (lock, write, fsync) to a copy of `me`'s journal in
    /// a scratch data folder under `scratch`.
    static func tickPersisted(from folder: DataFolder, scratch: String, count: Int) throws -> Stats {
        let store = Store(folder: try scratchCopy(of: folder, at: scratch))
        var times: [Double] = []
        for index in 0..<(count + 20) {
            let change: Change = index % 2 == 0
                ? .tick(skill: "bench", level: "Senior", expectation: "abc123", text: "Optimizes cost and performance.")
                : .untick(skill: "bench", level: "Senior", expectation: "abc123", text: "Optimizes cost and performance.")
            let event = JournalEvent(change, at: JournalEvent.now())
            let start = clockNanos()
            try store.append([event], for: .me)
            let end = clockNanos()
            if index >= 20 { times.append(millis(start, end)) }
        }
        return Stats(times)
    }
}
