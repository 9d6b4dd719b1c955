import Foundation
import Testing
@testable import LadderKit

/// `PrettyJSON` writes what `JSONEncoder` writes with `.prettyPrinted`, `.sortedKeys`
/// and `.withoutEscapingSlashes` (scripts compare it byte for byte), and escapes what
/// could act on a terminal.
@Suite struct PrettyJSONTests {
    struct Inner: Encodable {
        var myURLValue = 1
        var emptyList: [Int] = []
        var emptyMap: [String: Int] = [:]
        var half = 0.5
        var three = 3.0
        var huge = 1e21
        var sum = 0.1 + 0.2
        var lists: [[Int]] = [[], [1, -2]]
        var small: UInt8 = 7
        var big = UInt64.max
        var low = Int64.min
        var on = false
    }

    struct Outer: Encodable {
        var aB = "a/b \"quoted\" back\\slash \u{1}\u{8}\u{C}\t\n\r\u{1F} é 漢字 👩‍💻"
        var map = ["camelKey": 1, "b": 2, "a_b": 3]
        var missing: Int? = nil
        var present: String? = "here"
        var inner = Inner()
        var inners = [Inner(), Inner()]
        var flag = true
        var negative = -5
        var nothing = Empty()
        var `enum` = Kind.second
        var a1B = "digits"
        var URL = "capitals"
        var readyToStep = true
        var _lead = "underscore"
    }

    struct Empty: Encodable {}
    enum Kind: String, Encodable { case first, second }

    /// Encodes the same key twice, and a nested keyed and unkeyed container.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case b, a, nested, list }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .b)
            try container.encode("first", forKey: .a)
            try container.encode("second", forKey: .a)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
            try nested.encode(true, forKey: .b)
            try nested.encodeNil(forKey: .a)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            try list.encodeNil()
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode(2)
        }
    }

    func encoder(_ keys: PrettyJSON.Keys) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if keys == .snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return encoder
    }

    func expectSame<T: Encodable>(_ value: T, _ keys: PrettyJSON.Keys, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = String(decoding: try encoder(keys).encode(value), as: UTF8.self)
        #expect(try PrettyJSON.string(value, keys: keys) == expected, sourceLocation: sourceLocation)
    }

    @Test(arguments: [PrettyJSON.Keys.asWritten, .snakeCase])
    func writesWhatJSONEncoderWrites(keys: PrettyJSON.Keys) throws {
        try expectSame(Outer(), keys)
        try expectSame([Outer()], keys)
        try expectSame([Outer](), keys)
        try expectSame(Handwritten(), keys)
        try expectSame("top", keys)
        try expectSame(42, keys)
        try expectSame(["k": ["x": [1, 2]]], keys)
        try expectSame(Date(timeIntervalSinceReferenceDate: 1.25), keys)
    }

    @Test func keysInSnakeCaseAsJSONEncoderSpellsThem() {
        let cases = ["myURLProperty": "my_url_property", "aB": "a_b", "abc": "abc", "a1B": "a1_b", "URL": "u_rl",
                     "readyToStep": "ready_to_step", "x2y": "x2y", "already_snake": "already_snake", "_lead": "_lead",
                     "": "", "A": "a", "nextLevelID": "next_level_id"]
        for (key, expected) in cases { #expect(PrettyJSON.snakeCase(key) == expected, "\(key)") }
    }

    /// A report as the CLI writes it: the same text as `JSONEncoder`'s.
    @Test func aReportIsWrittenAsJSONEncoderWritesIt() throws {
        let tests = try ReportTests()
        try expectSame(tests.report(), .snakeCase)
    }

    /// What `Safe.text` would alter and JSON does not escape is written as `\uXXXX`,
    /// in UTF-16 units; the text decodes back exact.
    @Test func whatCouldActOnATerminalIsEscaped() throws {
        let text = "x\u{9B}y\u{202E}z\u{7F}\u{E0041}\u{2028}\u{200B}w👩‍💻é"
        let json = try PrettyJSON.string(["k\u{85}": text], keys: .asWritten)
        #expect(json == "{\n  \"k\\u0085\" : \"x\\u009by\\u202ez\\u007f\\udb40\\udc41\\u2028\\u200bw👩‍💻é\"\n}")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        #expect(decoded == ["k\u{85}": text])
        // Inside a run of plain ASCII read eight bytes at a time.
        #expect(try PrettyJSON.string("abcdefg\u{7F}hijklmnopqrstuvw\u{7F}\u{9B}", keys: .asWritten) == "\"abcdefg\\u007fhijklmnopqrstuvw\\u007f\\u009b\"")
    }

    /// Written to a file, a value larger than a chunk arrives whole and ends in a newline.
    @Test func aLargeValueIsWrittenInChunks() throws {
        let rows = (0..<5_000).map { "row \($0) of a list long enough to need several chunks" }
        let path = NSTemporaryDirectory() + "pretty-json-\(getpid()).json"
        defer { unlink(path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        var output = TextOutput(fileDescriptor: fd, name: path)
        try PrettyJSON.write(rows, keys: .asWritten, to: &output)
        try output.finish()
        close(fd)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.utf8.count > 2 * TextOutput.chunkBytes)
        #expect(written == String(decoding: try encoder(.asWritten).encode(rows), as: UTF8.self) + "\n")
    }
}
