import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The shard JSON read by hand (`ProfileJSON.read`): on everything the writer
/// writes it gives the profile `JSONDecoder` gives; on anything else it gives
/// nothing, and `ProfileJSON.decode` answers as `JSONDecoder` does.
@Suite struct ProfileJSONReadingTests {
    static func slow(_ bytes: [UInt8]) -> Profile? { try? JSONDecoder().decode(Profile.self, from: Data(bytes)) }

    /// Written, then read by hand: the same profile, as `JSONDecoder` reads it too.
    func expectRoundTrip(_ profile: Profile, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = ProfileJSON.bytes(of: profile)
        let fast = ProfileJSON.read(bytes)
        #expect(fast != nil, "\(label): declined", sourceLocation: sourceLocation)
        #expect(fast == profile, "\(label)", sourceLocation: sourceLocation)
        #expect(fast == Self.slow(bytes), "\(label)", sourceLocation: sourceLocation)
    }

    /// The hand reader agrees with `JSONDecoder` or declines; `decode` always agrees.
    @discardableResult
    func expectAgreesOrDeclines(_ bytes: [UInt8], _ label: @autoclosure () -> String,
                                sourceLocation: SourceLocation = #_sourceLocation) -> Profile? {
        let fast = ProfileJSON.read(bytes)
        let slow = Self.slow(bytes)
        if let fast { #expect(fast == slow, "\(label()): read another profile", sourceLocation: sourceLocation) }
        #expect(ProfileJSON.decode(bytes) == slow, "\(label()): decode differs from JSONDecoder", sourceLocation: sourceLocation)
        return fast
    }

    func expectDeclines(_ bytes: [UInt8], _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = expectAgreesOrDeclines(bytes, label(), sourceLocation: sourceLocation)
        #expect(fast == nil, "\(label()): taken", sourceLocation: sourceLocation)
    }

    @Test func theBundledProfilesAndTheSeedPageReadTheSame() throws {
        let bundled = ProfileLibrary.bundled().profiles
        #expect(bundled.count >= 9)
        for profile in bundled { expectRoundTrip(profile, profile.id) }
        let page = try PageImporter.import(bytes: [UInt8](Data(contentsOf: TestSupport.seedPage)), file: "seed")
        expectRoundTrip(page, "seed page")
    }

    @Test func generatedProfilesOfAwkwardTextReadTheSame() {
        var random = SeededRandom(seed: 29)
        for index in 0..<150 { expectRoundTrip(ProfileQuickReadTests.awkwardProfile(index, &random), "generated \(index)") }
    }

    @Test func everyCharacterTheWriterEscapesReadsTheSame() {
        expectRoundTrip(ProfileJSONWritingTests.everyCharacterProfile, "every character")
        for value in 0..<0x20 {
            let text = "a" + String(Character(Unicode.Scalar(UInt8(value)))) + "b"
            expectRoundTrip(Profile(id: "c", name: text, keywords: [text], domain: text, group: "", updated: "", levels: [],
                                    roles: [], resources: [Resource(title: text, url: text)]), "control \(value)")
        }
        for text in ["\"", "\\", "\\\"", "\"\\", "/", "😀", "a😀b", "𝄞\u{10FFFF}", "\u{FFFF}\u{FFFE}", "\u{0}", "é\u{301}", ""] {
            expectRoundTrip(Profile(id: text, name: text, keywords: [], domain: "", group: "", updated: text, levels: [text],
                                    roles: []), "text \(text.unicodeScalars.map(\.value))")
        }
    }

    /// Escapes the writer never writes but JSON allows: read as `JSONDecoder` reads them.
    @Test func otherEscapesReadAsJSONDecoderReadsThem() {
        let cases = [#"\/"#, #"a\/b"#, #"\u00e9"#, #"\u00E9"#, #"\u0041\u0000"#, #"\ud83d\ude00"#, #"x\uD834\uDD1Ey"#,
                     #"\u2028"#, #"\"\\\/\b\f\n\r\t"#, #"é\u00e9😀"#]
        for escaped in cases {
            let bytes = Array(#"{"domain":"D","group":"G","id":"x","keywords":[],"levels":[],"name":""#.utf8)
                + Array(escaped.utf8) + Array(#"","roles":[],"schema":1,"updated":"u"}"#.utf8)
            let fast = expectAgreesOrDeclines(bytes, escaped)
            #expect(fast != nil, "\(escaped): declined")
        }
        for broken in [#"\ud83d"#, #"\ud83dx"#, #"\ude00"#, #"\ud83d\u0041"#, #"\u12"#, #"\u12g4"#, #"\x"#, #"\'"#, "\u{7}"] {
            let bytes = Array(#"{"domain":"D","group":"G","id":"x","keywords":[],"levels":[],"name":""#.utf8)
                + Array(broken.utf8) + Array(#"","roles":[],"schema":1,"updated":"u"}"#.utf8)
            expectDeclines(bytes, broken)
        }
        let invalidUTF8: [[UInt8]] = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]
        for bad in invalidUTF8 {
            let bytes = Array(#"{"domain":"D","group":"G","id":"x","keywords":[],"levels":[],"name":""#.utf8)
                + bad + Array(#"","roles":[],"schema":1,"updated":"u"}"#.utf8)
            expectDeclines(bytes, "\(bad)")
        }
    }

    /// A small profile with every kind of field, resources at both places.
    static var small: Profile {
        Profile(id: "s", name: "N", keywords: ["k"], domain: "D", group: "G", updated: "2026-01-01", levels: ["One"],
                roles: [Role(id: "r", name: "R", levels: [RoleLevel(level: "One", required: true, expectations: [
                    Expectation(id: "e1", text: "T", resources: [Resource(title: "t", url: "https://x")]),
                    Expectation(id: "e2", text: "U"),
                ])])], resources: [Resource(title: "a", url: "https://a")])
    }

    @Test func everyTruncationIsDeclined() {
        let bytes = ProfileJSON.bytes(of: Self.small)
        for end in 0..<bytes.count { expectDeclines(Array(bytes[..<end]), "cut at \(end)") }
        let large = ProfileJSON.bytes(of: ProfileLibrary.bundled().profiles[0])
        for end in stride(from: 0, to: large.count, by: 97) { expectDeclines(Array(large[..<end]), "bundled cut at \(end)") }
    }

    /// Every key of the small profile, as written (`"name":`).
    static let keys = ["domain", "group", "id", "keywords", "levels", "name", "resources", "roles", "schema", "updated",
                       "expectations", "level", "required", "text", "title", "url"]

    /// Each occurrence of `old` in `bytes` replaced with `new`, one at a time.
    func variants(_ bytes: [UInt8], _ old: String, _ new: String) -> [[UInt8]] {
        let old = Array(old.utf8), new = Array(new.utf8)
        var found: [[UInt8]] = []
        var start = 0
        while start + old.count <= bytes.count {
            if Array(bytes[start..<(start + old.count)]) == old {
                found.append(Array(bytes[..<start]) + new + Array(bytes[(start + old.count)...]))
            }
            start += 1
        }
        return found
    }

    @Test func renamedAndExtraKeysAreDeclined() {
        let bytes = ProfileJSON.bytes(of: Self.small)
        for key in Self.keys {
            let renamed = variants(bytes, "\"\(key)\":", "\"\(key)x\":") + variants(bytes, "\"\(key)\":", "\"\(key.uppercased())\":")
                + variants(bytes, "\"\(key)\":", "\"\\u00\(String(key.utf8.first ?? 0, radix: 16))\(key.dropFirst())\":")
            #expect(!renamed.isEmpty, "\(key)")
            for (index, variant) in renamed.enumerated() { expectDeclines(variant, "\(key) renamed, \(index)") }
            for (index, variant) in variants(bytes, "\"\(key)\":", "\"extra\":0,\"\(key)\":").enumerated() {
                expectDeclines(variant, "extra key before \(key), \(index)")
            }
            for (index, variant) in variants(bytes, "\"\(key)\":", "\"\(key)\":\"x\",\"\(key)\":").enumerated() {
                expectDeclines(variant, "\(key) twice, \(index)")
            }
        }
        for (index, variant) in variants(bytes, "}", ",\"extra\":null}").enumerated() { expectDeclines(variant, "extra key at end \(index)") }
    }

    /// Keys in another order, white space, `null`, other types: `JSONDecoder` reads
    /// most of these (so `decode` still gives the profile), the hand reader none.
    @Test func otherShapesAreLeftToJSONDecoder() throws {
        let bytes = ProfileJSON.bytes(of: Self.small)
        let text = String(decoding: bytes, as: UTF8.self)
        let cases: [(String, String)] = [
            ("domain after group", text.replacingOccurrences(of: #"{"domain":"D","group":"G""#, with: #"{"group":"G","domain":"D""#)),
            ("updated first", text.replacingOccurrences(of: #","updated":"2026-01-01""#, with: "")
                .replacingOccurrences(of: #"{"domain""#, with: #"{"updated":"2026-01-01","domain""#)),
            ("text before id", text.replacingOccurrences(of: #"{"id":"e2","text":"U"}"#, with: #"{"text":"U","id":"e2"}"#)),
            ("url before title", text.replacingOccurrences(of: #"{"title":"a","url":"https://a"}"#, with: #"{"url":"https://a","title":"a"}"#)),
            ("required before level", text.replacingOccurrences(of: #""level":"One","required":true"#, with: #""required":true,"level":"One""#)),
            ("name before levels", text.replacingOccurrences(of: #","name":"R"}"#, with: "}")
                .replacingOccurrences(of: #"{"id":"r","levels""#, with: #"{"id":"r","name":"R","levels""#)),
            ("space after {", text.replacingOccurrences(of: "{\"domain\"", with: "{ \"domain\"")),
            ("space after :", text.replacingOccurrences(of: "\"name\":", with: "\"name\": ")),
            ("space after ,", text.replacingOccurrences(of: ",\"group\"", with: ", \"group\"")),
            ("newline at the end", text + "\n"),
            ("space in a list", text.replacingOccurrences(of: "[\"k\"]", with: "[ \"k\" ]")),
            ("null resources", text.replacingOccurrences(of: #""name":"N","#, with: #""name":"N","resources":null,"#)
                .replacingOccurrences(of: #","resources":[{"title":"a","url":"https://a"}]"#, with: "")),
            ("schema as text", text.replacingOccurrences(of: #""schema":1"#, with: #""schema":"1""#)),
            ("schema 1.0", text.replacingOccurrences(of: #""schema":1"#, with: #""schema":1.0"#)),
            ("schema 1e0", text.replacingOccurrences(of: #""schema":1"#, with: #""schema":1e0"#)),
            ("schema 01", text.replacingOccurrences(of: #""schema":1"#, with: #""schema":01"#)),
            ("schema -1", text.replacingOccurrences(of: #""schema":1"#, with: #""schema":-1"#)),
            ("huge schema", text.replacingOccurrences(of: #""schema":1"#, with: #""schema":123456789012345678901"#)),
            ("required as 1", text.replacingOccurrences(of: #""required":true"#, with: #""required":1"#)),
            ("required as text", text.replacingOccurrences(of: #""required":true"#, with: #""required":"true""#)),
            ("True", text.replacingOccurrences(of: #""required":true"#, with: #""required":True"#)),
            ("number for text", text.replacingOccurrences(of: #""name":"N""#, with: #""name":5"#)),
            ("nested keyword", text.replacingOccurrences(of: "[\"k\"]", with: "[[\"k\"]]")),
            ("object for a list", text.replacingOccurrences(of: "[\"k\"]", with: "{\"k\":\"k\"}")),
            ("trailing comma", text.replacingOccurrences(of: "[\"k\"]", with: "[\"k\",]")),
            ("two values", text + text),
        ]
        for (label, variant) in cases {
            #expect(variant != text, "\(label): changed nothing")
            expectDeclines(Array(variant.utf8), label)
        }
        // The reordered ones are still profiles: decode gets them from JSONDecoder.
        for (label, variant) in cases.prefix(6) { #expect(ProfileJSON.decode(Array(variant.utf8)) == Self.small, "\(label)") }
    }

    /// Every byte of a written profile changed to each of a few others: the hand
    /// reader never gives a profile `JSONDecoder` would not.
    @Test func mutatedBytesAgreeOrDecline() {
        let bytes = ProfileJSON.bytes(of: Self.small)
        let replacements = Array("\"\\{}[],:0a \u{1}".utf8) + [0x80, 0xC3]
        var taken = 0
        for position in bytes.indices {
            for replacement in replacements where replacement != bytes[position] {
                var mutated = bytes
                mutated[position] = replacement
                if expectAgreesOrDeclines(mutated, "byte \(position) to \(replacement)") != nil { taken += 1 }
            }
        }
        #expect(taken > 0)
    }
}
