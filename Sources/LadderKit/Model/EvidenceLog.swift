import Foundation

/// A tracked skill's evidence log (every note by expectation id, oldest first): held,
/// or still in the bytes of a record snapshot and read the first time it is asked
/// for. The dashboard and `ladder status` show only each expectation's newest note
/// (`TrackedSkill.notes`), so a long log costs them nothing; the thread, a report or
/// a new note read it. Two logs are equal when they hold the same notes.
struct EvidenceLog: Equatable, Sendable {
    private var held: [String: [Note]]
    /// The log still to read, while nothing changed it.
    private(set) var pending: PendingEvidence?

    init(_ notes: [String: [Note]] = [:]) { held = notes }

    init(pending: PendingEvidence) {
        held = [:]
        self.pending = pending
    }

    var notes: [String: [Note]] { pending?.notes ?? held }

    /// Changes the log in place (a pending one is read first, once), so a long log
    /// is not copied at every note.
    mutating func modify<Result>(_ body: (inout [String: [Note]]) -> Result) -> Result {
        if let pending {
            held = pending.notes
            self.pending = nil
        }
        return body(&held)
    }

    static func == (a: EvidenceLog, b: EvidenceLog) -> Bool {
        if let pa = a.pending, let pb = b.pending, pa === pb { return true }
        return a.notes == b.notes
    }
}

/// An evidence log kept as the bytes it was written in, read on first use and kept.
/// Safe to share between copies of a record.
final class PendingEvidence: @unchecked Sendable {
    /// The log as written (what writing it again copies, unread).
    let encoded: ArraySlice<UInt8>
    private let read: @Sendable (ArraySlice<UInt8>) -> [String: [Note]]
    private let lock = NSLock()
    private var loaded: [String: [Note]]?

    /// `read` turns `encoded` into the log; it must not fail (fall back to the
    /// journal should the bytes not read).
    init(encoded: ArraySlice<UInt8>, read: @escaping @Sendable (ArraySlice<UInt8>) -> [String: [Note]]) {
        self.encoded = encoded
        self.read = read
    }

    var notes: [String: [Note]] {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let notes = read(encoded)
        loaded = notes
        return notes
    }
}
