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
    /// Each id's place in name order.
    private let byID: [String: Int]
    private let loader: ProfileLoader

    /// A library of profiles already in memory (tests, tools).
    public init(profiles: [Profile], problems: [FileProblem] = [], sources: [String: String] = [:]) {
        var unique: [String: Profile] = [:]
        for profile in profiles where unique[profile.id] == nil { unique[profile.id] = profile }
        let listed = Array(unique.values)
        self.init(listed: listed.map { .made(ProfileSummary($0)) }, problems: problems, folder: nil,
                  locations: listed.map { profile in sources[profile.id].map { ProfileLoader.Location(source: $0) } },
                  loaded: unique)
    }

    /// `locations` lie in the same order as `listed`.
    private init(listed: [IndexedSummary], problems: [FileProblem], folder: DataFolder?,
                 locations: [ProfileLoader.Location?], loaded: [String: Profile] = [:], cacheReport: CacheReport? = nil) {
        let order = ListOrder.order(listed.map { ($0.name, $0.id) }, foldingFirst: true)
        let sorted = order.map { listed[$0] }
        self.problems = problems
        self.cacheReport = cacheReport
        var byID: [String: Int] = [:]
        byID.reserveCapacity(sorted.count)
        for (index, summary) in sorted.enumerated() { byID[summary.id] = index }
        self.byID = byID
        loader = ProfileLoader(folder: folder, listed: sorted, locations: order.map { locations[$0] }, loaded: loaded)
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
        var builder = ProfileIndexBuilder(folder: folder, useCache: cache)
        let entries = builder.build()
        // Each chosen id's entry, by place in `entries` (entries are not copied: a start walks a thousand).
        var chosen: [String: Int] = [:]
        chosen.reserveCapacity(entries.count)
        var problems: [FileProblem] = []
        let profilesPath = folder.profilesPath // asks the file system each time
        for (at, entry) in entries.enumerated() {
            if let problem = entry.problem {
                problems.append(problem.problem)
                continue
            }
            guard let id = entry.summary?.id else { continue }
            if !entry.isBundled, let earlier = chosen[id], !entries[earlier].isBundled {
                problems.append(FileProblem(file: profilesPath + "/" + entry.source,
                                            message: "profile id '\(id)' is also used by \(profilesPath + "/" + entries[earlier].source); this file was skipped"))
                continue
            }
            chosen[id] = at
        }
        var listed: [IndexedSummary] = []
        var locations: [ProfileLoader.Location?] = []
        listed.reserveCapacity(chosen.count)
        locations.reserveCapacity(chosen.count)
        for at in chosen.values {
            guard let summary = entries[at].summary else { continue }
            listed.append(summary)
            locations.append(ProfileLoader.Location(source: entries[at].source, record: entries[at].record))
        }
        return ProfileLibrary(listed: listed, problems: problems, folder: folder, locations: locations, cacheReport: builder.report)
    }

    /// The problems that are profiles from a newer Ladder (each with `newer` set):
    /// to be listed with "update Ladder to read it", never opened.
    public var newerProfiles: [FileProblem] { problems.filter { $0.newer != nil } }

    /// Every profile in full, sorted by name. Reads each one: prefer `summaries`
    /// and `profile(_:)` where a list or one profile will do.
    public var profiles: [Profile] { loader.listed.indices.compactMap(loader.profile(at:)) }

    /// The profile with this id, or whose name matches case-insensitively.
    public func profile(_ query: String) -> Profile? {
        place(query).flatMap(loader.profile(at:))
    }

    /// The summary of the profile with this id, or whose name matches case-insensitively.
    public func summary(_ query: String) -> ProfileSummary? {
        place(query).map(loader.summary(at:))
    }

    /// Where the profile with this id, or whose name matches case-insensitively, is in name order.
    private func place(_ query: String) -> Int? {
        let key = query.lowercased()
        return byID[key] ?? loader.listed.firstIndex { $0.name.lowercased() == key }
    }

    /// Profiles whose name, id, keywords, domain or group contain every word of the query.
    public func search(_ query: String) -> [ProfileSummary] {
        let words = query.lowercased().split(separator: " ")
        guard !words.isEmpty else { return summaries }
        let haystacks = loader.haystacks(summaries)
        return summaries.indices.filter { index in words.allSatisfy { haystacks[index].contains($0) } }.map { summaries[$0] }
    }

    static func yamlFiles(in folder: String) -> [String] {
        let names = SafeFile.entryNames(in: folder).filter { name in
            (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
        }
        return ListOrder.order(names.map { ($0, "") }, foldingFirst: false).map { names[$0] }
    }
}
