/// People's journals in a data folder: reading a person's record and appending
/// changes to it, one fsync'd line per event, under the folder's lock.
public struct Store: Sendable {
    public let folder: DataFolder

    public init(folder: DataFolder) {
        self.folder = folder
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

    /// Appends events to a person's journal, each as its own line and fsync. When
    /// a write fails, the events before it are on disk and the error says so.
    public func append(_ events: [JournalEvent], for person: PersonID,
                       waiting: (String) -> Void = { _ in }) throws(StoreError) {
        let path = folder.journalPath(for: person)
        try FileLock.withLock(folder.lockPath, waiting: waiting) { () throws(StoreError) in
            for (index, event) in events.enumerated() {
                let line: [UInt8]
                do { line = try event.encodedLine() } catch { throw StoreError("could not encode a journal event") }
                do throws(StoreError) {
                    try SafeFile.appendLine(line, to: path)
                } catch {
                    if index == 0 { throw error }
                    throw StoreError("\(error.message) (after saving \(index) of \(events.count) changes)")
                }
            }
        }
    }

    /// Everyone with a journal, and `me` even before their first change.
    public func people() -> [PersonID] {
        var ids = folder.people()
        if !ids.contains(.me) { ids.insert(.me, at: 0) }
        return ids
    }
}
