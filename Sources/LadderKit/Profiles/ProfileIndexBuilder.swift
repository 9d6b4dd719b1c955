import Foundation
import LadderProfiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// What a build found: the index as it stands (every line still describes its
    /// source, read in place), or the entries made from what changed.
    enum Outcome {
        case unchanged(IndexLines)
        case built([ProfileIndex.Entry])
    }

    /// `now` decides which entries are too fresh to trust by their stamp next time.
    mutating func build(now: Int64 = FileStamp.now()) -> Outcome {
        let cachePath = CacheFolder.path(in: folder)
        var oldEntries: [ProfileIndex.Entry] = []
        // Each source's place in `oldEntries`.
        var old: [String: Int] = [:]
        // The profiles folder is listed and each file's stamp asked on another core while
        // the index is read; the check and the build below both go by this one listing.
        let files = ProfileFolderScan.started(folder.profilesPath)
        if useCache {
            if let bytes = CacheFolder.read(ProfileIndex.fileName, in: folder) {
                switch IndexLines.read(bytes, folder: folder.profilesPath) {
                case .success(let lines):
                    if Self.unchanged(lines, folder: folder, files: files.wait()) {
                        report.reused = lines.count
                        report.unchanged = true
                        return .unchanged(lines)
                    }
                    if let entries = ProfileIndex.entries(lines) {
                        oldEntries = entries
                    } else {
                        report.discarded = "unreadable"
                    }
                case .failure(let refusal):
                    report.discarded = refusal.reason
                }
                // Entries whose shard is gone are of no use: drop them (their sources get parsed).
                // Shards are few (sixteen): a list searched by name beats hashing each entry's.
                var present: [(shard: String, exists: Bool)] = []
                old.reserveCapacity(oldEntries.count)
                for (at, entry) in oldEntries.enumerated() {
                    if let record = entry.record {
                        let exists: Bool
                        if let known = present.first(where: { $0.shard == record.shard }) {
                            exists = known.exists
                        } else {
                            exists = ProfileIndex.shardExists(record.shard, in: cachePath)
                            present.append((record.shard, exists))
                        }
                        if !exists { continue }
                    }
                    old[entry.source] = at
                }
                if present.contains(where: { !$0.exists }) { report.discarded = "a shard is missing" }
            } else {
                report.discarded = "missing"
            }
        }
        var built: [ProfileIndex.Entry] = []
        // Sources to parse, with their place in `built`; parsed on every core below.
        var pending: [(at: Int, source: Source)] = []
        var changed = !useCache || report.discarded != nil
        for (file, bytes) in bundledProfiles {
            let source = "bundled:\(file)"
            let hash = ContentHash.of(bytes)
            if let at = old[source], oldEntries[at].hash == hash {
                report.reused += 1
                built.append(oldEntries[at])
            } else {
                report.parsed += 1
                changed = true
                pending.append((built.count, Source(bytes: bytes, source: source, file: source, stamp: nil, hash: hash)))
                built.append(ProfileIndex.Entry(source: source, hash: hash))
            }
        }
        let profilesPath = folder.profilesPath // asks the file system each time
        let scan = files.wait() // unsorted: sorted only when the index is written
        for index in 0..<scan.count {
            let file = scan.withName(index) { String(decoding: $0, as: UTF8.self) }
            let stamp = scan.stamps[index]
            if let stamp, let at = old[file], oldEntries[at].stamp == stamp, oldEntries[at].racy != true {
                report.reused += 1
                built.append(oldEntries[at])
                continue
            }
            let path = profilesPath + "/" + file
            guard stamp != nil else {
                // Gone since listing (skipped, as without a cache), or not a file: say so.
                if access(path, F_OK) == 0 {
                    report.parsed += 1
                    changed = true
                    let problem = FileProblem(file: path, message: "not a regular file; a profile is a YAML file")
                    built.append(ProfileIndex.Entry(source: file, hash: "", problem: StoredProblem(problem)))
                }
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
                built.append(ProfileIndex.Entry(source: file, stamp: nil, hash: "", problem: StoredProblem(problem)))
                continue
            }
            // Gone between listing and reading: skipped, as without the cache.
            guard let read = found else { continue }
            let hash = ContentHash.of(read.bytes)
            if var entry = old[file].map({ oldEntries[$0] }), entry.hash == hash {
                report.reused += 1
                entry.stamp = read.stamp
                entry.racy = read.stamp.isRacy(now: now) ? true : nil
                built.append(entry)
            } else {
                report.parsed += 1
                pending.append((built.count, Source(bytes: read.bytes, source: file, file: path, stamp: read.stamp, hash: hash)))
                built.append(ProfileIndex.Entry(source: file, hash: hash))
            }
        }
        let parsed = Parallel.map(pending.map(\.source)) { Self.parse($0, now: now) }
        // The full JSON of each profile just parsed, by place in `built`.
        var json: [Int: [UInt8]] = [:]
        for (index, result) in zip(pending.map(\.at), parsed) {
            built[index] = result.entry
            json[index] = result.json
        }
        if old.count != built.count { changed = true }
        guard useCache, changed else { return .built(built) }
        return .built(write(built, json: json, old: old.values.map { oldEntries[$0] }))
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
            entry.summary = .made(ProfileSummary(profile))
            return Built(entry: entry, json: ProfileJSON.bytes(of: profile))
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
    mutating func write(_ built: [ProfileIndex.Entry], json: [Int: [UInt8]], old: [ProfileIndex.Entry]) -> [ProfileIndex.Entry] {
        // Files are listed as the folder gives them; the index holds them in name order
        // (after the bundled ones), so two builds of one folder write the same bytes.
        let firstFile = built.firstIndex { !$0.isBundled } ?? built.count
        let order = Array(0..<firstFile)
            + ListOrder.order(built[firstFile...].map(\.source)).map { $0 + firstFile }
        var entries = order.map { built[$0] }
        var parsed: [Int: [UInt8]] = [:]
        for (place, at) in order.enumerated() { parsed[place] = json[at] }
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
        var toWrite: [Shard] = []
        for (number, members) in groups.sorted(by: { $0.key < $1.key }) {
            // Unchanged when every member is reused from one existing shard and that
            // shard holds exactly these members.
            let shards = Set(members.compactMap { entries[$0].record?.shard })
            if members.allSatisfy({ parsed[$0] == nil && entries[$0].record != nil }),
               shards.count == 1, let shard = shards.first,
               old.filter({ $0.record?.shard == shard }).count == members.count {
                keep.insert(shard)
                continue
            }
            var bytes: [UInt8] = []
            var records: [Shard.Member] = []
            for member in members {
                var json = parsed[member]
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
                records.append(Shard.Member(entry: member, offset: bytes.count, length: json.count, checksum: ContentHash.of(json)))
                bytes += json
                bytes.append(0x0A)
            }
            let name = String(format: "profiles-%02d-", number) + ContentHash.of(bytes) + ".shard"
            toWrite.append(Shard(name: name, bytes: bytes, members: records))
        }
        // Each shard is written whole (temporary file, fsync, rename) on every core;
        // none is used until the index below, written after them all, names it.
        let failures = Parallel.map(toWrite) { shard -> String? in
            do throws(StoreError) {
                try SafeFile.writeAtomically(shard.bytes, to: cachePath + "/" + shard.name)
                return nil
            } catch {
                return error.message
            }
        }
        for (shard, failure) in zip(toWrite, failures) {
            if let failure {
                report.writeError = failure
                for member in shard.members { entries[member.entry].record = nil }
            } else {
                keep.insert(shard.name)
                for member in shard.members {
                    entries[member.entry].record = ProfileIndex.Record(shard: shard.name, offset: member.offset,
                                                                       length: member.length, checksum: member.checksum)
                }
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

    /// A shard to write: its name, its bytes, and where each member's JSON lies in it.
    struct Shard: Sendable {
        struct Member: Sendable {
            var entry: Int
            var offset: Int
            var length: Int
            var checksum: String
        }

        var name: String
        var bytes: [UInt8]
        var members: [Member]
    }

    /// The full JSON of an entry whose shard record was unreadable, from its source.
    func reparse(_ entry: ProfileIndex.Entry) -> [UInt8]? {
        guard let profile = ProfileLoader.parseSource(entry.source, folder: folder) else { return nil }
        return ProfileJSON.bytes(of: profile)
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
