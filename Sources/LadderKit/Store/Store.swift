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

    /// The person's journal as it is on disk (empty when they have none yet).
    public func journal(for person: PersonID) throws(StoreError) -> Journal {
        let path = folder.journalPath(for: person)
        guard let bytes = try SafeFile.contents(of: path) else { return Journal() }
        return Journal.parse(bytes, file: path)
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
        let path = folder.journalPath(for: person)
        try FileLock.withLock(folder.lockPath, timeout: lockTimeout, waiting: waiting) { () throws(StoreError) in
            try SafeFile.appendLines(lines, to: path)
        }
    }

    /// Everyone with a journal, and `me` even before their first change.
    public func people() -> [PersonID] {
        var ids = folder.people()
        if !ids.contains(.me) { ids.insert(.me, at: 0) }
        return ids
    }
}
