import Testing
@testable import LadderKit

/// What the CLI and UI refuse, and the messages that list valid choices.
@Suite struct ChangesTests {
    let library = ProfileLibrary.bundled()
    var profile: Profile { library.profile("serverless-functions") ?? library.profiles[0] }

    @Test func trackAcceptsRoleAndLevelByNameOrIdInAnyCase() throws {
        let change = try Changes.track(profile, role: "CLOUD engineer", level: "middle")
        #expect(change == .track(skill: profile.id, role: "cloud-engineer", level: "Middle"))
        #expect(try Changes.track(profile, role: "platform-engineer", level: "Lead") == .track(skill: profile.id, role: "platform-engineer", level: "Lead"))
    }

    @Test func unknownRoleOrLevelListsTheChoices() {
        let role = #expect(throws: InputError.self) { try Changes.track(profile, role: "Chef", level: "Middle") }
        #expect(role?.message == "unknown role 'Chef' for Serverless Functions; choose one of: AI Product Engineer, Cloud Engineer, Infrastructure Engineer, Platform Engineer")
        let level = #expect(throws: InputError.self) { try Changes.track(profile, role: "Cloud Engineer", level: "Guru") }
        #expect(level?.message == "unknown level 'Guru'; choose one of: Junior, Middle, Senior, Lead, Principal")
    }

    func record() throws -> PersonRecord {
        var record = PersonRecord(id: .me)
        record.apply(try Changes.track(profile, role: "Cloud Engineer", level: "Middle"))
        return record
    }

    @Test func unknownSkillOrUntrackedSkillIsExplained() throws {
        let unknown = #expect(throws: InputError.self) { try Changes.tracked("cooking", in: PersonRecord(id: .me), library: library) }
        #expect(unknown?.message == "unknown skill 'cooking'; choose one of: \(library.summaries.map(\.id).joined(separator: ", "))")
        #expect(unknown?.message.contains("serverless-functions") == true)
        let untracked = #expect(throws: InputError.self) { try Changes.tracked("serverless-functions", in: PersonRecord(id: .me), library: library) }
        #expect(untracked?.message.contains("ladder track serverless-functions --role ROLE --level LEVEL") == true)
    }

    @Test func tickingAnUnknownIdListsTheNextLevelsIds() throws {
        let standing = try Changes.tracked("serverless-functions", in: record(), library: library)
        let ids = try #require(standing.role.level("Senior")).expectations.map(\.id)
        let error = #expect(throws: InputError.self) { try Changes.tick(["nope"], in: standing) }
        #expect(error?.message.contains("unknown expectation id 'nope'") == true)
        #expect(error?.message.contains("Senior has: \(ids.joined(separator: ", "))") == true)
    }

    @Test func tickingTwiceWritesOneEventAndUntickingAnUntickedIdWritesNone() throws {
        var record = try record()
        let standing = try Changes.tracked("serverless-functions", in: record, library: library)
        let id = try #require(standing.role.level("Senior")?.expectations.first?.id)
        let first = try Changes.tick([id], in: standing)
        #expect(first.count == 1)
        #expect(first[0].text == standing.role.level("Senior")?.expectations.first?.text)
        for event in first { record.apply(event) }
        let again = try Changes.tracked("serverless-functions", in: record, library: library)
        #expect(try Changes.tick([id], in: again).isEmpty)
        #expect(try Changes.untick([id], in: again).count == 1)
        #expect(try Changes.untick([id], in: standing).isEmpty)
    }

    @Test func notesAreCappedAndEmptyNotesClear() throws {
        var record = try record()
        let standing = try Changes.tracked("serverless-functions", in: record, library: library)
        let id = try #require(standing.role.level("Senior")?.expectations.first?.id)
        record.apply(try Changes.note("  led the cold-start work, PR #412 ", on: id, in: standing))
        #expect(record.skills[profile.id]?.notes[id]?.text == "led the cold-start work, PR #412")
        record.apply(try Changes.note("", on: id, in: standing))
        #expect(record.skills[profile.id]?.notes[id] == nil)
        #expect(throws: InputError.self) { try Changes.note(String(repeating: "x", count: 2_001), on: id, in: standing) }
    }
}
