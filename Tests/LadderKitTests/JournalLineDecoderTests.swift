import Foundation
import Testing
@testable import LadderKit

/// The hand-written journal line reader gives what `JSONDecoder` gives, or nothing
/// (and the line goes to `JSONDecoder`): on every line Ladder writes, on strings of
/// every kind and on fuzzed lines.
@Suite struct JournalLineDecoderTests {
    static func slow(_ bytes: [UInt8]) -> JournalLine? { try? JSONDecoder().decode(JournalLine.self, from: Data(bytes)) }

    /// The fast reader either declines or agrees with JSONDecoder.
    static func check(_ bytes: [UInt8], _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let fast = JournalLineDecoder.decode(bytes[...]) else { return }
        #expect(fast == slow(bytes), comment ?? "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// Strings that test escapes: quotes, backslashes, controls, non-ASCII, astral
    /// characters (written as surrogate pairs by some writers), bidi and NUL.
    static let awkward = ["plain", "", "quote \" and \\ backslash", "tab\tnew\nline\r", "ctl \u{01}\u{1F}\u{7F}",
                          "Ада Лавлейс", "日本語のテキスト", "emoji 👩🏽‍💻 and 🎉", "bidi \u{202E}evil\u{202C}", "nul \u{0}",
                          "slash / and <tags>", "\u{2028}\u{2029}", "C1 \u{9B}31m"]

    @Test func everyLineLadderWritesIsReadFastAndTheSame() throws {
        var events = (JournalLineTests.lines + RecordSnapshotTests.kinds.map { $0.replacingOccurrences(of: "UNDO", with: #""a","b""#) })
            .map { Array($0.utf8) }
        for (index, text) in Self.awkward.enumerated() {
            let reviewer = Reviewer(id: text, name: index % 3 == 0 ? nil : text)
            let changes: [Change] = [
                .person(name: text, mentee: index % 2 == 0),
                .person(name: nil, mentee: nil),
                .track(skill: text, role: text, level: text),
                .untrack(skill: text),
                .role(role: text, level: text),
                .tick(skill: "s", level: text, expectation: text, text: text),
                .untick(skill: "s", level: text, expectation: text, text: text),
                .note(skill: "s", level: nil, expectation: "e", text: text, note: text),
                .step(skill: text, level: text),
                .notApplicable(skill: "s", level: text, expectation: "e", text: text, reason: text),
                .applicable(skill: "s", level: nil, expectation: "e", text: text),
                .reviewStart(by: reviewer),
                .reviewNote(note: text, by: reviewer),
                .reviewEnd(by: nil),
                .confirm(skill: "s", expectation: "e", text: text, comment: text, by: reviewer),
                .question(skill: "s", expectation: "e", text: text, comment: text, by: nil),
                .answer(skill: "s", expectation: text, answer: text),
                .accept(skill: "s", expectation: "e", text: text, comment: text, by: reviewer),
                .withdraw(skill: "s", expectation: text, by: reviewer),
                .focus(skill: "s", level: text, expectation: "e", text: text, due: index % 2 == 0 ? nil : text),
                .unfocus(skill: "s", expectation: "e", text: text),
                .undo(events: [text, "0123456789abcdef"]),
                .undo(events: []),
            ]
            for change in changes { events.append(try JournalEvent(change, at: "2026-01-01T00:00:00Z").encodedLine()) }
        }
        for line in events {
            let fast = try #require(JournalLineDecoder.decode(line[...]), "declined: \(String(decoding: line, as: UTF8.self))")
            #expect(fast == Self.slow(line))
        }
        // Read as a journal is, the words lines repeat kept across lines: the same lines,
        // and the second time round each repeated word is the one kept.
        var words: RepeatedWords? = RepeatedWords()
        for line in events + events {
            #expect(JournalLineDecoder.decode(line[...], words: &words) == JournalLineDecoder.decode(line[...]))
        }
        let tick = Array(#"{"at":"2026-01-01T00:00:00Z","id":"ab","item":"e1","kind":"tick","level":"Senior","skill":"serverless-functions","text":"Optimizes cost and performance.","v":1}"#.utf8)
        let first = try #require(JournalLineDecoder.decode(tick[...], words: &words))
        let again = try #require(JournalLineDecoder.decode(tick[...], words: &words))
        #expect(try #require(first.text).isSameValue(as: try #require(again.text)))
        #expect(try #require(first.skill).isSameValue(as: try #require(again.skill)))
    }

    @Test func escapesAndSurrogatePairsReadAsJSONDecoderReadsThem() throws {
        let lines = [
            #"{"v":1,"id":"a","at":"t","kind":"note","note":"\ud83d\ude00 \u00e9\u0041\/\b\f\n\r\t\"\\"}"#,
            #"{ "v" : 1 , "id" : "a" , "at" : "t" , "kind" : "person" , "mentee" : false }  "#,
            #"{"v":1,"id":"a","at":"t","kind":"person","name":"\uD834\uDD1E"}"#,
            #"{"v":2,"id":"a","at":"t","kind":"undo","undo":[ "x" , "\u00e9" ],"due":"2026-01-01"}"#,
            #"{"v":2,"id":"a","at":"t","kind":"undo","undo":[ ]}"#,
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            #expect(JournalLineDecoder.decode(bytes[...]) != nil, "\(line)")
            Self.check(bytes)
        }
        #expect(JournalLineDecoder.decode(Array(#"{"v":1,"id":"a","at":"t","kind":"note","note":"\ud83d"}"#.utf8)[...]) == nil,
                "a lone surrogate goes to JSONDecoder")
    }

    @Test func unusualLinesAreLeftToJSONDecoder() {
        let lines = [
            #"{"v":1,"id":"a","at":"t","kind":"x","v":2}"#, // a repeated key
            #"{"v":"1","id":"a","at":"t","kind":"x"}"#, #"{"v":1.0,"id":"a","at":"t","kind":"x"}"#,
            #"{"v":01,"id":"a","at":"t","kind":"x"}"#, #"{"v":-1,"id":"a","at":"t","kind":"x"}"#,
            #"{"v":1,"id":"a","at":"t","kind":"x","name":null}"#, #"{"v":1,"id":"a","at":"t","kind":"x","extra":[1]}"#,
            #"{"v":1,"id":"a","at":"t"}"#, #"{"v":1,"id":"a","at":"t","kind":"x"} x"#, "{}", "[]", "",
            "{\"v\":1,\"id\":\"a\",\"at\":\"t\",\"kind\":\"x\u{01}\"}",
            #"{"v":1,"id":"a","at":"t","kind":"x","newer":"field"}"#, // a key JournalLine has not
            // Keys that share a length and first bytes with one it has.
            #"{"v":1,"id":"a","at":"t","kind":"x","w":"x"}"#, #"{"v":1,"id":"a","at":"t","kind":"x","ix":"x"}"#,
            #"{"v":1,"id":"a","at":"t","kind":"x","dux":"x"}"#, #"{"v":1,"id":"a","at":"t","kind":"x","nome":"x"}"#,
            #"{"v":1,"id":"a","at":"t","kind":"x","kinx":"x"}"#, #"{"v":1,"id":"a","at":"t","kind":"x","mentor":"x"}"#,
            #"{"v":1,"id":"a","at":"t","kind":"x","lever":"x"}"#, #"{"v":1,"id":"a","at":"t","kind":"x","":"x"}"#,
            #"{"v":2,"id":"a","at":"t","kind":"undo","undo":["a",1]}"#, #"{"v":2,"id":"a","at":"t","kind":"undo","undo":"a"}"#,
            #"{"v":2,"id":"a","at":"t","kind":"undo","undo":["a",]}"#, #"{"v":2,"id":"a","at":"t","kind":"undo","undo":null}"#,
            #"{"v":1,"id":"a","at":"t","kind":"focus","due":null}"#,
        ]
        for line in lines {
            #expect(JournalLineDecoder.decode(Array(line.utf8)[...]) == nil, "\(line)")
        }
        #expect(JournalLineDecoder.decode([0x7B, 0x22, 0xFF, 0x22][...]) == nil)
    }

    /// Numbers of 18 digits are read; longer ones are left to `JSONDecoder` (they
    /// once overflowed, which stopped Ladder).
    @Test func longNumbersAreReadOrDeclinedWithoutOverflow() {
        let line = { (v: String) in Array(#"{"v":\#(v),"id":"a","at":"t","kind":"x"}"#.utf8) }
        #expect(JournalLineDecoder.decode(line("123456789012345678")[...])?.v == 123_456_789_012_345_678)
        for v in ["1234567890123456789", "99999999999999999999", String(repeating: "9", count: 40)] {
            #expect(JournalLineDecoder.decode(line(v)[...]) == nil, "\(v)")
            Self.check(line(v))
        }
    }

    @Test func fuzzedLinesAreReadAsJSONDecoderReadsThemOrDeclined() throws {
        var random = RecordSnapshotTests.Seeded(21)
        var seeds = JournalLineTests.lines.map { Array($0.utf8) }
        for text in Self.awkward {
            seeds.append(try JournalEvent(.reviewNote(note: text, by: Reviewer(id: text, name: text)), at: "t").encodedLine())
            seeds.append(try JournalEvent(.undo(events: [text, text]), at: "t").encodedLine())
            seeds.append(try JournalEvent(.focus(skill: "s", level: "l", expectation: "e", text: text, due: text), at: "t").encodedLine())
        }
        let alphabet = Array(#"{}[]":,\ u0123456789abcdefABCDEF.-+eEtrufalsn"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xA9, 0xFF, 0xED, 0xA0]
        var taken = 0
        for round in 0..<20_000 {
            var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let place = Int(random.next() % UInt64(bytes.count + 1))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 4 {
                case 0 where place < bytes.count: bytes[place] = byte
                case 1: bytes.insert(byte, at: place)
                case 2 where place < bytes.count: bytes.remove(at: place)
                default: bytes = Array(bytes.prefix(place))
                }
            }
            if JournalLineDecoder.decode(bytes[...]) != nil { taken += 1 }
            Self.check(bytes, "round \(round): \(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(taken > 1_000, "the fuzzed lines the fast reader took: \(taken)")
    }
}
