import CellGrid
import Foundation
import Testing
@testable import LadderKit
@testable import LadderTUI

/// Keys in, state and effects out: the UI's behaviour without a terminal.
@Suite struct UpdateTests {
    @Test func firstRunAsksRoleThenLevelAndOpensThePath() throws {
        let app = Fixture.app(PersonRecord(id: .me))
        #expect(app.state.screen == .pickPathRole)
        Fixture.type("Down Enter", into: app)
        #expect(app.state.screen == .pickPathLevel(role: "cloud-engineer"))
        Fixture.type("j Enter", into: app)
        #expect(app.state.screen == .path)
        #expect(app.state.back == [])
        #expect(try app.store.journal(for: .me).events.map(\.change) == [.role(role: "cloud-engineer", level: "Middle")])
        #expect(app.state.record.role == "cloud-engineer" && app.state.record.level == "Middle")
        Fixture.type("T", into: app)
        let tracked = app.state.record.trackedSkills
        #expect(tracked.count == app.state.library.summaries.count)
        #expect(tracked.allSatisfy { $0.role == "cloud-engineer" && $0.level == "Middle" })
        Fixture.type("u", into: app)
        #expect(app.state.record.trackedSkills.isEmpty, "undo takes back tracking them all")
        Fixture.type("u", into: app)
        #expect(app.state.record.role == nil, "undo takes back the role")
    }

    @Test func firstRunCanStillPickOneSkillThenRoleThenLevel() throws {
        let app = Fixture.app(PersonRecord(id: .me))
        Fixture.type("a / serverless Enter", into: app)
        #expect(app.state.screen == .browser)
        Fixture.type("Enter", into: app)
        #expect(app.state.screen == .pickRole(skill: "serverless-functions"))
        Fixture.type("Down Enter", into: app)
        #expect(app.state.screen == .pickLevel(skill: "serverless-functions", role: "cloud-engineer"))
        Fixture.type("j Enter", into: app)
        #expect(app.state.screen == .skill("serverless-functions"))
        #expect(app.state.back == [.dashboard])
        #expect(app.state.notice?.text == "Tracking Serverless Functions as Cloud Engineer, level Middle.  (u undoes)")
        let events = try app.store.journal(for: .me).events
        #expect(events.map(\.change) == [.track(skill: "serverless-functions", role: "cloud-engineer", level: "Middle")])
        #expect(app.state.record.skills["serverless-functions"]?.level == "Middle")
    }

    @Test func aSaveThatFailsChangesNothingAndSaysWhy() throws {
        let app = Fixture.app()
        let before = app.state.record
        // The journal's folder becomes a file: the append cannot happen.
        let people = app.folder + "/people"
        try FileManager.default.removeItem(atPath: people)
        #expect(FileManager.default.createFile(atPath: people, contents: Data()))
        Fixture.type("Enter Down Space", into: app)
        #expect(app.state.notice?.isError == true)
        #expect(app.state.notice?.text.hasPrefix("Not saved: ") == true)
        #expect(app.state.record == before, "the state changes only once the disk has the change")
        #expect(app.state.undo.isEmpty)
    }

    @Test func spaceTicksTheSelectedExpectationAndProgressRises() throws {
        let app = Fixture.type("Enter", into: Fixture.app())
        #expect(app.state.standing("serverless-functions")?.next?.done == 1)
        Fixture.type("Down Space", into: app)
        let standing = try #require(app.state.standing("serverless-functions"))
        #expect(standing.next?.done == 2)
        #expect(app.state.notice?.text == "Ticked. Senior: 2 of 3 · 66%  (u undoes)")
        #expect(app.screen(100, 30).text.contains("2 of 3 · 66%"))
        Fixture.type("Space", into: app)
        #expect(app.state.standing("serverless-functions")?.next?.done == 1)
    }

    @Test func completingTheLevelOffersTheStepUpAndRecordsItWhenConfirmed() throws {
        let app = Fixture.type("Enter Down Space Down Space", into: Fixture.app())
        #expect(app.state.notice?.text == "Every Senior expectation is ticked. Press s to record your step up.  (u undoes)")
        Fixture.type("s", into: app)
        #expect(app.state.prompt?.label.contains("from Middle to Senior") == true)
        Fixture.type("n", into: app)
        #expect(app.state.record.skills["serverless-functions"]?.level == "Middle")
        Fixture.type("s y", into: app)
        let skill = try #require(app.state.record.skills["serverless-functions"])
        #expect(skill.level == "Senior")
        #expect(skill.steps.count == 1)
        #expect(app.state.standing("serverless-functions")?.nextLevel == "Lead")
    }

    @Test func stepUpBeforeTheLevelIsCompleteExplainsWhy() {
        let app = Fixture.type("Enter s", into: Fixture.app())
        #expect(app.state.prompt == nil)
        #expect(app.state.notice?.text == "Tick every Senior expectation first: 2 of 3 open.")
    }

    @Test func aNoteIsTypedAndSaved() throws {
        let app = Fixture.type("Enter Down n Owns C-u the Space FinOps Space dashboard Enter", into: Fixture.app())
        let id = Fixture.senior()[1].id
        #expect(app.state.record.skills["serverless-functions"]?.notes[id]?.text == "the FinOps dashboard")
        #expect(app.state.notice?.text == "Evidence added.  (u undoes)")
    }

    @Test func searchFiltersTheBrowserAndEscClearsIt() {
        let app = Fixture.type("a / zzz", into: Fixture.app())
        #expect(app.state.browser.query == "zzz")
        #expect(BrowserScreen.matches(app.state).isEmpty)
        #expect(app.screen(100, 30).text.contains("Nothing matches"))
        Fixture.type("Escape", into: app)
        #expect(app.state.browser.query.isEmpty)
        Fixture.type("/ lambda Enter", into: app)
        #expect(BrowserScreen.matches(app.state).map(\.id) == ["serverless-functions"])
    }

    /// A profile's row too long for the width ends in an ellipsis (at 80 columns the
    /// tail was cut to "5 l").
    @Test func aBrowserRowTooLongForTheWidthEndsInAnEllipsis() {
        let app = Fixture.type("a", into: Fixture.app())
        for width in [40, 60, 80] {
            let rows = app.screen(width, 14).lines.filter { $0.contains("Cloud & Infr") }
            #expect(rows.count == 9)
            for row in rows {
                let detail = row.hasSuffix("  tracked") ? String(row.dropLast("  tracked".count)) : row
                #expect(detail.hasSuffix("…") || detail.hasSuffix(" levels"), "\(width): \(row)")
            }
        }
    }

    /// The progress column's title is whole at every width: the long one where it fits,
    /// "PROGRESS" where it does not (it was cut to "PROGRESS TO NE" beside long names).
    @Test func theDashboardsProgressTitleIsNeverCut() {
        let app = Fixture.app()
        var long = 0
        for width in 40...140 {
            let header = app.screen(width, 20).lines.first { $0.contains("SKILL") } ?? ""
            let trimmed = header.trimmingCharacters(in: .whitespaces)
            #expect(trimmed.hasSuffix("  PROGRESS") || trimmed.hasSuffix("PROGRESS TO NEXT LEVEL"), "\(width): \(header)")
            if trimmed.hasSuffix("PROGRESS TO NEXT LEVEL") { long += 1 }
        }
        #expect(long > 0)
    }

    /// Where no bar fits, the count is shortened, not cut: "1/4 25%", then "25%".
    @Test func aNarrowDashboardShowsTheWholePercentage() {
        let app = Fixture.app()
        for width in 40...60 { // 40: the narrowest Ladder draws
            let rows = app.screen(width, 20).lines.filter { $0.hasPrefix("›") }
            #expect(!rows.isEmpty, "\(width)")
            for row in rows { #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix("%"), "\(width): \(row)") }
        }
    }

    @Test func escGoesBackAndQQuits() {
        let app = Fixture.type("Enter", into: Fixture.app())
        #expect(app.state.screen == .skill("serverless-functions"))
        Fixture.type("Escape", into: app)
        #expect(app.state.screen == .dashboard)
        #expect(!app.state.finished)
        Fixture.type("q", into: app)
        #expect(app.state.finished)
        #expect(Fixture.type("C-c", into: Fixture.app()).state.finished)
    }

    @Test func helpOpensOnQuestionMarkAndAnyKeyClosesIt() {
        let app = Fixture.type("?", into: Fixture.app())
        #expect(app.state.showingHelp)
        #expect(app.screen(100, 30).text.contains("not a promotion guarantee"))
        Fixture.type("Down", into: app)
        #expect(!app.state.showingHelp)
        #expect(!app.state.finished)
    }

    @Test func aClickSelectsTheRowUnderIt() throws {
        let app = Fixture.type("Enter", into: Fixture.app())
        let row = try #require(app.state.clickRows.first { $0.value == 2 }?.key)
        #expect(app.screen(100, 30).lines[row].contains(Fixture.senior()[2].text.prefix(20)))
        app.handle(.click(x: 5, y: row))
        #expect(app.state.skill.list.selection == 2)
    }

    @Test func theStatusLineAlwaysShowsHelpAndQuit() {
        for keys in ["", "Enter", "a", "?", "Enter n", "P"] {
            let text = Fixture.type(keys, into: Fixture.app()).screen(80, 24).lines.last ?? ""
            if keys == "Enter n" {
                #expect(text.contains("Enter save") && text.contains("Esc cancel"), "\(keys): \(text)")
            } else {
                #expect(text.contains("q quit"), "\(keys): \(text)")
            }
        }
    }

    @Test func unicodeTextKeepsItsColumns() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.put("日本語|Жж🙂|", x: 0, y: 0)
        #expect(canvas.text == "日本語|Жж🙂|")
        #expect(canvas[6, 0].text == "|")
        #expect(canvas[9, 0].text == "🙂")
        #expect(canvas[10, 0] == .continuation)
        #expect(canvas[11, 0].text == "|")
        var narrow = Canvas(width: 5, height: 1)
        narrow.put("日本語", x: 0, y: 0)
        #expect(narrow.text == "日本", "a wide character never straddles the edge")
    }

    @Test func hostileTextIsShownNotExecuted() {
        var canvas = Canvas(width: 40, height: 1)
        canvas.put("a\u{1B}]0;pwned\u{07}b\u{9B}c\u{202E}d\r", x: 0, y: 0)
        #expect(canvas.text == "a^[]0;pwned^Gb<9B>cd⏎")
    }
}
