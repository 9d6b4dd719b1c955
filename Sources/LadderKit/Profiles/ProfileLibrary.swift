import LadderProfiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every profile Ladder can show: the bundled ones, overridden by the user's own
/// in `<data>/profiles/*.yaml` with the same id. A file that fails to load is
/// listed in `problems` and hides nothing else.
///
/// Loading reads each profile's id and name only (from the checked cache, see
/// `ProfileIndex`); a summary is read in full the first time it is asked for, a
/// full profile the first time `profile(_:)` asks for it, and both are kept.
public struct ProfileLibrary: Sendable {
    /// Every profile's summary, sorted by name. Reads every summary: prefer
    /// `summary(_:)` where one will do.
    public var summaries: [ProfileSummary] { loader.summaries() }
    /// Files that did not load, each with where and why (profiles from a newer
    /// Ladder among them, see `newerProfiles`).
    public private(set) var problems: [FileProblem]
    /// Where each profile came from, by id: a path, or `bundled:<file>`.
    public var sources: [String: String] { loader.sources() }
    /// How the load used the cache (nil for a library made in memory).
    public private(set) var cacheReport: CacheReport?
    private let loader: ProfileLoader

    /// A library of profiles already in memory (tests, tools); of profiles with one
    /// id the first is kept.
    public init(profiles: [Profile], problems: [FileProblem] = [], sources: [String: String] = [:]) {
        var unique: [String: Profile] = [:]
        var entries: [ProfileIndex.Entry] = []
        for profile in profiles where unique[profile.id] == nil {
            unique[profile.id] = profile
            entries.append(ProfileIndex.Entry(source: sources[profile.id] ?? "", hash: "", summary: .made(ProfileSummary(profile))))
        }
        self.init(listing: IndexEntries(entries: entries), folder: nil, loaded: unique)
        self.problems = problems
    }

    /// The library `listing` makes: of items with one id a file's profile wins over a
    /// bundled one, and of files the first by name; the others are problems, listed
    /// by file name after the bundled profiles' own.
    private init(listing: some ProfileListing, folder: DataFolder?, loaded: [String: Profile] = [:],
                 cacheReport: CacheReport? = nil) {
        var places: [Int] = []
        places.reserveCapacity(listing.count)
        var ids = KeyTable(capacity: listing.count)
        var problems: [FileProblem] = []
        var fileProblems: [(file: String, problem: FileProblem)] = []
        var skipped: [Int] = []
        for item in 0..<listing.count {
            if let problem = listing.problem(item) {
                if listing.isBundled(item) { problems.append(problem) } else { fileProblems.append((listing.source(item) ?? "", problem)) }
                continue
            }
            let taken = listing.withID(item) { id in
                ids.insert(places.count, id) { place, key in listing.withID(places[place]) { KeyTable.same($0, key) } ?? false }
            }
            guard let taken else { continue }
            guard let place = taken else {
                places.append(item)
                continue
            }
            let earlier = places[place]
            if !listing.isBundled(item), !listing.isBundled(earlier) {
                // Files come as the folder lists them: as if read in name order, the first keeps the id.
                if ListOrder.precedes(listing.source(item) ?? "", listing.source(earlier) ?? "") {
                    skipped.append(earlier)
                    places[place] = item
                } else {
                    skipped.append(item)
                }
                continue
            }
            places[place] = item
        }
        loader = ProfileLoader(folder: folder, listing: listing, places: places, ids: ids, loaded: loaded)
        let profilesPath = folder?.profilesPath ?? "" // asks the file system each time
        for item in skipped {
            let id = listing.id(item)
            guard let kept = loader.place(ofID: id).map({ places[$0] }) else { continue }
            let file = listing.source(item) ?? ""
            fileProblems.append((file, FileProblem(
                file: profilesPath + "/" + file,
                message: "profile id '\(id)' is also used by \(profilesPath + "/" + (listing.source(kept) ?? "")); this file was skipped")))
        }
        self.problems = problems + ListOrder.order(fileProblems.map(\.file)).map { fileProblems[$0].problem }
        self.cacheReport = cacheReport
    }

    /// The bundled profiles alone.
    public static func bundled() -> ProfileLibrary {
        var byID: [String: Profile] = [:]
        var sources: [String: String] = [:]
        var problems: [FileProblem] = []
        for (file, bytes) in bundledProfiles {
            do {
                let profile = try ProfileFile.decode(bytes, file: "bundled:\(file)")
                byID[profile.id] = profile
                sources[profile.id] = "bundled:\(file)"
            } catch {
                problems.append(error)
            }
        }
        return ProfileLibrary(profiles: Array(byID.values), problems: problems, sources: sources)
    }

    /// The bundled profiles and the user's own, the user's winning on the same id.
    /// With `cache` (the default) the index in `<data>/cache/` is checked, used for
    /// what is still true and rewritten when anything changed; without it every
    /// source is parsed (the answers are the same, only slower).
    public static func load(from folder: DataFolder, cache: Bool = true) -> ProfileLibrary {
        load(from: folder, cache: cache, now: FileStamp.now())
    }

    /// `now` decides which entries are too fresh to trust by their stamp next time.
    static func load(from folder: DataFolder, cache: Bool, now: Int64) -> ProfileLibrary {
        var builder = ProfileIndexBuilder(folder: folder, useCache: cache)
        switch builder.build(now: now) {
        case .unchanged(let lines):
            return ProfileLibrary(listing: lines, folder: folder, cacheReport: builder.report)
        case .built(let entries):
            return ProfileLibrary(listing: IndexEntries(entries: entries), folder: folder, cacheReport: builder.report)
        }
    }

    /// The problems that are profiles from a newer Ladder (each with `newer` set):
    /// to be listed with "update Ladder to read it", never opened.
    public var newerProfiles: [FileProblem] { problems.filter { $0.newer != nil } }

    /// Every profile in full, sorted by name. Reads each one: prefer `summaries`
    /// and `profile(_:)` where a list or one profile will do.
    public var profiles: [Profile] { loader.nameOrder().compactMap(loader.profile(at:)) }

    /// The profile with this id, or whose name matches case-insensitively.
    public func profile(_ query: String) -> Profile? {
        place(query).flatMap(loader.profile(at:))
    }

    /// The summary of the profile with this id, or whose name matches case-insensitively.
    public func summary(_ query: String) -> ProfileSummary? {
        place(query).map(loader.summary(at:))
    }

    /// The place of the profile with this id, or else the first in name order whose
    /// name matches case-insensitively.
    private func place(_ query: String) -> Int? {
        let key = query.lowercased()
        return loader.place(ofID: key) ?? loader.nameOrder().first { loader.name(at: $0).lowercased() == key }
    }

    /// Profiles whose name, id, keywords, domain or group contain every word of the query.
    public func search(_ query: String) -> [ProfileSummary] {
        let words = query.lowercased().split(separator: " ")
        guard !words.isEmpty else { return summaries }
        let haystacks = loader.haystacks(summaries)
        return summaries.indices.filter { index in words.allSatisfy { haystacks[index].contains($0) } }.map { summaries[$0] }
    }

    /// The profile files in a folder, by name (a start goes by `ProfileFolderScan`).
    static func yamlFiles(in folder: String) -> [String] {
        let names = SafeFile.entryNames(in: folder, sweeping: true).filter { name in
            var name = name
            return name.withUTF8 { isProfileFileName(UnsafeRawBufferPointer($0)) }
        }
        return ListOrder.order(names).map { names[$0] }
    }

    private static let suffixes = [Array(".yaml".utf8), Array(".yml".utf8)]

    /// A profile file's name ends in `.yaml` or `.yml` and does not start with a dot.
    static func isProfileFileName(_ name: UnsafeRawBufferPointer) -> Bool {
        guard name.first != UInt8(ascii: ".") else { return false }
        return suffixes.contains { suffix in name.count >= suffix.count && name.suffix(suffix.count).elementsEqual(suffix) }
    }
}
