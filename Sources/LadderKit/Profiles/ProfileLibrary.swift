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
/// Loading reads summaries only (from the checked cache, see `ProfileIndex`); a
/// full profile is read the first time `profile(_:)` asks for it, then kept.
public struct ProfileLibrary: Sendable {
    /// Every profile's summary, sorted by name.
    public private(set) var summaries: [ProfileSummary]
    /// Files that did not load, each with where and why (profiles from a newer
    /// Ladder among them, see `newerProfiles`).
    public private(set) var problems: [FileProblem]
    /// Where each profile came from, by id: a path, or `bundled:<file>`.
    public private(set) var sources: [String: String]
    /// How the load used the cache (nil for a library made in memory).
    public private(set) var cacheReport: CacheReport?
    private var byID: [String: Int]
    private let loader: ProfileLoader

    /// A library of profiles already in memory (tests, tools).
    public init(profiles: [Profile], problems: [FileProblem] = [], sources: [String: String] = [:]) {
        var unique: [String: Profile] = [:]
        for profile in profiles where unique[profile.id] == nil { unique[profile.id] = profile }
        self.init(summaries: unique.values.map(ProfileSummary.init), problems: problems, sources: sources,
                  loader: ProfileLoader(folder: nil, locations: [:], loaded: unique))
    }

    private init(summaries: [ProfileSummary], problems: [FileProblem], sources: [String: String],
                 loader: ProfileLoader, cacheReport: CacheReport? = nil) {
        // Sort keys made once: lower-casing inside the comparison costs a third of a load.
        let keys = summaries.map { ($0.name.lowercased(), $0.id) }
        self.summaries = keys.indices.sorted { keys[$0] < keys[$1] }.map { summaries[$0] }
        self.problems = problems
        self.sources = sources
        self.loader = loader
        self.cacheReport = cacheReport
        var byID: [String: Int] = [:]
        byID.reserveCapacity(self.summaries.count)
        for (index, summary) in self.summaries.enumerated() { byID[summary.id] = index }
        self.byID = byID
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
        var chosen: [String: ProfileIndex.Entry] = [:]
        var sources: [String: String] = [:]
        chosen.reserveCapacity(entries.count)
        sources.reserveCapacity(entries.count)
        var problems: [FileProblem] = []
        let profilesPath = folder.profilesPath // asks the file system each time
        for entry in entries {
            if let problem = entry.problem {
                problems.append(problem.problem)
                continue
            }
            guard let summary = entry.summary else { continue }
            let path = entry.isBundled ? entry.source : profilesPath + "/" + entry.source
            if !entry.isBundled, let earlier = sources[summary.id], !earlier.hasPrefix("bundled:") {
                problems.append(FileProblem(file: path, message: "profile id '\(summary.id)' is also used by \(earlier); this file was skipped"))
                continue
            }
            chosen[summary.id] = entry
            sources[summary.id] = path
        }
        var locations: [String: ProfileLoader.Location] = [:]
        locations.reserveCapacity(chosen.count)
        for (id, entry) in chosen { locations[id] = ProfileLoader.Location(source: entry.source, record: entry.record) }
        return ProfileLibrary(summaries: chosen.values.compactMap(\.summary), problems: problems, sources: sources,
                              loader: ProfileLoader(folder: folder, locations: locations), cacheReport: builder.report)
    }

    /// The problems that are profiles from a newer Ladder (each with `newer` set):
    /// to be listed with "update Ladder to read it", never opened.
    public var newerProfiles: [FileProblem] { problems.filter { $0.newer != nil } }

    /// Every profile in full, sorted by name. Reads each one: prefer `summaries`
    /// and `profile(_:)` where a list or one profile will do.
    public var profiles: [Profile] { summaries.compactMap { loader.profile($0.id) } }

    /// The profile with this id, or whose name matches case-insensitively.
    public func profile(_ query: String) -> Profile? {
        summary(query).flatMap { loader.profile($0.id) }
    }

    /// The summary of the profile with this id, or whose name matches case-insensitively.
    public func summary(_ query: String) -> ProfileSummary? {
        let key = query.lowercased()
        if let index = byID[key] { return summaries[index] }
        return summaries.first { $0.name.lowercased() == key }
    }

    /// Profiles whose name, id, keywords, domain or group contain every word of the query.
    public func search(_ query: String) -> [ProfileSummary] {
        let words = query.lowercased().split(separator: " ")
        guard !words.isEmpty else { return summaries }
        let haystacks = loader.haystacks(summaries)
        return summaries.indices.filter { index in words.allSatisfy { haystacks[index].contains($0) } }.map { summaries[$0] }
    }

    static func yamlFiles(in folder: String) -> [String] {
        SafeFile.entryNames(in: folder).filter { name in
            (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
        }.sorted()
    }
}
