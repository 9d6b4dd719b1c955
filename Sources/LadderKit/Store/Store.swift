/// People's journals in a data folder: reading a person's record and appending
/// changes to it, one fsync'd write per change, under the folder's lock.
public struct Store: Sendable {
    public let folder: DataFolder
    /// How long a write waits for another Ladder holding the lock before it gives up
    /// with an error naming the lock file. Writers hold it for milliseconds.
    public var lockTimeout: Double

    public init(folder: DataFolder, lockTimeout: Double = FileLock.defaultTimeout) {
        self.folder = folder
        self.lockTimeout = lockTimeout
    }

    /// The person's journal as it is on disk (empty when they have none yet), read
    /// line by line. A journal (or `people/`) that is a symbolic link is refused; lines
    /// it held at the last sync and no longer holds are reported as a problem.
    public func journal(for person: PersonID) throws(StoreError) -> Journal {
        try SafeFile.refuseLinkedFolder(folder.peoplePath)
        let path = folder.journalPath(for: person)
        let synced = SyncedLines.load(in: folder, for: person)
        let read = try Journal.read(path, salt: synced?.salt)
        var journal = read?.journal ?? Journal()
        if let synced, let problem = synced.problem(current: read?.eventLines ?? [], folder: folder, person: person) {
            journal.problems.insert(problem, at: 0)
        }
        return journal
    }

    /// The person's current state and the journal it was folded from.
    public func record(for person: PersonID) throws(StoreError) -> (record: PersonRecord, journal: Journal) {
        let journal = try journal(for: person)
        return (PersonRecord.fold(journal.events, id: person), journal)
    }

    /// Appends events to a person's journal, one line each, in a single write and
    /// fsync: either all of them are on disk afterwards or, with an error, none.
    /// `waiting` is told once when another Ladder holds the lock.
    public func append(_ events: [JournalEvent], for person: PersonID,
                       waiting: (String) -> Void = { _ in }) throws(StoreError) {
        guard !events.isEmpty else { return }
        var lines: [[UInt8]] = []
        for event in events {
            do { lines.append(try event.encodedLine()) } catch { throw StoreError("could not encode a journal event") }
        }
        try SafeFile.refuseLinkedFolder(folder.peoplePath)
        let path = folder.journalPath(for: person)
        try FileLock.withLock(folder.lockPath, timeout: lockTimeout, waiting: waiting) { () throws(StoreError) in
            try SafeFile.appendLines(lines, to: path)
        }
    }

    /// How a person's journal looks from outside — size, times, inode — from one
    /// `stat`, without reading it: a different stamp means another process wrote it.
    public func journalStamp(for person: PersonID) -> JournalStamp {
        JournalStamp(stamp: FileStamp.of(folder.journalPath(for: person)))
    }

    /// Everyone with a journal, and `me` even before their first change.
    public func people() -> [PersonID] {
        var ids = folder.people()
        if !ids.contains(.me) { ids.insert(.me, at: 0) }
        return ids
    }
}

/// A journal's size, times and inode (or its absence), to notice changes cheaply.
public struct JournalStamp: Equatable, Sendable {
    fileprivate let stamp: FileStamp?
}
