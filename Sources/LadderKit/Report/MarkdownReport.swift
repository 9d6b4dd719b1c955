import CellGrid

/// A `PersonReport` as Markdown that pastes cleanly into a 1:1 document: headings,
/// lists and `- [x]` / `- [ ]` checkboxes. Text from files is made safe (`Safe.text`:
/// one line, no control characters) and escaped so it cannot open a heading, a
/// list, a link, emphasis or HTML.
public enum MarkdownReport {
    /// The readiness section: the path's line, its trend over the period, and a sparkline of every change.
    static func readiness(_ readiness: ReadinessReport) -> [String] {
        var line = "**\(escape(readiness.roleName)), \(escape(readiness.level)).** \(escape(readiness.line))"
        if let trend = readiness.trend { line += " — \(escape(trend))" }
        var out = ["", "## Readiness", "", line + "."]
        if readiness.history.count > 1, let first = readiness.history.first, let last = readiness.history.last {
            out += ["", "Over time: `\(Sparkline.render(readiness.history.map(\.percent)))` (each day it changed, "
                    + "\(day(first.date)) to \(day(last.date)); a step up starts the next level at its own count)."]
        }
        return out
    }


    public static func render(_ report: PersonReport) -> String {
        var out: [String] = []
        out.append("# Growth report: \(escape(report.person.name))")
        out.append("")
        out.append("*\(day(report.generated)) · changes \(escape(report.period.description)) · evidence older than "
                   + "\(report.staleDays) days (before \(day(report.staleBefore))) is marked stale*")
        out.append("")
        out.append("> \(escape(report.note))")
        if let readiness = report.readiness { out += Self.readiness(readiness) }

        out.append("")
        out.append("## Standing")
        if report.skills.isEmpty {
            out.append("")
            out.append("No skills tracked yet.")
        }
        for skill in report.skills { out += standing(skill, staleDays: report.staleDays) }

        if !report.workingOn.isEmpty {
            out.append("")
            out.append("## Working on")
            out.append("")
            for item in report.workingOn {
                var line = "- \(escape(item.name)): \(escape(item.text)) \(code(item.item)) · since \(day(item.since))"
                if let by = item.by { line += ", by \(escape(by))" + (item.overdue ? " — **overdue**" : "") }
                out.append(line)
            }
        }

        out.append("")
        out.append("## Changes \(escape(report.period.description))")
        out.append("")
        if report.changes.isEmpty { out.append("No changes in this period.") }
        for (index, group) in report.changes.enumerated() {
            if index > 0 { out.append("") }
            out.append("### \(escape(group.name))")
            out.append("")
            for change in group.changes {
                var line = "- \(day(change.at)) · \(escape(change.verb))"
                if let text = change.text { line += ": \(escape(text))" }
                if let detail = change.detail { line += " — *\(escape(detail))*" }
                out.append(line)
            }
        }

        out.append("")
        out.append("## Agenda for the next 1:1")
        out.append("")
        if report.agenda.isEmpty { out.append("Nothing open: no questions, nothing overdue, no stale evidence, no gaps toward the next level.") }
        for (index, agenda) in report.agenda.enumerated() {
            if index > 0 { out.append("") }
            out.append("### \(escape(agenda.name))")
            out.append("")
            for entry in agenda.questions {
                out.append("- [ ] Open question on \(escape(entry.text)) \(code(entry.expectation)): *\(escape(entry.detail))*")
            }
            for entry in agenda.answered {
                out.append("- [ ] Answered, waiting for you: \(escape(entry.text)) \(code(entry.expectation)): *\(escape(entry.detail))*")
            }
            for entry in agenda.overdue {
                out.append("- [ ] Overdue: \(escape(entry.text)) \(code(entry.expectation)) (\(escape(entry.detail)))")
            }
            for entry in agenda.stale {
                out.append("- [ ] Stale evidence: \(escape(entry.text)) \(code(entry.expectation)) (\(escape(entry.detail)))")
            }
            for entry in agenda.gaps {
                out.append("- [ ] Toward \(escape(entry.detail)): \(escape(entry.text)) \(code(entry.expectation))")
            }
        }

        out.append("")
        out.append("## Reviews")
        out.append("")
        if report.reviews.isEmpty { out.append("No reviews yet.") }
        for review in report.reviews {
            var line = "- \(day(review.start))"
            if let by = review.by { line += " with \(escape(by))" }
            line += review.end == nil ? " (in progress)" : ""
            line += ": \(review.confirmed) confirmed, \(review.questioned) questioned"
            if let agreement = review.agreementPercent { line += " (\(agreement)% confirmed)" }
            if let open = review.openAtEnd { line += ", \(open == 1 ? "1 question" : "\(open) questions") open at the end" }
            out.append(line)
            for note in review.notes {
                out.append("  - \(escape(note.text))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func standing(_ skill: SkillReport, staleDays: Int) -> [String] {
        var out: [String] = [""]
        out.append("### \(escape(skill.name)) · \(escape(skill.role)) · \(escape(skill.level))")
        out.append("")
        if let problem = skill.problem {
            out.append("**Cannot be shown:** \(escape(problem))")
            return out
        }
        if let progress = skill.progress {
            var line = "- **Progress toward \(escape(progress.level))** (\(progress.required ? "Required" : "optional") for the role): "
                + "\(progress.done) of \(progress.total) · \(progress.percent)%"
            if progress.notApplicable > 0 { line += " (\(progress.notApplicable) not applicable, left out of the count)" }
            if skill.readyToStep { line += " — every expectation ticked: ready to record the step up" }
            out.append(line)
        } else {
            out.append("- **Top level reached**")
        }
        var held = "- **At \(escape(skill.level))**"
        if let since = skill.levelSince { held += " since \(day(since))" }
        if let days = skill.daysAtLevel { held += " (\(History.duration(days: days)))" }
        held += "; tracked since \(day(skill.trackedSince))"
        if !skill.steps.isEmpty {
            held += "; stepped up: " + skill.steps.map { "\(escape($0.from)) → \(escape($0.to)) \(day($0.at))" }.joined(separator: ", ")
        }
        out.append(held)
        if let pace = skill.pace, pace.status != .topLevel {
            out.append("- **Pace:** \(escape(pace.summary))" + (pace.status == .inReach ? " — an estimate, not a promise" : ""))
        }
        let view = skill.reviewerView
        out.append("- **Reviewer's view:** \(view.confirmed) confirmed, \(view.questionedOpen) questioned and open, "
                   + "\(view.questionedClosed) questioned and settled, \(view.notReviewed) not reviewed yet")

        out.append("")
        out.append("#### Done")
        out.append("")
        if skill.done.isEmpty { out.append("Nothing ticked yet.") }
        for item in skill.done { out += done(item, staleDays: staleDays) }

        if let next = skill.nextLevel {
            out.append("")
            out.append("#### Open toward \(escape(next))")
            out.append("")
            if skill.open.isEmpty { out.append("Nothing open.") }
            for item in skill.open {
                out.append("- [ ] \(escape(item.text)) \(code(item.id))")
                if let note = item.note { out.append("  - Note (\(day(note.at))): \(escape(note.text))") }
            }
        }

        if !skill.notApplicable.isEmpty {
            out.append("")
            out.append("#### Not applicable (left out of the count)")
            out.append("")
            for item in skill.notApplicable {
                let place = [item.level.map(escape), code(item.id)].compactMap { $0 }.joined(separator: ", ")
                out.append("- \(escape(item.text)) (\(place)): *\(escape(item.reason ?? ""))*"
                           + (item.markedAt.map { " (\(day($0)))" } ?? ""))
            }
        }

        let reworded = skill.done.filter { $0.tickedText != nil }
        if !reworded.isEmpty || !skill.removed.isEmpty {
            out.append("")
            out.append("#### Changed in the profile since ticked")
            out.append("")
            for item in reworded {
                out.append("- Reworded \(code(item.id)): ticked as \u{201C}\(escape(item.tickedText ?? ""))\u{201D}, now \u{201C}\(escape(item.text))\u{201D}")
            }
            for item in skill.removed {
                out.append("- [x] No longer in the profile: \(escape(item.text)) \(code(item.id))"
                           + (item.tickedAt.map { ", ticked \(day($0))" } ?? "")
                           + (item.stale ? " — **stale**" : ""))
                for note in item.evidence ?? item.note.map { [$0] } ?? [] { out.append("  - Evidence (\(day(note.at))): \(escape(note.text))") }
            }
        }
        return out
    }

    static func done(_ item: ExpectationReport, staleDays: Int) -> [String] {
        var place = [item.level.map(escape), item.role.map { "as " + escape($0) }, code(item.id)].compactMap { $0 }
        if let at = item.tickedAt { place.append("ticked \(day(at))") }
        var out = ["- [x] \(escape(item.text)) (\(place.joined(separator: ", ")))"]
        for note in item.evidence ?? item.note.map { [$0] } ?? [] { out.append("  - Evidence (\(day(note.at))): \(escape(note.text))") }
        if item.stale {
            out.append("  - **Stale:** evidence from \(day(item.evidenceDate ?? item.tickedAt ?? "")) is older than \(staleDays) days: time to show it again")
        }
        if let a = item.assessment {
            let who = a.by.map { " by \(escape($0))" } ?? ""
            if a.state == "confirmed" {
                out.append("  - Confirmed\(who) (\(day(a.at)))" + (a.comment.isEmpty ? "" : ": *\(escape(a.comment))*"))
            } else {
                out.append("  - Question thread (\(a.state)):")
                for entry in a.thread { out.append("    - " + threadLine(entry)) }
            }
        }
        return out
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

    /// The day of an ISO time, `YYYY-MM-DD`, made safe.
    static func day(_ moment: String) -> String { escape(String(moment.prefix(10))) }

    /// An id as inline code, or escaped text when it holds a backtick.
    static func code(_ id: String) -> String {
        let safe = Safe.text(id)
        return safe.contains("`") || safe.isEmpty ? escape(safe) : "`\(safe)`"
    }

    /// `Safe.text`, then a backslash before every character that could change the
    /// Markdown's structure: emphasis, code, links, HTML, tables, strikethrough,
    /// entity references, and at the start (or end) a heading, quote or list marker.
    public static func escape(_ text: String) -> String {
        let safe = Safe.text(text)
        if !mayNeedEscape(safe) { return safe } // most text: no character below can match
        let characters = Array(safe)
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out.append("\\")
            case "&" where entityFollows(characters, after: index):
                out.append("\\")
            case "#" where index == 0 || index == characters.count - 1:
                out.append("\\")
            case "-" where index == 0, "+" where index == 0, "=" where index == 0:
                out.append("\\")
            case "." where index > 0 && characters[..<index].allSatisfy(\.isASCIIDigit),
                 ")" where index > 0 && characters[..<index].allSatisfy(\.isASCIIDigit):
                out.append("\\")
            default:
                break
            }
            out.append(character)
        }
        return out
    }
}

extension MarkdownReport {
    /// False when no character of `text` can be one `escape` escapes, judged by its
    /// bytes (a byte that might start one sends the text down the careful path).
    static func mayNeedEscape(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next() else { return false }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: break
        }
        var last = first
        var byte: UInt8? = first
        while let current = byte {
            switch current {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"):
                return true
            default: break
            }
            last = current
            byte = utf8.next()
        }
        return last == UInt8(ascii: "#")
    }

    /// Whether `&` at `index` starts an entity reference such as `&amp;` or `&#35;`.
    static func entityFollows(_ characters: [Character], after index: Int) -> Bool {
        var end = index + 1
        while end < characters.count, end - index <= 32, characters[end] == "#" || (characters[end].isASCII && (characters[end].isLetter || characters[end].isNumber)) {
            end += 1
        }
        return end > index + 1 && end < characters.count && characters[end] == ";"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
