import CellGrid
import Foundation
import LadderKit

/// A 1:1 review of the shown person, as one scrolling list made for reading: every
/// change since the last review grouped by skill, with the reviewer's view under each
/// tick; then the agenda for the next 1:1 grouped by skill; then calibration and the
/// review's notes. Every line wraps at the screen's width; a thread's state is a mark
/// at the start of its line (? open, ! answered, ✓ accepted, – withdrawn).
enum ReviewScreen {
    /// A change since the last review, with the skill it belongs to.
    struct Row {
        var skill: String
        var event: JournalEvent
    }

    /// One item of the review's list: its wrapped rows and, when it is about an
    /// expectation, which one (what `c`, `w`, `x`, `A` and Enter act on).
    struct Item {
        var rows: [Paragraph.Row]
        var skill: String?
        var expectation: String?
        /// A change since the last review (where the list starts).
        var isChange = false

        /// Words wrapped at the width, every row indented, about no expectation.
        static func text(_ words: String, _ style: Style, width: Int, indent: Int = 1) -> Item {
            Item(rows: Paragraph.rows(words, style, width: width, indent: indent))
        }
    }

    static func keys(_ state: AppState) -> [(String, String)] {
        let open = state.record.openReview != nil
        guard !state.isOwnRecord else { return [("Enter", "thread"), ("Esc", "back")] }
        var keys = [("c", "confirm"), ("w", "question"), ("A", "accept answer"), ("Enter", "thread"), ("x", "withdraw"), ("r", "note")]
        keys.insert(open ? ("E", "end review") : ("S", "start review"), at: 0)
        return keys + [("Esc", "back")]
    }

    static func rows(_ state: AppState) -> [Row] {
        state.record.changesSinceLastReview().filter { $0.skill != nil }
            .sorted { ($0.skill ?? "", $0.at) < ($1.skill ?? "", $1.at) }
            .map { Row(skill: $0.skill ?? "", event: $0) }
    }

    /// Opens the review with the first change selected.
    static func open(_ state: inout AppState) {
        state.review = ListState(selection: items(state).firstIndex(where: \.isChange) ?? 0, scroll: 0)
        state.open(.review)
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let list = items(state)
        if move(&state, key, heights: list.map(\.rows.count)) { return }
        let selected = state.review.selection < list.count ? list[state.review.selection] : nil
        let record = state.record
        let reviewer = state.reviewer
        if [.character("S"), .character("E"), .character("r")].contains(key), state.refusesSelfReview() { return }
        switch key {
        case .escape, .left, .character("h"):
            state.goBack()
        case .character("S"):
            if let sharing = state.sharing, record.openReview == nil {
                let when = sharing.lastSynced.map { "Last synced \(LastSync.ago($0, now: JournalEvent.date(state.now) ?? Date()))" }
                    ?? "Never synced here"
                state.prompt = Prompt(purpose: .syncFirst, label: "\(when). Sync first?", text: "")
            } else {
                start(&state, &effects)
            }
        case .character("E"):
            save(&state, &effects, SaveIntent(.text("Review ended."))) { () throws(InputError) in
                [try Changes.endReview(record, by: reviewer)]
            }
        case .character("r"):
            guard record.openReview != nil else { state.notice = .info("Start the review first: press S."); return }
            state.prompt = Prompt(purpose: .reviewNote, label: "Review note:", text: "")
        case .enter, .right, .character("l"):
            guard let skill = selected?.skill, let expectation = selected?.expectation else {
                state.notice = .info("Choose an expectation first: Enter opens its thread.")
                return
            }
            ThreadScreen.open(&state, skill: skill, expectation: expectation)
        case .character("c"), .character("w"), .character("x"), .character("A"):
            guard let skill = selected?.skill, let expectation = selected?.expectation, let standing = state.standing(skill) else {
                state.notice = .info("Choose a ticked expectation first.")
                return
            }
            SkillScreen.assess(key, expectation: expectation, standing, &state, &effects)
        default:
            break
        }
    }

    /// Starts a review of the shown person.
    static func start(_ state: inout AppState, _ effects: inout [Effect], after words: String = "") {
        let record = state.record
        let reviewer = state.reviewer
        save(&state, &effects, SaveIntent(.text(words + "Review started. Confirm or question each tick; press E to end."))) { () throws(InputError) in
            [try Changes.startReview(record, by: reviewer)]
        }
    }

    /// A sync asked for before a review is done: says how it went, then starts the
    /// review when it worked (a failed sync leaves the choice to the user).
    static func synced(_ state: inout AppState, _ words: String, failed: Bool, then: AfterSync, _ effects: inout [Effect]) {
        guard !failed else {
            let sentence = words.hasSuffix(".") ? words : words + "."
            state.notice = .error("Not synced: \(sentence) Press S, then n, to start the review without syncing.")
            return
        }
        state.notice = .info("Synced: \(words).")
        if then == .startReview, state.screen == .review, state.record.openReview == nil {
            start(&state, &effects, after: "Synced (\(words)). ")
        }
    }

    /// The whole review as items: header, changes by skill, agenda, calibration, notes.
    static func items(_ state: AppState) -> [Item] {
        let width = state.width
        let record = state.record
        let symbols = state.symbols
        var items: [Item] = []
        func text(_ words: String, _ style: Style, indent: Int = 1) { items.append(.text(words, style, width: width, indent: indent)) }
        if let open = record.openReview {
            text("Review of \(record.name) in progress since \(String(open.start.prefix(10))) \(symbols.dot) \(open.confirmed) confirmed, \(open.questioned) questioned", .accent)
        } else {
            text("No review of \(record.name) is open: press S to start one.", .bold)
        }
        let since = record.lastEndedReview?.end.map { "the last review (\(String($0.prefix(10))))" } ?? "the start"
        let list = rows(state)
        text("Since \(since): \(list.count) change\(list.count == 1 ? "" : "s")", .muted)
        if list.isEmpty { text("Nothing changed since \(since).", .muted, indent: 2) }
        var lastSkill: String?
        for row in list {
            if row.skill != lastSkill {
                text(state.library.summary(row.skill)?.name ?? row.skill, .bold)
                lastSkill = row.skill
            }
            items.append(change(row, state))
        }
        return items + lower(state)
    }

    /// A change: its day and mark, what happened, and a tick's reviewer view under it.
    static func change(_ row: Row, _ state: AppState) -> Item {
        let symbols = state.symbols
        let summary = ChangeReport(row.event, profile: state.library.profile(row.skill)).summary
        var assessment: Assessment?
        if case .tick(_, _, let id, _) = row.event.change { assessment = state.record.skills[row.skill]?.assessments[id] }
        let mark = assessment.map { symbols.mark($0) } ?? " "
        let lead: Paragraph.Row = [("  \(row.event.day) ", .muted), (mark, assessment.map(style) ?? .plain), (" ", .plain)]
        var rows = Paragraph.rows(lead, summary, .plain, width: state.width)
        let hang = lead.reduce(0) { $0 + TextWidth.of($1.0) }
        if let assessment {
            rows += Paragraph.rows([(String(repeating: " ", count: min(hang, state.width / 2)), .plain)],
                                   assessmentText(assessment, symbols: symbols, person: state.record.name), style(assessment), width: state.width)
        }
        return Item(rows: rows, skill: row.skill, expectation: row.event.change.expectation, isChange: true)
    }

    /// The reviewer's view of a tick in words, its state first: "? open question by
    /// Olga Petrova: which service?", "! answered, waiting for you: …".
    static func assessmentText(_ a: Assessment, symbols: Symbols, person: String = "the answer") -> String {
        let by = a.by.map { " by \($0.shown)" } ?? ""
        let comment = a.comment.isEmpty ? "" : ": \(a.comment)"
        let mark = symbols.mark(a)
        if a.isOpen { return "\(mark) open question\(by)\(comment)" }
        if a.isAnswered { return "\(mark) answered, waiting for you\(comment) \(symbols.arrow) \(person): \(a.answer ?? "")" }
        if a.withdrawn { return "\(mark) question withdrawn" }
        if a.isAccepted {
            let accept = a.thread.last { $0.step == .accept }
            let who = accept?.by.map { " by \($0.shown)" } ?? ""
            let words = (accept?.text).map { $0.isEmpty ? "" : ": \($0)" } ?? ""
            return "\(mark) answer accepted\(who)\(words)"
        }
        return "\(mark) confirmed\(by)\(comment)"
    }

    static func style(_ a: Assessment) -> Style {
        a.isOpen || a.isAnswered ? Style(.bold, colour: .warning) : a.verdict == .confirmed ? Style(colour: .good) : .muted
    }
}
