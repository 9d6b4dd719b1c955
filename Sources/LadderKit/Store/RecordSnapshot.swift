#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A person's folded record kept in `<data>/cache/records/<id>`, so that loading a
/// long journal costs what its new lines cost: the state the journal's first
/// `headLength` bytes fold to (without the events, which are read again only when
/// the history, a report or an undo asks for them), the problems those lines had,
/// the ids of their events and of the events their undo lines name (to spot a
/// repeated or undone one) and a hash of those bytes.
///
/// The snapshot is used only when the journal still starts with exactly those bytes:
/// its stamp (size, times, inode) is unchanged and was not racy, or else the bytes
/// hash the same. A journal rewritten, cut, damaged or with lines merged into its
/// middle does not, and is folded whole (and the snapshot remade). New lines are
/// folded on top, unless one of them is older than the snapshot's last change (a
/// union merge appends lines out of order), repeats or is named by an undo of an
/// event it holds, or is an undo itself: then the whole journal is folded, as the
/// fold sorts by time, keeps an id once and leaves undone events out.
struct RecordSnapshot {
    static let kind = "ladder-record-snapshot"
    /// Bump when the layout or the fold that makes a record changes.
    static let format = 3 // 2: an evidence entry's expectation words only where they change; 3: evidence logs read on first use

    /// What `SyncedLines` held for this journal when the snapshot was made, and which
    /// of its lines the snapshot's bytes do not hold.
    struct Synced: Equatable {
        var salt: UInt64
        var count: Int
        var missing: [UInt64]
    }

    /// The journal file the snapshot was made from (a shared record's is elsewhere).
    var journal: String
    var person: String
    var stamp: FileStamp
    var racy: Bool
    /// How many bytes of the journal the record was folded from: whole lines only.
    var headLength: Int64
    var headLines: Int
    var hash: HeadHash
    var problems: [FileProblem]
    var readOnly: Bool
    /// Whether those lines name the person (a `person` line): an owner's record
    /// without one goes by the owner's name.
    var named: Bool
    var synced: Synced?
    /// The fold of those lines; its `events` are empty here, and `events` says how
    /// many the fold counted.
    var record: PersonRecord
    var events: Int
    var ids: EventIDHashes

    static func path(in folder: DataFolder, for person: PersonID) -> String {
        CacheFolder.path(in: folder) + "/records/" + person.rawValue
    }

    /// The person's snapshot, or nil when there is none or it cannot be trusted
    /// (damaged, another format, made for another journal or person).
    static func load(in folder: DataFolder, for person: PersonID, journal: String) -> RecordSnapshot? {
        guard let bytes = (try? SafeFile.contents(of: path(in: folder, for: person), limit: 1 << 28)) ?? nil,
              case .success(let body) = CacheEnvelope.unwrap(bytes, kind: kind, format: format),
              let snapshot = decode(body: body, person: person), snapshot.journal == journal else { return nil }
        return snapshot
    }

    /// Writes the snapshot; a failure only means the next load folds more.
    func save(in folder: DataFolder) {
        guard let cache = try? CacheFolder.prepare(in: folder) else { return }
        let records = cache + "/records"
        guard (try? SafeFile.makeFolder(records)) != nil else { return }
        let bytes = CacheEnvelope.wrap(kind: Self.kind, format: Self.format, body: encodedBody())
        try? SafeFile.writeAtomically(bytes, to: records + "/" + person)
    }
}
