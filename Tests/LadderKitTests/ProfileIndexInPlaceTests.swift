import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// A start where nothing changed reads the index's lines in place, decoding no
/// entry; any change at all is left to the builder. Indexes here are built as if
/// ten seconds later (`now`), so no entry is too fresh to trust by its stamp (a
/// fresh one is checked by content, which the builder does).
@Suite struct ProfileIndexInPlaceTests {
    static func later() -> Int64 { FileStamp.now() + 10_000_000_000 }

    static func load(_ folder: DataFolder, now: Int64) -> ProfileLibrary {
        ProfileLibrary.load(from: folder, cache: true, now: now)
    }

    @Test func anUnchangedIndexIsReadInPlaceWithTheAnswersOfParsing() throws {
        let folder = try ProfileCacheTests.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        let now = Self.later()
        let built = Self.load(folder, now: now)
        #expect(built.cacheReport?.unchanged == false)
        #expect(built.cacheReport?.wrote == true)
        let inPlace = Self.load(folder, now: now)
        #expect(inPlace.cacheReport?.unchanged == true)
        #expect(inPlace.cacheReport?.parsed == 0)
        #expect(inPlace.cacheReport?.wrote == false)
        // Two problems: the broken file, and the second file with alpha-ops's id.
        #expect(inPlace.problems.count == 2)
        #expect(inPlace.profile("serverless-functions")?.name == "Our Serverless")
        #expect(inPlace.summary("Beta Design")?.id == "beta-design")
        ProfileCacheTests.expectSame(inPlace, truth)
    }

    /// Files that are no profile change nothing; a temp file left by a writer that is
    /// gone is swept as the folder is listed.
    @Test func aFileThatIsNoProfileChangesNothing() throws {
        let folder = try ProfileCacheTests.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let now = Self.later()
        _ = Self.load(folder, now: now)
        try SafeFile.writeAtomically(Array("notes".utf8), to: folder.profilesPath + "/notes.txt")
        try SafeFile.writeAtomically(Array("id: hidden\n".utf8), to: folder.profilesPath + "/.hidden.yaml")
        // Named for this process, which is not writing it: left by a crash.
        let temp = folder.profilesPath + "/\(SafeFile.tempPrefix)\(getpid())-1-x.yaml"
        try SafeFile.writeAtomically(Array("id: half".utf8), to: temp)
        #expect(Self.load(folder, now: now).cacheReport?.unchanged == true)
        #expect(access(temp, F_OK) != 0)
        #expect(access(folder.profilesPath + "/.hidden.yaml", F_OK) == 0)
    }

    /// Each change, made after an index was built: the next load is the builder's,
    /// answers as parsing does, and the load after it reads the new index in place
    /// (except while a folder is named like a profile: it is looked at every time).
    @Test(arguments: ["edited", "added", "removed", "renamed", "shard removed", "folder put in", "too fresh"])
    func anyChangeIsLeftToTheBuilder(change: String) throws {
        let folder = try ProfileCacheTests.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let now = Self.later()
        _ = change == "too fresh" ? ProfileLibrary.load(from: folder) : Self.load(folder, now: now)
        let profiles = folder.profilesPath
        switch change {
        case "edited":
            try ProfileCacheTests.write(ProfileCacheTests.profile(id: "beta-design", name: "Beta Renamed", roles: 2),
                                        "beta-design.yaml", in: folder)
        case "added":
            try ProfileCacheTests.write(ProfileCacheTests.profile(id: "gamma", name: "Gamma", roles: 1), "gamma.yaml", in: folder)
        case "removed":
            #expect(unlink(profiles + "/alpha-ops.yaml") == 0)
        case "renamed":
            #expect(rename(profiles + "/beta-design.yaml", profiles + "/b.yml") == 0)
        case "shard removed":
            let cache = CacheFolder.path(in: folder)
            let shard = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix(".shard") })
            #expect(unlink(cache + "/" + shard) == 0)
        case "folder put in":
            #expect(mkdir(profiles + "/folder.yaml", 0o700) == 0)
        default:
            break // built with the real clock: every entry is too fresh to trust by its stamp
        }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        let changed = Self.load(folder, now: now)
        #expect(changed.cacheReport?.unchanged == false)
        ProfileCacheTests.expectSame(changed, truth)
        let next = Self.load(folder, now: now)
        #expect(next.cacheReport?.unchanged == (change != "folder put in"))
        ProfileCacheTests.expectSame(next, truth)
    }

    /// Lines not read in place, though the index's checksum holds: a source with an
    /// escape (a file name with a tab, left to the builder to read), a line marked too
    /// fresh to trust by its stamp.
    @Test(arguments: [("\tbeta-design.yaml\t", "\tbeta\\tdesign.yaml\t"),
                      ("\t\tbeta-design\tBeta Design\t", "\t1\tbeta-design\tBeta Design\t")])
    func aForgedLineIsLeftToTheBuilder(found: String, forged: String) throws {
        let folder = try ProfileCacheTests.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        let truth = ProfileLibrary.load(from: folder, cache: false)
        let now = Self.later()
        _ = Self.load(folder, now: now)
        let path = CacheFolder.path(in: folder) + "/" + ProfileIndex.fileName
        let bytes = try #require(CacheFolder.read(ProfileIndex.fileName, in: folder))
        let newline = try #require(bytes.firstIndex(of: 0x0A))
        let body = String(decoding: bytes[(newline + 1)...], as: UTF8.self)
        #expect(body.contains(found))
        let edited = body.replacingOccurrences(of: found, with: forged)
        try SafeFile.writeAtomically(CacheEnvelope.wrap(kind: ProfileIndex.kind, format: ProfileIndex.format, body: Array(edited.utf8)),
                                     to: path)
        let loaded = Self.load(folder, now: now)
        #expect(loaded.cacheReport?.unchanged == false)
        ProfileCacheTests.expectSame(loaded, truth)
    }
}
