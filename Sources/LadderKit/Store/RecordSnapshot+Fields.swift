import Foundation

/// How a record snapshot is written: `FieldWriter` lines, one per part of the state
/// (tagged by their first field; the parts of a skill, an assessment or a review
/// follow its line; a skill's evidence log is a block read later, see
/// `RecordSnapshot+Evidence`), then the event id hashes as raw little-endian words. Every
/// read fails to nil on anything short or out of place: a damaged snapshot is
/// dropped and the journal folded instead.
extension RecordSnapshot {
    func encodedBody() -> [UInt8] {
        var out = FieldWriter(capacity: 4096)
        out.field("snapshot"); out.field(journal); out.field(person)
        out.field(stamp.size); out.field(stamp.mtime); out.field(stamp.ctime); out.field(String(stamp.inode))
        out.field(racy ? 1 : 0); out.field(headLength); out.field(headLines)
        out.field(String(hash.state)); out.field(String(hash.pending)); out.field(hash.pendingCount); out.field(hash.length)
        out.field(readOnly ? 1 : 0); out.field(named ? 1 : 0); out.field(events)
        out.endLine()
        if let synced {
            out.field("synced"); out.field(String(synced.salt)); out.field(synced.count)
            out.list(synced.missing.map { String($0) })
            out.endLine()
        }
        for problem in problems {
            out.field("problem"); out.field(problem.file); out.field(problem.line); out.field(problem.column)
            out.field(problem.message); out.optional(problem.excerpt)
            out.endLine()
        }
        out.field("person"); out.field(record.name); out.field(record.mentee ? 1 : 0); out.optional(record.lastChange)
        out.optional(record.role); out.optional(record.level); out.optional(record.firstChange); out.optional(record.lastProgress)
        out.list(record.skillOrder)
        out.endLine()
        for skill in record.skills.values { write(skill, to: &out) }
        for review in record.reviews {
            out.field("review"); out.field(review.start); out.optional(review.end); out.reviewer(review.by)
            out.field(review.confirmed); out.field(review.questioned); out.optional(review.openAtEnd.map { String($0) })
            out.endLine()
            for note in review.notes {
                out.field("review-note"); out.field(note.text); out.field(note.at); out.reviewer(note.by)
                out.endLine()
            }
        }
        for (skill, changes) in record.untracked {
            for (change, at) in changes {
                // Kept as the journal line that makes the change (rare: a change before its track line).
                guard let line = try? JournalEvent(change, at: at, id: "-").encodedLine() else { continue }
                out.field("untracked"); out.field(skill); out.field(String(decoding: line, as: UTF8.self))
                out.endLine()
            }
        }
        var body = Array("\(out.bytes.count) \(ids.sorted.count)\n".utf8)
        body.reserveCapacity(body.count + out.bytes.count + ids.sorted.count * 8)
        body += out.bytes
        for value in ids.sorted { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }
        return body
    }

    private func write(_ skill: TrackedSkill, to out: inout FieldWriter) {
        // The evidence log follows its skill's line, which says how long it is.
        let evidence = Self.evidenceBlock(skill.evidenceLog)
        out.field("skill"); out.field(skill.skill); out.field(skill.role); out.field(skill.level); out.field(skill.since)
        out.field(evidence.count)
        out.endLine()
        out.lines(evidence)
        for tick in skill.ticks.values {
            out.field("tick"); out.field(tick.expectation); out.field(tick.text); out.field(tick.level); out.field(tick.at)
            out.endLine()
        }
        // Each expectation's newest note, the last entry of its log: what the dashboard shows.
        for (id, note) in skill.notes {
            out.field("note"); out.field(id); out.field(note.text); out.field(note.at); out.field(note.expectation)
            out.endLine()
        }
        for (id, mark) in skill.notApplicable {
            out.field("na"); out.field(id); out.field(mark.reason); out.field(mark.at); out.field(mark.text)
            out.endLine()
        }
        for (id, view) in skill.assessments {
            out.field("assessment"); out.field(id); out.field(view.verdict.rawValue); out.field(view.comment)
            out.reviewer(view.by); out.field(view.at); out.optional(view.answer); out.optional(view.answeredAt)
            out.field(view.withdrawn ? 1 : 0); out.optional(view.closedAt)
            out.endLine()
            for entry in view.thread {
                out.field("thread"); out.field(entry.step.rawValue); out.field(entry.text); out.reviewer(entry.by); out.field(entry.at)
                out.endLine()
            }
        }
        for step in skill.steps {
            out.field("step"); out.field(step.from); out.field(step.to); out.field(step.at)
            out.endLine()
        }
        for focus in skill.focus.values {
            out.field("focus"); out.field(focus.expectation); out.field(focus.text); out.field(focus.level)
            out.field(focus.since); out.optional(focus.due)
            out.endLine()
        }
    }

    static func decode(body: ArraySlice<UInt8>, person id: PersonID) -> RecordSnapshot? {
        guard let newline = body.prefix(64).firstIndex(of: 0x0A) else { return nil }
        let sizes = String(decoding: body[body.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard sizes.count == 2, let textCount = Int(sizes[0]), let idCount = Int(sizes[1]), textCount >= 0, idCount >= 0,
              body.endIndex - (newline + 1) == textCount + idCount * 8 else { return nil }
        let textEnd = newline + 1 + textCount
        var hashes: [UInt64] = []
        hashes.reserveCapacity(idCount)
        body[textEnd...].withUnsafeBytes { raw in
            for k in 0..<idCount { hashes.append(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self))) }
        }
        guard let ids = EventIDHashes(sorted: hashes) else { return nil }
        var reader = FieldReader(body[(newline + 1)..<textEnd])
        guard let head = reader.line(), head.string(0) == "snapshot", head.count == 17,
              let journal = head.string(1), head.string(2) == id.rawValue,
              let size = head.int64(3), let mtime = head.int64(4), let ctime = head.int64(5),
              let inode = head.string(6).flatMap({ UInt64($0) }), let racy = head.int(7),
              let headLength = head.int64(8), let headLines = head.int(9),
              let state = head.string(10).flatMap({ UInt64($0) }), let pending = head.string(11).flatMap({ UInt64($0) }),
              let pendingCount = head.int(12), let hashed = head.int64(13), let readOnly = head.int(14), let named = head.int(15), let events = head.int(16), events >= 0,
              let hash = HeadHash(state: state, pending: pending, pendingCount: pendingCount, length: hashed),
              hashed == headLength, headLines >= 0 else { return nil }
        var snapshot = RecordSnapshot(journal: journal, person: id.rawValue,
                                      stamp: FileStamp(size: size, mtime: mtime, ctime: ctime, inode: inode),
                                      racy: racy != 0, headLength: headLength, headLines: headLines, hash: hash,
                                      problems: [], readOnly: readOnly != 0, named: named != 0, synced: nil,
                                      record: PersonRecord(id: id), events: events, ids: ids)
        var parts = Parts()
        var evidence: [String: ArraySlice<UInt8>] = [:]
        while let line = reader.line() {
            guard parts.read(line, into: &snapshot) else { return nil }
            if let skill = parts.skill, line.string(0) == "skill" {
                // The skill's evidence log: stepped over, read when asked for.
                guard let count = line.int(5), let block = reader.lines(count: count) else { return nil }
                evidence[skill] = block
            }
        }
        let record = snapshot.record
        guard parts.sawPerson, Set(record.skillOrder) == Set(record.skills.keys), record.skillOrder.count == record.skills.count
        else { return nil }
        for (skill, block) in evidence {
            let newest = record.skills[skill]?.notes ?? [:]
            guard block.isEmpty == newest.isEmpty else { return nil } // a log and its newest notes go together
            let log = snapshot.pendingEvidence(block, skill: skill, newest: newest, person: id)
            snapshot.record.skills[skill]?.evidenceLog = log
        }
        return snapshot
    }

    /// Reads the lines after the head, remembering which skill, assessment and
    /// review the lines that follow them belong to.
    private struct Parts {
        var sawPerson = false
        var skill: String?
        var assessment: String?

        mutating func read(_ line: FieldReader.Line, into snapshot: inout RecordSnapshot) -> Bool {
            guard let tag = line.string(0) else { return false }
            switch (tag, line.count) {
            case ("synced", 4):
                guard let salt = line.string(1).flatMap({ UInt64($0) }), let count = line.int(2),
                      let missing = line.list(3)?.compactMap({ UInt64($0) }) else { return false }
                snapshot.synced = Synced(salt: salt, count: count, missing: missing)
            case ("problem", 6):
                guard let file = line.string(1), let number = line.int(2), let column = line.int(3),
                      let message = line.string(4), let excerpt = line.optional(5) else { return false }
                snapshot.problems.append(FileProblem(file: file, line: number, column: column, message: message, excerpt: excerpt))
            case ("person", 9):
                guard let name = line.string(1), let mentee = line.int(2), let last = line.optional(3),
                      let role = line.optional(4), let level = line.optional(5), let first = line.optional(6),
                      let progress = line.optional(7), let order = line.list(8) else { return false }
                snapshot.record.name = name
                snapshot.record.mentee = mentee != 0
                snapshot.record.lastChange = last
                snapshot.record.role = role
                snapshot.record.level = level
                snapshot.record.firstChange = first
                snapshot.record.lastProgress = progress
                snapshot.record.skillOrder = order
                sawPerson = true
            case ("skill", 6):
                guard let name = line.string(1), let role = line.string(2), let level = line.string(3),
                      let since = line.string(4), snapshot.record.skills[name] == nil else { return false }
                snapshot.record.skills[name] = TrackedSkill(skill: name, role: role, level: level, since: since)
                skill = name
                assessment = nil
            case ("untracked", 3):
                guard let name = line.string(1), let text = line.string(2),
                      let event = try? JSONDecoder().decode(JournalEvent.self, from: Data(text.utf8)) else { return false }
                snapshot.record.untracked[name, default: []].append((event.change, event.at))
            case ("review", 8):
                guard let start = line.string(1), let end = line.optional(2), let by = line.reviewer(3),
                      let confirmed = line.int(5), let questioned = line.int(6), let open = line.optional(7) else { return false }
                var review = Review(start: start, by: by)
                review.end = end
                review.confirmed = confirmed
                review.questioned = questioned
                if let open {
                    guard let count = Int(open) else { return false }
                    review.openAtEnd = count
                }
                snapshot.record.reviews.append(review)
            case ("review-note", 5):
                guard !snapshot.record.reviews.isEmpty, let text = line.string(1), let at = line.string(2),
                      let by = line.reviewer(3) else { return false }
                snapshot.record.reviews[snapshot.record.reviews.count - 1].notes.append(ReviewNote(text: text, at: at, by: by))
            default:
                guard let skill, snapshot.record.skills[skill] != nil else { return false }
                return readSkillPart(tag, line, into: &snapshot.record.skills[skill, default: TrackedSkill(skill: skill, role: "", level: "", since: "")])
            }
            return true
        }

        private mutating func readSkillPart(_ tag: String, _ line: FieldReader.Line, into skill: inout TrackedSkill) -> Bool {
            switch (tag, line.count) {
            case ("tick", 5):
                guard let id = line.string(1), let text = line.string(2), let level = line.string(3),
                      let at = line.string(4) else { return false }
                skill.ticks[id] = Tick(expectation: id, text: text, level: level, at: at)
            case ("note", 5):
                guard let id = line.string(1), let text = line.string(2), let at = line.string(3),
                      let expectation = line.string(4), skill.notes[id] == nil else { return false }
                skill.notes[id] = Note(text: text, at: at, expectation: expectation)
            case ("na", 5):
                guard let id = line.string(1), let reason = line.string(2), let at = line.string(3),
                      let text = line.string(4) else { return false }
                skill.notApplicable[id] = NotApplicable(reason: reason, at: at, text: text)
            case ("assessment", 11):
                guard let id = line.string(1),
                      let verdict = line.string(2).flatMap(Assessment.Verdict.init(rawValue:)), let comment = line.string(3),
                      let by = line.reviewer(4), let at = line.string(6), let answer = line.optional(7),
                      let answeredAt = line.optional(8), let withdrawn = line.int(9), let closed = line.optional(10) else { return false }
                var view = Assessment(verdict: verdict, comment: comment, by: by, at: at)
                view.answer = answer
                view.answeredAt = answeredAt
                view.withdrawn = withdrawn != 0
                view.closedAt = closed
                skill.assessments[id] = view
                assessment = id
            case ("thread", 6):
                guard let id = assessment, skill.assessments[id] != nil,
                      let step = line.string(1).flatMap(ThreadEntry.Step.init(rawValue:)), let text = line.string(2),
                      let by = line.reviewer(3), let at = line.string(5) else { return false }
                skill.assessments[id]?.thread.append(ThreadEntry(step: step, text: text, by: by, at: at))
            case ("step", 4):
                guard let from = line.string(1), let to = line.string(2), let at = line.string(3) else { return false }
                skill.steps.append(LevelStep(from: from, to: to, at: at))
            case ("focus", 6):
                guard let id = line.string(1), let text = line.string(2), let level = line.string(3),
                      let since = line.string(4), let due = line.optional(5) else { return false }
                skill.focus[id] = Focus(expectation: id, text: text, level: level, since: since, due: due)
            default:
                return false
            }
            return true
        }
    }
}

extension FieldWriter {
    /// A reviewer, or none, in two fields: the id and the name, each optional.
    mutating func reviewer(_ reviewer: Reviewer?) {
        optional(reviewer?.id)
        optional(reviewer?.name)
    }
}

extension FieldReader.Line {
    /// What `FieldWriter.reviewer` wrote at `index` and the field after it:
    /// `.some(nil)` for none, nil when damaged.
    func reviewer(_ index: Int) -> Reviewer?? {
        guard let id = optional(index), let name = optional(index + 1) else { return nil }
        guard let id else { return name == nil ? .some(nil) : nil }
        return .some(Reviewer(id: id, name: name))
    }
}
