import Testing
@testable import LadderKit

/// What a long journal's reading leans on: `RepeatedWords` hands out one value for a
/// text read again and changes no text, `WordHash` gives equal bytes equal hashes and
/// tells word boundaries apart, and `String.isSameValue` is true only for one value.
struct RepeatedWordsTests {
    static func word(_ text: String, in words: inout RepeatedWords) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { words.word($0, ascii: text.utf8.allSatisfy { $0 < 0x80 }) }
    }

    @Test func aLongTextReadAgainIsTheSameValueAndEveryTextIsUnchanged() throws {
        var words = RepeatedWords()
        let texts = ["Deploys simple changes using the CLI or the console.", "serverless-functions-with-a-long-id",
                     "Ада Лавлейс пишет длинные тексты", "short", "", "exactly15bytes!", "sixteen bytes!!!",
                     String(repeating: "x", count: RepeatedWords.longestBytes + 1)]
        for text in texts {
            let first = try #require(Self.word(text, in: &words))
            let again = try #require(Self.word(text, in: &words))
            #expect(first == text && again == text)
            #expect(Array(first.utf8) == Array(text.utf8))
            let kept = text.utf8.count > RepeatedWords.inlineBytes && text.utf8.count <= RepeatedWords.longestBytes
            if kept { #expect(first.isSameValue(as: again), "\(text)") }
        }
        // Texts of one length that differ in one byte stay apart.
        let a = try #require(Self.word("the same length, first", in: &words))
        let b = try #require(Self.word("the same length, fir5t", in: &words))
        #expect(a != b && !a.isSameValue(as: b))
    }

    @Test func bytesThatAreNotUTF8GiveNothingAndAreNotKept() {
        var words = RepeatedWords()
        let bad: [UInt8] = Array("a long enough text then ".utf8) + [0xFF, 0xFE]
        for _ in 0..<2 { #expect(bad.withUnsafeBufferPointer { words.word($0, ascii: false) } == nil) }
    }

    /// Past `mostWords` texts are still read right, only no longer kept.
    @Test func pastItsLimitTextsAreMadeEachTime() throws {
        var words = RepeatedWords()
        for index in 0..<(RepeatedWords.mostWords + 10) {
            let text = "a text numbered \(index)"
            #expect(Self.word(text, in: &words) == text)
        }
        let late = "a text numbered \(RepeatedWords.mostWords + 5)"
        let first = try #require(Self.word(late, in: &words)), again = try #require(Self.word(late, in: &words))
        #expect(first == late && again == late && !first.isSameValue(as: again))
    }

    @Test func equalBytesHashEquallyAndWordBoundariesCount() {
        func hash(_ words: [String?]) -> UInt64 {
            var hash = WordHash()
            for word in words { hash.add(word) }
            return hash.value
        }
        let long = String(repeating: "abcdefgh", count: 5) + "tail"
        #expect(hash([long, "x"]) == hash([String(long.utf8.map { Character(UnicodeScalar($0)) }), "x"]))
        #expect(hash(["ab", "c"]) != hash(["a", "bc"]))
        #expect(hash(["abc", nil]) != hash(["abc", ""]))
        #expect(hash(["abcdefgh"]) != hash(["abcdefgh", ""]))
        #expect(hash([nil]) != hash([""]))
    }

    @Test func isSameValueIsTrueOnlyForOneValue() {
        let long = "a text long enough to be kept in its own buffer"
        let copy = long
        let rebuilt = String(decoding: Array(long.utf8), as: UTF8.self)
        #expect(long.isSameValue(as: copy))
        #expect(!long.isSameValue(as: rebuilt) && long == rebuilt)
        #expect("short".isSameValue(as: String(decoding: Array("short".utf8), as: UTF8.self)))
        #expect(!"short".isSameValue(as: "shorT"))
    }
}
