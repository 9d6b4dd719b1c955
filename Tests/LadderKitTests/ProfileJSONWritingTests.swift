import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The shard JSON written by hand, and the index the builder makes with the quick
/// read: the same bytes as `JSONEncoder` with sorted keys, the same entries as the
/// full read gives, and the same files at every build.
@Suite struct ProfileJSONWritingTests {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    func expectSameAsEncoder(_ profile: Profile, _ label: String) throws {
        let written = ProfileJSON.bytes(of: profile)
        #expect(written == Array(try Self.encoder.encode(profile)), "\(label)")
        #expect(ProfileJSON.decode(written) == profile, "\(label)")
    }

    @Test func theBundledAndGeneratedProfilesAreWrittenAsJSONEncoderWritesThem() throws {
        for profile in ProfileLibrary.bundled().profiles { try expectSameAsEncoder(profile, profile.id) }
        var random = SeededRandom(seed: 7)
        for index in 0..<50 { try expectSameAsEncoder(ProfileQuickReadTests.awkwardProfile(index, &random), "generated \(index)") }
    }

    /// A profile whose every text holds every ASCII character, some awkward others
    /// (C1 controls, line and paragraph separators, a BOM, a bidi override, non-BMP)
    /// and quotes, backslashes and slashes.
    static var everyCharacterProfile: Profile {
        var text = ""
        for value in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        text += "\u{85}\u{9B}\u{2028}\u{2029}\u{FEFF}\u{202E}é漢👩‍💻/\\\"'"
        return Profile(id: "x", name: text, keywords: [text, ""], domain: "", group: "/", updated: text, levels: [text],
                       roles: [Role(id: text, name: "", levels: [RoleLevel(level: text, required: false, expectations: [
                           Expectation(id: "e", text: text, resources: [Resource(title: text, url: text)]),
                       ])])], resources: [])
    }

    @Test func everyControlCharacterQuoteAndBackslashIsEscapedAsJSONEncoderDoes() throws {
        try expectSameAsEncoder(Self.everyCharacterProfile, "every character")
    }

    /// A folder of generated profiles, one broken and one from a newer Ladder, with
    /// their files' times in the past.
    static func makeFolder() throws -> (DataFolder, [String: String]) {
        let folder = DataFolder(path: try TestSupport.makeTempFolder("ladder-quick-index"))
        try folder.prepare()
        var texts: [String: String] = [:]
        var random = SeededRandom(seed: 11)
        for index in 0..<40 {
            texts["g\(index).yaml"] = try ProfileFile.encode(ProfileQuickReadTests.awkwardProfile(index, &random))
        }
        texts["broken.yaml"] = "id: broken\nname: [unclosed\n"
        texts["newer.yaml"] = "schema: 9\nid: later\nname: Later\n"
        for (file, text) in texts { try SafeFile.writeAtomically(Array(text.utf8), to: folder.profilesPath + "/" + file) }
        return (folder, texts)
    }

    func index(of folder: DataFolder) throws -> ProfileIndex {
        let bytes = try #require(CacheFolder.read(ProfileIndex.fileName, in: folder))
        return try #require(ProfileIndex.decode(bytes, folder: folder.profilesPath).0)
    }

    func shardBytes(_ record: ProfileIndex.Record, in folder: DataFolder) throws -> [UInt8] {
        let shard = try #require(try SafeFile.contents(of: CacheFolder.path(in: folder) + "/" + record.shard))
        return Array(shard[record.offset..<(record.offset + record.length)])
    }

    @Test func theIndexHoldsWhatTheFullReadGives() throws {
        let (folder, texts) = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        _ = ProfileLibrary.load(from: folder)
        let index = try index(of: folder)
        let sources = index.entries.filter { !$0.isBundled }
        #expect(Set(sources.map(\.source)) == Set(texts.keys))
        for entry in sources {
            let text = try #require(texts[entry.source])
            let path = folder.profilesPath + "/" + entry.source
            do {
                let profile = try ProfileFile.decodeFully(text, file: path)
                #expect(entry.summary?.read() == ProfileSummary(profile), "\(entry.source)")
                let record = try #require(entry.record, "\(entry.source)")
                #expect(try shardBytes(record, in: folder) == ProfileJSON.bytes(of: profile), "\(entry.source)")
            } catch {
                #expect(entry.problem?.problem == error as? FileProblem, "\(entry.source)")
                #expect(entry.summary == nil)
            }
        }
        let refused = Set(sources.filter { $0.problem != nil }.map(\.source))
        #expect(refused.isSuperset(of: ["broken.yaml", "newer.yaml"]) && refused.count < 10, "\(sources.compactMap { $0.problem?.message })")
    }

    /// Two cold builds of the same folder write the same shards and the same index
    /// (but for which entries are racy, which depends on the clock).
    @Test func aColdBuildWritesTheSameCacheEveryTime() throws {
        let (folder, _) = try Self.makeFolder()
        defer { TestSupport.removeFolder(folder.path) }
        func build() throws -> (entries: [ProfileIndex.Entry], shards: [String: [UInt8]]) {
            TestSupport.removeFolder(CacheFolder.path(in: folder))
            _ = ProfileLibrary.load(from: folder)
            var entries = try index(of: folder).entries
            for index in entries.indices { entries[index].racy = nil }
            var shards: [String: [UInt8]] = [:]
            for name in SafeFile.entryNames(in: CacheFolder.path(in: folder)) where name.hasSuffix(".shard") {
                shards[name] = try SafeFile.contents(of: CacheFolder.path(in: folder) + "/" + name)
            }
            return (entries, shards)
        }
        let first = try build()
        let second = try build()
        #expect(!first.shards.isEmpty)
        #expect(first.entries == second.entries)
        #expect(first.shards == second.shards)
    }
}
