import LadderProfiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProfileIndexBuilder {
    /// True when the index describes every source as it is, so a start can read its
    /// lines in place: one line per bundled profile with that profile's hash, one per
    /// profile file with the file's stamp (none too fresh to trust), no other line,
    /// every shard a line names present, every problem line readable. Anything else
    /// is left to `build`, which says what changed and rewrites the index.
    ///
    /// Reads only bytes: a thousand file names are looked up by their bytes in a table
    /// of the lines' sources (a start made a string and a dictionary entry for each).
    static func unchanged(_ lines: IndexLines, folder: DataFolder, files scan: ProfileFolderScan) -> Bool {
        let summary = UInt8(ascii: "S"), problem = UInt8(ascii: "P")
        var sources = KeyTable(capacity: lines.count)
        // A line naming each shard found present: sixteen at most as written.
        var shards: [Int] = []
        let cachePath = CacheFolder.path(in: folder)
        for line in 0..<lines.count {
            let kind = lines.first(line, 0)
            guard lines.fieldCount(line) == (kind == summary ? 22 : 17), kind == summary || kind == problem,
                  lines.first(line, 7) == 0, // racy: check its content
                  lines.withField(line, 1, { !$0.isEmpty && !$0.contains(0x5C) }) == true, // escaped: as it was never written
                  lines.withField(line, 1, { source in
                      sources.insert(line, source) { other, key in lines.field(other, 1, equals: key) } == nil
                  }) == true
            else { return false }
            if kind == problem {
                guard ProfileIndex.entry(lines.line(line)) != nil else { return false }
                continue
            }
            guard lines.first(line, 17) != 0 else { continue } // no record: read from its source
            if lines.withField(line, 17, { name in shards.contains { lines.field($0, 17, equals: name) } }) == true { continue }
            guard let name = lines.text(line, 17), ProfileIndex.shardExists(name, in: cachePath) else { return false }
            shards.append(line)
        }
        var found = 0
        for (file, bytes) in bundledProfiles {
            var key = "bundled:" + file
            let line = key.withUTF8 { key in
                sources.find(UnsafeRawBufferPointer(key)) { other, key in lines.field(other, 1, equals: key) }
            }
            guard let line, lines.text(line, 6) == ContentHash.of(bytes) else { return false }
            found += 1
        }
        guard scan.listed else { return false }
        for file in 0..<scan.count {
            guard let stamp = scan.stamps[file], let line = scan.withName(file, { name in
                sources.find(name, isKey: { other, key in lines.field(other, 1, equals: key) })
            }) else { return false }
            guard lines.int(line, 2) == stamp.size && lines.int(line, 3) == stamp.mtime && lines.int(line, 4) == stamp.ctime
                && lines.int(line, 5).map({ UInt64(bitPattern: $0) }) == stamp.inode else { return false }
            found += 1
        }
        return found == lines.count
    }
}
