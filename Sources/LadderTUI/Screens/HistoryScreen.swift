import CellGrid
import Foundation
import LadderKit

/// Growth over time, per tracked skill: a sparkline of progress toward the next
/// level from the start of tracking to now, the time spent at each level, and the
/// pace (when the next level is in reach at the recent rate of ticks).
enum HistoryScreen {
    static func keys(_ state: AppState) -> [(String, String)] {
        [("↑↓", "move"), ("Enter", "open skill"), ("Esc", "back")]
    }

    static func open(_ state: inout AppState) {
        state.historyList = ListState()
        state.open(.history)
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let skills = state.record.skillOrder
        if state.historyList.navigate(key, count: skills.count, page: 3) { return }
        switch key {
        case .escape, .backspace, .left, .character("h"):
            state.goBack()
        case .enter, .right, .character("l"):
            guard state.historyList.selection < skills.count else { return }
            SkillScreen.open(&state, skills[state.historyList.selection])
        default:
            break
        }
    }

    /// The footer's lines: what the figures mean, when there is room.
    static func footer(_ body: Body) -> [String] {
        let honest = "Progress is a conversation aid, not a promotion guarantee; pace is an estimate from recent ticks."
        return body.height >= 12 ? TextWidth.wrap(honest, to: body.width - 2) : []
    }

    /// Every tracked skill's history: worked out by `update` once per change of the
    /// record (or of the day), not once per frame.
    static func histories(_ state: AppState) -> [SkillHistory] {
        if let cache = state.histories, cache.key == HistoryCache.key(state) { return cache.skills }
        return History.of(state.record, library: state.library, now: JournalEvent.date(state.now) ?? Date(timeIntervalSince1970: 0))
    }

    /// Readiness over time, from the cache when it is current.
    static func readiness(_ state: AppState) -> ReadinessReport? {
        if let cache = state.histories, cache.key == HistoryCache.key(state) { return cache.readiness }
        return ReadinessReport(record: state.record, library: state.library, periodStart: nil)
    }

    /// Keeps `state.histories` current while the history screen shows.
    static func refresh(_ state: inout AppState) {
        let key = HistoryCache.key(state)
        guard state.histories?.key != key else { return }
        state.histories = HistoryCache(key: key, skills: histories(state), readiness: readiness(state))
    }

    /// The top row: readiness toward the next level, its sparkline and trend; where the
    /// whole line does not fit, its first part ("Toward Senior: 2 of 27 · 7%") and what fits after.
    static func readinessRow(_ readiness: ReadinessReport, _ state: AppState, width: Int) -> [(String, Style)] {
        let chart = Sparkline.render(readiness.history.suffix(max(0, width / 4)).map(\.percent), unicode: state.unicode)
        let line = Safe.text(readiness.line.replacingOccurrences(of: "·", with: state.symbols.dot))
        let short = line.components(separatedBy: ", ").first ?? line
        var lead: [(String, Style)] = [(" Readiness ", .accent), (chart.isEmpty ? "" : chart + "  ", Style(colour: .accent))]
        if TextWidth.of(" Readiness " + chart + "  " + short) > width { lead[0].0 = " " } // narrow: the figures before the label
        let room = width - lead.reduce(0) { $0 + TextWidth.of($1.0) }
        let trend = readiness.trend.map { " (\($0))" } ?? ""
        let text = [line + trend, short + trend, line, short].first { TextWidth.of($0) <= room } ?? short
        return lead + [(text, .plain)]
    }

    static func items(_ histories: [SkillHistory], _ state: AppState, _ body: Body) -> [[[(String, Style)]]] {
        let now = JournalEvent.date(state.now) ?? Date(timeIntervalSince1970: 0)
        return histories.map { rows($0, width: body.width, now: now, symbols: state.symbols, unicode: state.unicode) }
    }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        let histories = histories(state)
        guard !histories.isEmpty else { return nil }
        let footer = footer(body)
        let top = body.top + 1
        return ListArea(top: top, visible: body.bottom - top - (footer.isEmpty ? 0 : footer.count + 1),
                        heights: items(histories, state, body).map(\.count))
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let symbols = state.symbols
        let histories = histories(state)
        guard !histories.isEmpty, let area = area(state, body) else {
            canvas.put("\(state.record.name) tracks no skills yet: nothing to draw. Press Esc, then a to pick one.", x: 2, y: body.top + 1)
            return
        }
        if let readiness = readiness(state) {
            Widgets.put(readinessRow(readiness, state, width: body.width - 1), x: 0, y: body.top, on: &canvas, limit: body.width - 1)
        }
        let items = items(histories, state, body)
        let top = area.top, visible = area.visible
        var y = top
        var index = state.historyList.scroll
        var cut = false
        while index < items.count && y < top + visible {
            cut = y + items[index].count > top + visible
            for (row, line) in items[index].enumerated() where y < top + visible {
                Widgets.put(line, x: 0, y: y, on: &canvas)
                if row == 0 && index == state.historyList.selection {
                    canvas.put(symbols.pointer, x: 0, y: y, style: .accent)
                    canvas.restyle(x: 2, y: y, count: body.width - 2, style: Style(.reverse))
                }
                y += 1
            }
            index += 1
        }
        Widgets.markMore(above: state.historyList.scroll > 0, below: index < items.count || cut, top: top, visible: visible,
                         canvas: &canvas, symbols: symbols)
        // Room left: the selected skill's progress after each change, newest first.
        let free = top + visible - y - 1
        if index >= items.count, !cut, free >= 4, state.historyList.selection < histories.count {
            let history = histories[state.historyList.selection]
            canvas.put("  After each change \(symbols.dot) \(history.name)", x: 0, y: y, style: .accent)
            let points = history.points.reversed().prefix(free - 1)
            for (row, point) in points.enumerated() {
                let progress = point.toward.map { "\($0): \(point.done) of \(point.total) \(symbols.dot) \(point.percent)%" } ?? "top level"
                canvas.put("    \(point.at.prefix(10))  at \(point.level), \(progress)", x: 0, y: y + 1 + row)
            }
            if history.points.count > points.count {
                canvas.put(" (\(history.points.count - points.count) earlier)", x: body.width - 16, y: y + points.count, style: .muted)
            }
        }
        let footer = footer(body)
        for (row, line) in footer.enumerated() {
            canvas.put(line, x: 1, y: body.bottom - footer.count + row, style: .muted)
        }
    }

    /// The line under a sparkline: the start date, an arrow and the level name
    /// where each step up shows, and "now", as far as they fit without overlapping.
    static func axis(_ history: SkillHistory, width: Int, now: Date, unicode: Bool) -> String {
        var cells = Array(repeating: " ", count: max(width, 1))
        var taken = Array(repeating: false, count: cells.count)
        @discardableResult
        func place(_ text: String, at column: Int) -> Bool {
            let columns = TextWidth.of(text)
            guard column >= 0, column + columns <= cells.count,
                  !taken[max(0, column - 1)..<min(cells.count, column + columns + 1)].contains(true) else { return false }
            var x = column
            for grapheme in text {
                let w = TextWidth.of(grapheme)
                guard w > 0 else { continue }
                cells[x] = String(grapheme)
                if w == 2 { cells[x + 1] = "" }
                x += w
            }
            for x in column..<(column + columns) { taken[x] = true }
            return true
        }
        if let first = history.points.first { place(String(first.at.prefix(10)), at: 0) }
        place("now", at: width - 3)
        let arrow = unicode ? "↑" : "^"
        for span in history.levels.dropFirst() {
            guard let column = history.column(of: span.from, count: width, now: now) else { continue }
            if !place(arrow + span.level, at: column) { place(arrow, at: column) }
        }
        var line = cells.joined()
        while line.last == " " { line.removeLast() }
        return line
    }

    /// One skill's rows: title, sparkline with the current progress, its time axis,
    /// the time at each level, the pace, and a blank row.
    static func rows(_ history: SkillHistory, width: Int, now: Date, symbols: Symbols, unicode: Bool) -> [[(String, Style)]] {
        let next = history.nextLevel.map { " \(symbols.arrow) \($0)" } ?? " (top level)"
        // Wrapped, not cut: at 40 columns a long skill and role left the level off.
        let title = "\(history.name) \(symbols.dot) \(history.role) \(symbols.dot) \(history.level)\(next)"
        var rows: [[(String, Style)]] = TextWidth.wrap(title, to: width - 4).enumerated().map { row, line in
            [((row == 0 ? "  " : "    ") + line, .bold)]
        }
        if let problem = history.problem {
            rows.append([("    " + problem, Style(colour: .bad))])
            rows.append([])
            return rows
        }
        if let last = history.points.last {
            let current = last.toward.map { "\($0): \(last.done) of \(last.total) \(symbols.dot) \(last.percent)%" } ?? "top level reached"
            let sparkWidth = max(8, min(60, width - 4 - 2 - TextWidth.of(current) - 1))
            let spark = Sparkline.render(history.samples(sparkWidth, now: now), unicode: unicode)
            rows.append([("    ", .plain), (spark, Style(colour: .accent)), ("  " + current, .plain)])
            rows.append([("    " + axis(history, width: sparkWidth, now: now, unicode: unicode), .muted)])
        }
        if !history.levels.isEmpty {
            let spans = history.levels.map { span in
                "\(span.level) \(History.duration(days: span.days))" + (span.to == nil ? " (now)" : "")
            }
            for (row, line) in TextWidth.wrap("At each level: " + spans.joined(separator: ", "), to: width - 6).enumerated() {
                rows.append([("    " + (row == 0 ? "" : "  ") + line, .plain)])
            }
        }
        if let pace = history.pace, pace.status != .topLevel {
            let style = pace.status == .inReach || pace.status == .ready ? Style(colour: .good) : Style.muted
            for (row, line) in TextWidth.wrap("Pace: " + pace.summary, to: width - 6).enumerated() {
                rows.append([("    " + (row == 0 ? "" : "  ") + line, style)])
            }
        }
        rows.append([])
        return rows
    }
}

/// The history screen's series, with what they were worked out from: the record's
/// length and last change, and the day (pace and durations count days).
struct HistoryCache: Sendable {
    var key: String
    var skills: [SkillHistory]
    /// Readiness across the person's role over time (with a role and level set).
    var readiness: ReadinessReport?

    static func key(_ state: AppState) -> String {
        "\(state.record.eventCount) \(state.record.lastChange ?? "-") \(state.now.prefix(10))"
    }
}
