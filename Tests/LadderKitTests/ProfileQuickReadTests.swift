import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The quick read of a profile (`QuickRead`) against the full one (Yams's default
/// resolver, `Decodable`, shape and rule checks): whenever the quick read answers, it
/// gives the very profile the full read gives; whenever the full read refuses, the
/// quick read does not answer, so the refusal and its message come from the full read
/// as before.
@Suite struct ProfileQuickReadTests {
    /// Reads `text` both ways and checks they agree; returns both outcomes.
    @discardableResult
    func bothWays(_ text: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> (quick: Profile?, full: Result<Profile, FileProblem>) {
        let quick = QuickRead.profile(text)
        let full: Result<Profile, FileProblem>
        do {
            full = .success(try ProfileFile.decodeFully(text, file: "p.yaml"))
        } catch {
            full = .failure(error)
        }
        switch full {
        case .success(let profile):
            if let quick { #expect(quick == profile, "\(label): the quick read gave another profile", sourceLocation: sourceLocation) }
        case .failure(let problem):
            #expect(quick == nil, "\(label): the quick read accepted what the full read refuses (\(problem.message))",
                    sourceLocation: sourceLocation)
        }
        // The public entry gives the full read's answer, message and position included.
        let entry: Result<Profile, FileProblem>
        do {
            entry = .success(try ProfileFile.decode(text, file: "p.yaml"))
        } catch {
            entry = .failure(error)
        }
        #expect(entry == full, "\(label): ProfileFile.decode differs from the full read", sourceLocation: sourceLocation)
        return (quick, full)
    }

    static let valid = """
    schema: 1
    id: tiny
    name: Tiny
    keywords: [a, b]
    domain: D
    group: G
    updated: 2026-03-17
    levels: [One, Two]
    roles:
      - id: dev
        name: Developer
        levels:
          - level: One
            required: true
            expectations:
              - id: a1
                text: Does one thing.
          - level: Two
            required: false
            expectations:
              - id: a2
                text: Does two things.
    """

    func variant(_ old: String, _ new: String) -> String {
        let text = Self.valid.replacingOccurrences(of: old, with: new)
        #expect(text != Self.valid, "the variant \(old) → \(new) changed nothing")
        return text
    }

    /// Shapes a person writes: the quick read takes them all, as the full read does.
    @Test func wellFormedShapesAreReadQuicklyAndTheSame() {
        let cases: [(String, String)] = [
            ("plain", Self.valid),
            ("CRLF line ends", Self.valid.replacingOccurrences(of: "\n", with: "\r\n")),
            ("comments", "# A profile\n" + variant("name: Tiny", "name: Tiny # the name")),
            ("flow mappings", variant("- id: a1\n            text: Does one thing.", "- {id: a1, text: Does one thing.}")),
            ("block lists", variant("keywords: [a, b]", "keywords:\n  - a\n  - b")),
            ("quoted text", variant("name: Tiny", "name: \"Tiny \\u00e9 \\\"q\\\"\"")),
            ("single-quoted text", variant("name: Tiny", "name: 'It''s tiny'")),
            ("quoted keys", variant("name: Tiny", "\"name\": Tiny")),
            ("!!str keys", variant("name: Tiny", "!!str name: Tiny")),
            ("a non-specific tag on a key", variant("name: Tiny", "! name: Tiny")),
            ("literal text", variant("text: Does one thing.", "text: |\n              Does one\n              thing.")),
            ("folded text", variant("text: Does one thing.", "text: >-\n              Does one\n              thing.")),
            ("text that looks like other types", variant("domain: D", "domain: 12")
                .replacingOccurrences(of: "group: G", with: "group: yes").replacingOccurrences(of: "[a, b]", with: "[~, null, 1.5, '']")),
            ("yes and no", variant("required: true", "required: yes").replacingOccurrences(of: "required: false", with: "required: Off")),
            ("TRUE", variant("required: true", "required: TRUE")),
            ("resources null", variant("levels: [One, Two]", "levels: [One, Two]\nresources: ~")),
            ("resources empty", variant("levels: [One, Two]", "levels: [One, Two]\nresources:")),
            ("resources none", variant("levels: [One, Two]", "levels: [One, Two]\nresources: []")),
            ("resources", variant("text: Does two things.", "text: Does two things.\n            resources:\n              - title: Guide\n                url: https://example.com/a/b")),
            ("an anchor nobody uses", variant("- id: dev", "- &role\n    id: dev")),
            ("keys in another order", variant("schema: 1\nid: tiny\n", "id: tiny\nschema: 1\n")),
            ("document markers", "---\n" + Self.valid + "\n...\n"),
            ("unicode", variant("name: Tiny", "name: Ünïcödé 漢字 👩‍💻 \u{2028} done")),
        ]
        for (label, text) in cases {
            let (quick, full) = bothWays(text, label)
            #expect((try? full.get()) != nil, "\(label): the full read refused it: \(full)")
            #expect(quick != nil, "\(label): the quick read did not take it")
        }
    }

    /// Anything odd: the quick read leaves it to the full read, which reports or reads it.
    @Test func anythingOddIsLeftToTheFullRead() {
        let cases: [(String, String)] = [
            ("unknown key", variant("required: false", "requried: false")),
            ("repeated key", variant("name: Tiny", "name: Tiny\nname: Again")),
            ("repeated key quoted", variant("name: Tiny", "name: Tiny\n\"name\": Again")),
            ("missing key", variant("name: Tiny\n", "")),
            ("missing required", variant("required: true\n", "")),
            ("quoted true", variant("required: true", "required: \"true\"")),
            ("maybe", variant("required: true", "required: maybe")),
            ("!!bool", variant("required: true", "required: !!bool true")),
            ("!!str true", variant("required: true", "required: !!str true")),
            ("list for a flag", variant("required: true", "required: [yes]")),
            ("quoted schema", variant("schema: 1", "schema: \"1\"")),
            ("octal schema", variant("schema: 1", "schema: 01")),
            ("hex schema", variant("schema: 1", "schema: 0x1")),
            ("schema 0", variant("schema: 1", "schema: 0")),
            ("newer schema", variant("schema: 1", "schema: 2")),
            ("text schema", variant("schema: 1", "schema: one")),
            ("tagged key", variant("name: Tiny", "!foo name: Tiny")),
            ("merge key", variant("- id: dev\n    name: Developer", "- <<: {id: dev}\n    name: Developer")),
            ("complex key", variant("name: Tiny", "name: Tiny\n? [a]\n: b")),
            ("mapping for text", variant("name: Tiny", "name: {a: b}")),
            ("list for text", variant("id: tiny", "id: [odd]")),
            ("text for a list", variant("levels: [One, Two]", "levels: One")),
            ("mapping for a list", variant("keywords: [a, b]", "keywords: {a: b}")),
            ("mapping for roles", variant("roles:\n", "roles: {}\nx:\n")),
            ("quoted null resources", variant("levels: [One, Two]", "levels: [One, Two]\nresources: 'null'")),
            ("text too long", variant("Does one thing.", String(repeating: "x", count: 2_001))),
            ("too many keywords", variant("[a, b]", "[" + Array(repeating: "k", count: 501).joined(separator: ", ") + "]")),
            ("a broken rule", variant("id: a2", "id: a1")),
            ("a bad url", variant("text: Does two things.", "text: Does two things.\n            resources:\n              - title: Guide\n                url: javascript:alert(1)")),
            ("two documents", Self.valid + "\n---\nid: again\n"),
            ("empty", ""),
            ("only a comment", "# nothing\n"),
            ("a list at the top", "- a\n- b\n"),
            ("a tab for indentation", variant("  - id: dev", "\t- id: dev")),
            ("syntax error", variant("keywords: [a, b]", "keywords: [a, b")),
            ("undefined alias", variant("domain: D", "domain: *nowhere")),
        ]
        for (label, text) in cases {
            let (quick, _) = bothWays(text, label)
            #expect(quick == nil, "\(label): the quick read took it")
        }
    }

    /// The rules' shortcuts answer as the slower forms they replace did.
    @Test func theRulesShortcutsAnswerAsTheLongForms() {
        let texts = ["", " ", "\t", "\n", "\r\n", " \u{A0}\u{3000}\u{2009}", "\u{85}", "\u{2028}\u{2029}", "\u{200B}", "\u{FEFF}",
                     " x ", "x", "\u{301}", " \u{301}", "a1", "a-1", "A1", "a_1", "é", "e\u{301}", "١٢", "abcdefghijklmnop", "abcdefghijklmnopq",
                     "a\r\nb", "ａ", "-", "0"]
        for text in texts {
            for set in [CharacterSet.whitespaces, .whitespacesAndNewlines] {
                #expect(ProfileRules.isBlank(text, set) == text.trimmingCharacters(in: set).isEmpty, "\(text.unicodeScalars.map(\.value))")
            }
            let longForm = (1...16).contains(text.count) && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            #expect(ProfileRules.isExpectationID(text) == longForm, "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// The profiles that ship with Ladder, as written by hand.
    @Test func theBundledProfilesReadTheSame() throws {
        let folder = TestSupport.repoRoot.appendingPathComponent("Profiles").path
        let files = SafeFile.entryNames(in: folder).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 9)
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let (quick, _) = bothWays(text, file)
            #expect(quick != nil, "\(file)")
        }
    }

    /// The seed page imported and written as Ladder writes profiles.
    @Test func theSeedPageReadsTheSame() throws {
        let bytes = try [UInt8](Data(contentsOf: TestSupport.seedPage))
        let profile = try PageImporter.import(bytes: bytes, file: "seed")
        let text = try ProfileFile.encode(profile)
        let (quick, _) = bothWays(text, "seed page")
        #expect(quick == profile)
    }

    /// Profiles of awkward text (text that looks like numbers, nulls, dates, flags,
    /// indicators, quotes, line breaks, wide and invisible characters), written by
    /// Yams's encoder in whatever styles it picks.
    @Test func generatedProfilesReadTheSame() throws {
        var random = SeededRandom(seed: 153)
        var read = 0
        for index in 0..<150 {
            let profile = Self.awkwardProfile(index, &random)
            let text = try ProfileFile.encode(profile)
            let (quick, full) = bothWays(text, "generated \(index)")
            if case .success = full { #expect(quick != nil, "generated \(index): the quick read did not take it\n\(text)") }
            if quick != nil { read += 1 }
        }
        #expect(read >= 100, "only \(read) of 150 generated profiles were read (the rest broke a rule)")
    }

    static let awkward = [
        "yes", "No", "null", "~", "", "123", "0x1F", "012", "1:30", "1_000", ".inf", "2026-03-17", "true", "<<", "=",
        " leading", "trailing ", "a: b", "- dash", "# hash", "x #y", "quote \" and '", "back\\slash", "two\nlines\n",
        "tab\there", "漢字 👩‍💻 é", "nel\u{85}x", "ls\u{2028}x", "&anchor", "*star", "!bang", "%percent", "@at",
        "`tick", "{brace}", "[bracket]", ",comma", "?q", "|pipe", ">gt", "cr\rx", "zero\u{200B}width", "plain words",
    ]

    static func awkwardProfile(_ index: Int, _ random: inout SeededRandom) -> Profile {
        func pick() -> String { awkward[Int.random(in: 0..<awkward.count, using: &random)] }
        func words() -> String { "W" + pick() + (Bool.random(using: &random) ? pick() : "") }
        let levels = ["L1 " + pick(), "L2 " + pick()]
        var counter = 0
        func resources() -> [Resource]? {
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return nil
            case 1: return []
            default: return [Resource(title: "Guide \(counter)", url: "https://example.com/\(index)?q=a&b=c#x")]
            }
        }
        let roles = (0..<2).map { r in
            Role(id: "role-\(r)", name: words(), levels: levels.map { level in
                RoleLevel(level: level, required: Bool.random(using: &random), expectations: (0..<2).map { _ in
                    counter += 1
                    return Expectation(id: "e\(counter)", text: words(), resources: resources())
                })
            })
        }
        return Profile(id: "awkward-\(index)", name: words(), keywords: (0..<3).map { _ in pick() }, domain: pick(),
                       group: pick(), updated: "2026-03-17", levels: levels, roles: roles, resources: resources())
    }
}
