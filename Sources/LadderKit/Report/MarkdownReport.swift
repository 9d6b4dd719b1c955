import CellGrid

/// A `PersonReport` as Markdown that pastes cleanly into a 1:1 document: headings,
/// lists and `- [x]` / `- [ ]` checkboxes. Text from files is made safe (`Safe.text`:
/// one line, no control characters) and escaped so it cannot open a heading, a
/// list, a link, emphasis or HTML.
public enum MarkdownReport {
    /// The readiness section: the path's line, its trend over the period, and a sparkline of every change.
    static func readiness(_ readiness: ReadinessReport, into out: inout TextOutput) {
        var line = "**\(escape(readiness.roleName)), \(escape(readiness.level)).** \(escape(readiness.line))"
        if let trend = readiness.trend { line += " — \(escape(trend))" }
        for text in ["", "## Readiness", "", line + "."] { out.line(text) }
        if readiness.history.count > 1, let first = readiness.history.first, let last = readiness.history.last {
            out.line("")
            out.line("Over time: `\(Sparkline.render(readiness.history.map(\.percent)))` (each day it changed, "
                     + "\(day(first.date)) to \(day(last.date)); a step up starts the next level at its own count).")
        }
    }

    /// The report as one string: what `render(_:into:)` writes.
    public static func render(_ report: PersonReport) -> String {
        var out = TextOutput()
        render(report, into: &out)
        return out.text
    }

    /// Writes the report, line by line.
    public static func render(_ report: PersonReport, into out: inout TextOutput) {
        out.line("# Growth report: \(escape(report.person.name))")
        out.line("")
        out.line("*\(day(report.generated)) · changes \(escape(report.period.description)) · evidence older than "
                   + "\(report.staleDays) days (before \(day(report.staleBefore))) is marked stale*")
        out.line("")
        out.line("> \(escape(report.note))")
        if let readiness = report.readiness { Self.readiness(readiness, into: &out) }

        out.line("")
        out.line("## Standing")
        if report.skills.isEmpty {
            out.line("")
            out.line("No skills tracked yet.")
        }
        for skill in report.skills { standing(skill, staleDays: report.staleDays, into: &out) }

        if !report.workingOn.isEmpty {
            out.line("")
            out.line("## Working on")
            out.line("")
            for item in report.workingOn {
                var line = "- \(escape(item.name)): \(escape(item.text)) \(code(item.item)) · since \(day(item.since))"
                if let by = item.by { line += ", by \(escape(by))" + (item.overdue ? " — **overdue**" : "") }
                out.line(line)
            }
        }

        out.line("")
        out.line("## Changes \(escape(report.period.description))")
        out.line("")
        if report.changes.isEmpty { out.line("No changes in this period.") }
        for (index, group) in report.changes.enumerated() {
            if index > 0 { out.line("") }
            out.line("### \(escape(group.name))")
            out.line("")
            // Piece by piece, the words changes share escaped once: a long journal has hundreds of thousands.
            group.changes.forEachLine(day: { "- " + day($0) + " · " }, shape: { verb, text in
                escape(verb) + (text.map { ": " + escape($0) } ?? "")
            }) { day, shape, detail in
                out.write(day)
                out.write(shape)
                if let detail {
                    out.write(" — *")
                    out.write(escape(detail))
                    out.write("*")
                }
                out.line("")
            }
        }

        out.line("")
        out.line("## Agenda for the next 1:1")
        out.line("")
        if report.agenda.isEmpty { out.line("Nothing open: no questions, nothing overdue, no stale evidence, no gaps toward the next level.") }
        for (index, agenda) in report.agenda.enumerated() {
            if index > 0 { out.line("") }
            out.line("### \(escape(agenda.name))")
            out.line("")
            for entry in agenda.questions {
                out.line("- [ ] Open question on \(escape(entry.text)) \(code(entry.expectation)): *\(escape(entry.detail))*")
            }
            for entry in agenda.answered {
                out.line("- [ ] Answered, waiting for you: \(escape(entry.text)) \(code(entry.expectation)): *\(escape(entry.detail))*")
            }
            for entry in agenda.overdue {
                out.line("- [ ] Overdue: \(escape(entry.text)) \(code(entry.expectation)) (\(escape(entry.detail)))")
            }
            for entry in agenda.stale {
                out.line("- [ ] Stale evidence: \(escape(entry.text)) \(code(entry.expectation)) (\(escape(entry.detail)))")
            }
            for entry in agenda.gaps {
                out.line("- [ ] Toward \(escape(entry.detail)): \(escape(entry.text)) \(code(entry.expectation))")
            }
        }

        out.line("")
        out.line("## Reviews")
        out.line("")
        if report.reviews.isEmpty { out.line("No reviews yet.") }
        for review in report.reviews {
            var line = "- \(day(review.start))"
            if let by = review.by { line += " with \(escape(by))" }
            line += review.end == nil ? " (in progress)" : ""
            line += ": \(review.confirmed) confirmed, \(review.questioned) questioned"
            if let agreement = review.agreementPercent { line += " (\(agreement)% confirmed)" }
            if let open = review.openAtEnd { line += ", \(open == 1 ? "1 question" : "\(open) questions") open at the end" }
            out.line(line)
            for note in review.notes {
                out.line("  - \(escape(note.text))")
            }
        }
    }

    static func standing(_ skill: SkillReport, staleDays: Int, into out: inout TextOutput) {
        out.line("")
        out.line("### \(escape(skill.name)) · \(escape(skill.role)) · \(escape(skill.level))")
        out.line("")
        if let problem = skill.problem {
            out.line("**Cannot be shown:** \(escape(problem))")
            return
        }
        if let progress = skill.progress {
            var line = "- **Progress toward \(escape(progress.level))** (\(progress.required ? "Required" : "optional") for the role): "
                + "\(progress.done) of \(progress.total) · \(progress.percent)%"
            if progress.notApplicable > 0 { line += " (\(progress.notApplicable) not applicable, left out of the count)" }
            if skill.readyToStep { line += " — every expectation ticked: ready to record the step up" }
            out.line(line)
        } else {
            out.line("- **Top level reached**")
        }
        var held = "- **At \(escape(skill.level))**"
        if let since = skill.levelSince { held += " since \(day(since))" }
        if let days = skill.daysAtLevel { held += " (\(History.duration(days: days)))" }
        held += "; tracked since \(day(skill.trackedSince))"
        if !skill.steps.isEmpty {
            held += "; stepped up: " + skill.steps.map { "\(escape($0.from)) → \(escape($0.to)) \(day($0.at))" }.joined(separator: ", ")
        }
        out.line(held)
        if let pace = skill.pace, pace.status != .topLevel {
            out.line("- **Pace:** \(escape(pace.summary))" + (pace.status == .inReach ? " — an estimate, not a promise" : ""))
        }
        let view = skill.reviewerView
        out.line("- **Reviewer's view:** \(view.confirmed) confirmed, \(view.questionedOpen) questioned and open, "
                   + "\(view.questionedClosed) questioned and settled, \(view.notReviewed) not reviewed yet")

        out.line("")
        out.line("#### Done")
        out.line("")
        if skill.done.isEmpty { out.line("Nothing ticked yet.") }
        for item in skill.done { done(item, staleDays: staleDays, into: &out) }

        if let next = skill.nextLevel {
            out.line("")
            out.line("#### Open toward \(escape(next))")
            out.line("")
            if skill.open.isEmpty { out.line("Nothing open.") }
            for item in skill.open {
                out.line("- [ ] \(escape(item.text)) \(code(item.id))")
                if let note = item.note { out.line("  - Note (\(day(note.at))): \(escape(note.text))") }
            }
        }

        if !skill.notApplicable.isEmpty {
            out.line("")
            out.line("#### Not applicable (left out of the count)")
            out.line("")
            for item in skill.notApplicable {
                let place = [item.level.map(escape), code(item.id)].compactMap { $0 }.joined(separator: ", ")
                out.line("- \(escape(item.text)) (\(place)): *\(escape(item.reason ?? ""))*"
                           + (item.markedAt.map { " (\(day($0)))" } ?? ""))
            }
        }

        let reworded = skill.done.filter { $0.tickedText != nil }
        if !reworded.isEmpty || !skill.removed.isEmpty {
            out.line("")
            out.line("#### Changed in the profile since ticked")
            out.line("")
            for item in reworded {
                out.line("- Reworded \(code(item.id)): ticked as \u{201C}\(escape(item.tickedText ?? ""))\u{201D}, now \u{201C}\(escape(item.text))\u{201D}")
            }
            for item in skill.removed {
                out.line("- [x] No longer in the profile: \(escape(item.text)) \(code(item.id))"
                           + (item.tickedAt.map { ", ticked \(day($0))" } ?? "")
                           + (item.stale ? " — **stale**" : ""))
                evidence(item, into: &out)
            }
        }
    }

    /// A tick's evidence, newest first, a line each, written piece by piece: a long
    /// journal's log runs to thousands of notes.
    static func evidence(_ item: ExpectationReport, into out: inout TextOutput) {
        for note in item.evidenceNotes {
            out.write("  - Evidence (")
            out.write(day(note.at))
            out.write("): ")
            out.write(escape(note.text))
            out.line("")
        }
    }

    static func done(_ item: ExpectationReport, staleDays: Int, into out: inout TextOutput) {
        var place = [item.level.map(escape), item.role.map { "as " + escape($0) }, code(item.id)].compactMap { $0 }
        if let at = item.tickedAt { place.append("ticked \(day(at))") }
        out.line("- [x] \(escape(item.text)) (\(place.joined(separator: ", ")))")
        evidence(item, into: &out)
        if item.stale {
            out.line("  - **Stale:** evidence from \(day(item.evidenceDate ?? item.tickedAt ?? "")) is older than \(staleDays) days: time to show it again")
        }
        if let a = item.assessment {
            let who = a.by.map { " by \(escape($0))" } ?? ""
            if a.state == "confirmed" {
                out.line("  - Confirmed\(who) (\(day(a.at)))" + (a.comment.isEmpty ? "" : ": *\(escape(a.comment))*"))
            } else {
                out.line("  - Question thread (\(a.state)):")
                for entry in a.thread { out.line("    - " + threadLine(entry)) }
            }
        }
    }

    /// One step of a thread: "Asked by Olga Petrova (2026-10-01): *…*".
    static func threadLine(_ entry: ThreadEntryReport) -> String {
        let verb: String
        switch entry.step {
        case "question": verb = "Asked"
        case "ask-again": verb = "Asked again"
        case "answer": verb = "Answered"
        case "accept": verb = "Accepted"
        case "withdraw": verb = "Withdrawn"
        default: verb = "Confirmed"
        }
        let who = entry.by.map { " by \(escape($0))" } ?? ""
        return "\(verb)\(who) (\(day(entry.at)))" + (entry.text.isEmpty ? "" : ": *\(escape(entry.text))*")
    }
}
