import Foundation
import LadderProfiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What lists and searches need of a profile, without its expectations.
public struct ProfileSummary: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var keywords: [String]
    public var domain: String
    public var group: String
    public var updated: String
    public var levels: [String]
    public var roles: [RoleSummary]
    /// Expectations over every role and level.
    public var expectations: Int

    public init(id: String, name: String, keywords: [String], domain: String, group: String, updated: String,
                levels: [String], roles: [RoleSummary], expectations: Int) {
        self.id = id
        self.name = name
        self.keywords = keywords
        self.domain = domain
        self.group = group
        self.updated = updated
        self.levels = levels
        self.roles = roles
        self.expectations = expectations
    }

    public init(_ profile: Profile) {
        id = profile.id
        name = profile.name
        keywords = profile.keywords
        domain = profile.domain
        group = profile.group
        updated = profile.updated
        levels = profile.levels
        roles = profile.roles.map { RoleSummary(id: $0.id, name: $0.name) }
        expectations = profile.roles.reduce(0) { total, role in total + role.levels.reduce(0) { $0 + $1.expectations.count } }
    }
}

public struct RoleSummary: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
}

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
    static let format = 2
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
        var summary: ProfileSummary?
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

    /// A shard's file name as the builder makes them: nothing else is ever opened.
    static func isShardName(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "profiles" && parts[1].count == 2 && parts[1].allSatisfy(\.isASCII)
            && parts[1].allSatisfy(\.isNumber) && parts[2].hasSuffix(".shard") && parts[2].count == 16 + 6
            && parts[2].dropLast(6).allSatisfy(\.isHexDigit)
    }

    static func shardNumber(_ source: String) -> Int {
        Int(Identifier.fnv1a64(source) % UInt64(shardCount))
    }

    static func decode(_ bytes: [UInt8], folder: String) -> (ProfileIndex?, String?) {
        let body: ArraySlice<UInt8>
        switch CacheEnvelope.unwrap(bytes, kind: kind, format: format) {
        case .success(let found): body = found
        case .failure(let refusal): return (nil, refusal.reason)
        }
        var reader = FieldReader(body)
        guard let head = reader.line(), head.count == 2, let schema = head.int(0), let madeFor = head.string(1) else {
            return (nil, "unreadable")
        }
        guard schema == Profile.currentSchema else { return (nil, "made for profile schema \(schema)") }
        guard madeFor == folder else { return (nil, "made for another folder") }
        var entries: [Entry] = []
        while let line = reader.line() {
            guard let entry = Self.entry(line) else { return (nil, "unreadable") }
            entries.append(entry)
        }
        return (ProfileIndex(schema: schema, folder: madeFor, entries: entries), nil)
    }

    /// One entry line: kind (S summary, P problem), source, stamp (4 fields, empty
    /// for bundled), hash, racy; then for S the summary and record, for P the problem.
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
            guard line.count == 21, let id = line.string(8), let name = line.string(9), let keywords = line.list(10),
                  let domain = line.string(11), let group = line.string(12), let updated = line.string(13),
                  let levels = line.list(14), let roles = line.list(15), roles.count % 2 == 0,
                  let expectations = line.int(16) else { return nil }
            entry.summary = ProfileSummary(id: id, name: name, keywords: keywords, domain: domain, group: group, updated: updated,
                                           levels: levels, roles: stride(from: 0, to: roles.count, by: 2).map { RoleSummary(id: roles[$0], name: roles[$0 + 1]) },
                                           expectations: expectations)
            if let shard = line.string(17), !shard.isEmpty, let offset = line.int(18), let length = line.int(19),
               let checksum = line.string(20) {
                entry.record = Record(shard: shard, offset: offset, length: length, checksum: checksum)
            }
        case "P":
            guard line.count == 14, let file = line.string(8), let number = line.int(9), let column = line.int(10),
                  let message = line.string(11), let excerpt = line.string(12) else { return nil }
            entry.problem = StoredProblem(FileProblem(file: file, line: number, column: column, message: message,
                                                      excerpt: line.string(13) == "1" ? excerpt : nil))
        default:
            return nil
        }
        return entry
    }

    func encoded() throws -> [UInt8] {
        var writer = FieldWriter(capacity: entries.count * 600)
        writer.field(schema)
        writer.field(folder)
        writer.endLine()
        for entry in entries {
            guard entry.summary != nil || entry.problem != nil else { continue }
            writer.field(entry.summary != nil ? "S" : "P")
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
            if let summary = entry.summary {
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
            } else if let problem = entry.problem {
                writer.field(problem.file)
                writer.field(problem.line)
                writer.field(problem.column)
                writer.field(problem.message)
                writer.field(problem.excerpt ?? "")
                writer.field(problem.excerpt != nil ? "1" : "")
            }
            writer.endLine()
        }
        return CacheEnvelope.wrap(kind: Self.kind, format: Self.format, body: writer.bytes)
    }
}

/// Builds the library's entries from the sources, reusing what the cache proves
/// still true, and writes the cache back when anything changed.
struct ProfileIndexBuilder {
    let folder: DataFolder
    let useCache: Bool
    var report = CacheReport()

    init(folder: DataFolder, useCache: Bool) {
        self.folder = folder
        self.useCache = useCache
    }

    /// One source's outcome, with its full JSON when it was just parsed.
    struct Built: Sendable {
        var entry: ProfileIndex.Entry
        var json: [UInt8]?
    }

    mutating func build() -> [ProfileIndex.Entry] {
        let cachePath = CacheFolder.path(in: folder)
        var old: [String: ProfileIndex.Entry] = [:]
        if useCache {
            if let bytes = CacheFolder.read(ProfileIndex.fileName, in: folder) {
                let (index, reason) = ProfileIndex.decode(bytes, folder: folder.profilesPath)
                if let index {
                    // Entries whose shard is gone are of no use: drop them (their sources get parsed).
                    var present: [String: Bool] = [:]
                    for entry in index.entries {
                        if let record = entry.record {
                            let exists = present[record.shard]
                                ?? (ProfileIndex.isShardName(record.shard) && access(cachePath + "/" + record.shard, R_OK) == 0)
                            present[record.shard] = exists
                            if !exists { continue }
                        }
                        old[entry.source] = entry
                    }
                    if present.values.contains(false) { report.discarded = "a shard is missing" }
                } else {
                    report.discarded = reason
                }
            } else {
                report.discarded = "missing"
            }
        }
        var built: [Built] = []
        // Sources to parse, with their place in `built`; parsed on every core below.
        var pending: [(at: Int, source: Source)] = []
        var changed = !useCache || report.discarded != nil
        let now = FileStamp.now()
        for (file, bytes) in bundledProfiles {
            let source = "bundled:\(file)"
            let hash = ContentHash.of(bytes)
            if let entry = old[source], entry.hash == hash {
                report.reused += 1
                built.append(Built(entry: entry))
            } else {
                report.parsed += 1
                changed = true
                pending.append((built.count, Source(bytes: bytes, source: source, file: source, stamp: nil, hash: hash)))
                built.append(Built(entry: ProfileIndex.Entry(source: source, hash: hash)))
            }
        }
        let files = ProfileLibrary.yamlFiles(in: folder.profilesPath)
        for file in files {
            let path = folder.profilesPath + "/" + file
            guard let stamp = FileStamp.of(path) else {
                // Gone since listing (skipped, as without a cache), or not a file: say so.
                if access(path, F_OK) == 0 {
                    report.parsed += 1
                    changed = true
                    let problem = FileProblem(file: path, message: "not a regular file; a profile is a YAML file")
                    built.append(Built(entry: ProfileIndex.Entry(source: file, hash: "", problem: StoredProblem(problem))))
                }
                continue
            }
            if let entry = old[file], entry.stamp == stamp, entry.racy != true {
                report.reused += 1
                built.append(Built(entry: entry))
                continue
            }
            changed = true
            let found: (bytes: [UInt8], stamp: FileStamp)?
            do {
                found = try Self.read(path)
            } catch {
                // Unreadable: reported as without the cache, and read again next time (no stamp).
                report.parsed += 1
                let problem = FileProblem(file: path, message: "\(error)")
                built.append(Built(entry: ProfileIndex.Entry(source: file, stamp: nil, hash: "", problem: StoredProblem(problem))))
                continue
            }
            // Gone between listing and reading: skipped, as without the cache.
            guard let read = found else { continue }
            let hash = ContentHash.of(read.bytes)
            if var entry = old[file], entry.hash == hash {
                report.reused += 1
                entry.stamp = read.stamp
                entry.racy = read.stamp.isRacy(now: now) ? true : nil
                built.append(Built(entry: entry))
            } else {
                report.parsed += 1
                pending.append((built.count, Source(bytes: read.bytes, source: file, file: path, stamp: read.stamp, hash: hash)))
                built.append(Built(entry: ProfileIndex.Entry(source: file, hash: hash)))
            }
        }
        let parsed = Parallel.map(pending.map(\.source)) { Self.parse($0, now: now) }
        for (index, result) in zip(pending.map(\.at), parsed) { built[index] = result }
        if old.count != built.count { changed = true }
        guard useCache, changed else { return built.map(\.entry) }
        return write(built, old: old)
    }

    /// A source's bytes and where they came from, waiting to be parsed.
    struct Source: Sendable {
        var bytes: [UInt8]
        var source: String
        var file: String
        var stamp: FileStamp?
        var hash: String
    }

    static func parse(_ item: Source, now: Int64) -> Built {
        var entry = ProfileIndex.Entry(source: item.source, stamp: item.stamp, hash: item.hash)
        if let stamp = item.stamp, stamp.isRacy(now: now) { entry.racy = true }
        do {
            let profile = try ProfileFile.decode(item.bytes, file: item.file)
            entry.summary = ProfileSummary(profile)
            let json = try? ProfileJSON.encode(profile)
            return Built(entry: entry, json: json)
        } catch {
            entry.problem = StoredProblem(error)
            return Built(entry: entry)
        }
    }

    /// The file's bytes and its stamp from before reading them; nil when it is gone.
    static func read(_ path: String) throws(StoreError) -> (bytes: [UInt8], stamp: FileStamp)? {
        guard let stamp = FileStamp.of(path), let bytes = try SafeFile.contents(of: path, limit: ProfileFile.maxBytes) else { return nil }
        // Written while being read: the stamp may not describe the bytes; mark it so
        // fresh that the next load reads the file again.
        guard let after = FileStamp.of(path), after == stamp else {
            var racy = stamp
            racy.mtime = FileStamp.now()
            return (bytes, racy)
        }
        return (bytes, stamp)
    }

    /// Writes the shards that changed and the index; returns the entries as written
    /// (records of shards that could not be written are dropped, so those profiles
    /// are parsed from their source when opened).
    mutating func write(_ built: [Built], old: [String: ProfileIndex.Entry]) -> [ProfileIndex.Entry] {
        var entries = built.map(\.entry)
        let cachePath: String
        do {
            cachePath = try CacheFolder.prepare(in: folder)
        } catch {
            report.writeError = error.message
            for index in entries.indices { entries[index].record = nil }
            return entries
        }
        var groups: [Int: [Int]] = [:]
        for (index, entry) in entries.enumerated() where entry.summary != nil {
            groups[ProfileIndex.shardNumber(entry.source), default: []].append(index)
        }
        var oldShardBytes: [String: [UInt8]] = [:]
        var keep = Set<String>()
        for (number, members) in groups.sorted(by: { $0.key < $1.key }) {
            // Unchanged when every member is reused from one existing shard and that
            // shard holds exactly these members.
            let shards = Set(members.compactMap { entries[$0].record?.shard })
            if built.indices.contains(members[0]), members.allSatisfy({ built[$0].json == nil && entries[$0].record != nil }),
               shards.count == 1, let shard = shards.first,
               old.values.filter({ $0.record?.shard == shard }).count == members.count {
                keep.insert(shard)
                continue
            }
            var bytes: [UInt8] = []
            var records: [(Int, Int, Int, String)] = []
            for member in members {
                var json = built[member].json
                if json == nil, let record = entries[member].record {
                    if oldShardBytes[record.shard] == nil {
                        oldShardBytes[record.shard] = (try? SafeFile.contents(of: cachePath + "/" + record.shard)) ?? []
                    }
                    if let shard = oldShardBytes[record.shard], record.offset >= 0, record.length >= 0,
                       record.offset + record.length <= shard.count {
                        let slice = shard[record.offset..<(record.offset + record.length)]
                        if ContentHash.of(slice) == record.checksum { json = Array(slice) }
                    }
                }
                if json == nil { json = reparse(entries[member]) }
                guard let json else {
                    entries[member].record = nil
                    continue
                }
                records.append((member, bytes.count, json.count, ContentHash.of(json)))
                bytes += json
                bytes.append(0x0A)
            }
            let name = String(format: "profiles-%02d-", number) + ContentHash.of(bytes) + ".shard"
            do {
                try SafeFile.writeAtomically(bytes, to: cachePath + "/" + name)
                keep.insert(name)
                for (member, offset, length, checksum) in records {
                    entries[member].record = ProfileIndex.Record(shard: name, offset: offset, length: length, checksum: checksum)
                }
            } catch {
                report.writeError = error.message
                for (member, _, _, _) in records { entries[member].record = nil }
            }
        }
        let index = ProfileIndex(schema: Profile.currentSchema, folder: folder.profilesPath, entries: entries)
        do {
            try SafeFile.writeAtomically(try index.encoded(), to: cachePath + "/" + ProfileIndex.fileName)
            report.wrote = true
        } catch let error as StoreError {
            report.writeError = error.message
            return entries
        } catch {
            report.writeError = "could not encode the index"
            return entries
        }
        removeShards(in: cachePath, except: keep)
        return entries
    }

    /// The full JSON of an entry whose shard record was unreadable, from its source.
    func reparse(_ entry: ProfileIndex.Entry) -> [UInt8]? {
        guard let profile = ProfileLoader.parseSource(entry.source, folder: folder) else { return nil }
        return try? ProfileJSON.encode(profile)
    }

    /// Deletes shards no longer referenced (a racing Ladder's lost shards too: its
    /// index then finds them missing and rebuilds).
    func removeShards(in cachePath: String, except keep: Set<String>) {
        guard let dir = opendir(cachePath) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix("profiles-"), name.hasSuffix(".shard"), !keep.contains(name) { names.append(name) }
        }
        closedir(dir)
        for name in names { unlink(cachePath + "/" + name) }
    }
}

/// The JSON form of a full profile in a shard.
enum ProfileJSON {
    static func encode(_ profile: Profile) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Array(try encoder.encode(profile))
    }

    static func decode(_ bytes: [UInt8]) -> Profile? {
        try? JSONDecoder().decode(Profile.self, from: Data(bytes))
    }
}

/// Loads full profiles on first use and keeps them: from their shard record when
/// the record's checksum holds, else by parsing the source. Shared by copies of a
/// library (it only memoises, so sharing changes no answer).
final class ProfileLoader: @unchecked Sendable {
    struct Location {
        var source: String
        var record: ProfileIndex.Record?
    }

    private let lock = NSLock()
    private var loaded: [String: Profile]
    private var failed: Set<String> = []
    private let locations: [String: Location]
    private let folder: DataFolder?
    private var haystacks: [String]?

    init(folder: DataFolder?, locations: [String: Location], loaded: [String: Profile] = [:]) {
        self.folder = folder
        self.locations = locations
        self.loaded = loaded
    }

    func profile(_ id: String) -> Profile? {
        lock.lock()
        defer { lock.unlock() }
        if let profile = loaded[id] { return profile }
        if failed.contains(id) { return nil }
        guard let location = locations[id] else { return nil }
        var profile: Profile?
        if let record = location.record, let folder {
            let cachePath = CacheFolder.path(in: folder)
            profile = Self.read(record, in: cachePath).flatMap(ProfileJSON.decode)
            if profile?.id != id, ProfileIndex.isShardName(record.shard) {
                // Shards are named by their content, so a record that fails its checksum
                // means a damaged file: drop it, and the next load rebuilds it.
                unlink(cachePath + "/" + record.shard)
            }
        }
        if profile?.id != id, let folder { profile = Self.parseSource(location.source, folder: folder) }
        guard let profile, profile.id == id else {
            failed.insert(id)
            return nil
        }
        loaded[id] = profile
        return profile
    }

    /// The lower-cased search text of each summary, made on first search.
    func haystacks(_ summaries: [ProfileSummary]) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let haystacks, haystacks.count == summaries.count { return haystacks }
        let made = summaries.map { ([$0.name, $0.id, $0.domain, $0.group] + $0.keywords).joined(separator: " ").lowercased() }
        haystacks = made
        return made
    }

    /// A record's bytes, if its checksum holds.
    static func read(_ record: ProfileIndex.Record, in cachePath: String) -> [UInt8]? {
        guard ProfileIndex.isShardName(record.shard), record.offset >= 0, record.length > 0, record.length <= ProfileFile.maxBytes * 4 else { return nil }
        let fd = open(cachePath + "/" + record.shard, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: record.length)
        var done = 0
        while done < record.length {
            let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, record.length - done, off_t(record.offset + done)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return ContentHash.of(bytes) == record.checksum ? bytes : nil
    }

    /// Parses a source afresh: a bundled file or a file in the profiles folder.
    static func parseSource(_ source: String, folder: DataFolder) -> Profile? {
        if source.hasPrefix("bundled:") {
            let file = String(source.dropFirst("bundled:".count))
            guard let bytes = bundledProfiles.first(where: { $0.file == file })?.bytes else { return nil }
            return try? ProfileFile.decode(bytes, file: source)
        }
        let path = folder.profilesPath + "/" + source
        guard let bytes = (try? SafeFile.contents(of: path, limit: ProfileFile.maxBytes)) ?? nil else { return nil }
        return try? ProfileFile.decode(bytes, file: path)
    }
}
