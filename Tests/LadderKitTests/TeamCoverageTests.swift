import Testing
@testable import LadderKit

/// Coverage of a role and level across the team: who has each Required expectation ticked.
@Suite struct TeamCoverageTests {
    static let library = ProfileLibrary.bundled()
    static let skill = "serverless-functions"
    static let olga = Reviewer(id: "olga-petrova", name: "Olga Petrova")

    static func senior() throws -> [LadderKit.Expectation] {
        try #require(library.profile(skill)?.role(named: "cloud-engineer")?.level("Senior")?.expectations)
    }

    /// A Middle Cloud Engineer tracking Serverless Functions, with these changes.
    static func person(_ name: String, mentee: Bool = true, _ changes: [Change]) -> PersonSummary {
        var record = PersonRecord(id: PersonID(name: name))
        let all: [Change] = [.person(name: name, mentee: mentee), .role(role: "cloud-engineer", level: "Middle"),
                             .track(skill: skill, role: "cloud-engineer", level: "Middle")] + changes
        for (n, change) in all.enumerated() { record.apply(JournalEvent(change, at: "2026-06-0\(n % 9 + 1)T09:00:00Z")) }
        return PersonSummary(record, journal: Journal())
    }

    /// Ana ticked the first two Senior expectations; Ben the first, confirmed by Olga;
    /// Cleo ticked the third and took it back; Dan, not a mentee, ticked the third.
    static func team() throws -> [PersonSummary] {
        let senior = try senior()
        func tick(_ i: Int) -> Change { .tick(skill: skill, level: "Senior", expectation: senior[i].id, text: senior[i].text) }
        return [
            person("Ana Silva", [tick(0), tick(1)]),
            person("Ben Okafor", [tick(0), .confirm(skill: skill, expectation: senior[0].id, text: senior[0].text, comment: "", by: olga)]),
            person("Cleo Park", [tick(2), .untick(skill: skill, level: "Senior", expectation: senior[2].id, text: senior[2].text)]),
            person("Dan Reyes", mentee: false, [tick(2)]),
        ]
    }

    @Test func countsTicksAndConfirmedTicksApart() throws {
        let everyone = try Self.team()
        let mentees = Team.people(everyone, everyone: false)
        let coverage = try #require(TeamCoverage.make(mentees, library: Self.library, role: "cloud-engineer", level: "senior"))
        #expect(coverage.level == "Senior" && coverage.role.name == "Cloud Engineer" && coverage.people == 3)
        let skill = try #require(coverage.skills.first { $0.skill == Self.skill })
        #expect(skill.expectations.map(\.ticked) == [2, 1, 0])
        #expect(skill.expectations.map(\.confirmed) == [1, 0, 0])
        #expect(skill.expectations[0].holders.map(\.name) == ["Ana Silva", "Ben Okafor"])
        #expect(skill.expectations[1].onlyOne && skill.expectations[1].holders.first?.name == "Ana Silva")
        #expect(skill.expectations[2].nobody, "Cleo took hers back and Dan is not a mentee")
        // Every skill where Senior is Required for a Cloud Engineer, three expectations each.
        #expect(coverage.skills.count == 9 && coverage.items.count == 27)
        #expect(coverage.nobodyCount == 25 && coverage.onlyOneCount == 1)

        let all = try #require(TeamCoverage.make(everyone, library: Self.library, role: "cloud-engineer", level: "Senior"))
        let third = try #require(all.skills.first { $0.skill == Self.skill }?.expectations[2])
        #expect(third.onlyOne && third.holders.map(\.name) == ["Dan Reyes"] && all.people == 4)
    }

    @Test func defaultsToTheTeamsMostCommonRoleAndNextLevel() throws {
        let settings = TeamSettings(environment: [:], now: JournalEvent.date("2026-07-01T00:00:00Z") ?? .distantPast)
        let members = Team.members(try Self.team(), library: Self.library, settings: settings, everyone: true)
        let catalog = RoleCatalog(Self.library)
        let choice = try #require(TeamCoverage.defaultChoice(members, catalog: catalog))
        #expect(choice.role == "cloud-engineer" && choice.level == "Senior")
        let other = try #require(TeamCoverage.defaultChoice([], catalog: catalog, role: "platform-engineer"))
        #expect(other.role == "platform-engineer" && other.level == "Middle", "nobody on that role: the level after the first")
        #expect(TeamCoverage.roleChoices(members, catalog: catalog).first == "cloud-engineer")
        #expect(TeamCoverage.make([], library: Self.library, role: "no-such-role", level: "Senior") == nil)
    }

    @Test func ticksAtOneLevelDoNotCountAtAnother() throws {
        let coverage = try #require(TeamCoverage.make(try Self.team(), library: Self.library, role: "cloud-engineer", level: "Lead"))
        #expect(!coverage.items.isEmpty)
        #expect(coverage.items.allSatisfy { $0.nobody }, "the team's ticks are all Senior expectations")
    }

    /// A Markdown table cell keeps its text whole: pipes and backslashes escaped, line breaks as spaces.
    @Test func markdownCellsEscapeWhatWouldBreakTheTable() {
        #expect(TeamReport.cell("Ana | Silva") == "Ana \\| Silva")
        #expect(TeamReport.cell("C:\\dir\nnext") == "C:\\\\dir next")
        #expect(TeamReport.cell("Zoë Ødegård → Senior") == "Zoë Ødegård → Senior")
    }
}
