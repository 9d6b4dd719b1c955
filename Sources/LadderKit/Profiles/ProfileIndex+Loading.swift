import Foundation
import LadderProfiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The JSON form of a full profile in a shard (written by `ProfileJSON.bytes(of:)`).
enum ProfileJSON {
    /// Read by hand (`read`) when the bytes are exactly as written, else by `JSONDecoder`.
    static func decode(_ bytes: [UInt8]) -> Profile? {
        read(bytes) ?? (try? JSONDecoder().decode(Profile.self, from: Data(bytes)))
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
