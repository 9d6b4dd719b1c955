#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Store {
    /// The person's current state, and the journal's problems and read-only mark.
    /// From the person's record snapshot when the journal still starts with the bytes
    /// it was made of: then only the lines after them are read, and the journal's
    /// `events` are just those lines' (the record's `events` has them all). Otherwise
    /// the whole journal is folded, and a long one gets a new snapshot.
    public func record(for person: PersonID) throws(StoreError) -> (record: PersonRecord, journal: Journal) {
        let owner = owner()
        let id = person == .me ? (owner?.id ?? .me) : person
        let (home, file) = try location(of: id, owner: owner)
        try SafeFile.refuseLinkedFolder(home.peoplePath)
        let path = home.journalPath(for: file)
        let synced = SyncedLines.load(in: home, for: file)
        let read = Reading(store: self, id: id, home: home, file: file, path: path, synced: synced)
        guard let (fd, stats) = try SafeFile.openForReading(path) else {
            var journal = Journal()
            if let synced, let problem = synced.problem(current: [], folder: home, person: file) {
                journal.problems.insert(problem, at: 0)
            }
            return (read.named(PersonRecord(id: id), false, owner: owner), journal)
        }
        defer { close(fd) }
        let stamp = FileStamp(stats)
        if snapshots != .off, let snapshot = RecordSnapshot.load(in: folder, for: id, journal: path),
           let (record, journal, named) = try read.on(from: snapshot, fd: fd, stamp: stamp) {
            return (read.named(record, named, owner: owner), journal)
        }
        let (record, journal, named) = try read.whole(fd: fd, stamp: stamp)
        return (read.named(record, named, owner: owner), journal)
    }

    /// One load of a person's record: where their journal is, and what was synced.
    private struct Reading {
        let store: Store
        let id: PersonID
        let home: DataFolder
        let file: PersonID
        let path: String
        let synced: SyncedLines.Record?

        /// The record under the owner's name when it is theirs and no line names them.
        func named(_ record: PersonRecord, _ named: Bool, owner: Owner?) -> PersonRecord {
            guard let owner, owner.id == id, !named else { return record }
            var record = record
            record.name = owner.name
            return record
        }

        static func names(_ events: [JournalEvent]) -> Bool { events.contains { $0.kind == "person" } }

        func whole(fd: Int32, stamp: FileStamp) throws(StoreError) -> (PersonRecord, Journal, Bool) {
            guard lseek(fd, 0, SEEK_SET) == 0 else { throw .system("read", path, errno: errno) }
            var reader = Journal.Reader(file: path, keepsHashes: synced != nil)
            var lines = JournalLines(salt: synced?.salt ?? JournalLines.randomSalt())
            var hash = HeadHash()
            try SafeFile.readChunks(fd, path: path) { (chunk) throws(StoreError) in
                hash.add(chunk)
                lines.feed(chunk) { reader.add($0) }
            }
            var torn = false
            lines.finish { torn = true; reader.add($0) }
            var journal = reader.journal
            let record = PersonRecord.fold(journal.events, id: id)
            let named = Self.names(journal.events)
            if let synced, let problem = synced.problem(current: reader.eventLines, folder: home, person: file) {
                journal.problems.insert(problem, at: 0)
            }
            // A last line without its newline may still be written to: no snapshot ends there.
            if store.snapshots == .readWrite, !torn, hash.length >= Int64(store.snapshotMinBytes) {
                var state = record
                state.events = []
                let kept = synced.map { RecordSnapshot.Synced(salt: $0.salt, count: $0.hashes.count,
                                                              missing: $0.hashes.filter { !reader.eventLines.contains($0) }) }
                RecordSnapshot(journal: path, person: id.rawValue, stamp: stamp, racy: stamp.isRacy(),
                               headLength: hash.length, headLines: lines.lineCount, hash: hash, problems: reader.journal.problems,
                               readOnly: journal.readOnly, named: named, synced: kept, record: state,
                               events: record.eventCount, ids: reader.keptIDs()).save(in: store.folder)
            }
            return (record, journal, named)
        }

        /// The record from `snapshot` and the lines after it, or nil when the snapshot
        /// does not hold for this journal (then the caller folds the whole journal).
        func on(from snapshot: RecordSnapshot, fd: Int32, stamp: FileStamp) throws(StoreError) -> (PersonRecord, Journal, Bool)? {
            guard stamp.size >= snapshot.headLength else { return nil }
            switch (synced, snapshot.synced) {
            case (nil, nil): break
            case let (now?, then?) where now.salt == then.salt && now.hashes.count == then.count: break
            default: return nil // synced since: the lines to check are others
            }
            let unchanged = stamp == snapshot.stamp && !snapshot.racy && stamp.size == snapshot.headLength
            if !unchanged {
                var head = HeadHash()
                try SafeFile.readChunks(fd, path: path, limit: Int(snapshot.headLength)) { (chunk) throws(StoreError) in head.add(chunk) }
                guard head == snapshot.hash else { return nil }
            }
            guard lseek(fd, off_t(snapshot.headLength), SEEK_SET) == off_t(snapshot.headLength) else { return nil }
            var reader = Journal.Reader(file: path, keepsHashes: synced != nil)
            reader.earlierIDs = snapshot.ids
            var lines = JournalLines(salt: synced?.salt ?? JournalLines.randomSalt(), after: snapshot.headLines)
            var hash = snapshot.hash
            try SafeFile.readChunks(fd, path: path) { (chunk) throws(StoreError) in
                hash.add(chunk)
                lines.feed(chunk) { reader.add($0) }
            }
            var torn = false
            lines.finish { torn = true; reader.add($0) }
            let added = reader.journal.events
            // What only the whole fold gets right: an event seen or undone before, an undo,
            // a line older than the snapshot's last change (it sorts among the earlier ones).
            guard !reader.repeatsEarlier else { return nil }
            if added.contains(where: { if case .undo = $0.change { return true } else { return false } }) { return nil }
            if let last = snapshot.record.lastChange, added.contains(where: { $0.at < last }) { return nil }

            let (length, file, count) = (snapshot.headLength, path, snapshot.events)
            var record = PersonRecord(state: snapshot.record, earlier: EarlierEvents(count: count) { keepsIDs, each in
                Store.earlierEvents(path: file, length: length, expected: count, keepsIDs: keepsIDs, each)
            })
            for event in PersonRecord.foldOrder(added).events { record.apply(event) }
            let named = snapshot.named || Self.names(added)
            var journal = Journal(events: added, problems: snapshot.problems + reader.journal.problems,
                                  readOnly: snapshot.readOnly || reader.journal.readOnly)
            var stillMissing = snapshot.synced?.missing ?? []
            if let synced {
                stillMissing = stillMissing.filter { !reader.eventLines.contains($0) }
                if let problem = synced.problem(missing: stillMissing.count, folder: home, person: self.file) {
                    journal.problems.insert(problem, at: 0)
                }
            }
            let grown = hash.length - snapshot.headLength
            let settled = !stamp.isRacy()
            if store.snapshots == .readWrite, !torn,
               (grown > 0 && (settled || grown >= Int64(store.snapshotGrowthBytes))) || (snapshot.racy && settled) {
                var next = snapshot
                var state = record
                state.events = []
                next.record = state
                next.events = record.eventCount
                next.stamp = stamp
                next.racy = !settled
                next.headLength = hash.length
                next.headLines = lines.lineCount
                next.hash = hash
                next.problems += reader.journal.problems
                next.readOnly = journal.readOnly
                next.named = named
                next.synced?.missing = stillMissing
                next.ids = snapshot.ids.merged(with: reader.keptIDs())
                next.save(in: store.folder)
            }
            return (record, journal, named)
        }
    }

    /// The events of a journal's first `length` bytes in file order, each to `each`
    /// until it returns false, none from a newer Ladder (`EarlierEvents` puts them in
    /// fold order). What a record snapshot's state was folded from; should the journal
    /// have been rewritten since, the events it starts with now: the best there is until
    /// the record is loaded again (the UI reloads a journal that changed).
    /// `keepsIDs`: each id counts once, as when the snapshot was made (without, every
    /// line's event is handed on, repeats too, and no table of the ids is kept: for a
    /// reader that keeps their hashes and gives up at a repeat). `expected`: how many
    /// events the snapshot counted there (room is made for their ids).
    static func earlierEvents(path: String, length: Int64, expected: Int = 0, keepsIDs: Bool = true,
                              _ each: (JournalEvent) -> Bool) {
        guard let (fd, _) = (try? SafeFile.openForReading(path)) ?? nil else { return }
        defer { close(fd) }
        var reader = Journal.Reader(file: path)
        if keepsIDs { reader.reserve(min(max(0, expected), Int(length / 16))) } // no more than the bytes could hold
        var lines = JournalLines()
        var going = true
        func read(_ line: JournalLines.Line) {
            guard going, let event = keepsIDs ? reader.event(line) : reader.parse(line)?.event else { return }
            going = each(event)
        }
        try? SafeFile.readChunks(fd, path: path, limit: Int(length)) { (chunk) throws(StoreError) in
            if going { lines.feed(chunk, read) }
        }
        lines.finish(read)
    }
}
