import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder review …`: 1:1 sessions and the reviewer's view of a person's ticks.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Run a 1:1 review: start, note, confirm or question ticks, end; list past reviews.",
        subcommands: [Start.self, ReviewNote.self, End.self, List.self, Since.self, Confirm.self, Question.self, Accept.self, Withdraw.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a review of a person; shows what changed since the last one.")
        @Argument(help: "The person (id or name).", completion: LadderCompletion.people) var person: String

        func run() throws {
            try reviewChange(person) { context, record in [try Changes.startReview(record, by: context.reviewer())] }
            try Since.parse([person]).run()
            let context = try Context.load()
            let id = try context.existingPerson(person)
            if let repository = LastSync.repository(of: id, in: context.store) {
                let name = (try? context.store.record(for: id))?.record.name ?? id.rawValue
                let when = LastSync.time(in: repository).map { "last synced \(LastSync.ago($0))" } ?? "never synced here"
                print("\nThis record is shared through git and was \(when); run ladder sync first to see \(Safe.text(name))'s latest.")
            }
        }
    }

    struct ReviewNote: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to the open review.")
        @Argument(help: "The person (id or name).", completion: LadderCompletion.people) var person: String
        @Argument(help: "The note.") var text: String

        func run() throws {
            try reviewChange(person) { context, record in [try Changes.reviewNote(text, record, by: context.reviewer())] }
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: "End the open review.")
        @Argument(help: "The person (id or name).", completion: LadderCompletion.people) var person: String

        func run() throws {
            try reviewChange(person) { context, record in [try Changes.endReview(record, by: context.reviewer())] }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Past reviews with their notes and calibration.")
        @Argument(help: "The person (id or name).", completion: LadderCompletion.people) var person: String
        @Flag(help: "Print JSON: start, end, by, notes[], confirmed, questioned, open_at_end.") var json = false

        struct Entry: Encodable {
            var start: String
            var end, by: String?
            var notes: [String]
            var confirmed, questioned: Int
            var open_at_end: Int?
        }

        func run() throws {
            let context = try Context.load()
            let record = try context.record(context.existingPerson(person)).record
            let entries = record.reviews.map {
                Entry(start: $0.start, end: $0.end, by: $0.by?.shown, notes: $0.notes.map(\.text), confirmed: $0.confirmed,
                      questioned: $0.questioned, open_at_end: $0.openAtEnd)
            }
            if json { return try printJSON(entries) }
            guard !entries.isEmpty else { return print("No reviews of \(Safe.text(record.name)) yet. Start one: ladder review start \(record.id)") }
            for e in entries {
                let when = "\(e.start.prefix(10))" + (e.end.map { $0.prefix(10) == e.start.prefix(10) ? "" : " to \($0.prefix(10))" } ?? " (open)")
                print("\(when)\(e.by.map { " with \(Safe.text($0))" } ?? ""): \(e.confirmed) confirmed, \(e.questioned) questioned\(e.open_at_end.map { ", \($0) open at the end" } ?? "")")
                for note in e.notes { print("  - \(Safe.text(note))") }
            }
        }
    }

    /// What changed since the last review: the first thing a review looks at.
    struct Since: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "since", abstract: "Every change since the last review ended, by skill.")
        @Argument(help: "The person (id or name).", completion: LadderCompletion.people) var person: String
        @Flag(help: "Print JSON: the events.") var json = false

        func run() throws {
            let context = try Context.load()
            let record = try context.record(context.existingPerson(person)).record
            let changes = record.changesSinceLastReview()
            if json { return try printJSON(changes) }
            let since = record.lastEndedReview?.end.map { "the last review (\($0.prefix(10)))" } ?? "the start"
            print("Since \(since), \(Safe.text(record.name)) made \(changes.count) change\(changes.count == 1 ? "" : "s").")
            for line in ChangeText.lines(changes, library: context.library) { print(line) }
        }
    }

    /// The tick a reviewer's command is about: whose, in which skill, which expectation.
    struct TickArguments: ParsableArguments {
        @Argument(help: "The person (id or name).", completion: LadderCompletion.people) var person: String
        @Argument(help: "The skill.", completion: LadderCompletion.skills) var skill: String
        @Argument(help: "Expectation id.", completion: LadderCompletion.expectations) var id: String

        /// Saves the change `make` returns for the person's standing in the skill.
        func change(_ make: (Standing, Reviewer) throws -> Change) throws {
            try reviewChange(person) { context, record in
                let standing = try Changes.tracked(skill, in: record, library: context.library)
                return [try make(standing, context.reviewer())]
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm a person's tick.")
        @OptionGroup var tick: TickArguments
        @Option(help: "A comment.") var comment: String = ""

        func run() throws {
            try tick.change { standing, reviewer in try Changes.confirm(tick.id, comment: comment, in: standing, by: reviewer) }
        }
    }

    struct Question: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "question",
            abstract: "Question a person's tick (or ask again after an answer); it stays open until answered or withdrawn.")
        @OptionGroup var tick: TickArguments
        @Option(help: "What is unclear (required).") var comment: String

        func run() throws {
            try tick.change { standing, reviewer in try Changes.question(tick.id, comment: comment, in: standing, by: reviewer) }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept the answer to a question: it closes and counts as confirmed.")
        @OptionGroup var tick: TickArguments
        @Option(help: "A comment.") var comment: String = ""

        func run() throws {
            try tick.change { standing, reviewer in try Changes.accept(tick.id, comment: comment, in: standing, by: reviewer) }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw an open question.")
        @OptionGroup var tick: TickArguments

        func run() throws {
            try tick.change { standing, reviewer in try Changes.withdraw(tick.id, in: standing, by: reviewer) }
        }
    }
}

/// `ladder answer SKILL ID TEXT`: the person answers a reviewer's question.
struct Answer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "answer", abstract: "Answer a reviewer's question on one of your ticks; it then waits for the reviewer.")
    @Argument(help: "The skill.", completion: LadderCompletion.skills) var skill: String
    @Argument(help: "Expectation id.", completion: LadderCompletion.expectations) var id: String
    @Argument(help: "Your answer.") var text: String
    @OptionGroup var person: PersonOption

    func run() throws {
        try change(skill, person: person) { standing in [try Changes.answer(id, text: text, in: standing)] }
    }
}

/// `ladder na SKILL ID --reason R` / `--undo`: not applicable, out of the count.
struct NotApplicable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "na", abstract: "Mark an expectation not applicable to you, with a reason (or --undo).")
    @Argument(help: "The skill.", completion: LadderCompletion.skills) var skill: String
    @Argument(help: "Expectation id.", completion: LadderCompletion.expectations) var id: String
    @Option(help: "Why it does not apply (required unless --undo).") var reason: String?
    @Flag(help: "Make it count again.") var undo = false
    @OptionGroup var person: PersonOption

    func validate() throws {
        if !undo && reason == nil { throw ValidationError("say why with --reason \"…\", or pass --undo to make it count again") }
    }

    func run() throws {
        try change(skill, person: person) { standing in
            [try Changes.notApplicable(id, reason: undo ? nil : reason, in: standing)]
        }
    }
}

/// Loads an existing person's record, saves what `make` returns, says what was done.
private func reviewChange(_ person: String, _ make: (Context, PersonRecord) throws -> [Change]) throws {
    let context = try Context.load()
    let id = try context.existingPerson(person)
    try context.refuseSelfReview(id)
    let (record, journal) = try context.record(id)
    let changes = try report { try make(context, record) }
    for event in try context.save(changes, for: id, journal: journal) {
        print(said(event.change, record: record))
    }
}

/// What a saved review change says, in the user's words: "Review started", "Confirmed: …".
private func said(_ change: Change, record: PersonRecord) -> String {
    let name = Safe.text(record.name)
    let what = change.text.map { ": \(Safe.text($0))" } ?? ""
    switch change {
    case .reviewStart: return "Review of \(name) started."
    case .reviewNote: return "Review note saved."
    case .reviewEnd: return "Review of \(name) ended."
    case .confirm: return "Confirmed\(what)"
    case .question(let skill, let id, _, _, _):
        let again = record.skills[skill]?.assessments[id]?.isAnswered == true
        return (again ? "Asked again" : "Questioned") + "\(what) (waits for \(name)'s answer)"
    case .accept: return "Accepted \(name)'s answer; confirmed\(what)"
    case .withdraw: return "Question withdrawn."
    default: return "Saved: \(change.verb())."
    }
}

/// Change events as lines grouped by skill, for "since the last review".
enum ChangeText {
    static func lines(_ events: [JournalEvent], library: ProfileLibrary) -> [String] {
        var lines: [String] = []
        var currentSkill: String?
        for event in events {
            let skill = event.skill ?? ""
            if skill != currentSkill {
                lines.append("")
                lines.append(library.summary(skill)?.name ?? (skill.isEmpty ? "(person)" : skill))
                currentSkill = skill
            }
            let change = ChangeReport(event, profile: library.profile(skill))
            lines.append("  \(event.day)  [\(event.change.expectation ?? "-")] \(Safe.text(change.summary))")
        }
        return lines
    }
}
