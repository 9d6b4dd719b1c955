import Foundation

/// The results as Markdown tables, ready for a README.
enum Report {
    static func markdown(_ all: Run.Results) -> String {
        func ms(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.0f", value) }
        func mb(_ kb: Int) -> String { String(format: "%.0f MB", Double(kb) / 1024) }
        var lines: [String] = []
        lines.append("Machine: \(all.machine). Screen \(all.size). Release build.")
        lines.append("")
        lines.append("| target | goal | measured | met |")
        lines.append("| --- | --- | --- | --- |")
        for target in all.targets {
            lines.append("| \(target.what) | \(target.target) | \(target.measured) | \(target.met ? "yes" : "**no**") |")
        }
        lines.append("")
        lines.append("Whole process, `ladder snapshot --size \(all.size) [--keys K]`, exec to screen printed, cache warm (ms; median / max):")
        lines.append("")
        let header = "| | " + all.scales.map { "×\($0.scale)" }.joined(separator: " | ") + " |"
        let rule = "| --- | " + all.scales.map { _ in "---" }.joined(separator: " | ") + " |"
        lines.append(header)
        lines.append(rule)
        func row(_ label: String, _ cell: (Run.ScaleResult) -> String) {
            lines.append("| \(label) | " + all.scales.map(cell).joined(separator: " | ") + " |")
        }
        row("data") { "\($0.profiles) profiles (\(String(format: "%.1f", $0.profileMB)) MB), \($0.peopleCount) people, \($0.events) events (\(String(format: "%.0f", $0.journalMB)) MB)" }
        row("first frame (dashboard)") { "\(ms($0.firstFrame.median)) / \(ms($0.firstFrame.max))" }
        row("first frame in a terminal (`ladder` on a pseudo-terminal, until its last row is drawn)") {
            "\(ms($0.firstFrameInTerminal.median)) / \(ms($0.firstFrameInTerminal.max))"
        }
        row("skill screen (`Enter`)") { "\(ms($0.skillScreen.median)) / \(ms($0.skillScreen.max))" }
        row("profile browser (`a`)") { "\(ms($0.browser.median)) / \(ms($0.browser.max))" }
        row("people screen (`P`)") { "\(ms($0.peopleScreen.median)) / \(ms($0.peopleScreen.max))" }
        row("path screen (a mentee's first frame)") { $0.pathScreen.map { "\(ms($0.median)) / \(ms($0.max))" } ?? "-" }
        row("team screen, mentees (`T`)") { $0.teamScreen.map { "\(ms($0.median)) / \(ms($0.max))" } ?? "-" }
        row("matrix (`T m`)") { $0.matrix.map { "\(ms($0.median)) / \(ms($0.max))" } ?? "-" }
        row("peak memory, first frame (max RSS)") { mb($0.firstFrameMaxRSSKB) }
        row("first frame, no cache (builds it), median") { "\(ms($0.firstFrameCold)) (\(mb($0.firstFrameColdMaxRSSKB)))" }
        row("people screen, no people cache") { ms($0.peopleCold) }
        lines.append("")
        lines.append("In process, cache warm, median of 5 passes (ms):")
        lines.append("")
        lines.append(header)
        lines.append(rule)
        row("load profile library (index)") { ms($0.phases.libraryLoad) }
        row("load `me`'s record") { ms($0.phases.personLoad) }
        row("dashboard frame") { ms($0.phases.dashboardFrame) }
        row("open skill screen + frame") { ms($0.phases.skillOpen) }
        row("people summaries + frame") { ms($0.phases.peopleOpen) }
        row("browser + frame") { ms($0.phases.browserOpen) }
        lines.append("")
        lines += keyTable(all.keyToFrame, profiles: all.scales.first?.profiles ?? 0)
        if let long = all.longJournal {
            lines.append("One person with \(long.events) events (\(String(format: "%.0f", long.journalMB)) MB of journal), whole process, cache warm (ms; median / max):")
            lines.append("")
            lines.append("| command | median | max | peak memory |")
            lines.append("| --- | --- | --- | --- |")
            lines.append("| `ladder status`, first run (folds the whole journal, writes the snapshot) | \(ms(long.statusCold)) | | |")
            lines.append("| `ladder status` | \(ms(long.status.median)) | \(ms(long.status.max)) | \(mb(long.statusMaxRSSKB)) |")
            lines.append("| first frame (`ladder snapshot`) | \(ms(long.firstFrame.median)) | \(ms(long.firstFrame.max)) | \(mb(long.firstFrameMaxRSSKB)) |")
            lines.append("| `ladder tick` / `untick` | \(ms(long.tick.median)) | \(ms(long.tick.max)) | |")
            lines.append("| `ladder report` | \(ms(long.report.median)) | \(ms(long.report.max)) | \(mb(long.reportMaxRSSKB)) |")
            lines.append("| `ladder report --format json` | \(ms(long.reportJSON.median)) | \(ms(long.reportJSON.max)) | \(mb(long.reportJSONMaxRSSKB)) |")
            lines.append("| `ladder history` | \(ms(long.history.median)) | \(ms(long.history.max)) | |")
            lines.append("| tick persisted, in process (p50 / p99) | \(String(format: "%.3f", long.tickPersisted.median)) | \(String(format: "%.3f", long.tickPersisted.p99)) | |")
            lines.append("")
        }
        let t = all.tickPersisted
        lines.append("Tick persisted (lock + append + fsync of one event to a 1,000-event journal, \(all.tickFileSystem), \(t.count) ticks): "
                     + "p50 \(String(format: "%.3f", t.median)) ms, p99 \(String(format: "%.3f", t.p99)) ms, max \(String(format: "%.3f", t.max)) ms.")
        return lines.joined(separator: "\n")
    }

    /// The key-to-frame table (also printed alone by `ladder-bench keys`).
    static func keyTable(_ k: InProcess.KeyToFrame, profiles: Int) -> [String] {
        var lines: [String] = []
        lines.append("Key to frame on the skill screen (×1, `update` + `view` + curses drawing the frame, \(k.all.count) keys, ms):")
        lines.append("")
        lines.append("| keys | p50 | p99 | max |")
        lines.append("| --- | --- | --- | --- |")
        lines.append("| navigation (↑↓ j k ←→ PgDn Home) | \(String(format: "%.3f", k.navigation.median)) | \(String(format: "%.3f", k.navigation.p99)) | \(String(format: "%.3f", k.navigation.max)) |")
        lines.append("| ticking (Space, x) | \(String(format: "%.3f", k.ticking.median)) | \(String(format: "%.3f", k.ticking.p99)) | \(String(format: "%.3f", k.ticking.max)) |")
        if let path = k.path, let team = k.team {
            lines.append("| path screen (↑↓ j k PgDn Home) | \(String(format: "%.3f", path.median)) | \(String(format: "%.3f", path.p99)) | \(String(format: "%.3f", path.max)) |")
            lines.append("| team screen, matrix (↑↓ m ←→) | \(String(format: "%.3f", team.median)) | \(String(format: "%.3f", team.p99)) | \(String(format: "%.3f", team.max)) |")
        }
        lines.append("| not a target: profile browser, \(profiles) profiles (↑↓ PgDn End Home) | \(String(format: "%.3f", k.browser.median)) | \(String(format: "%.3f", k.browser.p99)) | \(String(format: "%.3f", k.browser.max)) |")
        lines.append("")
        return lines
    }
}
