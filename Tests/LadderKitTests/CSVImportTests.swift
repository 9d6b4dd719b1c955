import Foundation
import Testing
@testable import LadderKit

/// Profiles as spreadsheets: the CSV layout `ladder export` writes and `ladder
/// import` reads, as spreadsheet programs save it, and what is refused.
@Suite struct CSVImportTests {
    static let goldenPath = ImportFixtures.testsFolder.appendingPathComponent("Fixtures/sheets/serverless-functions.csv").path

    func sheet(_ text: String) throws(PageImportError) -> Profile {
        try CSVImporter.import(bytes: Array(text.utf8), file: "team.csv")
    }

    func failure(_ text: String) -> PageImportError? {
        do { _ = try sheet(text); return nil } catch { return error }
    }

    static let header = "name,Kubernetes\nupdated,2026-01-02\n\nrole,level,required,id,expectation\n"

    @Test func everyBundledProfileRoundTripsInEveryFormat() throws {
        for profile in ProfileLibrary.bundled().profiles {
            let csv = try ProfileExport.text(profile, format: .csv)
            #expect(try CSVImporter.import(bytes: Array(csv.utf8), file: "x.csv") == profile)
            let yaml = try ProfileExport.text(profile, format: .yaml)
            #expect(try ProfileFile.decode(Array(yaml.utf8), file: "x.yaml") == profile)
            let markdown = try ProfileExport.text(profile, format: .markdown)
            for expectation in profile.allExpectations() { #expect(markdown.contains("`\(expectation.expectation.id)`")) }
        }
    }

    /// `LADDER_RECORD=1 swift test --filter CSVImportTests` rewrites the golden file.
    @Test func theBundledProfileGivesTheGoldenCSV() throws {
        let profile = try #require(ProfileLibrary.bundled().profile("serverless-functions"))
        let csv = ProfileExport.csv(profile)
        if ProcessInfo.processInfo.environment["LADDER_RECORD"] == "1" {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: Self.goldenPath))
        }
        #expect(csv == String(decoding: try ImportFixtures.bytes(Self.goldenPath), as: UTF8.self))
        #expect(csv.hasPrefix("name,Serverless Functions\r\nid,serverless-functions\r\nkeywords,AWS Lambda,"))
    }

    @Test func readsWhatSpreadsheetsSave() throws {
        // A BOM, CRLF, `;` as the separator, a quoted line break and quotes, long level names, one role.
        let text = "\u{FEFF}name;Kubernetes\r\nkeywords;k8s;\"pods; nodes\"\r\nupdated;2026-01-02\r\n;;;;\r\n"
            + "Role;Level;Required;ID;Expectation\r\n"
            + "SRE;Senior Engineer 2 (Individual Contributor);Required;;\"Runs clusters. Writes \"\"runbooks\"\".\r\nOn call, too.\"\r\n"
            + "SRE;Staff;yes;abc123;Leads the platform.\r\n;;;;\r\n"
        let profile = try sheet(text)
        #expect(profile.id == "kubernetes")
        #expect(profile.keywords == ["k8s", "pods; nodes"])
        #expect(profile.levels == ["Senior Engineer 2 (Individual Contributor)", "Staff"])
        #expect(profile.roles.map(\.name) == ["SRE"])
        let first = try #require(profile.roles.first?.levels.first)
        #expect(first.required)
        #expect(first.expectations.map(\.text) == ["Runs clusters. Writes \"runbooks\".\nOn call, too."])
        #expect(first.expectations.first?.id == Identifier.expectation(role: "sre", level: first.level, text: first.expectations[0].text))
        #expect(profile.roles.first?.levels.last?.expectations.first?.id == "abc123")
    }

    @Test func requiredAcceptsTheUsualWords() throws {
        for (word, value) in [("true", true), ("TRUE", true), ("yes", true), ("Required", true), ("false", false), ("no", false), ("", false)] {
            let profile = try sheet(Self.header + "SRE,Junior,\(word),,Does it.\n")
            #expect(profile.roles.first?.levels.first?.required == value, "\(word)")
        }
        #expect(failure(Self.header + "SRE,Junior,maybe,,Does it.\n")?.headline == "team.csv:5:12: required must be true or false (also yes/no, Required/empty), not 'maybe'")
    }

    @Test func aSecondImportOfAnEditedSheetKeepsTheIds() throws {
        let profile = try #require(ProfileLibrary.bundled().profile("serverless-functions"))
        var lines = ProfileExport.csv(profile).components(separatedBy: "\r\n")
        let index = try #require(lines.firstIndex { $0.contains("Cloud Engineer,Senior") })
        lines[index] = lines[index].replacingOccurrences(of: ",true,", with: ",true,,").components(separatedBy: ",").prefix(4).joined(separator: ",") + ",A new expectation."
        lines.insert("Cloud Engineer,Senior,true,,Another new one.", at: index + 1)
        let edited = try CSVImporter.import(bytes: Array(lines.joined(separator: "\r\n").utf8), file: "edited.csv")
        let before = Dictionary(uniqueKeysWithValues: profile.allExpectations().map { ($0.expectation.text, $0.expectation.id) })
        var kept = 0
        for item in edited.allExpectations() where before[item.expectation.text] != nil {
            #expect(before[item.expectation.text] == item.expectation.id)
            kept += 1
        }
        #expect(kept == profile.allExpectations().count - 1)
        let again = try CSVImporter.import(bytes: Array(lines.joined(separator: "\r\n").utf8), file: "edited.csv")
        #expect(again == edited)
    }

    @Test func formulasAreProtectedAndReadBack() throws {
        #expect(CSVFormula.protect("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        for text in ["=1+1", "+x", "-x", "@x", "'=x", "''x", "'x", "plain"] {
            #expect(CSVFormula.unprotect(CSVFormula.protect(text)) == text)
        }
        #expect(ProfileExport.csvField("a, \"b\"") == "\"a, \"\"b\"\"\"")
    }

    @Test func problemsPointAtTheField() {
        #expect(failure("name,X\nupdated,2026-01-02\nrole,level,required,expectation,notes\n")?.headline
                == "team.csv:3:33: unknown column 'notes'; the columns are: role, level, required, id, expectation, resources")
        #expect(failure("name,X\nupdated,3/17/26\nrole,level,required,expectation\n")?.headline
                == "team.csv:2:9: updated must be a date like 2026-03-17, not '3/17/26'")
        #expect(failure(Self.header + "SRE,Junior,true,,\"never closed\n")?.headline == "team.csv:5:18: a quoted field is never closed")
        #expect(failure(Self.header + "SRE,Junior,true,,Does it.\nSRE,Junior,false,,Also.\n")?.line == 6)
        #expect(failure(Self.header + "SRE,Junior,true,abc,One.\nSRE,Junior,true,abc,Two.\n")?.headline
                == "team.csv:6:17: the id 'abc' is also used on line 5; ids must be unique in a profile")
        #expect(failure(Self.header + "SRE,Junior,true,,One.\nOps,Senior,true,,Two.\n")?.message.hasPrefix("SRE has no row for the level 'Senior'") == true)
        #expect(failure("role,level,required,expectation\n")?.message.hasPrefix("the sheet has no name") == true)
        #expect(failure("name,X\n")?.message.hasPrefix("no column header row") == true)
        #expect(failure(Self.header + "SRE,Junior,true,,\"x\"y\n")?.message == "text after the closing quote of a field")
        #expect(throws: PageImportError(file: "x.csv", line: 1, column: 6, message: "the file is not UTF-8 text",
                                        hint: "save the sheet as \"CSV UTF-8\" (in LibreOffice: character set Unicode (UTF-8))")) {
            try CSVImporter.import(bytes: Array("name,".utf8) + [0xE9] + Array("t\n".utf8), file: "x.csv")
        }
    }

    @Test func hostileSheetsAreRefusedByTheirCaps() {
        let rows = Self.header + String(repeating: "SRE,Junior,true,,x\n", count: CSVReader.maxRows)
        #expect(failure(rows)?.message.hasPrefix("the sheet has more than \(CSVReader.maxRows) rows") == true)
        let wide = Self.header + String(repeating: ",", count: CSVReader.maxFields + 1) + "\n"
        #expect(failure(wide)?.message.hasPrefix("a row has more than \(CSVReader.maxFields) fields") == true)
        let long = Self.header + "SRE,Junior,true,,\"" + String(repeating: "x", count: CSVReader.maxFieldBytes + 1) + "\"\n"
        #expect(failure(long)?.message.hasPrefix("a field of more than") == true)
        let quotes = String(repeating: "\"", count: 1 << 20)
        #expect(failure(quotes) != nil)
    }
}
