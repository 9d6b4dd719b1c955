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

/// Reads summaries and full profiles on first use and keeps them: a summary from
/// its index line, a full profile from its shard record when the record's checksum
/// holds, else by parsing the source. Shared by copies of a library (it only
/// memoises, so sharing changes no answer).
final class ProfileLoader: @unchecked Sendable {
    /// What the library was made from.
    let listing: any ProfileListing
    /// The item of `listing` at each place: a place is a profile's number everywhere here.
    let places: [Int]
    /// Each place by its profile's id.
    private let ids: KeyTable
    private let lock = NSLock()
    /// The places in name order, then id: sorted when a list first asks.
    private var byName: [Int]?
    /// Summaries read so far, by place (empty until the first is asked for).
    private var read: [ProfileSummary?] = []
    private var all: [ProfileSummary]?
    private var loaded: [String: Profile]
    private var failed: Set<String> = []
    private let folder: DataFolder?
    private let profilesPath: String?
    private var haystacks: [String]?

    init(folder: DataFolder?, listing: any ProfileListing, places: [Int], ids: KeyTable, loaded: [String: Profile] = [:]) {
        self.folder = folder
        profilesPath = folder?.profilesPath
        self.listing = listing
        self.places = places
        self.ids = ids
        self.loaded = loaded
    }

    /// The place of the profile with this id.
    func place(ofID id: String) -> Int? {
        var id = id
        return id.withUTF8 { key in
            ids.find(UnsafeRawBufferPointer(key)) { place, key in
                listing.withID(places[place]) { KeyTable.same($0, key) } ?? false
            }
        }
    }

    func name(at place: Int) -> String { listing.name(places[place]) }

    /// The places in name order, then id.
    func nameOrder() -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        return nameOrderLocked()
    }

    private func nameOrderLocked() -> [Int] {
        if let byName { return byName }
        let made = ListOrder.order(places.map { (listing.name($0), listing.id($0)) }, foldingFirst: true)
        byName = made
        return made
    }

    /// The summary at this place.
    func summary(at place: Int) -> ProfileSummary {
        lock.lock()
        defer { lock.unlock() }
        return summaryLocked(at: place)
    }

    /// Every summary, in name order.
    func summaries() -> [ProfileSummary] {
        lock.lock()
        defer { lock.unlock() }
        if let all { return all }
        let made = nameOrderLocked().map(summaryLocked(at:))
        all = made
        return made
    }

    /// A stored line that does not decode (a forged index whose checksum holds)
    /// gives way to the full profile's summary, and that to the id and name alone.
    private func summaryLocked(at place: Int) -> ProfileSummary {
        if read.isEmpty { read = Array(repeating: nil, count: places.count) }
        if let summary = read[place] { return summary }
        let item = places[place]
        let summary = listing.summary(item) ?? profileLocked(at: place).map(ProfileSummary.init)
            ?? ProfileSummary(id: listing.id(item), name: listing.name(item), keywords: [], domain: "", group: "", updated: "",
                              levels: [], roles: [], expectations: 0)
        read[place] = summary
        return summary
    }

    /// Where each profile came from, by id: a path, or `bundled:<file>`.
    func sources() -> [String: String] {
        var paths: [String: String] = [:]
        for item in places {
            guard let source = listing.source(item) else { continue }
            let inFolder = !listing.isBundled(item)
            paths[listing.id(item)] = inFolder ? (profilesPath.map { $0 + "/" } ?? "") + source : source
        }
        return paths
    }

    /// The full profile at this place.
    func profile(at place: Int) -> Profile? {
        lock.lock()
        defer { lock.unlock() }
        return profileLocked(at: place)
    }

    private func profileLocked(at place: Int) -> Profile? {
        let item = places[place]
        let id = listing.id(item)
        if let profile = loaded[id] { return profile }
        if failed.contains(id) { return nil }
        var profile: Profile?
        if let record = listing.record(item), let folder {
            let cachePath = CacheFolder.path(in: folder)
            profile = Self.read(record, in: cachePath).flatMap(ProfileJSON.decode)
            if profile?.id != id, ProfileIndex.isShardName(record.shard) {
                // Shards are named by their content, so a record that fails its checksum
                // means a damaged file: drop it, and the next load rebuilds it.
                unlink(cachePath + "/" + record.shard)
            }
        }
        if profile?.id != id, let folder, let source = listing.source(item) {
            profile = Self.parseSource(source, folder: folder)
        }
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
