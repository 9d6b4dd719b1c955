import Foundation
import Testing
@testable import LadderKit

/// "Did you mean": the closest one or two valid names, by case, prefix and edit distance.
@Suite struct SuggestionsTests {
    let skills = ["kubernetes", "serverless-functions", "terraform", "kafka"]

    @Test func aTypoSuggestsTheClosestName() {
        #expect(Suggestions.closest(to: "kubernets", among: skills) == ["kubernetes"])
        #expect(Suggestions.closest(to: "TERRAFROM", among: skills) == ["terraform"])
        #expect(Suggestions.closest(to: "server", among: skills) == ["serverless-functions"])
        #expect(Suggestions.closest(to: "cooking", among: skills) == [])
        #expect(Suggestions.closest(to: "", among: skills) == [])
    }

    @Test func atMostTwoBestFirst() {
        let levels = ["Senior 1", "Senior 2", "Senior 3", "Junior"]
        #expect(Suggestions.closest(to: "senior", among: levels) == ["Senior 1", "Senior 2"])
        #expect(Suggestions.closest(to: "Senior 4", among: levels) == ["Senior 1", "Senior 2"])
    }

    @Test func theMessageSuggestsBeforeListing() {
        let message = Suggestions.unknown("skill", "kubernets", choices: skills)
        #expect(message == "unknown skill 'kubernets'; did you mean kubernetes? choose one of: kubernetes, serverless-functions, terraform, kafka")
        #expect(Suggestions.unknown("skill", "cooking", choices: skills) == "unknown skill 'cooking'; choose one of: kubernetes, serverless-functions, terraform, kafka")
    }

    @Test func everyUnknownNameInTheModelSuggests() throws {
        let library = ProfileLibrary.bundled()
        let profile = try #require(library.profile("serverless-functions"))
        #expect(library.unknownSkill("Serverles Functions").message.contains("did you mean serverless-functions? choose one of"))
        #expect(profile.unknownRole("cloud-enginer").message.contains("did you mean Cloud Engineer? choose one of: AI Product Engineer"))
        #expect(profile.unknownLevel("senir").message == "unknown level 'senir'; did you mean Senior? choose one of: Junior, Middle, Senior, Lead, Principal")
        var record = PersonRecord(id: .me, name: "Me")
        record.apply(try Changes.track(profile, role: "cloud-engineer", level: "Middle"))
        let standing = try Changes.tracked("serverless-functions", in: record, library: library)
        let id = try #require(standing.role.level("Senior")?.expectations.first?.id)
        let typo = String(id.dropLast()) + (id.last == "0" ? "1" : "0")
        do {
            _ = try Changes.tick([typo], in: standing)
            Issue.record("an unknown id was accepted")
        } catch {
            let suggestion = error.message.components(separatedBy: "did you mean ").last?.components(separatedBy: "?").first
            #expect(suggestion?.contains(id) == true, "\(error.message)")
            #expect(error.message.contains("Senior has: "))
        }
    }

    @Test func aLongListIsCut() {
        let many = (1...50).map { "skill-\($0)" }
        #expect(Suggestions.list(many).hasSuffix(", … (10 more)"))
        #expect(Suggestions.list(many, seeAll: "ladder profiles").hasSuffix(", … (10 more: ladder profiles)"))
    }
}
