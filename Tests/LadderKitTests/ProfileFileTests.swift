import Testing
@testable import LadderKit

/// Profile files that do not load are reported at their line and column.
@Suite struct ProfileFileTests {
    let valid = ProfileQuickReadTests.valid

    @Test func aValidProfileLoads() throws {
        let profile = try ProfileFile.decode(valid, file: "tiny.yaml")
        #expect(profile.roles[0].levels[1].expectations[0].text == "Does two things.")
        #expect(profile.updated == "2026-03-17")
    }

    @Test func encodeThenDecodeGivesTheSameProfile() throws {
        let profile = try ProfileFile.decode(valid, file: "tiny.yaml")
        #expect(try ProfileFile.decode(ProfileFile.encode(profile), file: "again.yaml") == profile)
    }

    func problem(_ text: String) -> FileProblem? {
        #expect(throws: FileProblem.self) { try ProfileFile.decode(text, file: "p.yaml") }
    }

    @Test func aMissingKeyPointsAtItsMapping() {
        let p = problem(valid.replacingOccurrences(of: "name: Tiny\n", with: ""))
        #expect(p?.message == "missing key 'name'")
        #expect(p?.line == 1)
    }

    @Test func aDuplicateExpectationIdPointsAtTheSecond() {
        let p = problem(valid.replacingOccurrences(of: "id: a2", with: "id: a1"))
        #expect(p?.message == "expectation id 'a1' is used twice; ids must be unique in a profile")
        #expect(p?.line == 21)
        #expect(p?.column == 17)
        #expect(p?.description == "p.yaml:21:17: expectation id 'a1' is used twice; ids must be unique in a profile\n            - id: a1\n                  ^")
    }

    @Test func levelsOutOfOrderAreNamed() {
        let p = problem(valid.replacingOccurrences(of: "levels: [One, Two]", with: "levels: [Two, One]"))
        #expect(p?.message == "role 'Developer' must list the levels Two, One in that order; it lists One, Two")
    }

    @Test func aWrongTypeSaysWhatWasExpected() {
        let p = problem(valid.replacingOccurrences(of: "required: true", with: "required: [yes]"))
        #expect(p?.message.hasPrefix("expected true or false") == true, "\(String(describing: p))")
        #expect(p?.line == 14)
    }

    @Test func yamlSyntaxErrorsHaveAPosition() {
        let p = problem("id: [unclosed\nname: x\n")
        #expect(p?.line ?? 0 > 0)
        #expect(p?.message.hasPrefix("YAML:") == true)
    }

    @Test func anUnknownKeyIsATypoToReport() {
        let p = problem(valid.replacingOccurrences(of: "required: false", with: "requried: false"))
        #expect(p?.message == "unknown key 'requried' in a level; expected: level, required, expectations")
        #expect(p?.line == 19)
    }

    @Test func aNewerSchemaIsRefusedWithAnUpdateHint() {
        let p = problem(valid.replacingOccurrences(of: "schema: 1", with: "schema: 99"))
        #expect(p?.message.contains("newer than this Ladder understands") == true)
        #expect(p?.line == 1)
        #expect(p?.newer == NewerSchema(schema: 99, id: "tiny", name: "Tiny"))
        #expect(problem("schema: 99\nid: [odd]\n")?.newer == NewerSchema(schema: 99))
        #expect(problem(valid.replacingOccurrences(of: "id: tiny", with: "id: [odd]"))?.newer == nil)
    }

    @Test func anAliasBombIsRefusedBeforeComposing() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            bomb += "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let p = problem(bomb)
        #expect(p?.message.hasPrefix("YAML aliases (*name) are not allowed") == true, "\(String(describing: p))")
        #expect(p?.line == 2)
    }
}
