import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// Where the importer's test files are: the seed page, the bundled profile, and
/// fixture pages, all found from this file's path.
enum ImportFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repoRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let seedPagePath = TestSupport.seedPage.path
    static let bundledProfilePath = repoRoot.appendingPathComponent("Profiles/serverless-functions.yaml").path
    static let seedRoles = ["AI Product Engineer", "Cloud Engineer", "Infrastructure Engineer", "Platform Engineer"]

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return [UInt8](data)
    }

    static func seedBytes() throws -> [UInt8] { try bytes(seedPagePath) }
    static func seedText() throws -> String { String(decoding: try seedBytes(), as: UTF8.self) }

    /// A page from `Fixtures/pages/`.
    static func page(_ name: String) throws -> [UInt8] {
        try bytes(testsFolder.appendingPathComponent("Fixtures/pages/\(name)").path)
    }
}

/// Serialized: with LADDER_RECORD=1 the first test rewrites the file the others read.
@Suite(.serialized) struct ImportSeedTests {
    /// The bundled profile is exactly what the importer makes of the seed page.
    /// `LADDER_RECORD=1 swift test --filter ImportSeedTests` rewrites it.
    @Test func seedPageGivesTheBundledProfile() throws {
        let profile = try PageImporter.import(bytes: ImportFixtures.seedBytes(), file: "serverless-functions.page.txt")
        let yaml = try PageImporter.yaml(for: profile, file: "serverless-functions.page.txt")
        if ProcessInfo.processInfo.environment["LADDER_RECORD"] == "1" {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: ImportFixtures.bundledProfilePath))
        }
        let bundled = String(decoding: try ImportFixtures.bytes(ImportFixtures.bundledProfilePath), as: UTF8.self)
        #expect(bundled == yaml, "Profiles/serverless-functions.yaml differs from the import of the seed page; re-record with LADDER_RECORD=1 if the change is intended")
    }

    @Test func bundledProfileHasThePagesShape() throws {
        let profile = try ProfileFile.decode(ImportFixtures.bytes(ImportFixtures.bundledProfilePath), file: "serverless-functions.yaml")
        #expect(profile.schema == 1)
        #expect(profile.id == "serverless-functions")
        #expect(profile.name == "Serverless Functions")
        #expect(profile.keywords == ["AWS Lambda", "Cloud Functions", "Yandex Cloud Functions", "cold starts", "event triggers"])
        #expect(profile.domain == "Cloud & Infrastructure")
        #expect(profile.group == "Serverless")
        #expect(profile.updated == "2026-03-17")
        #expect(profile.levels == ["Junior", "Middle", "Senior", "Lead", "Principal"])
        #expect(profile.roles.map(\.name) == ImportFixtures.seedRoles)
        #expect(profile.roles.map(\.id) == ["ai-product-engineer", "cloud-engineer", "infrastructure-engineer", "platform-engineer"])
        let cells = profile.roles.flatMap(\.levels)
        #expect(cells.count == 20)
        #expect(cells.count(where: \.required) == 16)
        let required = profile.roles.map { $0.levels.map(\.required) }
        #expect(required == [
            [false, false, true, true, true],
            [true, true, true, true, true],
            [false, false, true, true, true],
            [true, true, true, true, true],
        ])
        let ids = profile.allExpectations().map(\.expectation.id)
        #expect(Set(ids).count == ids.count)
    }

    /// Each cell's expectations, joined by a space, are the page's description.
    @Test func bundledExpectationsJoinToThePagesDescriptions() throws {
        let profile = try ProfileFile.decode(ImportFixtures.bytes(ImportFixtures.bundledProfilePath), file: "serverless-functions.yaml")
        let lines = try ImportFixtures.seedText().split(separator: "\n").map(String.init)
        var block = -1
        var row = 0
        var compared = 0
        for line in lines {
            if line == "Role Required Description" { block += 1; row = 0; continue }
            guard block >= 0, let name = ImportFixtures.seedRoles.first(where: { line.hasPrefix($0 + " ") }) else { continue }
            var rest = String(line.dropFirst(name.count + 1))
            let required = rest.hasPrefix("Required ")
            if required { rest = String(rest.dropFirst("Required ".count)) }
            let cell = profile.roles[row].levels[block]
            #expect(profile.roles[row].name == name)
            #expect(cell.required == required)
            #expect(cell.expectations.map(\.text).joined(separator: " ") == rest)
            #expect(cell.description == rest)
            row += 1
            compared += 1
        }
        #expect(compared == 20)
    }

    /// The same page with Windows line ends, trailing spaces, extra blank lines and
    /// no Community section gives the same profile.
    @Test func formattingVariantsGiveTheSameProfile() throws {
        let text = try ImportFixtures.seedText()
        let original = try PageImporter.import(text: text, file: "seed")
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let trailing = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "  \t" }.joined(separator: "\n")
        let blanks = text.replacingOccurrences(of: "\n", with: "\n\n\n")
        let noCommunity = String(text[..<text.range(of: "\nCommunity")!.lowerBound])
        let bom = "\u{FEFF}" + crlf
        for variant in [crlf, trailing, blanks, noCommunity, noCommunity + "\n\n", bom] {
            #expect(try PageImporter.import(bytes: Array(variant.utf8), file: "seed") == original)
        }
    }

    @Test func summaryShowsTheTable() throws {
        let profile = try PageImporter.import(bytes: ImportFixtures.seedBytes(), file: "seed")
        let summary = ImportSummary.render(profile, source: "page.txt", destination: "/data/profiles/serverless-functions.yaml")
        #expect(summary == """
            Imported Serverless Functions (serverless-functions) from page.txt
              Cloud & Infrastructure · Serverless · updated 2026-03-17
              4 roles, 5 levels (Junior → Principal); 16 Required and 4 optional of 20 cells; 62 expectations

              Expectations per cell (* Required):
              Junior Middle Senior Lead Principal  Role
                  3      3      3*   4*        4*  AI Product Engineer
                  3*     3*     3*   3*        3*  Cloud Engineer
                  3      3      3*   3*        2*  Infrastructure Engineer
                  4*     3*     3*   3*        3*  Platform Engineer

            Wrote /data/profiles/serverless-functions.yaml
            """)
    }
}
