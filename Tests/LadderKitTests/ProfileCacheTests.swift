import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The profile index in `<data>/cache/`: whatever state it is in (fresh, stale,
/// corrupt, from another format, deleted), a load gives the same answers as parsing
/// every source, and a bad cache is rebuilt.
@Suite struct ProfileCacheTests {
    /// A data folder with user profiles: two good ones, one overriding the bundled
    /// profile, a broken one, and one repeating another's id.
    static func makeFolder() throws -> DataFolder {
        let folder = DataFolder(path: try TestSupport.makeTempFolder("ladder-cache"))
        try folder.prepare()
        try write(profile(id: "alpha-ops", name: "Alpha Operations", roles: 2), "alpha-ops.yaml", in: folder)
        try write(profile(id: "beta-design", name: "Beta Design", roles: 3), "beta-design.yaml", in: folder)
        try write(profile(id: "serverless-functions", name: "Our Serverless", roles: 1), "mine.yaml", in: folder)
        try write(profile(id: "alpha-ops", name: "Alpha Again", roles: 1), "zz-duplicate.yaml", in: folder)
        try SafeFile.writeAtomically(Array("id: broken\nname: [unclosed\n".utf8), to: folder.profilesPath + "/broken.yaml")
        return folder
    }

    static func profile(id: String, name: String, roles: Int) -> Profile {
        let levels = ["Junior", "Middle", "Senior"]
        var counter = 0
        return Profile(id: id, name: name, keywords: ["k1", "Ключ"], domain: "Domain", group: "Group", updated: "2026-03-17",
                       levels: levels, roles: (0..<roles).map { r in
            Role(id: "role-\(r)", name: "Role \(r)", levels: levels.map { level in
                RoleLevel(level: level, required: r % 2 == 0, expectations: (0..<2).map { _ in
                    counter += 1
                    return Expectation(id: "e\(counter)", text: "Does thing \(counter) for \(name), e.g. well.")
                })
            })
        })
    }

    static func write(_ profile: Profile, _ file: String, in folder: DataFolder) throws {
        try SafeFile.writeAtomically(Array(try ProfileFile.encode(profile).utf8), to: folder.profilesPath + "/" + file)
    }

    /// Every answer a library gives.
    static func expectSame(_ a: ProfileLibrary, _ b: ProfileLibrary, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.summaries == b.summaries, sourceLocation: sourceLocation)
        #expect(a.problems == b.problems, sourceLocation: sourceLocation)
        #expect(a.sources == b.sources, sourceLocation: sourceLocation)
        #expect(a.profiles == b.profiles, sourceLocation: sourceLocation)
        for summary in b.summaries {
            #expect(a.profile(summary.id) == b.profile(summary.id), sourceLocation: sourceLocation)
        }
        #expect(a.search("alpha") == b.search("alpha"), sourceLocation: sourceLocation)
    }

    var indexPath: (DataFolder) -> String { { CacheFolder.path(in: $0) + "/" + ProfileIndex.fileName } }

    @Test func aFreshCacheGivesTheSameAnswersAsParsingAndIsReused() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        #expect(Set(truth.summaries.map(\.id)) == Set(["alpha-ops", "beta-design"] + ProfileLibrary.bundled().summaries.map(\.id)))
        #expect(truth.profile("serverless-functions")?.name == "Our Serverless")
        #expect(truth.sources["serverless-functions"] == folder.profilesPath + "/mine.yaml")
        #expect(truth.problems.count == 2)

        let first = ProfileLibrary.load(from: folder)
        #expect(first.cacheReport?.discarded == "missing")
        #expect(first.cacheReport?.wrote == true)
        Self.expectSame(first, truth)

        let second = ProfileLibrary.load(from: folder)
        #expect(second.cacheReport?.parsed == 0)
        #expect(second.cacheReport?.discarded == nil)
        Self.expectSame(second, truth)

        var mode = stat()
        #expect(stat(indexPath(folder), &mode) == 0)
        #expect(mode.st_mode & 0o777 == 0o600)
    }

    @Test func anEditedAddedOrRemovedProfileIsSeen() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        _ = ProfileLibrary.load(from: folder)
        try Self.write(Self.profile(id: "beta-design", name: "Beta Design Renamed", roles: 2), "beta-design.yaml", in: folder)
        try Self.write(Self.profile(id: "gamma", name: "Gamma", roles: 1), "gamma.yaml", in: folder)
        unlink(folder.profilesPath + "/alpha-ops.yaml")
        let cached = ProfileLibrary.load(from: folder)
        #expect(cached.profile("beta-design")?.name == "Beta Design Renamed")
        #expect(cached.profile("beta-design")?.roles.count == 2)
        #expect(cached.profile("gamma") != nil)
        // The duplicate is the only alpha-ops left, so it now loads.
        #expect(cached.profile("alpha-ops")?.name == "Alpha Again")
        Self.expectSame(cached, ProfileLibrary.load(from: folder, cache: false))
        Self.expectSame(ProfileLibrary.load(from: folder), ProfileLibrary.load(from: folder, cache: false))
    }

    @Test func aSameSizeEditWithItsTimesPutBackIsStillSeen() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let path = folder.profilesPath + "/beta-design.yaml"
        var before = stat()
        stat(path, &before)
        _ = ProfileLibrary.load(from: folder)
        let text = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .utf8))
        let edited = text.replacingOccurrences(of: "name: Beta Design", with: "name: Beta Desigm")
        #expect(edited.utf8.count == text.utf8.count)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let cached = ProfileLibrary.load(from: folder)
        #expect(cached.profile("beta-design")?.name == "Beta Desigm")
        Self.expectSame(cached, ProfileLibrary.load(from: folder, cache: false))
    }

    @Test func aCorruptIndexIsRebuilt() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        _ = ProfileLibrary.load(from: folder)
        let good = try #require(CacheFolder.read(ProfileIndex.fileName, in: folder))
        // One letter changed inside a summary: still valid JSON, caught by the checksum.
        var flipped = good
        let name = try #require(flipped.indices.first { flipped[$0...].starts(with: Array("Beta Design".utf8)) })
        flipped[name] = UInt8(ascii: "Z")
        let cases: [([UInt8], String)] = [
            (flipped, "checksum mismatch"),
            (Array(good.prefix(good.count / 2)), "checksum mismatch"),
            (Array("{\"entries\": [".utf8), "unreadable"),
            ([0xFF, 0x00, 0x13], "unreadable"),
            ([], "unreadable"),
        ]
        for (garbage, reason) in cases {
            try SafeFile.writeAtomically(garbage, to: indexPath(folder))
            let loaded = ProfileLibrary.load(from: folder)
            #expect(loaded.cacheReport?.discarded == reason)
            #expect(loaded.cacheReport?.wrote == true)
            Self.expectSame(loaded, truth)
            #expect(ProfileLibrary.load(from: folder).cacheReport?.discarded == nil)
        }
    }

    /// A summary is read from its index line when first asked for, so a line that
    /// does not decode is found only then (the checksum held: a forged index). The
    /// full profile's summary stands in for it.
    @Test(arguments: [false, true]) func aSummaryLineThatDoesNotDecodeGivesWayToTheProfile(readInPlace: Bool) throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        // Built as if later, no entry is too fresh to trust, and the index is read in place.
        let now = readInPlace ? ProfileIndexInPlaceTests.later() : FileStamp.now()
        _ = ProfileLibrary.load(from: folder, cache: true, now: now)
        let good = try #require(CacheFolder.read(ProfileIndex.fileName, in: folder))
        var lines = good[(try #require(good.firstIndex(of: 0x0A)) + 1)...].split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { Array($0) }
        let position = try #require(lines.firstIndex { String(decoding: $0, as: UTF8.self).contains("\tbeta-design.yaml\t") })
        // The last field holds each role's cells: "Q9" is no cell.
        let tab = try #require(lines[position].lastIndex(of: 0x09))
        lines[position] = Array(lines[position][...tab]) + Array("1\u{1F}Q9".utf8)
        let body = Array(lines.joined(separator: [0x0A]))
        try SafeFile.writeAtomically(CacheEnvelope.wrap(kind: ProfileIndex.kind, format: ProfileIndex.format, body: body),
                                     to: indexPath(folder))
        let loaded = ProfileLibrary.load(from: folder, cache: true, now: now)
        #expect(loaded.cacheReport?.unchanged == readInPlace)
        #expect(loaded.cacheReport?.discarded == nil)
        #expect(loaded.cacheReport?.parsed == 0)
        #expect(loaded.summary("beta-design") == truth.summary("beta-design"))
        Self.expectSame(loaded, truth)
    }

    @Test func anIndexOfAnotherFormatKindOrFolderIsRebuilt() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        _ = ProfileLibrary.load(from: folder)
        let good = try #require(CacheFolder.read(ProfileIndex.fileName, in: folder))
        let body = Array(good[(try #require(good.firstIndex(of: 0x0A)) + 1)...])
        var moved = try #require(ProfileIndex.decode(good, folder: folder.profilesPath).0)
        moved.folder = "/elsewhere/profiles"
        let cases: [([UInt8], String)] = [
            (CacheEnvelope.wrap(kind: ProfileIndex.kind, format: ProfileIndex.format + 1, body: body),
             "format \(ProfileIndex.format + 1), this Ladder writes \(ProfileIndex.format)"),
            (CacheEnvelope.wrap(kind: "ladder-people-index", format: ProfileIndex.format, body: body), "not a ladder-profile-index"),
            (try moved.encoded(), "made for another folder"),
        ]
        for (bytes, reason) in cases {
            try SafeFile.writeAtomically(bytes, to: indexPath(folder))
            let loaded = ProfileLibrary.load(from: folder)
            #expect(loaded.cacheReport?.discarded == reason)
            Self.expectSame(loaded, truth)
        }
    }

    @Test func anEntryThatNoLongerDescribesItsFileIsReplaced() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        _ = ProfileLibrary.load(from: folder)
        // A well-formed index whose entry describes other content than the file holds.
        let bytes = try #require(CacheFolder.read(ProfileIndex.fileName, in: folder))
        var index = try #require(ProfileIndex.decode(bytes, folder: folder.profilesPath).0)
        let position = try #require(index.entries.firstIndex { $0.source == "beta-design.yaml" })
        var forged = try #require(index.entries[position].summary?.read())
        forged.name = "Forged"
        index.entries[position].summary = .made(forged)
        index.entries[position].hash = "0123456789abcdef"
        index.entries[position].stamp?.mtime += 1
        try SafeFile.writeAtomically(try index.encoded(), to: indexPath(folder))
        let loaded = ProfileLibrary.load(from: folder)
        #expect(loaded.summary("beta-design")?.name == "Beta Design")
        #expect(loaded.cacheReport?.parsed == 1)
        Self.expectSame(loaded, ProfileLibrary.load(from: folder, cache: false))
    }

    @Test func aCorruptOrMissingShardFallsBackToTheSourceAndIsRebuilt() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        _ = ProfileLibrary.load(from: folder)
        let cache = CacheFolder.path(in: folder)
        let shards = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".shard") }
        #expect(!shards.isEmpty)
        // Flip bytes in every shard: each profile is then read from its source.
        for shard in shards {
            var bytes = try #require(try SafeFile.contents(of: cache + "/" + shard))
            for index in stride(from: 10, to: bytes.count, by: 50) { bytes[index] ^= 0x20 }
            try SafeFile.writeAtomically(bytes, to: cache + "/" + shard)
        }
        let corrupt = ProfileLibrary.load(from: folder)
        Self.expectSame(corrupt, truth)
        // The bad shards were dropped when found, so the next load rebuilds them.
        let healed = ProfileLibrary.load(from: folder)
        #expect(healed.cacheReport?.discarded == "a shard is missing")
        Self.expectSame(healed, truth)
        #expect(ProfileLibrary.load(from: folder).cacheReport?.discarded == nil)
    }

    @Test func aDeletedCacheFolderIsRebuilt() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        _ = ProfileLibrary.load(from: folder)
        try FileManager.default.removeItem(atPath: CacheFolder.path(in: folder))
        let loaded = ProfileLibrary.load(from: folder)
        #expect(loaded.cacheReport?.discarded == "missing")
        #expect(loaded.cacheReport?.wrote == true)
        Self.expectSame(loaded, truth)
        #expect(FileManager.default.fileExists(atPath: CacheFolder.path(in: folder) + "/.gitignore"))
    }

    @Test func aProblemStaysReportedFromTheCacheUntilTheFileIsFixed() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let first = ProfileLibrary.load(from: folder)
        let second = ProfileLibrary.load(from: folder)
        #expect(second.problems == first.problems)
        #expect(second.problems.contains { $0.file.hasSuffix("broken.yaml") && $0.line > 0 })
        #expect(second.problems.contains { $0.message.contains("also used by") })
        try Self.write(Self.profile(id: "broken", name: "Fixed", roles: 1), "broken.yaml", in: folder)
        let fixed = ProfileLibrary.load(from: folder)
        #expect(fixed.profile("broken")?.name == "Fixed")
        #expect(!fixed.problems.contains { $0.file.hasSuffix("broken.yaml") })
    }

    /// A profile from a newer Ladder is a problem that keeps its schema, id and name
    /// through the cache, and hides nothing.
    @Test func aProfileFromANewerLadderIsKeptAsSuchByTheCache() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let yaml = "schema: 99\nid: future\nname: \"Fu\\tture\"\nnew_key: 1\n"
        try SafeFile.writeAtomically(Array(yaml.utf8), to: folder.profilesPath + "/future.yaml")
        let first = ProfileLibrary.load(from: folder)
        let second = ProfileLibrary.load(from: folder)
        #expect(second.cacheReport?.reused ?? 0 > 0)
        for library in [first, second] {
            #expect(library.newerProfiles.map(\.newer) == [NewerSchema(schema: 99, id: "future", name: "Fu\tture")])
            #expect(library.profile("future") == nil)
            #expect(library.profile("alpha-ops") != nil)
        }
        #expect(ProfileLibrary.load(from: folder, cache: false).newerProfiles == first.newerProfiles)
    }

    @Test func anUnwritableCacheStillLoads() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        // A file where the cache folder should be: nothing can be written there.
        try SafeFile.writeAtomically([0x78], to: CacheFolder.path(in: folder))
        let loaded = ProfileLibrary.load(from: folder)
        #expect(loaded.cacheReport?.writeError != nil)
        Self.expectSame(loaded, ProfileLibrary.load(from: folder, cache: false))
    }

    @Test func theIndexTextFormatKeepsAnyText() throws {
        let tricky = ["", "tab\there", "line\nbreak\r\n", "back\\slash\\t", "unit\u{1F}sep", "Ключ 🚀 中文", "\\"]
        var writer = FieldWriter()
        for text in tricky { writer.field(text) }
        writer.list([])
        writer.list([""])
        writer.list(tricky)
        writer.endLine()
        writer.field("")
        writer.field("second")
        writer.endLine()
        var reader = FieldReader(writer.bytes[...])
        let first = reader.line()
        let line = try #require(first)
        #expect(line.count == tricky.count + 3)
        for (index, text) in tricky.enumerated() { #expect(line.string(index) == text) }
        #expect(line.list(tricky.count) == [])
        #expect(line.list(tricky.count + 1) == [""])
        #expect(line.list(tricky.count + 2) == tricky)
        #expect(line.string(99) == nil)
        let next = reader.line()
        let second = try #require(next)
        #expect(second.count == 2)
        #expect(second.string(0) == "")
        #expect(second.string(1) == "second")
        let end = reader.line()
        #expect(end == nil)
    }

    @Test func oddTextInProfilesSurvivesTheIndex() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        var odd = Self.profile(id: "odd", name: "Tab\tand \\ back\u{1F}slash", roles: 2)
        odd.keywords = ["", "a\tb", "Ключ"]
        odd.domain = "line\\nnot a break"
        try Self.write(odd, "odd.yaml", in: folder)
        _ = ProfileLibrary.load(from: folder)
        let cached = ProfileLibrary.load(from: folder)
        #expect(cached.cacheReport?.discarded == nil)
        #expect(cached.summary("odd") == ProfileSummary(odd))
        Self.expectSame(cached, ProfileLibrary.load(from: folder, cache: false))
    }

    @Test func aFolderNamedLikeAProfileIsReportedWithOrWithoutTheCache() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        try SafeFile.makeFolder(folder.profilesPath + "/folder.yaml")
        let truth = ProfileLibrary.load(from: folder, cache: false)
        #expect(truth.problems.contains { $0.file.hasSuffix("folder.yaml") })
        _ = ProfileLibrary.load(from: folder)
        Self.expectSame(ProfileLibrary.load(from: folder), truth)
    }

    @Test func aRecordNamingAFileOutsideTheShardsIsNeverOpened() throws {
        let folder = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        _ = ProfileLibrary.load(from: folder)
        let bytes = try #require(CacheFolder.read(ProfileIndex.fileName, in: folder))
        var index = try #require(ProfileIndex.decode(bytes, folder: folder.profilesPath).0)
        for position in index.entries.indices where index.entries[position].record != nil {
            index.entries[position].record?.shard = "../profiles/alpha-ops.yaml"
        }
        try SafeFile.writeAtomically(try index.encoded(), to: indexPath(folder))
        let loaded = ProfileLibrary.load(from: folder)
        #expect(loaded.cacheReport?.discarded == "a shard is missing")
        Self.expectSame(loaded, ProfileLibrary.load(from: folder, cache: false))
        #expect(FileManager.default.fileExists(atPath: folder.profilesPath + "/alpha-ops.yaml"))
        #expect(ProfileIndex.isShardName("profiles-07-0123456789abcdef.shard"))
        for name in ["profiles-07-0123456789abcdef.shard/../x", "profiles-7-0123456789abcdef.shard", "profiles-0x-0123456789abcdef.shard",
                     "profiles-07-0123456789abcdeg.shard", "profiles-07-0123456789abcde.shard", "profiles-07_0123456789abcdef.shard",
                     "../cache/07-0123456789abcdef.shard", "profiles-07-0123456789abcdef.shar", "profiles-07-0123456789abcdéf.shard"] {
            #expect(!ProfileIndex.isShardName(name), "\(name)")
        }
    }
}
