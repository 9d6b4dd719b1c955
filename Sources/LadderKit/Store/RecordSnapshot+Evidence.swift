/// How a record snapshot keeps a skill's evidence log: a block of `evidence` lines
/// right after the skill's line, which gives the block's length, so a load steps
/// over it and reads it only when the log is asked for (`EvidenceLog`). Each
/// expectation's newest note is also written on its own `note` line, read at once:
/// it is what the dashboard shows.
extension RecordSnapshot {
    /// The skill's evidence block: unchanged since it was read, the same bytes again.
    static func evidenceBlock(_ log: EvidenceLog) -> [UInt8] {
        if let pending = log.pending { return Array(pending.encoded) }
        var out = FieldWriter()
        // The expectation's words are written only when they differ from the entry
        // before (a long log repeats them at every note).
        for (id, notes) in log.notes {
            var words: String?
            for note in notes {
                out.field("evidence"); out.field(id); out.field(note.text); out.field(note.at)
                if note.expectation != words { out.field(note.expectation) }
                words = note.expectation
                out.endLine()
            }
        }
        return out.bytes
    }

    /// The log an evidence block holds, nil when it does not read or does not end in
    /// `newest` (each expectation's newest note, read from the `note` lines).
    static func readEvidence(_ block: ArraySlice<UInt8>, newest: [String: Note]) -> [String: [Note]]? {
        var reader = FieldReader(block)
        var log: [String: [Note]] = [:]
        // An expectation's entries are written together: gather them, then keep them once.
        var current: (id: String, notes: [Note])?
        while let line = reader.line() {
            guard line.count == 4 || line.count == 5, line.string(0) == "evidence",
                  let id = line.string(1), let text = line.string(2), let at = line.string(3) else { return nil }
            if let gathered = current, gathered.id != id {
                guard log[gathered.id] == nil else { return nil }
                log[gathered.id] = gathered.notes
                current = nil
            }
            guard let expectation = line.count == 5 ? line.string(4) : current?.notes.last?.expectation else { return nil }
            let note = Note(text: text, at: at, expectation: expectation)
            if current == nil { current = (id, [note]) } else { current?.notes.append(note) }
        }
        if let gathered = current {
            guard log[gathered.id] == nil else { return nil }
            log[gathered.id] = gathered.notes
        }
        guard log.count == newest.count, log.allSatisfy({ newest[$0.key] == $0.value.last }) else { return nil }
        return log
    }

    /// A skill's log still in its block: read on first use; should the block not read
    /// (a snapshot written wrong), the log folded again from the journal's lines the
    /// snapshot was made of.
    func pendingEvidence(_ block: ArraySlice<UInt8>, skill: String, newest: [String: Note], person id: PersonID) -> EvidenceLog {
        if block.isEmpty && newest.isEmpty { return EvidenceLog() }
        let (path, length) = (journal, headLength)
        return EvidenceLog(pending: PendingEvidence(encoded: block) { bytes in
            if let log = Self.readEvidence(bytes, newest: newest) { return log }
            var events: [JournalEvent] = []
            Store.earlierEvents(path: path, length: length) { events.append($0); return true }
            return PersonRecord.fold(events, id: id).skills[skill]?.evidence ?? [:]
        })
    }
}
