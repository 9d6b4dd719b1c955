import CellGrid
import Foundation

/// When a repository last synced, kept per repository inside its `.git` folder (so
/// git never shares it): what `ladder review start` says about how fresh the record is.
public enum LastSync {
    static func path(in repository: DataFolder) -> String { repository.path + "/.git/ladder-last-sync" }

    /// Records now as the last sync of `repository`; a failure to write is ignored
    /// (it only makes the next "last synced" older).
    public static func record(in repository: DataFolder, at time: String = JournalEvent.now()) {
        try? SafeFile.writeAtomically(Array((time + "\n").utf8), to: path(in: repository))
    }

    /// The last sync's time (ISO), nil when it never synced here.
    public static func time(in repository: DataFolder) -> String? {
        guard let bytes = try? SafeFile.contents(of: path(in: repository), limit: 100) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return JournalEvent.date(text) == nil ? nil : text
    }

    /// "3 hours ago", "just now", "2 days ago".
    public static func ago(_ time: String, now: Date = Date()) -> String {
        guard let then = JournalEvent.date(time) else { return "at an unknown time" }
        let seconds = max(0, Int(now.timeIntervalSince(then)))
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s") ago" }
        switch seconds {
        case ..<60: return "just now"
        case ..<3_600: return unit(seconds / 60, "minute")
        case ..<86_400: return unit(seconds / 3_600, "hour")
        default: return unit(seconds / 86_400, "day")
        }
    }

    /// The repository a person's record is shared through, if any: their own shared
    /// record, else the whole data folder when it is a git repository.
    public static func repository(of person: PersonID, in store: Store) -> DataFolder? {
        let id = store.canonical(person)
        if store.folder.isShared(id) { return store.folder.sharedRecord(id) }
        return DataFolder.isRepository(store.folder.path) ? store.folder : nil
    }
}

extension GitSync {
    /// Syncs one repository as `ladder sync` does — the data folder (`record` nil), a
    /// record shared on its own, or the shared profiles — and records the time.
    public static func run(_ repository: DataFolder, record: PersonID?, profiles: Bool = false, allowUnrelated: Bool = false,
                           message: String? = nil, progress: (String) -> Void = { _ in }) throws(SyncError) -> SyncReport {
        var sync = try GitSync(folder: repository)
        sync.allowUnrelated = allowUnrelated
        sync.onlyRecord = record
        sync.onlyProfiles = profiles
        let report = try sync.sync(message: message, progress: progress)
        LastSync.record(in: repository)
        return report
    }

    /// Syncs the repository a person's record is shared through; nil when it is not
    /// shared through git.
    public static func run(recordOf person: PersonID, in store: Store) throws(SyncError) -> SyncReport? {
        let id = store.canonical(person)
        guard let repository = LastSync.repository(of: id, in: store) else { return nil }
        return try run(repository, record: store.folder.isShared(id) ? id : nil)
    }
}

