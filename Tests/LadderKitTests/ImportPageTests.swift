import Foundation
import Testing
@testable import LadderKit

/// A skill page in the seed page's format, written by a test.
struct TestPage {
    struct Row {
        var name: String
        /// One per level: whether Required, and the description.
        var cells: [(required: Bool, text: String)]
    }

    var name = "Edge Functions"
    var keywords: String? = "Workers, Deno Deploy, edge runtimes"
    var domain = "Cloud & Infrastructure"
    var group = "Edge"
    var rows: [Row]
    var first = "Junior"
    var last = "Principal"
    var updated = "3/17/2026"
    var community = true
    /// Counts the page states; nil: the true ones.
    var roleCount: Int?
    var levelCount: Int?
    var mandatory: Int?
    var optional: Int?

    static let verbs = ["Understands", "Configures", "Designs", "Defines", "Shapes", "Leads", "Evaluates", "Mentors"]
    static let roleNames = ["Cloud Engineer", "Platform Engineer", "Site Reliability Engineer", "Data Engineer",
                            "Security Engineer", "Backend Developer", "Solutions Architect", "QA Automation Engineer"]

    /// `roles` × `levels` cells; `required(role, level)` says which are Required.
    static func standard(roles: Int, levels: Int, required: (Int, Int) -> Bool = { r, l in (r + l) % 3 != 0 }) -> TestPage {
        TestPage(rows: (0..<roles).map { r in
            Row(name: roleNames[r % roleNames.count] + (r >= roleNames.count ? " \(r)" : ""),
                cells: (0..<levels).map { l in
                    (required(r, l), "\(verbs[l % verbs.count]) edge workload \(r + 1) at step \(l + 1). Keeps latency under 0.5 s, e.g. for APIs. Reviews the \(r + 1)-\(l + 1) plan.")
                })
        })
    }

    var text: String {
        let levels = rows.first?.cells.count ?? 0
        let required = rows.reduce(0) { $0 + $1.cells.count(where: \.required) }
        let cells = rows.count * levels
        var lines = ["Skill Profile", "", name, ""]
        if let keywords { lines += [keywords, ""] }
        lines += ["\(domain) \(group)", "", "Roles", "", "\(roleCount ?? rows.count)", "", "where this skill appears", "",
                  "Levels", "", "\(levelCount ?? levels)", "", "structured growth path", "",
                  "Mandatory requirements", "", "\(mandatory ?? required)", "", "the other \(optional ?? (cells - required)) optional", "",
                  "Domain", "", domain, "", "Group", "", group, "", "Last updated", "", updated, "",
                  "How to Use", "", "Choose your current level and compare expectations. The items below show what to cover to advance to the next level.", "",
                  "What is Expected at Each Level", "",
                  "The table shows how skill depth grows from \(first) to \(last). Click a row to see details.", ""]
        for level in 0..<levels {
            lines.append("Role Required Description")
            for row in rows {
                let cell = row.cells[level]
                lines.append("\(row.name)\(cell.required ? " Required" : "") \(cell.text)")
            }
        }
        if community { lines += ["", "Community", "", "👁 Watch ✏️ Suggest Change Sign in to suggest changes", "📋 Proposals", "Loading comments..."] }
        return lines.joined(separator: "\n") + "\n"
    }

    func importing(levels: [String]? = nil, roles: [String] = []) throws(PageImportError) -> Profile {
        let profile = try PageImporter.import(text: text, file: "page.txt", levels: levels, roles: roles)
        _ = try PageImporter.yaml(for: profile, file: "page.txt")
        return profile
    }

    /// The error the import reports, or nil when it succeeds.
    func error(levels: [String]? = nil, roles: [String] = []) -> PageImportError? {
        do {
            _ = try importing(levels: levels, roles: roles)
            return nil
        } catch {
            return error
        }
    }

    /// Line number of the first line with this text.
    func line(of prefix: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }
}

/// Checks a profile against the page it came from: names, flags and descriptions.
func expectMatches(_ profile: Profile, _ page: TestPage, levels: [String]) {
    #expect(profile.levels == levels)
    #expect(profile.roles.map(\.name) == page.rows.map(\.name))
    for (role, row) in zip(profile.roles, page.rows) {
        #expect(role.levels.map(\.required) == row.cells.map(\.required))
        #expect(role.levels.map(\.description) == row.cells.map(\.text))
    }
}

@Suite struct ImportPageTests {
    @Test(arguments: 1...8)
    func roleCounts(_ roles: Int) throws {
        let page = TestPage.standard(roles: roles, levels: 5)
        let profile = try page.importing()
        expectMatches(profile, page, levels: LevelNames.standardFive)
        #expect(profile.id == "edge-functions")
        #expect(profile.keywords == ["Workers", "Deno Deploy", "edge runtimes"])
        #expect(profile.group == "Edge")
        #expect(profile.roles.allSatisfy { $0.levels.allSatisfy { $0.expectations.count == 3 } })
    }

    @Test(arguments: 3...7)
    func levelCountsWithLevelsOption(_ levels: Int) throws {
        let names = ["Trainee", "Junior", "Middle", "Senior", "Staff", "Principal", "Fellow"]
        let chosen = [names[0]] + names[1..<(levels - 1)] + [names[6]]
        var page = TestPage.standard(roles: 3, levels: levels)
        page.first = "Trainee"
        page.last = "Fellow"
        let profile = try page.importing(levels: chosen)
        expectMatches(profile, page, levels: chosen)
        // Without --levels the page's names are not enough.
        let error = try #require(page.error())
        #expect(error.description.contains("the page names only its first and last levels ('Trainee' and 'Fellow') of \(levels)"))
        #expect(error.description.contains("--levels \"Trainee,…,Fellow\" with \(levels) names"))
    }

    @Test func fiveLevelsFromJuniorToPrincipalNeedNoOption() throws {
        let page = TestPage.standard(roles: 2, levels: 5)
        #expect(try page.importing().levels == ["Junior", "Middle", "Senior", "Lead", "Principal"])
        // --levels may rename the middle ones.
        let custom = ["Junior", "Intermediate", "Senior", "Staff", "Principal"]
        #expect(try page.importing(levels: custom).levels == custom)
    }

    @Test func twoLevelsAreNamedByThePage() throws {
        var page = TestPage.standard(roles: 2, levels: 2)
        page.first = "Practitioner"
        page.last = "Expert"
        #expect(try page.importing().levels == ["Practitioner", "Expert"])
    }

    @Test func levelsOptionMustAgreeWithThePage() throws {
        let page = TestPage.standard(roles: 2, levels: 5)
        let levelsLine = page.line(of: "Levels") + 2
        #expect(page.error(levels: ["Junior", "Senior", "Principal"])?.description
                == "page.txt:\(levelsLine): --levels names 3 levels, but the page says Levels 5\n  pass exactly 5 names, lowest first: --levels \"Junior,…,Principal\" with 5 names")
        let rangeLine = page.line(of: "The table shows")
        #expect(page.error(levels: ["Intern", "Middle", "Senior", "Lead", "Principal"])?.description
                == "page.txt:\(rangeLine): --levels goes from 'Intern' to 'Principal', but the page goes from 'Junior' to 'Principal'\n  start --levels with the page's first level and end it with its last")
        #expect(page.error(levels: ["Junior", "Senior", "Senior", "Lead", "Principal"])?.headline
                == "page.txt: --levels names 'Senior' twice")
        #expect(page.error(levels: LevelNames.split("Junior,,Senior,Lead,Principal"))?.headline.hasPrefix("page.txt: --levels has an empty name (#2)") == true)
        #expect(LevelNames.split(" Junior , Middle,Senior ") == ["Junior", "Middle", "Senior"])
    }

    @Test func fourLevelsWithoutOptionIsAClearError() throws {
        let page = TestPage.standard(roles: 2, levels: 4)
        let error = try #require(page.error())
        #expect(error.line == page.line(of: "The table shows"))
        #expect(error.message == "the page names only its first and last levels ('Junior' and 'Principal') of 4 (line \(page.line(of: "Levels") + 2))")
        #expect(try page.importing(levels: ["Junior", "Middle", "Senior", "Principal"]).levels.count == 4)
    }

    @Test func unicodeRolesAndText() throws {
        let bytes = try ImportFixtures.page("unicode.page.txt")
        let profile = try PageImporter.import(bytes: bytes, file: "unicode.page.txt", levels: ["Стажёр", "Мидл", "Эксперт"])
        _ = try PageImporter.yaml(for: profile, file: "unicode.page.txt")
        #expect(profile.name == "Бессерверные функции 🚀")
        #expect(profile.id == "бессерверные-функции")
        #expect(profile.roles.map(\.name) == ["Облачный инженер", "数据工程师", "Platform Engineer 🚀", "Инженер данных"])
        #expect(profile.roles.map(\.id) == ["облачный-инженер", "数据工程师", "platform-engineer", "инженер-данных"])
        #expect(profile.roles.map { $0.levels.map(\.required) } == [
            [true, true, true], [false, false, false], [false, true, true], [true, true, true],
        ])
        #expect(profile.levels == ["Стажёр", "Мидл", "Эксперт"])
        #expect(profile.roles[1].levels[0].expectations.map(\.text) == ["理解无服务器函数的基本概念。", "部署简单函数。"])
        #expect(profile.roles[2].levels[1].expectations.map(\.text) == ["Ships 🚀 weekly, e.g. on Fridays.", "Tracks 📈 costs in 99.9% of runs."])
        #expect(profile.roles[0].levels[0].expectations.map(\.text) == ["Понимает основы бессерверных функций.", "Развёртывает функции, напр. AWS Lambda, через CLI."])
    }

    @Test func sentenceTrapsStayInOneExpectation() throws {
        var page = TestPage.standard(roles: 2, levels: 5)
        page.rows[0].cells[2].text = "Compares Lambda vs. Fargate, e.g. for batch jobs. Writes handlers in Node.js, i.e. TypeScript. Keeps p99 under 0.5 s and uptime at 99.9%."
        let profile = try page.importing()
        #expect(profile.roles[0].levels[2].expectations.map(\.text) == [
            "Compares Lambda vs. Fargate, e.g. for batch jobs.",
            "Writes handlers in Node.js, i.e. TypeScript.",
            "Keeps p99 under 0.5 s and uptime at 99.9%.",
        ])
    }

    @Test func roleNeverRequiredIsNamedByItsRows() throws {
        let page = TestPage.standard(roles: 4, levels: 5) { r, _ in r != 2 }
        let profile = try page.importing()
        expectMatches(profile, page, levels: LevelNames.standardFive)
        #expect(profile.roles[2].name == "Site Reliability Engineer")
        #expect(profile.roles[2].levels.allSatisfy { !$0.required })
    }

    @Test func everyRoleNeverRequired() throws {
        let page = TestPage.standard(roles: 3, levels: 4) { _, _ in false }
        let profile = try page.importing(levels: ["Junior", "Middle", "Senior", "Principal"])
        expectMatches(profile, page, levels: ["Junior", "Middle", "Senior", "Principal"])
    }

    /// A role never Required whose descriptions all start with the same words:
    /// the page does not say whether those words are part of the name.
    @Test func sharedFirstWordsNeedRoleOption() throws {
        var page = TestPage.standard(roles: 3, levels: 5) { r, _ in r != 1 }
        for level in 0..<5 { page.rows[1].cells[level].text = "Designs the \(["api", "queue", "cache", "mesh", "edge"][level]) layer. Ships it." }
        let row = page.line(of: "Platform Engineer Designs the api layer.")
        let error = try #require(page.error())
        #expect(error.description == """
            page.txt:\(row): cannot tell where the role name ends in row 2 ('Platform Engineer Designs the api layer. Ships …'): \
            the role is never Required and its descriptions share their first words (one would start with 'api'); \
            the name could be 'Platform', 'Platform Engineer', 'Platform Engineer Designs' or 'Platform Engineer Designs the'
              pass the exact name with --role "Exact Name" (repeat it: one for every role in row order, or only the unclear ones)
            """)
        // Named alone, matched by the start of the row…
        let profile = try page.importing(roles: ["Platform Engineer"])
        expectMatches(profile, page, levels: LevelNames.standardFive)
        // …or all roles in row order; any case.
        #expect(try page.importing(roles: ["cloud engineer", "Platform Engineer", "Site Reliability Engineer"]) == profile)
    }

    /// Descriptions that would start with a number show shared words too.
    @Test func sharedWordsBeforeNumbersNeedRoleOption() throws {
        var page = TestPage.standard(roles: 3, levels: 5) { r, _ in r != 1 }
        for level in 0..<5 { page.rows[1].cells[level].text = "Designs platform piece \(level + 1). Ships it." }
        let error = try #require(page.error())
        #expect(error.message.hasSuffix("(one would start with '1.'); the name could be 'Platform', 'Platform Engineer', 'Platform Engineer Designs', 'Platform Engineer Designs platform' or 'Platform Engineer Designs platform piece'"))
        expectMatches(try page.importing(roles: ["Platform Engineer"]), page, levels: LevelNames.standardFive)
    }

    /// Two rows unclear: both named at once, each matched to its row.
    @Test func twoUnclearRows() throws {
        var page = TestPage.standard(roles: 4, levels: 5) { r, _ in r % 2 == 0 }
        for level in 0..<5 {
            page.rows[1].cells[level].text = "Builds the \(["api", "queue", "cache", "mesh", "edge"][level]) layer."
            page.rows[3].cells[level].text = "Runs the \(["api", "queue", "cache", "mesh", "edge"][level]) layer."
        }
        let error = try #require(page.error())
        #expect(error.line == page.line(of: "Platform Engineer Builds the api"))
        #expect(error.hint?.hasSuffix("or only the unclear ones; the row at line \(page.line(of: "Data Engineer Runs the api")) is unclear too)") == true)
        expectMatches(try page.importing(roles: ["Data Engineer", "Platform Engineer"]), page, levels: LevelNames.standardFive)
    }

    /// The same, where the shared words end in a capitalised word: caught by the
    /// word starting descriptions elsewhere on the page.
    @Test func sharedCapitalisedWordsNeedRoleOption() throws {
        var page = TestPage.standard(roles: 3, levels: 5) { r, _ in r != 1 }
        for level in 0..<5 { page.rows[1].cells[level].text = "Designs \(["AWS", "GCP", "Azure", "Yandex", "Knative"][level]) pieces. Ships them." }
        let error = try #require(page.error())
        #expect(error.message.contains("the role is never Required and 'Designs', the last word its rows share, starts descriptions elsewhere on the page"))
        #expect(error.message.hasSuffix("the name could be 'Platform', 'Platform Engineer' or 'Platform Engineer Designs'"))
        expectMatches(try page.importing(roles: ["Platform Engineer"]), page, levels: LevelNames.standardFive)
    }

    /// Required at every level: the word Required ends the name even when every
    /// description starts with the same words.
    @Test func alwaysRequiredWithSharedWordsIsDecided() throws {
        var page = TestPage.standard(roles: 2, levels: 5) { _, _ in true }
        for level in 0..<5 { page.rows[0].cells[level].text = "Designs serverless piece \(level + 1)." }
        expectMatches(try page.importing(), page, levels: LevelNames.standardFive)
    }

    /// Required at some levels: the shared words are cut where Required appears.
    @Test func mixedRequiredWithSharedWordsIsDecided() throws {
        var page = TestPage.standard(roles: 2, levels: 5) { _, l in l >= 2 }
        for level in 0..<5 { page.rows[1].cells[level].text = "Designs serverless piece \(level + 1)." }
        expectMatches(try page.importing(), page, levels: LevelNames.standardFive)
    }

    @Test func roleOptionErrors() throws {
        var page = TestPage.standard(roles: 3, levels: 5) { r, _ in r != 1 }
        for level in 0..<5 { page.rows[1].cells[level].text = "Designs platform piece \(level + 1)." }
        #expect(page.error(roles: ["Data Engineer"])?.description == """
            page.txt: --role 'Data Engineer' does not start any remaining row of the table
              the rows start: 'Cloud Engineer Required Understands' (line \(page.line(of: "Cloud Engineer Required Understands"))), \
            'Platform Engineer Designs platform' (line \(page.line(of: "Platform Engineer Designs platform piece 1"))), \
            'Site Reliability Engineer Required' (line \(page.line(of: "Site Reliability Engineer Required Understands")))
            """)
        #expect(page.error(roles: ["Cloud"])?.description == """
            page.txt:\(page.line(of: "Cloud Engineer Required Understands")): --role 'Cloud' matches row 1, which the page names 'Cloud Engineer'
              to rename roles the page decides, give every role's name with --role, in row order
            """)
        #expect(page.error(roles: ["A", "B", "C", "D"])?.headline == "page.txt: --role is given 4 times, but the table has 3 roles")
        #expect(page.error(roles: [" "])?.headline.hasPrefix("page.txt: --role #1 is empty") == true)
        // Every name in row order overrides the page, and is still held to its counts.
        #expect(page.error(roles: ["Cloud", "Platform Engineer", "Site Reliability Engineer"])?.headline
                == "page.txt:\(page.line(of: "10")): the page says Mandatory requirements 10, but its table marks 5 of 15 cells Required")
    }

    @Test func repeatedSentencesGetDistinctIDs() throws {
        var page = TestPage.standard(roles: 2, levels: 5)
        page.rows[0].cells[0].text = "Writes tests. Writes tests. Writes tests."
        let profile = try page.importing()
        let ids = profile.roles[0].levels[0].expectations.map(\.id)
        #expect(Set(ids).count == 3)
        #expect(ids[0] == Identifier.expectation(role: "cloud-engineer", level: "Junior", text: "Writes tests."))
        // Deterministic: the same page gives the same ids.
        #expect(try page.importing() == profile)
    }

    @Test func pageWithoutKeywordsOrSkillProfileHeading() throws {
        var page = TestPage.standard(roles: 2, levels: 5)
        page.keywords = nil
        let text = page.text.replacingOccurrences(of: "Skill Profile\n", with: "")
        let profile = try PageImporter.import(text: text, file: "page.txt")
        #expect(profile.keywords == [])
        #expect(profile.name == "Edge Functions")
    }

    @Test func isoAndLeapDates() throws {
        var page = TestPage.standard(roles: 1, levels: 5)
        page.updated = "2/29/2024"
        #expect(try page.importing().updated == "2024-02-29")
        page.updated = "2026-01-05"
        #expect(try page.importing().updated == "2026-01-05")
        page.updated = "12/1/2025"
        #expect(try page.importing().updated == "2025-12-01")
    }
}
