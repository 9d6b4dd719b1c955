/// How each kind of change moves a person's record: the fold of the journal.
extension Change {
    /// Applies the change, made at `at`, to a record. A change about a skill the person
    /// does not track (yet) is kept aside and applied if tracking starts later — a
    /// tick dated before its skill's track line (clocks of two machines disagree) still
    /// counts; unknown changes leave the record as it was.
    func apply(to record: inout PersonRecord, at: String) {
        switch self {
        case .person(let name, let mentee):
            if let name, !name.isEmpty { record.name = name }
            if let mentee { record.mentee = mentee }
        case .track(let skill, let role, let level):
            if var tracked = record.skills[skill] {
                tracked.role = role
                tracked.level = level
                record.skills[skill] = tracked
            } else {
                record.skills[skill] = TrackedSkill(skill: skill, role: role, level: level, since: at)
                record.skillOrder.append(skill)
                for (change, when) in record.untracked.removeValue(forKey: skill) ?? [] {
                    record.skills[skill]?.apply(change, at: when)
                }
            }
        case .untrack(let skill):
            record.skills[skill] = nil
            record.skillOrder.removeAll { $0 == skill }
        case .role(let role, let level):
            record.role = role.isEmpty ? nil : role
            record.level = role.isEmpty ? nil : level
        case .reviewStart(let by):
            if record.openReview == nil { record.reviews.append(Review(start: at, by: by)) }
        case .reviewNote(let note, let by):
            guard record.openReview != nil, !note.isEmpty else { return }
            record.reviews[record.reviews.count - 1].notes.append(ReviewNote(text: note, at: at, by: by))
        case .reviewEnd:
            guard record.openReview != nil else { return }
            record.reviews[record.reviews.count - 1].end = at
            record.reviews[record.reviews.count - 1].openAtEnd = record.openQuestions
        case .confirm(let skill, _, _, _, _), .question(let skill, _, _, _, _), .accept(let skill, _, _, _, _):
            guard let place = trackedPlace(skill, in: &record, at: at) else { return }
            if case .accept(_, let id, _, _, _) = self, record.skills.values[place].assessments[id]?.isAnswered != true { return }
            record.skills.values[place].apply(self, at: at)
            if record.openReview != nil {
                if case .question = self {
                    record.reviews[record.reviews.count - 1].questioned += 1
                } else {
                    record.reviews[record.reviews.count - 1].confirmed += 1
                }
            }
        case .tick(let skill, _, _, _), .untick(let skill, _, _, _), .note(let skill, _, _, _, _), .step(let skill, _),
             .notApplicable(let skill, _, _, _, _), .applicable(let skill, _, _, _), .answer(let skill, _, _),
             .withdraw(let skill, _, _), .focus(let skill, _, _, _, _), .unfocus(let skill, _, _), .noteFix(let skill, _, _, _):
            guard let place = trackedPlace(skill, in: &record, at: at) else { return }
            record.skills.values[place].apply(self, at: at)
        case .undo, .unknown: // an undo is folded by PersonRecord: it takes events out
            return
        }
    }

    /// Where `skill` is kept in `record.skills`, to change it there (`skills[skill]?.apply`
    /// takes the skill out and puts it back); nil when it is not tracked, and this change
    /// is kept aside for when it is.
    private func trackedPlace(_ skill: String, in record: inout PersonRecord, at: String) -> Dictionary<String, TrackedSkill>.Index? {
        if let place = record.skills.index(forKey: skill) { return place }
        record.untracked[skill, default: []].append((self, at))
        return nil
    }

}

extension TrackedSkill {
    /// Applies a change about this skill, made at `at` (in place, so the record's
    /// dictionaries are not copied).
    mutating func apply(_ change: Change, at: String) {
        switch change {
        case .step(_, let level):
            steps.append(LevelStep(from: self.level, to: level, at: at))
            self.level = level
        case .tick(_, let level, let id, let text):
            ticks[id] = Tick(expectation: id, text: text, level: level, at: at)
            focus[id] = nil // done: no longer being worked on
        case .untick(_, _, let id, _):
            ticks[id] = nil
        case .note(_, _, let id, let text, let note):
            // Each note adds a dated entry to the log; an empty one clears the log.
            let entry = Note(text: note, at: at, expectation: text ?? "")
            notes[id] = note.isEmpty ? nil : entry
            evidenceLog.modify { log in
                if note.isEmpty {
                    log[id] = nil
                } else {
                    log[id, default: []].append(entry) // in place: a copy of the log per note made a long one quadratic
                }
            }
        case .notApplicable(_, _, let id, let text, let reason):
            notApplicable[id] = NotApplicable(reason: reason, at: at, text: text)
        case .applicable(_, _, let id, _):
            notApplicable[id] = nil
        case .confirm(_, let id, _, let comment, let by):
            var confirmed = Assessment(verdict: .confirmed, comment: comment, by: by, at: at)
            confirmed.thread = continuedThread(id) + [ThreadEntry(step: .confirm, text: comment, by: by, at: at)]
            assessments[id] = confirmed
        case .question(_, let id, _, let comment, let by):
            let earlier = continuedThread(id)
            let step: ThreadEntry.Step = assessments[id]?.isAnswered == true ? .askAgain : .question
            var asked = Assessment(verdict: .questioned, comment: comment, by: by, at: at)
            asked.thread = earlier + [ThreadEntry(step: step, text: comment, by: by, at: at)]
            assessments[id] = asked
        case .answer(_, let id, let answer):
            guard assessments[id]?.isOpen == true else { return }
            assessments[id]?.answer = answer
            assessments[id]?.answeredAt = at
            assessments[id]?.thread.append(ThreadEntry(step: .answer, text: answer, by: nil, at: at))
        case .accept(_, let id, _, let comment, let by):
            guard assessments[id]?.isAnswered == true else { return }
            assessments[id]?.verdict = .confirmed
            assessments[id]?.closedAt = at
            assessments[id]?.thread.append(ThreadEntry(step: .accept, text: comment, by: by, at: at))
        case .withdraw(_, let id, let by):
            guard assessments[id]?.isOpen == true else { return }
            assessments[id]?.withdrawn = true
            assessments[id]?.closedAt = at
            assessments[id]?.thread.append(ThreadEntry(step: .withdraw, text: "", by: by, at: at))
        case .focus(_, let level, let id, let text, let due):
            focus[id] = Focus(expectation: id, text: text, level: level, since: focus[id]?.since ?? at, due: due)
        case .unfocus(_, let id, _):
            focus[id] = nil
        case .noteFix(_, let id, let entry, let note):
            // The first entry of that time; an empty note removes it. The newest note follows.
            let last: Note?? = evidenceLog.modify { logs in
                guard var log = logs[id], let index = log.firstIndex(where: { $0.at == entry }) else { return nil }
                if note.isEmpty { log.remove(at: index) } else { log[index].text = note }
                logs[id] = log.isEmpty ? nil : log
                return .some(log.last)
            }
            if let last { notes[id] = last }
        case .person, .track, .untrack, .role, .reviewStart, .reviewNote, .reviewEnd, .undo, .unknown:
            return
        }
    }

    /// The thread a new question or confirmation continues: the earlier one while its
    /// question is still in play (open or answered), else none (a fresh thread).
    private func continuedThread(_ id: String) -> [ThreadEntry] {
        guard let earlier = assessments[id], earlier.verdict == .questioned, !earlier.withdrawn else { return [] }
        return earlier.thread
    }
}
