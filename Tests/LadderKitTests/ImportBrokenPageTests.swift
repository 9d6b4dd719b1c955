import Foundation
import Testing
@testable import LadderKit

/// Pages that must be refused, each with the message the user sees.
///
/// Most are the seed page with one thing changed. Seed lines: 11 Roles value,
/// 17 Levels value, 23 Mandatory value, 25 "the other 4 optional", 29 Domain value,
/// 33 Group value, 37 date, 45 "from Junior to Principal", 47/52/57/62/67 the
/// level blocks' `Role Required Description`, 48–51 the first block's rows.
@Suite struct ImportBrokenPageTests {
    static func seedLines() throws -> [String] {
        try ImportFixtures.seedText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The seed page with 1-based lines replaced (same numbering after).
    static func seed(_ changes: [Int: String]) throws -> String {
        var lines = try seedLines()
        for (number, text) in changes { lines[number - 1] = text }
        return lines.joined(separator: "\n")
    }

    static func error(_ text: String, levels: [String]? = nil, roles: [String] = []) -> String? {
        error(Array(text.utf8), levels: levels, roles: roles)
    }

    static func error(_ bytes: [UInt8], levels: [String]? = nil, roles: [String] = []) -> String? {
        do {
            let profile = try PageImporter.import(bytes: bytes, file: "seed", levels: levels, roles: roles)
            _ = try PageImporter.yaml(for: profile, file: "seed")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theSeedItselfImports() throws {
        #expect(Self.error(try Self.seed([:])) == nil)
    }

    @Test func missingLevelBlock() throws {
        var lines = try Self.seedLines()
        lines.removeSubrange(61..<66) // block 4: lines 62–66
        #expect(Self.error(lines.joined(separator: "\n")) == """
            seed:17: the page says Levels 5, but its table has 4 level blocks (a 'Role Required Description' line starts each: lines 47, 52, 57, 62)
              copy the whole page, with every level's block of rows
            """)
    }

    @Test func missingBlockHeaderLine() throws {
        #expect(Self.error(try Self.seed([52: ""])) == """
            seed:17: the page says Levels 5, but its table has 4 level blocks (a 'Role Required Description' line starts each: lines 47, 57, 62, 67)
              copy the whole page, with every level's block of rows
            """)
    }

    @Test func wrongLevelCount() throws {
        #expect(Self.error(try Self.seed([17: "6"]))?.hasPrefix("seed:17: the page says Levels 6, but its table has 5 level blocks") == true)
    }

    @Test func wrongRoleCount() throws {
        #expect(Self.error(try Self.seed([11: "5"])) == """
            seed:47: level block 1 of 5 has 4 rows, but the page says Roles 5 (line 11)
              a row may be missing from this block, or a row may be broken over two lines
            """)
        #expect(Self.error(try Self.seed([11: "four"])) == "seed:11: expected the number of roles, found 'four'")
        #expect(Self.error(try Self.seed([11: "0"])) == "seed:11: the page says 0 roles; Ladder reads 1 to 100")
    }

    @Test func duplicatedRow() throws {
        var lines = try Self.seedLines()
        lines.insert(lines[53], at: 54) // row 2 of block 2 twice
        #expect(Self.error(lines.joined(separator: "\n")) == """
            seed:52: level block 2 of 5 has 5 rows, but the page says Roles 4 (line 11)
              a row may be repeated, or a 'Role Required Description' line may be missing after line 52
            """)
    }

    @Test func missingRow() throws {
        #expect(Self.error(try Self.seed([59: ""]))?.hasPrefix("seed:57: level block 3 of 5 has 3 rows, but the page says Roles 4 (line 11)") == true)
    }

    @Test func wrongMandatoryCount() throws {
        #expect(Self.error(try Self.seed([23: "15"])) == """
            seed:23: the page says Mandatory requirements 15, but its table marks 16 of 20 cells Required
              check the table's rows for a missing or extra 'Required' after a role's name
            """)
        // A Required dropped from a row is caught the same way.
        let lines = try Self.seedLines()
        let dropped = lines[48].replacingOccurrences(of: "Cloud Engineer Required ", with: "Cloud Engineer ")
        #expect(Self.error(try Self.seed([49: dropped]))?.hasPrefix("seed:23: the page says Mandatory requirements 16, but its table marks 15 of 20 cells Required") == true)
    }

    @Test func wrongOptionalCount() throws {
        #expect(Self.error(try Self.seed([25: "the other 5 optional"])) == "seed:25: the page says the other 5 optional, but its table has 4 of 20 cells not Required")
        #expect(Self.error(try Self.seed([25: "the rest optional"])) == "seed:25: expected 'the other N optional' after the number of mandatory requirements, found 'the rest optional'")
    }

    @Test func badDates() throws {
        for date in ["2/30/2026", "13/1/2026", "3/17/26", "17.03.2026", "yesterday", "2/29/2025"] {
            #expect(Self.error(try Self.seed([37: date])) == "seed:37: 'Last updated' should be a date like 3/17/2026 (month/day/year); found '\(date)'")
        }
    }

    @Test func domainAndGroupMustMatchTheLineUnderTheName() throws {
        #expect(Self.error(try Self.seed([33: "Functions"])) == "seed:7: expected the domain and group 'Cloud & Infrastructure Functions' (lines 29 and 33), found 'Cloud & Infrastructure Serverless'")
    }

    @Test func missingSkillName() throws {
        #expect(Self.error(try Self.seed([3: ""])) == "seed:5: 'AWS Lambda, Cloud Functions, Yandex Cloud Funct…' looks like the keywords line; the skill's name is missing above it")
    }

    @Test func missingLabel() throws {
        #expect(Self.error(try Self.seed([27: ""])) == """
            seed:21: the page has no 'Domain' line after 'Mandatory requirements' (line 21) above its table
              the page's header must list Roles, Levels, Mandatory requirements, Domain, Group and Last updated, each followed by its value
            """)
        #expect(Self.error(try Self.seed([23: ""])) == "seed:25: expected the number of mandatory requirements, found 'the other 4 optional'")
    }

    @Test func rowsOutOfOrder() throws {
        let lines = try Self.seedLines()
        #expect(Self.error(try Self.seed([48: lines[48], 49: lines[47]])) == """
            seed:53: row 1 of each level block should start with the same role name, but line 48 reads 'Cloud Engineer Required Underst…' and line 53 reads 'AI Product Engineer Independent…'
              every level block must list the same roles in the same order, one a line
            """)
        // Two roles sharing a first word, swapped in one block.
        var page = TestPage.standard(roles: 2, levels: 5) { _, _ in true }
        page.rows[1].name = "Cloud Architect"
        var text = page.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = text.firstIndex { $0.hasPrefix("Cloud Engineer Required Understands") }!
        text.swapAt(first, first + 1)
        let message = Self.error(text.joined(separator: "\n"))
        #expect(message?.contains("row 1 of each level block should start with the same role name") == true)
    }

    @Test func truncatedInTheMiddleOfARow() throws {
        let text = try ImportFixtures.seedText()
        let cut = String(text[..<text.range(of: "to avoid vendor")!.lowerBound])
        #expect(Self.error(cut) == """
            seed:71: the page ends in the middle of a row ('able serverless strategy (Knative, WASI)'): it looks cut short
              copy the whole page, down to its 'Community' section, and import that
            """)
        // Cut in the middle of a character.
        let bytes = Array(text.utf8)
        let dash = bytes.firstIndex(of: 0xE2)! // the em dash on line 69
        #expect(Self.error(Array(bytes[..<(dash + 1)])) == """
            seed:69: the file is not UTF-8 text (is it binary, or cut short in the middle of a character?)
              pass the page's text saved as UTF-8
            """)
    }

    /// Cut anywhere before the end of its last row, the page is refused, except
    /// right after a sentence of the last row: that cannot be told from a page
    /// whose last description is shorter (the cut-off sentences are then lost).
    @Test func truncatedAtEveryLine() throws {
        let bytes = try ImportFixtures.seedBytes()
        let text = try ImportFixtures.seedText()
        let lastRowStart = Array(text.utf8).count - Array(text[text.range(of: "Platform Engineer Required Shapes vision")!.lowerBound...].utf8).count
        let tableEnd = lastRowStart + Array("Platform Engineer Required Shapes vision".utf8).count
        var offsets = Array(stride(from: 0, to: tableEnd, by: 7))
        offsets += bytes.indices.filter { bytes[$0] == 0x0A && $0 < lastRowStart }
        for offset in offsets {
            let message = Self.error(Array(bytes[..<offset]))
            #expect(message != nil, "a page cut at byte \(offset) was imported")
        }
    }

    @Test func html() throws {
        #expect(Self.error(try ImportFixtures.page("html.page.html")) == """
            seed:1: this is HTML, not the text of a skill page
              open the page in a browser, select all, copy, and save the text (not the page source) to a file
            """)
    }

    @Test func emptyAndBlank() throws {
        let expected = """
            seed: the file is empty; expected the text of a skill page
              open the skill page in a browser, select all, copy, and save the text to a file
            """
        #expect(Self.error([UInt8]()) == expected)
        #expect(Self.error("  \n\n\t\r\n") == expected)
        #expect(Self.error([0xEF, 0xBB, 0xBF]) == expected)
    }

    @Test func binary() throws {
        #expect(Self.error([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]) == "seed:1: the file contains NUL bytes: it is a binary file, not the text of a skill page")
        #expect(Self.error([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF]) == """
            seed:1: the file is not UTF-8 text (is it binary, or cut short in the middle of a character?)
              pass the page's text saved as UTF-8
            """)
        #expect(Self.error([0xFF, 0xFE, 0x53, 0x00]) == """
            seed: the file is UTF-16 text; Ladder reads UTF-8
              save the page's text as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 PAGE > page.txt)
            """)
        #expect(Self.error([UInt8](repeating: 0x41, count: (1 << 20) + 1))?.hasPrefix("seed: the file is 1048577 bytes") == true)
    }

    @Test func notASkillPage() throws {
        let expected = """
            seed:1: this is not the text of a skill page: it has no 'Skill Profile' heading and no 'Role Required Description' table
              ladder import reads a skill page's text: open the page in a browser, select all, copy, and save the text to a file
            """
        #expect(Self.error("# Notes\n\nBuy milk. Call Bob.\n") == expected)
        #expect(Self.error("schema: 1\nid: serverless-functions\nname: Serverless Functions\n") == expected)
        // A skill page without its table.
        let text = try ImportFixtures.seedText()
        let noTable = String(text[..<text.range(of: "Role Required Description")!.lowerBound])
        #expect(Self.error(noTable) == """
            seed: the page has no table of expectations: no 'Role Required Description' line
              copy the whole page, including the table that shows each level's rows, and import that
            """)
    }

    @Test func controlCharactersAreRefusedAndNeverEchoed() throws {
        let lines = try Self.seedLines()
        let hostile = lines[48].replacingOccurrences(of: "Deploys", with: "\u{1B}]0;owned\u{07}Deploys")
        let message = try #require(Self.error(try Self.seed([49: hostile])))
        #expect(message.hasPrefix("seed:49: the line contains the control character U+001B; the text of a skill page has none"))
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // A hostile file name is neutralised too.
        let named = PageImportError(file: "a\u{1B}[2Jb", line: 3, message: "x")
        #expect(named.description == "a^[[2Jb:3: x")
    }

    @Test func longQuotesAreCut() throws {
        let long = String(repeating: "x", count: 5_000)
        let message = try #require(Self.error(try Self.seed([11: long])))
        #expect(message.count < 200)
    }
}
