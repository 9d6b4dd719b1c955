import Foundation
import Testing
@testable import LadderKit

/// The starter profiles: each bundled file is its page's import, under a comment
/// that marks it as a starter to adapt; together they give every seed role a path.
@Suite struct StarterProfileTests {
    static let pagesFolder = ImportFixtures.repoRoot.appendingPathComponent("Profiles/pages")
    static let starterHeader = """
        # Starter profile: a generic example written for Ladder, to adapt to your organisation
        # before you rely on it (copy it to your profiles folder and edit it there).

        """

    static func pages() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: pagesFolder.path)) ?? []).filter { $0.hasSuffix(".page.txt") }.sorted()
    }

    @Test func thereAreAtLeastEightStarterPages() {
        #expect(Self.pages().count >= 8)
    }

    /// `LADDER_RECORD=1 swift test --filter StarterProfileTests` rewrites the bundled files.
    @Test(arguments: pages()) func importingThePageGivesTheBundledProfile(_ page: String) throws {
        let id = String(page.dropLast(".page.txt".count))
        let bytes = try ImportFixtures.bytes(Self.pagesFolder.appendingPathComponent(page).path)
        let profile = try PageImporter.import(bytes: bytes, file: page)
        #expect(profile.id == id, "the page's file name is its profile's id")
        let yaml = Self.starterHeader + (try PageImporter.yaml(for: profile, file: page))
        let path = ImportFixtures.repoRoot.appendingPathComponent("Profiles/\(id).yaml").path
        if ProcessInfo.processInfo.environment["LADDER_RECORD"] == "1" {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        }
        let bundled = String(decoding: try ImportFixtures.bytes(path), as: UTF8.self)
        #expect(bundled == yaml, "Profiles/\(id).yaml differs from the import of Profiles/pages/\(page)")
        #expect(profile.roles.map(\.name) == ImportFixtures.seedRoles)
        #expect(profile.levels == ["Junior", "Middle", "Senior", "Lead", "Principal"])
        for cell in profile.roles.flatMap(\.levels) { #expect((2...4).contains(cell.expectations.count), "\(id) \(cell.level)") }
    }

    @Test func everyStarterIsBundledAndLoads() {
        let library = ProfileLibrary.bundled()
        #expect(library.problems.isEmpty)
        for page in Self.pages() {
            #expect(library.summary(String(page.dropLast(".page.txt".count))) != nil, "\(page) is not in BundledProfiles.swift")
        }
        let catalog = RoleCatalog(library)
        #expect(catalog.roles.map(\.name).sorted() == ImportFixtures.seedRoles)
        #expect(catalog.roles.allSatisfy { $0.skills == library.summaries.count })
    }
}
