import CellGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What each journal held at the last `ladder sync`, so that lines removed since (by
/// a `git pull` done by hand, an edit, a remote) are reported when the person's
/// record is loaded, without running git.
///
/// Kept per person in `<data>/cache/synced/<id>`: a header with a random salt and a
/// count, then the salted 64-bit hash of every line that held an event (see
/// `JournalLines`). Loading a record reads the journal anyway; checking costs one
/// small file and a set lookup per line. Deleting the cache only turns the check off
/// until the next sync.
enum SyncedLines {
    static let kind = "ladder-synced-lines"
    static let format = 1
    /// The record file of the person's journal.
    static func path(in folder: DataFolder, for person: PersonID) -> String {
        CacheFolder.path(in: folder) + "/synced/" + person.rawValue
    }

    /// A journal as of the last sync.
    struct Record {
        var salt: UInt64
        var hashes: [UInt64]

        /// The warning for a journal that lost lines since the record, else nil.
        /// `current` are the salted hashes of its event lines now (empty when the
        /// journal is gone).
        func problem(current: Set<UInt64>, folder: DataFolder, person: PersonID) -> FileProblem? {
            let missing = hashes.reduce(0) { $0 + (current.contains($1) ? 0 : 1) }
            return problem(missing: missing, folder: folder, person: person)
        }

        /// The warning for `missing` of the record's lines gone, else nil.
        func problem(missing: Int, folder: DataFolder, person: PersonID) -> FileProblem? {
            guard missing > 0 else { return nil }
            let lines = missing == 1 ? "1 line" : "\(missing) lines"
            return FileProblem(file: folder.journalPath(for: person), message: """
                \(lines) of the \(hashes.count) this journal held at the last ladder sync \
                \(missing == 1 ? "is" : "are") gone; a journal only grows, so something (a git pull, an edit, a \
                remote) removed \(missing == 1 ? "it" : "them"). See what changed: \
                git -C '\(Safe.text(folder.path))' log -p -- people/\(person.rawValue).jsonl
                """)
        }
    }

    /// The record of a person's journal, or nil when there is none (never synced, or
    /// the cache was deleted) or it is unreadable.
    static func load(in folder: DataFolder, for person: PersonID) -> Record? {
        let path = path(in: folder, for: person)
        guard let bytes = (try? SafeFile.contents(of: path, limit: 1 << 28)) ?? nil,
              let newline = bytes.prefix(200).firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 4, header[0] == kind, Int(header[1]) == format,
              let salt = UInt64(header[2], radix: 16), let count = Int(header[3]),
              bytes.count - newline - 1 == count * 8 else { return nil }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(count)
        var at = newline + 1
        for _ in 0..<count {
            var value: UInt64 = 0
            for k in 0..<8 { value |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            hashes.append(value)
            at += 8
        }
        return Record(salt: salt, hashes: hashes)
    }

    /// Records every journal as it is now; called by sync once a merge passed its
    /// checks. A journal that cannot be read gets no record (and no check).
    static func recordAll(in folder: DataFolder) {
        guard let cache = try? CacheFolder.prepare(in: folder) else { return }
        let records = cache + "/synced"
        guard (try? SafeFile.makeFolder(records)) != nil else { return }
        SafeFile.removeStaleTemps(in: records)
        for person in folder.people() {
            let salt = JournalLines.randomSalt()
            guard let read = (try? Journal.read(folder.journalPath(for: person), salt: salt)) ?? nil else {
                unlink(path(in: folder, for: person))
                continue
            }
            var bytes = Array("\(kind) \(format) \(String(salt, radix: 16)) \(read.eventLines.count)\n".utf8)
            bytes.reserveCapacity(bytes.count + read.eventLines.count * 8)
            for hash in read.eventLines.sorted() {
                withUnsafeBytes(of: hash.littleEndian) { bytes.append(contentsOf: $0) }
            }
            try? SafeFile.writeAtomically(bytes, to: path(in: folder, for: person))
        }
    }
}
