/// People's journals in a data folder: reading a person's record and appending
/// changes to it, one fsync'd write per change, under the folder's lock.
public struct Store: Sendable {
    public let folder: DataFolder
    /// How long a write waits for another Ladder holding the lock before it gives up
    /// with an error naming the lock file. Writers hold it for milliseconds.
    public var lockTimeout: Double
    /// Whether `record(for:)` uses record snapshots and writes them (see `RecordSnapshot`).
    public var snapshots: SnapshotUse = .readWrite
    /// Journals shorter than this fold from scratch without making a snapshot.
    public var snapshotMinBytes = 64 * 1024
    /// A snapshot is extended when its journal has settled (no change for two
    /// seconds), or at once when this many bytes were read after it.
    var snapshotGrowthBytes = 64 * 1024

    /// How a store uses record snapshots.
    public enum SnapshotUse: Sendable {
        /// Always fold the whole journal.
        case off
        /// Use snapshots, never write one (many journals read at once).
        case read
        /// Use snapshots and make or extend them.
        case readWrite
    }

    public init(folder: DataFolder, lockTimeout: Double = FileLock.defaultTimeout) {
        self.folder = folder
        self.lockTimeout = lockTimeout
    }

    /// The person's journal as it is on disk (empty when they have none yet), read
    /// line by line. A journal (or `people/`) that is a symbolic link is refused; lines
    /// it held at the last sync and no longer holds are reported as a problem.
    public func journal(for person: PersonID) throws(StoreError) -> Journal {
        let (home, file) = try location(of: person)
        try SafeFile.refuseLinkedFolder(home.peoplePath)
        let path = home.journalPath(for: file)
        let synced = SyncedLines.load(in: home, for: file)
        let read = try Journal.read(path, salt: synced?.salt)
        var journal = read?.journal ?? Journal()
        if let synced, let problem = synced.problem(current: read?.eventLines ?? [], folder: home, person: file) {
            journal.problems.insert(problem, at: 0)
        }
        return journal
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
        try FileLock.withLock(folder.lockPath, timeout: lockTimeout, waiting: waiting) { () throws(StoreError) in
            // Where the journal is, decided under the lock: sharing a record moves it
            // while holding this lock. A shared record's repository has a lock of its
            // own, which its sync holds while merging.
            let (home, file) = try location(of: person)
            try SafeFile.refuseLinkedFolder(home.peoplePath)
            let path = home.journalPath(for: file)
            guard home != folder else { return try SafeFile.appendLines(lines, to: path) }
            try FileLock.withLock(home.lockPath, timeout: lockTimeout, waiting: waiting) { () throws(StoreError) in
                try SafeFile.appendLines(lines, to: path)
            }
        }
    }

    /// How a person's journal looks from outside — size, times, inode — from one
    /// `stat`, without reading it: a different stamp means another process wrote it.
    public func journalStamp(for person: PersonID) -> JournalStamp {
        guard let (home, file) = try? location(of: person) else { return JournalStamp(stamp: nil) }
        return JournalStamp(ofJournal: home.journalPath(for: file))
    }

    /// Everyone with a journal here or a shared record, and the owner (or `me`)
    /// even before their first change, first when they have no journal yet.
    public func people() -> [PersonID] {
        let owner = owner()
        var ids = folder.people().map { id in
            guard let owner, id == owner.journal else { return id }
            return owner.id
        }
        ids += folder.sharedPeople()
        ids = Array(Set(ids)).sorted()
        let first = owner?.id ?? .me
        if !ids.contains(first) { ids.insert(first, at: 0) }
        return ids
    }
}

/// A journal's size, times and inode (or its absence), to notice changes cheaply.
public struct JournalStamp: Equatable, Sendable {
    fileprivate let stamp: FileStamp?

    /// The stamp of the journal at `path` (`Store.journalPath(for:)`): one `stat`.
    public init(ofJournal path: String) {
        stamp = FileStamp.of(path)
    }

    fileprivate init(stamp: FileStamp?) {
        self.stamp = stamp
    }
}
