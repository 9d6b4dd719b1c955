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
    /// Each id's place in the loader's `listed`.
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
        self.problems = problems
        self.cacheReport = cacheReport
        var byID: [String: Int] = [:]
        byID.reserveCapacity(listed.count)
        for (place, summary) in listed.enumerated() { byID[summary.id] = place }
        self.byID = byID
        loader = ProfileLoader(folder: folder, listed: listed, locations: locations, loaded: loaded)
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
        // Files come as the folder lists them: their problems are put in name order below,
        // and of files with one id the first by name is kept, as if read in that order.
        var fileProblems: [(file: String, problem: FileProblem)] = []
        var skipped: [Int] = []
        for (at, entry) in entries.enumerated() {
            if let problem = entry.problem {
                if entry.isBundled { problems.append(problem.problem) } else { fileProblems.append((entry.source, problem.problem)) }
                continue
            }
            guard let id = entry.summary?.id else { continue }
            if !entry.isBundled, let earlier = chosen[id], !entries[earlier].isBundled {
                if ListOrder.precedes(entry.source, entries[earlier].source) {
                    skipped.append(earlier)
                    chosen[id] = at
                } else {
                    skipped.append(at)
                }
                continue
            }
            chosen[id] = at
        }
        let profilesPath = folder.profilesPath // asks the file system each time
        for at in skipped {
            guard let id = entries[at].summary?.id, let kept = chosen[id] else { continue }
            fileProblems.append((entries[at].source, FileProblem(
                file: profilesPath + "/" + entries[at].source,
                message: "profile id '\(id)' is also used by \(profilesPath + "/" + entries[kept].source); this file was skipped")))
        }
        problems += ListOrder.order(fileProblems.map(\.file)).map { fileProblems[$0].problem }
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
        return byID[key] ?? loader.nameOrder().first { loader.listed[$0].name.lowercased() == key }
    }

    /// Profiles whose name, id, keywords, domain or group contain every word of the query.
    public func search(_ query: String) -> [ProfileSummary] {
        let words = query.lowercased().split(separator: " ")
        guard !words.isEmpty else { return summaries }
        let haystacks = loader.haystacks(summaries)
        return summaries.indices.filter { index in words.allSatisfy { haystacks[index].contains($0) } }.map { summaries[$0] }
    }

    /// The profile files in a folder, by name (or as the folder lists them: a start
    /// needs no order, and sorting a thousand names was a tenth of its own work).
    static func yamlFiles(in folder: String, sorted: Bool = true) -> [String] {
        let names = SafeFile.entryNames(in: folder).filter { name in
            (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
        }
        return sorted ? ListOrder.order(names).map { names[$0] } : names
    }
}
