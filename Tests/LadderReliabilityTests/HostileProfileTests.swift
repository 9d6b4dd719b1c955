import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Profiles written to hurt: refused quickly and cheaply (size cap, no aliases, depth,
/// caps), and every string from a file is neutralised before it reaches the screen,
/// stdout or stderr.
@Suite struct HostileProfileTests {
    /// The classic "billion laughs" (432 bytes), and the variant that hangs
    /// `Yams.compose` itself: an aliased collection used as a mapping key.
    static var aliasBomb: String {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for index in 1..<names.count {
            text += "\(names[index]): &\(names[index]) [" + Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",") + "]\n"
        }
        return text
    }
    static var keyBomb: String { aliasBomb + "j: {? *h : 1, ? *g : 2}\n" }
    static var deepFlow: String { String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n" }
    static var deepBlock: String { String(repeating: "- ", count: 10_000) + "x\n" }
    /// 600 levels of block mappings (the indentation makes deeper ones pass the size cap).
    static var deepMapping: String { (0..<600).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined() + String(repeating: " ", count: 600) + "x\n" }

    /// Decodes in this process, timing it.
    func refused(_ text: String, _ label: String) -> (FileProblem?, Double) {
        let start = Date()
        do {
            _ = try ProfileFile.decode(Array(text.utf8), file: label)
            return (nil, Date().timeIntervalSince(start))
        } catch {
            return (error, Date().timeIntervalSince(start))
        }
    }

    @Test func hostileYAMLIsRefusedWithinASecond() {
        let cases: [(String, String, String)] = [
            ("alias-bomb.yaml", Self.aliasBomb, "YAML aliases (*name) are not allowed"),
            ("key-bomb.yaml", Self.keyBomb, "YAML aliases (*name) are not allowed"),
            ("deep-flow.yaml", Self.deepFlow, "nested too deeply"),
            ("deep-block.yaml", Self.deepBlock, "nested too deeply"),
            ("deep-mapping.yaml", Self.deepMapping, "nested too deeply"),
        ]
        for (label, text, message) in cases {
            let (problem, seconds) = refused(text, label)
            #expect(problem?.message.contains(message) == true, "\(label): \(String(describing: problem))")
            #expect(problem?.line ?? 0 > 0, "\(label): no position")
            #expect(seconds < 1, "\(label) took \(seconds) s")
        }
    }

    /// The same files, and a 100 MB one, through the CLI: refused within a second
    /// (startup included, with slack for a busy machine) and under 100 MB of memory;
    /// `ladder profiles` with all of them in the profiles folder still lists the good ones.
    @Test func hostileFilesThroughTheCLIAreRefusedFastAndSmall() throws {
        let (scratch, home) = try R.dataFolder("hostile-cli")
        defer { TestSupport.removeFolder(scratch) }
        let profiles = DataFolder(path: home).profilesPath
        let files = ["alias-bomb.yaml": Self.aliasBomb, "key-bomb.yaml": Self.keyBomb,
                     "deep-flow.yaml": Self.deepFlow, "deep-block.yaml": Self.deepBlock]
        for (name, text) in files { try R.write(text, to: profiles + "/" + name) }
        let huge = profiles + "/huge.yaml"
        let fd = open(huge, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        #expect(ftruncate(fd, 100 << 20) == 0) // 100 MB (sparse: cheap to make, as costly to read)
        close(fd)
        for name in files.keys.sorted() + ["huge.yaml"] {
            let result = try R.ladder(["validate", profiles + "/" + name], home: home, scratch: scratch)
            #expect(result.status == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("\(profiles)/\(name):"), "\(name): \(result.stderr)")
            #expect(result.seconds < 3, "\(name): \(result.seconds) s")
            #expect(result.maxRSSKB < 100_000, "\(name): \(result.maxRSSKB) KB")
        }
        let huge100 = try R.ladder(["validate", huge], home: home, scratch: scratch)
        #expect(huge100.stderr.contains("file is 104857600 bytes; a profile may be at most"), "\(huge100.stderr)")

        let listed = try R.ladder(["profiles"], home: home, scratch: scratch)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("serverless-functions"))
        for name in files.keys.sorted() + ["huge.yaml"] { #expect(listed.stderr.contains("\(profiles)/\(name)"), "\(name)") }
        #expect(listed.seconds < 5, "\(listed.seconds) s")
        #expect(listed.maxRSSKB < 100_000, "\(listed.maxRSSKB) KB")
    }

    @Test func capsOnSizeLengthAndCountAreEnforced() {
        let base = R.smallProfile
        let long = String(repeating: "x", count: 2_001)
        #expect(refused(base.replacingOccurrences(of: "Writes clear notes.", with: long), "long").0?.message.contains("at most 2000 allowed") == true)
        // One grapheme of 5,000 combining marks is 5,001 characters of text, not 1.
        let zalgo = "Z" + String(repeating: "\u{0301}", count: 5_000)
        #expect(refused(base.replacingOccurrences(of: "Writes clear notes.", with: zalgo), "zalgo").0?.message.contains("at most 2000 allowed") == true)
        let many = "[" + Array(repeating: "k", count: 501).joined(separator: ", ") + "]"
        #expect(refused(base.replacingOccurrences(of: "[tests, \"crash safety\"]", with: many), "many").0?.message.contains("at most 500 allowed") == true)
        let big = base + "# " + String(repeating: "x", count: ProfileFile.maxBytes) + "\n"
        #expect(refused(big, "big").0?.message.contains("a profile may be at most") == true)
        // Not aliases: text with & and * loads.
        let text = base.replacingOccurrences(of: "Writes clear notes.", with: "R&D notes, *bold* claims & more")
        #expect(refused(text, "ampersand").0 == nil)
    }

    // MARK: Neutralising text

    /// A valid profile whose strings carry terminal attacks: title change (OSC 0),
    /// clear screen, colours, a hyperlink (OSC 8), a clipboard write (OSC 52), C1 CSI,
    /// bidi override, CR, NUL-free controls, zero-width and tag characters, and wide
    /// text (CJK, ZWJ emoji, flags).
    static let hostile = #"""
    schema: 1
    id: hostile
    name: "Evil \e]0;PWNED-TITLE\a name \e[2J\e[31m red"
    keywords: ["\e]52;c;cHduZWQ=\a clip"]
    domain: "漢字テスト ドメイン"
    group: "\u202Edesrever\u202C grp"
    updated: 2026-03-17
    levels: [One, Two]
    roles:
      - id: dev
        name: "Dev 👩‍💻 \x9b31m c1"
        levels:
          - level: One
            required: true
            expectations:
              - id: a1
                text: "Link \e]8;;http://evil.example\e\\click\e]8;;\e\\ and CR\rover and zero\u200Bwidth 漢字漢字漢字漢字漢字 end"
              - id: a2
                text: "Emoji 👩‍👩‍👧‍👦 family 🇫🇷 flag and 한국어 text that is long enough to wrap around the screen several times over"
          - level: Two
            required: false
            expectations:
              - id: a3
                text: "Tab\there, bell \a, backspace \b, DEL \x7f, NEL \x85, LS \u2028 PS \u2029, tag \U000E0041, RLI \u2067x\u2069"

    """#

    @Test func safeTextNeutralisesEveryClass() throws {
        let cases: [(String, String)] = [
            ("\u{1B}]0;title\u{07}", "^[]0;title^G"),
            ("a\u{9B}31mb", "a<9B>31mb"),
            ("\u{7F}", "^?"),
            ("x\u{202E}y\u{2066}z\u{200B}w\u{FEFF}", "xyzw"),
            ("tab\there", "tab here"),
            ("cr\rlf\nls\u{2028}", "cr⏎lf⏎ls⏎"),
            ("tag\u{E0041}s", "tags"),
            ("👩‍💻", "👩‍💻"),
            ("漢字", "漢字"),
            ("plain ascii", "plain ascii"),
        ]
        for (input, expected) in cases { #expect(Safe.text(input) == expected, "\(input.unicodeScalars.map { String($0.value, radix: 16) })") }
        // JSON keeps the data exact but escapes what would reach the terminal raw.
        let json = try PrettyJSON.string(["a": "x\u{9B}y\u{202E}z\u{7F}\u{E0041}"], keys: .asWritten)
        #expect(json == "{\n  \"a\" : \"x\\u009by\\u202ez\\u007f\\udb40\\udc41\"\n}")
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["a"] == "x\u{9B}y\u{202E}z\u{7F}\u{E0041}")
    }

    /// Every CLI output that shows the hostile profile (and a broken one with raw
    /// control bytes in its error excerpt) is free of control, C1, bidi and zero-width
    /// characters; JSON output escapes them.
    @Test func theCLINeverPrintsControlCharactersFromFiles() throws {
        let (scratch, home) = try R.dataFolder("hostile-out")
        defer { TestSupport.removeFolder(scratch) }
        let profiles = DataFolder(path: home).profilesPath
        try R.write(Self.hostile, to: profiles + "/hostile.yaml")
        // Raw control bytes are not allowed in YAML: this one fails, and its excerpt holds them.
        try R.write("schema: 1\nid: raw\nname: \"\u{1B}]0;RAW-TITLE\u{07}\u{9B}2J\u{202E}\"\n", to: profiles + "/raw.yaml")
        let commands: [[String]] = [
            ["validate", profiles + "/hostile.yaml", profiles + "/raw.yaml"],
            ["profiles"], ["profiles", "--json"],
            ["show", "hostile"], ["show", "hostile", "--json"],
            ["track", "hostile", "--role", "dev", "--level", "One", "--person", "Mallory \u{1B}[2J\u{202E}"],
            ["tick", "hostile", "a1", "--note", "evidence \u{1B}]0;x\u{07}", "--person", "Mallory \u{1B}[2J\u{202E}"],
            ["status", "--person", "Mallory \u{1B}[2J\u{202E}"], ["status", "--json", "--person", "Mallory \u{1B}[2J\u{202E}"],
            ["show", "nope\u{1B}[31m"],
        ]
        for arguments in commands {
            let result = try R.ladder(arguments, home: home, scratch: scratch)
            #expect(result.status != 128 + SIGSEGV && !result.signalled)
            #expect(R.unsafeCharacters(in: result.stdout).isEmpty, "\(arguments): stdout \(R.unsafeCharacters(in: result.stdout))")
            #expect(R.unsafeCharacters(in: result.stderr).isEmpty, "\(arguments): stderr \(R.unsafeCharacters(in: result.stderr))")
            #expect(!result.stdout.contains("PWNED-TITLE\u{07}") && !result.stderr.contains("RAW-TITLE\u{07}"))
        }
        let json = try R.ladder(["show", "hostile", "--json"], home: home, scratch: scratch)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["name"] as? String) == "Evil \u{1B}]0;PWNED-TITLE\u{07} name \u{1B}[2J\u{1B}[31m red", "JSON keeps the exact text")
    }

    /// Headless: the hostile profile drawn at many sizes shows no control character,
    /// and the cell grid stays aligned: every wide character is followed by its
    /// continuation cell and every continuation follows a wide character.
    @Test func theUIDrawsHostileTextVisiblyAndKeepsColumnsAligned() throws {
        let (scratch, home) = try R.dataFolder("hostile-ui")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try R.write(Self.hostile, to: folder.profilesPath + "/hostile.yaml")
        try Store(folder: folder).append([JournalEvent(.track(skill: "hostile", role: "dev", level: "One"), at: JournalEvent.now())], for: .me)
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        var sawVisibleEscape = false
        for keys in [[InputEvent](), [.key(.enter)], [.key(.right)], [.key(.escape), .key(.character("a"))]] {
            for event in keys { app.handle(event) }
            for (width, height) in [(120, 40), (80, 24), (41, 12), (23, 7), (10, 3)] {
                let canvas = app.render(width: width, height: height)
                let text = canvas.text
                #expect(R.unsafeCharacters(in: text).isEmpty, "\(width)x\(height): \(R.unsafeCharacters(in: text))")
                if text.contains("^[") { sawVisibleEscape = true }
                Self.checkGrid(canvas, "\(keys) at \(width)x\(height)")
            }
        }
        #expect(sawVisibleEscape, "the escape characters were not shown as ^[")
    }

    static func checkGrid(_ canvas: Canvas, _ label: String) {
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.text.isEmpty {
                    let wideBefore = x > 0 && canvas[x - 1, y].text.first.map { TextWidth.of($0) == 2 } == true
                    #expect(wideBefore, "\(label): a continuation cell at \(x),\(y) without a wide character before it")
                } else if let character = cell.text.first, cell.text.count == 1, TextWidth.of(character) == 2 {
                    #expect(x + 1 < canvas.width && canvas[x + 1, y].text.isEmpty,
                            "\(label): wide '\(cell.text)' at \(x),\(y) without its continuation cell")
                }
            }
        }
    }
}
