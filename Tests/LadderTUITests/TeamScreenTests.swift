import CellGrid
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The team screen, driven through the app: Olga's mentees in known states.
@Suite struct TeamScreenTests {
    static let skill = "serverless-functions"

    /// Olga's folder with four mentees and one colleague who is not a mentee:
    /// Ana (stale Required evidence), a long-named mentee unreviewed for 61 days,
    /// another long-named one whose answer waits for Olga, and Dan (nothing to raise).
    static func app(unicode: Bool = true) throws -> TestApp {
        let app = Fixture.app(Fixture.record(), unicode: unicode, owner: "Olga Petrova")
        let senior = Fixture.senior()
        func events(_ name: String, mentee: Bool = true, role: String? = "Middle", _ rest: [(Change, String)]) throws {
            var all = [JournalEvent(.person(name: name, mentee: mentee), at: "2025-11-01T09:00:00Z")]
            if let role { all.append(JournalEvent(.role(role: "cloud-engineer", level: role), at: "2025-11-01T09:00:01Z")) }
            all += rest.map { JournalEvent($0.0, at: $0.1) }
            try app.store.append(all, for: PersonID(name: name))
        }
        let track = Change.track(skill: skill, role: "cloud-engineer", level: "Middle")
        func tick(_ index: Int) -> Change { .tick(skill: skill, level: "Senior", expectation: senior[index].id, text: senior[index].text) }
        try events("Ana Silva", [(track, "2025-11-01T09:00:02Z"), (tick(0), "2025-11-02T09:00:00Z"), (tick(1), "2026-06-20T09:00:00Z"),
                                 (.reviewStart(by: "olga-petrova"), "2026-06-25T09:00:00Z"), (.reviewEnd(by: "olga-petrova"), "2026-06-25T10:00:00Z")])
        try events("Bartholomew Montgomery-Featherstonehaugh", role: "Senior",
                   [(.reviewStart(by: "olga-petrova"), "2026-05-01T09:00:00Z"), (.reviewEnd(by: "olga-petrova"), "2026-05-01T10:00:00Z")])
        try events("Chidimma Oyelaran-Abernathy Wolfeschlegelsteinhausen", [
            (track, "2026-06-01T09:00:00Z"), (tick(0), "2026-06-02T09:00:00Z"),
            (.reviewStart(by: "olga-petrova"), "2026-06-20T09:00:00Z"),
            (.question(skill: skill, expectation: senior[0].id, text: senior[0].text, comment: "Which service?", by: "olga-petrova"), "2026-06-20T09:10:00Z"),
            (.reviewEnd(by: "olga-petrova"), "2026-06-20T10:00:00Z"),
            (.answer(skill: skill, expectation: senior[0].id, answer: "The billing API"), "2026-06-21T09:00:00Z")])
        try events("Dan Reyes", [(.reviewStart(by: "olga-petrova"), "2026-06-28T09:00:00Z"), (.reviewEnd(by: "olga-petrova"), "2026-06-28T10:00:00Z")])
        try events("Finn Colleague", mentee: false, role: nil, [])
        return app
    }


    @Test func everyMenteeAndWhoNeedsAOneOnOne() throws {
        let app = Fixture.type("T", into: try Self.app())
        #expect(app.state.screen == .team)
        let members = app.state.team.members
        #expect(members.map(\.name).sorted() == ["Ana Silva", "Bartholomew Montgomery-Featherstonehaugh",
                                                  "Chidimma Oyelaran-Abernathy Wolfeschlegelsteinhausen", "Dan Reyes"])
        let reasons = Dictionary(uniqueKeysWithValues: members.map { ($0.name, $0.attention.map(\.kind)) })
        #expect(reasons["Ana Silva"] == [.staleRequired])
        #expect(reasons["Bartholomew Montgomery-Featherstonehaugh"] == [.noReview])
        #expect(reasons["Chidimma Oyelaran-Abernathy Wolfeschlegelsteinhausen"] == [.answersWaiting])
        #expect(reasons["Dan Reyes"] == [])
        // Each golden twice: the text (all a terminal without colour shows) and its colours.
        expectSnapshot(app.screen(80, 24), "team-80x24")
        expectColourSnapshot(app.screen(80, 24), "team-80x24")
        expectSnapshot(app.screen(200, 50), "team-200x50")
        expectColourSnapshot(app.screen(200, 50), "team-200x50")
        let small = app.screen(40, 10).text
        #expect(small.contains("Ana Silva: stale evidence on 1"), "the selected person's reasons show when all do not fit")
    }

    @Test func orderFilterEveryoneAndEnterOpensThePerson() throws {
        let app = Fixture.type("T", into: try Self.app())
        #expect(TeamScreen.shown(app.state).last?.name == "Dan Reyes", "those who need a 1:1 come first")
        Fixture.type("o", into: app)
        #expect(TeamScreen.shown(app.state).map(\.name).first == "Ana Silva")
        Fixture.type("/ chid Enter", into: app)
        #expect(TeamScreen.shown(app.state).map(\.name) == ["Chidimma Oyelaran-Abernathy Wolfeschlegelsteinhausen"])
        Fixture.type("Escape A", into: app)
        #expect(app.state.team.members.count == 6, "everyone: the owner and the colleague too")
        Fixture.type("A / dan Enter Enter", into: app)
        #expect(app.state.person == PersonID(name: "Dan Reyes"))
        #expect(app.state.screen != .team)
    }

    @Test func onThePathTTracksSoPeopleThenTOpensTheTeam() throws {
        var record = Fixture.record()
        record.apply(JournalEvent(.role(role: "cloud-engineer", level: "Middle"), at: "2026-05-01T09:00:01Z"))
        let app = Fixture.app(record, owner: "Olga Petrova")
        #expect(app.state.screen == .path)
        Fixture.type("P T", into: app)
        #expect(app.state.screen == .team)
    }
}

/// The team screen's people × skills matrix (`m`).
@Suite struct TeamMatrixTests {
    @Test func eachCellIsTheSkillTowardTheNextLevelWithoutColour() throws {
        let app = Fixture.type("T m", into: try TeamScreenTests.app())
        #expect(app.state.team.matrix)
        let ana = try #require(app.state.team.members.first { $0.name == "Ana Silva" })
        let team = app.state.team
        #expect(TeamMatrix.cell(team, ana, TeamScreenTests.skill, unicode: true) == "6", "2 of 3 Senior expectations: six tenths")
        #expect(TeamMatrix.cell(team, ana, "observability", unicode: true) == "·")
        #expect(TeamMatrix.cell(team, ana, "observability", unicode: false) == ".")
        #expect(TeamMatrix.cell(team, ana, "no-such-skill", unicode: true) == "", "a skill not of her role is blank")
        expectSnapshot(app.screen(80, 24), "team-matrix-80x24")
        expectColourSnapshot(app.screen(80, 24), "team-matrix-80x24")
        expectSnapshot(app.screen(200, 50), "team-matrix-200x50")
        expectColourSnapshot(app.screen(200, 50), "team-matrix-200x50")
        Fixture.type("m", into: app)
        #expect(!app.state.team.matrix)
        let fromCoverage = Fixture.type("T c m", into: try TeamScreenTests.app())
        #expect(fromCoverage.state.team.matrix && !TeamMatrix.skills(fromCoverage.state).isEmpty,
                "m from coverage shows the matrix with its columns")
    }

    /// At 40 columns the skills scroll sideways with → and ←; the names and the heading row stay.
    @Test func theSkillsScrollSidewaysAndTheNamesStay() throws {
        let app = Fixture.type("T m", into: try TeamScreenTests.app())
        let all = TeamMatrix.skills(app.state)
        let first = app.screen(40, 14)
        #expect(first.text.contains("Skills 1-"), "\(first.text)")
        let heading = try #require(first.lines.first { $0.contains("NAME") })
        #expect(heading.contains(all[0].short), "\(first.text)")
        Fixture.type("Right", into: app)
        let moved = app.screen(40, 14)
        let next = try #require(moved.lines.first { $0.contains("NAME") })
        #expect(!next.contains(" " + all[0].short + " ") && next.contains(all[1].short), "\(moved.text)")
        #expect(moved.text.contains("Ana Silva"), "the names stay")
        #expect(app.state.screen == .team, "→ scrolls the matrix rather than opening a person")
        for _ in 0..<all.count { Fixture.type("Right", into: app) }
        #expect(app.state.notice?.text == "That is the last skill.")
        for _ in 0..<(all.count + 1) { Fixture.type("Left", into: app) }
        #expect(app.state.team.matrixSkill == 0)
        #expect(app.state.screen != .team, "← at the first skill goes back, as on the table")
    }
}

/// The team screen's coverage (`c`): who on the team has each Required expectation.
@Suite struct TeamCoverageScreenTests {
    @Test func coverageOfTheTeamsRoleAndNextLevel() throws {
        let app = Fixture.type("T c", into: try TeamScreenTests.app())
        let coverage = try #require(app.state.team.coverage)
        #expect(coverage.role.id == "cloud-engineer" && coverage.level == "Senior", "most of the team is Middle → Senior")
        let skill = try #require(coverage.skills.first { $0.skill == TeamScreenTests.skill })
        #expect(skill.expectations.map(\.ticked) == [2, 1, 0])
        expectSnapshot(app.screen(80, 24), "team-coverage-80x24")
        expectColourSnapshot(app.screen(80, 24), "team-coverage-80x24")
        expectSnapshot(app.screen(200, 50), "team-coverage-200x50")
        expectColourSnapshot(app.screen(200, 50), "team-coverage-200x50")
        _ = app.screen(80, 24)
        Fixture.type("G", into: app)
        let end = app.screen(80, 24).text
        #expect(end.contains("only Ana Silva, not confirmed yet"))
        #expect(end.contains("✗ 0/4  Introduces best practices"))
        Fixture.type("c", into: app)
        #expect(!app.state.team.showingCoverage)
    }

    @Test func readableAt40x10AndScrollsToTheEnd() throws {
        let app = Fixture.type("T c", into: try TeamScreenTests.app())
        let first = app.screen(40, 10).text
        expectSnapshot(app.screen(40, 10), "team-coverage-40x10")
        #expect(first.contains("Coverage: Cloud Engineer, Senior"))
        #expect(first.contains("✗ nobody yet: 25, ! only one: 1"))
        #expect(first.contains("↓ more"))
        Fixture.type("G", into: app)
        let lines = app.screen(40, 10).lines
        #expect(lines.contains { $0.contains("security hardening.") }, "the last expectation's text is read to its end")
        #expect(!lines.contains { $0.contains("↓ more") })
    }

    @Test func roleAndLevelAreChosenWithRAndAngleBrackets() throws {
        let app = Fixture.type("T c >", into: try TeamScreenTests.app())
        #expect(app.state.team.coverage?.level == "Lead")
        Fixture.type("< <", into: app)
        #expect(app.state.team.coverage?.level == "Middle")
        Fixture.type("r", into: app)
        #expect(app.state.team.coverageRole != "cloud-engineer")
        #expect(app.state.team.coverage?.role.id == app.state.team.coverageRole)
        Fixture.type("R", into: app)
        #expect(app.state.team.coverageRole == "cloud-engineer")
    }

    @Test func withoutUnicodeTheMarksAreASCII() throws {
        let app = Fixture.type("T c", into: try TeamScreenTests.app(unicode: false))
        _ = app.screen(80, 24)
        Fixture.type("G", into: app)
        expectSnapshot(app.screen(80, 24), "team-coverage-ascii-80x24")
    }
}
