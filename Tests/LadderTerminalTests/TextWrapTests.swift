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
        var random = SplitMix(seed: 42)
        let pieces = ["a", "bc", "def", "longerword", "x", " ", "  ", "   ", "supercalifragilistic", "-", "."]
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let columns = 1 + Int(random.next() % 24)
            #expect(TextWidth.wrap(text, to: columns) == TextWidth.wrapGraphemes(text, to: columns), "\"\(text)\" at \(columns)")
        }
    }

    /// A small seeded generator, so a failure repeats.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
