import LadderProfiles

/// Every profile Ladder can show: the bundled ones, overridden by the user's own
/// in `<data>/profiles/*.yaml` with the same id. A file that fails to load is
/// listed in `problems` and hides nothing else.
public struct ProfileLibrary: Sendable {
    /// Sorted by name.
    public private(set) var profiles: [Profile]
    public private(set) var problems: [FileProblem]
    /// Where each profile came from, by id: a path, or `bundled:<file>`.
    public private(set) var sources: [String: String]

    public init(profiles: [Profile], problems: [FileProblem] = [], sources: [String: String] = [:]) {
        self.profiles = profiles.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        self.problems = problems
        self.sources = sources
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
    public static func load(from folder: DataFolder) -> ProfileLibrary {
        let bundled = bundled()
        var byID = Dictionary(bundled.profiles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sources = bundled.sources
        var problems = bundled.problems
        for file in yamlFiles(in: folder.profilesPath) {
            let path = folder.profilesPath + "/" + file
            do {
                guard let bytes = try SafeFile.contents(of: path) else { continue }
                let profile = try ProfileFile.decode(bytes, file: path)
                if let earlier = sources[profile.id], !earlier.hasPrefix("bundled:") {
                    problems.append(FileProblem(file: path, message: "profile id '\(profile.id)' is also used by \(earlier); this file was skipped"))
                    continue
                }
                byID[profile.id] = profile
                sources[profile.id] = path
            } catch let problem as FileProblem {
                problems.append(problem)
            } catch {
                problems.append(FileProblem(file: path, message: "\(error)"))
            }
        }
        return ProfileLibrary(profiles: Array(byID.values), problems: problems, sources: sources)
    }

    /// The profile with this id, or whose name matches case-insensitively.
    public func profile(_ query: String) -> Profile? {
        let key = query.lowercased()
        return profiles.first { $0.id == key } ?? profiles.first { $0.name.lowercased() == key }
    }

    /// Profiles whose name, id, keywords, domain or group contain every word of the query.
    public func search(_ query: String) -> [Profile] {
        let words = query.lowercased().split(separator: " ")
        guard !words.isEmpty else { return profiles }
        return profiles.filter { profile in
            let haystack = ([profile.name, profile.id, profile.domain, profile.group] + profile.keywords)
                .joined(separator: " ").lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    static func yamlFiles(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
