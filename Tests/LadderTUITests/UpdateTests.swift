import CellGrid
import Testing
@testable import LadderKit
@testable import LadderTUI

/// Keys in, state and effects out: the UI's behaviour without a terminal.
@Suite struct UpdateTests {
    @Test func firstRunWalksFromSkillToRoleToLevelAndTracks() throws {
        var state = Fixture.state(PersonRecord(id: .me))
        #expect(state.screen == .browser)
        state = update(state, .key(.enter)).0
        #expect(state.screen == .pickRole(skill: "serverless-functions"))
        state = update(state, .key(.down)).0
        state = update(state, .key(.enter)).0
        #expect(state.screen == .pickLevel(skill: "serverless-functions", role: "cloud-engineer"))
        state = update(state, .key(.character("j"))).0
        let (after, effects) = update(state, .key(.enter))
        guard case .save(let events, _, let open) = try #require(effects.first) else {
            Issue.record("expected a save effect, got \(effects)")
            return
        }
        #expect(events.map(\.kind) == ["track"])
        #expect(events.first?.role == "cloud-engineer")
        #expect(events.first?.level == "Middle")
        #expect(open == .skill("serverless-functions"))
        #expect(after.record.skillOrder.isEmpty, "the record changes only once the save succeeded")
    }

    @Test func spaceTicksTheSelectedExpectationAndProgressRises() throws {
        var state = Fixture.type("Enter", into: Fixture.state())
        #expect(state.standing("serverless-functions")?.next?.done == 1)
        state = Fixture.type("Down Space", into: state)
        let standing = try #require(state.standing("serverless-functions"))
        #expect(standing.next?.done == 2)
        #expect(state.message?.text == "Ticked. Senior: 2 of 3 · 66%")
        #expect(view(state, width: 100, height: 30).canvas.text.contains("2 of 3 · 66%"))
        state = Fixture.type("Space", into: state)
        #expect(state.standing("serverless-functions")?.next?.done == 1)
    }

    @Test func completingTheLevelOffersTheStepUpAndRecordsItWhenConfirmed() throws {
        var state = Fixture.type("Enter Down Space Down Space", into: Fixture.state())
        #expect(state.message?.text == "Every Senior expectation is ticked. Press s to record your step up.")
        state = Fixture.type("s", into: state)
        #expect(state.prompt?.label.contains("from Middle to Senior") == true)
        state = Fixture.type("n", into: state)
        #expect(state.record.skills["serverless-functions"]?.level == "Middle")
        state = Fixture.type("s y", into: state)
        let skill = try #require(state.record.skills["serverless-functions"])
        #expect(skill.level == "Senior")
        #expect(skill.steps.count == 1)
        #expect(state.standing("serverless-functions")?.nextLevel == "Lead")
    }

    @Test func stepUpBeforeTheLevelIsCompleteExplainsWhy() {
        let state = Fixture.type("Enter s", into: Fixture.state())
        #expect(state.prompt == nil)
        #expect(state.message?.text == "Tick every Senior expectation first: 2 of 3 open.")
    }

    @Test func aNoteIsTypedAndSaved() throws {
        let state = Fixture.type("Enter Down n Owns C-u the Space FinOps Space dashboard Enter", into: Fixture.state())
        let id = Fixture.senior()[1].id
        #expect(state.record.skills["serverless-functions"]?.notes[id]?.text == "the FinOps dashboard")
        #expect(state.message?.text == "Note saved.")
    }

    @Test func searchFiltersTheBrowserAndEscClearsIt() {
        var state = Fixture.type("a / zzz", into: Fixture.state())
        #expect(state.browser.query == "zzz")
        #expect(Browser.matches(state).isEmpty)
        #expect(view(state, width: 100, height: 30).canvas.text.contains("Nothing matches"))
        state = Fixture.type("Escape", into: state)
        #expect(state.browser.query.isEmpty)
        state = Fixture.type("/ lambda Enter", into: state)
        #expect(Browser.matches(state).map(\.id) == ["serverless-functions"])
    }

    @Test func escGoesBackAndQQuits() {
        var state = Fixture.type("Enter", into: Fixture.state())
        #expect(state.screen == .skill("serverless-functions"))
        state = Fixture.type("Escape", into: state)
        #expect(state.screen == .dashboard)
        #expect(!state.finished)
        state = Fixture.type("q", into: state)
        #expect(state.finished)
        #expect(Fixture.type("C-c", into: Fixture.state()).finished)
    }

    @Test func helpOpensOnQuestionMarkAndAnyKeyClosesIt() {
        var state = Fixture.type("?", into: Fixture.state())
        #expect(state.showingHelp)
        #expect(view(state, width: 100, height: 30).canvas.text.contains("not a promotion guarantee"))
        state = Fixture.type("Down", into: state)
        #expect(!state.showingHelp)
        #expect(!state.finished)
    }

    @Test func aClickSelectsTheRowUnderIt() {
        var state = Fixture.type("Enter", into: Fixture.state())
        let frame = view(state, width: 100, height: 30)
        state.clickRows = frame.listRows
        let row = try? #require(frame.listRows.first { $0.value == 2 }?.key)
        state = update(state, .click(x: 5, y: row ?? -1)).0
        #expect(state.skill.list.selection == 2)
    }

    @Test func theStatusLineAlwaysShowsHelpAndQuit() {
        for keys in ["", "Enter", "a", "?", "Enter n", "P"] {
            let text = view(Fixture.type(keys, into: Fixture.state()), width: 80, height: 24).canvas.lines.last ?? ""
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
