import LadderTestSupport
import Testing
@testable import CellGrid

/// `TextWidth.wrap`: ASCII text is wrapped on its bytes, and must give exactly the
/// lines the grapheme path gives.
@Suite struct TextWrapTests {
    @Test func linesBreakAtSpacesAndLongWordsAreCut() {
        #expect(TextWidth.wrap("", to: 5) == [""])
        #expect(TextWidth.wrap("   ", to: 5) == [""])
        #expect(TextWidth.wrap("a  b ", to: 5) == ["a b"])
        #expect(TextWidth.wrap("one two three", to: 7) == ["one two", "three"])
        #expect(TextWidth.wrap("abcdefghij x", to: 4) == ["abcd", "efgh", "ij x"])
        #expect(TextWidth.wrap("abcd", to: 4) == ["abcd"])
        #expect(TextWidth.wrap("anything", to: 0) == [])
    }

    @Test func asciiTextWrapsAsTheGraphemePathWrapsIt() {
        var random = SeededRandom(seed: 42)
        let pieces = ["a", "bc", "def", "longerword", "x", " ", "  ", "   ", "supercalifragilistic", "-", "."]
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let columns = 1 + Int(random.next() % 24)
            #expect(TextWidth.wrap(text, to: columns) == TextWidth.wrapGraphemes(text, to: columns), "\"\(text)\" at \(columns)")
        }
    }
}
