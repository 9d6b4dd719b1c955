import Foundation

/// The derived cache of the profile library, `<data>/cache/profiles.index` and its
/// shards `profiles-NN-HASH.shard`.
///
/// The index holds, for every profile source (each bundled profile and each file in
/// `<data>/profiles/`): its stamp (size, mtime, ctime, inode) and content hash, and
/// either the profile's summary and where its full form lies in a shard, or the
/// problem that made the file unreadable. A shard is the JSON of the full profiles
/// whose source name hashes to it, back to back; the index keeps each one's offset,
/// length and checksum. Shards are named by their content, so one edited profile
/// rewrites one shard of sixteen, and an index never points into a shard that was
/// rewritten under it.
///
/// At load every entry is checked against its source: a file whose stamp matches
/// (and did not change within two seconds of being indexed) is trusted; one whose
/// stamp differs but whose bytes hash the same keeps its entry; anything else is
/// parsed again. A missing shard, an index of another format, kind or folder, or one
/// that does not decode is ignored and rebuilt. A record whose checksum fails when
/// read is ignored and the profile parsed from its source.
struct ProfileIndex {
    static let kind = "ladder-profile-index"
    /// Bump when the index layout, the profile model or what `ProfileFile` accepts changes.
    static let format = 6 // 5: profiles may carry resources (a file refused for them before is read again); 6: ContentHash is HeadHash's
    static let fileName = "profiles.index"
    static let shardCount = 16

    var schema: Int
    /// The profiles folder the entries were made from (paths in problems name it).
    var folder: String
    var entries: [Entry]

    struct Entry: Equatable, Sendable {
        /// `bundled:<file>` or a file name in the profiles folder.
        var source: String
        /// Nil for bundled profiles, which are checked by hash alone.
        var stamp: FileStamp?
        var hash: String
        /// The stamp was too fresh to be trusted alone: check the content next time.
        var racy: Bool?
        var summary: IndexedSummary?
        var problem: StoredProblem?
        var record: Record?

        var isBundled: Bool { source.hasPrefix("bundled:") }
    }

    /// Where a profile's full JSON lies.
    struct Record: Equatable, Sendable {
        var shard: String
        var offset: Int
        var length: Int
        var checksum: String
    }

    /// A shard's file name as the builder makes them, `profiles-NN-<16 hex digits>.shard`:
    /// nothing else is ever opened.
    static func isShardName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let prefix = Array("profiles-".utf8), suffix = Array(".shard".utf8)
        guard bytes.count == prefix.count + 3 + 16 + suffix.count, bytes.starts(with: prefix), bytes.suffix(suffix.count).elementsEqual(suffix)
        else { return false }
        let number = bytes[prefix.count..<(prefix.count + 2)], hash = bytes[(prefix.count + 3)..<(bytes.count - suffix.count)]
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let isHex = { (byte: UInt8) in isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f")) }
        return number.allSatisfy(isDigit) && bytes[prefix.count + 2] == UInt8(ascii: "-") && hash.allSatisfy(isHex)
    }

    /// True when `name` is a shard's name and the shard is in the cache folder: a
    /// record naming any other is of no use.
    static func shardExists(_ name: String, in cachePath: String) -> Bool {
        isShardName(name) && access(cachePath + "/" + name, R_OK) == 0
    }

    static func shardNumber(_ source: String) -> Int {
        Int(Identifier.fnv1a64(source) % UInt64(shardCount))
    }

    static func decode(_ bytes: [UInt8], folder: String) -> (ProfileIndex?, String?) {
        switch IndexLines.read(bytes, folder: folder) {
        case .failure(let refusal):
            return (nil, refusal.reason)
        case .success(let lines):
            guard let entries = entries(lines) else { return (nil, "unreadable") }
            return (ProfileIndex(schema: Profile.currentSchema, folder: folder, entries: entries), nil)
        }
    }

    /// Every line as an entry; nil when one does not decode.
    static func entries(_ lines: IndexLines) -> [Entry]? {
        var entries: [Entry] = []
        entries.reserveCapacity(lines.count)
        for line in 0..<lines.count {
            guard let entry = entry(lines.line(line)) else { return nil }
            entries.append(entry)
        }
        return entries
    }

    /// One entry line: kind (S summary, P problem), source, stamp (4 fields, empty
    /// for bundled), hash, racy; then for S the summary and record (and, last, each
    /// role's cells as `R3 o2 …`), for P the problem (with, for a profile from a
    /// newer Ladder, its schema, id and name).
    static func entry(_ line: FieldReader.Line) -> Entry? {
        guard let kind = line.string(0), let source = line.string(1), let hash = line.string(6) else { return nil }
        var entry = Entry(source: source, stamp: nil, hash: hash)
        if let size = line.int64(2), let mtime = line.int64(3), let ctime = line.int64(4),
           let inode = line.string(5).flatMap({ UInt64($0) }) {
            entry.stamp = FileStamp(size: size, mtime: mtime, ctime: ctime, inode: inode)
        }
        if line.string(7) == "1" { entry.racy = true }
        switch kind {
        case "S":
            // Only what a start needs is read now; the rest of the summary when asked for.
            guard line.count == 22, let id = line.string(8), let name = line.string(9) else { return nil }
            entry.summary = .stored(StoredSummary(id: id, name: name, line: line))
            entry.record = record(line)
        case "P":
            guard line.count == 17, let file = line.string(8), let number = line.int(9), let column = line.int(10),
                  let message = line.string(11), let excerpt = line.string(12) else { return nil }
            // A profile from a newer Ladder: its schema, then its id and name ("" when it had none).
            let newer = line.int(14).map { schema in
                NewerSchema(schema: schema, id: line.string(15).flatMap { $0.isEmpty ? nil : $0 },
                            name: line.string(16).flatMap { $0.isEmpty ? nil : $0 })
            }
            entry.problem = StoredProblem(FileProblem(file: file, line: number, column: column, message: message,
                                                      excerpt: line.string(13) == "1" ? excerpt : nil, newer: newer))
        default:
            return nil
        }
        return entry
    }

    /// The shard record of an `S` line, if it has one.
    static func record(_ line: FieldReader.Line) -> Record? {
        guard let shard = line.string(17), !shard.isEmpty, let offset = line.int(18), let length = line.int(19),
              let checksum = line.string(20) else { return nil }
        return Record(shard: shard, offset: offset, length: length, checksum: checksum)
    }

    func encoded() throws -> [UInt8] {
        var writer = FieldWriter(capacity: entries.count * 600)
        writer.field(schema)
        writer.field(folder)
        writer.endLine()
        for entry in entries {
            let summary = entry.summary?.read()
            guard summary != nil || entry.problem != nil else { continue }
            writer.field(summary != nil ? "S" : "P")
            writer.field(entry.source)
            if let stamp = entry.stamp {
                writer.field(stamp.size)
                writer.field(stamp.mtime)
                writer.field(stamp.ctime)
                writer.field(String(stamp.inode))
            } else {
                for _ in 0..<4 { writer.field("") }
            }
            writer.field(entry.hash)
            writer.field(entry.racy == true ? "1" : "")
            if let summary {
                writer.field(summary.id)
                writer.field(summary.name)
                writer.list(summary.keywords)
                writer.field(summary.domain)
                writer.field(summary.group)
                writer.field(summary.updated)
                writer.list(summary.levels)
                writer.list(summary.roles.flatMap { [$0.id, $0.name] })
                writer.field(summary.expectations)
                if let record = entry.record {
                    writer.field(record.shard)
                    writer.field(record.offset)
                    writer.field(record.length)
                    writer.field(record.checksum)
                } else {
                    for _ in 0..<4 { writer.field("") }
                }
                writer.list(summary.roles.map { $0.cells.map(\.code).joined(separator: " ") })
            } else if let problem = entry.problem {
                writer.field(problem.file)
                writer.field(problem.line)
                writer.field(problem.column)
                writer.field(problem.message)
                writer.field(problem.excerpt ?? "")
                writer.field(problem.excerpt != nil ? "1" : "")
                writer.field(problem.newer.map { String($0.schema) } ?? "")
                writer.field(problem.newer?.id ?? "")
                writer.field(problem.newer?.name ?? "")
            }
            writer.endLine()
        }
        return CacheEnvelope.wrap(kind: Self.kind, format: Self.format, body: writer.bytes)
    }
}

/// A profile's summary as an index entry holds it: made in this process, or still
/// the index line it was stored as, read in full the first time it is asked for.
/// A start reads only each entry's id and name: decoding a thousand summaries was
/// most of the first frame's own work.
enum IndexedSummary: Equatable, Sendable {
    case made(ProfileSummary)
    case stored(StoredSummary)

    var id: String {
        switch self {
        case .made(let summary): summary.id
        case .stored(let stored): stored.id
        }
    }

    var name: String {
        switch self {
        case .made(let summary): summary.name
        case .stored(let stored): stored.name
        }
    }

    /// The whole summary; nil for a stored line that does not decode.
    func read() -> ProfileSummary? {
        switch self {
        case .made(let summary): summary
        case .stored(let stored): stored.read()
        }
    }

    /// The same summary, however each is held.
    static func == (lhs: IndexedSummary, rhs: IndexedSummary) -> Bool {
        lhs.id == rhs.id && lhs.read() == rhs.read()
    }
}

/// A summary line of the index, read when first needed (see `IndexedSummary`).
struct StoredSummary: Sendable {
    let id: String
    let name: String
    let line: FieldReader.Line

    /// Fields 10–16 and 21 of an `S` line (see `ProfileIndex.entry`); nil when any is
    /// malformed (the body's checksum held, so only a forged index gets here).
    func read() -> ProfileSummary? {
        guard let keywords = line.list(10), let domain = line.string(11), let group = line.string(12),
              let updated = line.string(13), let levels = line.list(14), let roles = line.list(15), roles.count % 2 == 0,
              let expectations = line.int(16), line.fields.count > 21, let cells = Self.cells(line.bytes[line.fields[21]]),
              cells.count * 2 == roles.count else { return nil }
        var summaries: [RoleSummary] = []
        summaries.reserveCapacity(cells.count)
        for (number, start) in stride(from: 0, to: roles.count, by: 2).enumerated() {
            guard cells[number].count == levels.count else { return nil }
            summaries.append(RoleSummary(id: roles[start], name: roles[start + 1], cells: cells[number]))
        }
        return ProfileSummary(id: id, name: name, keywords: keywords, domain: domain, group: group, updated: updated,
                              levels: levels, roles: summaries, expectations: expectations)
    }

    /// Each role's cells from their list field (`2␟R3 o2 R4␟o3 o3 R3`), read from the
    /// bytes: a thousand summaries hold some twenty-five thousand cells.
    static func cells(_ field: ArraySlice<UInt8>) -> [[CellSummary]]? {
        guard let (count, start) = FieldReader.listCount(field, in: field.indices) else { return nil }
        var at = start
        var roles: [[CellSummary]] = []
        roles.reserveCapacity(min(count, field.count))
        while at < field.endIndex { // at a separator: a role's cells follow
            at += 1
            var cells: [CellSummary] = []
            cells.reserveCapacity(8)
            while at < field.endIndex, field[at] != 0x1F {
                let kind = field[at]
                guard kind == UInt8(ascii: "R") || kind == UInt8(ascii: "o") else { return nil }
                at += 1
                var number = 0
                let digits = at
                while at < field.endIndex, field[at] != 0x1F, field[at] != 0x20 {
                    let digit = field[at] &- 0x30
                    guard digit < 10, number < 1 << 40 else { return nil }
                    number = number * 10 + Int(digit)
                    at += 1
                }
                guard at > digits else { return nil }
                cells.append(CellSummary(required: kind == UInt8(ascii: "R"), expectations: number))
                if at < field.endIndex, field[at] == 0x20 {
                    at += 1
                    guard at < field.endIndex, field[at] != 0x1F else { return nil } // a space ends nothing
                }
            }
            roles.append(cells)
        }
        return roles.count == count ? roles : nil
    }
}
