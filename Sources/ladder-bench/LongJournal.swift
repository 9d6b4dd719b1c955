import Foundation
import LadderKit

/// One person with a very long journal (250,000 events, about 60 MB, minutes apart from 2023 to 2024) and the 20
/// profiles they could track: what record snapshots are for. `ladder-bench run`
/// measures `status`, the first frame, `tick`, `report` and `history` on it.
enum LongJournal {
    /// Bump when the output changes, so an old fixture is remade.
    static let version = 2 // 2: minutes apart, ending in 2024 (they ran to 2367)
    static let events = 250_000
    static let profiles = 20

    static func path(in fixtures: String) -> String { "\(fixtures)/long-journal" }

    /// The fixture under `fixtures`, written when missing or from another version.
    static func ensure(in fixtures: String, log: (String) -> Void) throws -> Fixture.Summary {
        let path = path(in: fixtures)
        return try Fixture.ensureMarked(path, marker: path + ".fixture.json", version: version) {
            log("generating the long-journal fixture in \(path) (one person, \(events) events)")
            return try write(to: path)
        }
    }

    static func write(to path: String) throws -> Fixture.Summary {
        let folder = DataFolder(path: path)
        try folder.prepare()
        let fixture = Fixture(scale: 1, seed: 0x10_4e61_0a11)
        var random = SeededRandom(seed: fixture.seed)
        var used: Set<String> = ["serverless-functions"]
        var list: [Profile] = []
        var profileBytes = 0
        for index in 0..<profiles {
            let profile = fixture.makeProfile(index, usedIDs: &used, &random)
            let bytes = Array(try ProfileFile.encode(profile).utf8)
            try fixture.writeFile(bytes, to: "\(folder.profilesPath)/\(profile.id).yaml")
            profileBytes += bytes.count
            list.append(profile)
        }
        var lines: [UInt8] = []
        lines.reserveCapacity(events * 220)
        // Minutes apart, so they end in 2024 and a tick made now comes after all of them
        // (spread over centuries, every tick sorted before the snapshot's last change).
        for event in fixture.makeJournal(for: .me, named: nil, profiles: list, &random, events: events, seconds: 30...300) {
            lines += try event.encodedLine()
            lines.append(0x0A)
        }
        try fixture.writeFile(lines, to: folder.journalPath(for: .me))
        return Fixture.Summary(profiles: profiles, people: 1, events: events, profileBytes: profileBytes, journalBytes: lines.count)
    }

    /// What the long journal costs, whole process, cache warm (ms) and peak memory (KB).
    struct Result: Codable {
        var events: Int
        var journalMB: Double
        /// The first `status`, which folds the whole journal and writes the snapshot.
        var statusCold: Double
        var status: Stats
        var statusMaxRSSKB: Int
        var firstFrame: Stats
        var firstFrameMaxRSSKB: Int
        /// `ladder tick` then `ladder untick` of one expectation, each a whole process.
        var tick: Stats
        /// Lock + append + fsync of one event to this journal, in process.
        var tickPersisted: Stats
        var report: Stats
        var reportMaxRSSKB: Int
        /// `ladder report --format json`, written as it is made.
        var reportJSON: Stats
        var reportJSONMaxRSSKB: Int
        var history: Stats
    }
}

extension Run {
    func measureLongJournal(binary: String) throws -> LongJournal.Result {
        let summary = try LongJournal.ensure(in: fixtures, log: { log($0) })
        let path = LongJournal.path(in: fixtures)
        let folder = DataFolder(path: path)
        let environment = ["LADDER_HOME": path, "HOME": path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        func ladder(_ arguments: [String], memory: Bool = false) throws -> ChildRun {
            let run = memory ? try runMeasuringMemory(binary, arguments, environment: environment)
                             : try runChild(binary, arguments, environment: environment)
            guard run.status == 0 else { throw BenchError("ladder \(arguments.joined(separator: " ")) on the long journal exited \(run.status)") }
            return run
        }
        log("long journal: \(summary.events) events; cold status (no snapshot)")
        try? FileManager.default.removeItem(atPath: CacheFolder.path(in: folder))
        let cold = try ladder(["status"])
        // Settle: a snapshot made within two seconds of the journal's last change is checked by content.
        sleep(3)
        _ = try ladder(["status"])
        var status: [Double] = [], frames: [Double] = [], reports: [Double] = [], jsonReports: [Double] = [], histories: [Double] = []
        for _ in 0..<runs {
            status.append(try ladder(["status"]).millis)
            frames.append(try ladder(["snapshot", "--size", "\(Self.width)x\(Self.height)"]).millis)
        }
        let statusMemory = try ladder(["status"], memory: true).maxRSS
        let frameMemory = try ladder(["snapshot", "--size", "\(Self.width)x\(Self.height)"], memory: true).maxRSS
        for _ in 0..<max(3, runs / 3) {
            reports.append(try ladder(["report", "me"]).millis)
            jsonReports.append(try ladder(["report", "me", "--format", "json"]).millis)
            histories.append(try ladder(["history", "me"]).millis)
        }
        let reportMemory = try ladder(["report", "me"], memory: true).maxRSS
        let jsonReportMemory = try ladder(["report", "me", "--format", "json"], memory: true).maxRSS
        // A tick and an untick of one expectation of the first skill tracked.
        let store = Store(folder: folder)
        let record = try store.record(for: .me).record
        let library = ProfileLibrary.load(from: folder)
        guard let tracked = record.trackedSkills.first, let profile = library.profile(tracked.skill),
              let role = profile.roles.first(where: { $0.id == tracked.role }),
              let item = role.levels.flatMap(\.expectations).first else {
            throw BenchError("the long journal's first skill has no expectation to tick")
        }
        var ticks: [Double] = []
        for index in 0..<max(6, runs) {
            ticks.append(try ladder([index % 2 == 0 ? "tick" : "untick", profile.id, item.id]).millis)
        }
        let scratch = fixtures + "/long-tick-scratch-\(getpid())"
        let persisted = try InProcess.tickPersisted(from: folder, scratch: scratch, count: 200)
        try? FileManager.default.removeItem(atPath: scratch)
        return LongJournal.Result(events: summary.events, journalMB: Double(summary.journalBytes) / 1_000_000,
                                  statusCold: cold.millis, status: Stats(status), statusMaxRSSKB: statusMemory,
                                  firstFrame: Stats(frames), firstFrameMaxRSSKB: frameMemory, tick: Stats(ticks),
                                  tickPersisted: persisted, report: Stats(reports), reportMaxRSSKB: reportMemory,
                                  reportJSON: Stats(jsonReports), reportJSONMaxRSSKB: jsonReportMemory, history: Stats(histories))
    }
}
