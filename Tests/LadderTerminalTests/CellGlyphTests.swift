import Testing
@testable import LadderTerminal

/// wcwidth as glibc answers in a UTF-8 locale, for the scalars these tests use.
private func fakeWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return -1
    case 0x0300...0x036F, 0x200D, 0xFE0F: return 0
    case 0x4E00...0x9FFF, 0x1F300...0x1F64F: return 2
    default: return 1
    }
}

@Suite("What each canvas cell becomes on screen")
struct CellGlyphTests {
    func glyph(_ text: String, columns: Int = 1, unicode: Bool = true) -> CellGlyph {
        CellGlyph(text: text, columns: columns, unicode: unicode, width: fakeWidth)
    }

    @Test("Ordinary text passes through")
    func ordinary() {
        #expect(glyph("a") == CellGlyph(scalars: ["a"], padsNextColumn: false))
        #expect(glyph("ж") == CellGlyph(scalars: ["ж"], padsNextColumn: false))
        #expect(glyph("漢", columns: 2) == CellGlyph(scalars: ["漢"], padsNextColumn: false))
        #expect(glyph("e\u{301}") == CellGlyph(scalars: ["e", "\u{301}"], padsNextColumn: false))
    }

    @Test("An orphan continuation cell is a blank")
    func orphan() {
        #expect(glyph("") == CellGlyph(scalars: [" "], padsNextColumn: false))
    }

    @Test("Controls and bidi overrides never reach the terminal")
    func unsafe() {
        for text in ["\u{1B}", "\u{9B}", "\u{7F}", "\r", "\u{202E}", "\u{2066}", "\u{2028}"] {
            #expect(glyph(text) == CellGlyph(scalars: ["\u{FFFD}"], padsNextColumn: false), "\(text.unicodeScalars.first!.value)")
        }
        #expect(glyph("\u{1B}", columns: 2) == CellGlyph(scalars: ["\u{FFFD}"], padsNextColumn: true))
    }

    @Test("Wider than planned is replaced; narrower than planned is padded")
    func widthDisagreements() {
        #expect(glyph("漢", columns: 1) == CellGlyph(scalars: ["\u{FFFD}"], padsNextColumn: false))
        #expect(glyph("a", columns: 2) == CellGlyph(scalars: ["a"], padsNextColumn: true))
        #expect(glyph("\u{301}") == CellGlyph(scalars: ["\u{FFFD}"], padsNextColumn: false))
    }

    @Test("Without a UTF-8 locale only ASCII is drawn: a look-alike where there is one, else ?")
    func ascii() {
        #expect(glyph("a", unicode: false) == CellGlyph(scalars: ["a"], padsNextColumn: false))
        #expect(glyph("ж", unicode: false) == CellGlyph(scalars: ["?"], padsNextColumn: false))
        #expect(glyph("漢", columns: 2, unicode: false) == CellGlyph(scalars: ["?"], padsNextColumn: true))
        let lookalikes: [(String, Unicode.Scalar)] = [
            ("é", "e"), ("Ü", "U"), ("ñ", "n"), ("e\u{301}", "e"), ("…", "~"), ("—", "-"), ("–", "-"), ("’", "'"),
            ("“", "\""), ("·", "."), ("→", ">"), ("✓", "*"), ("\u{00A0}", " "),
        ]
        for (text, shown) in lookalikes {
            #expect(glyph(text, unicode: false) == CellGlyph(scalars: [shown], padsNextColumn: false), "\(text)")
        }
        // Nothing that could be read as a control: not the bidi or separator characters.
        #expect(glyph("\u{202E}", unicode: false) == CellGlyph(scalars: ["?"], padsNextColumn: false))
        #expect(glyph("\u{2028}", unicode: false) == CellGlyph(scalars: ["?"], padsNextColumn: false))
    }

    @Test("Long grapheme clusters are cut to what a cchar_t holds")
    func longClusters() {
        let family = "👨‍👩‍👧‍👦" // 7 scalars
        let cell = glyph(family, columns: 2)
        #expect(cell.scalars.count == CellGlyph.maxScalars)
        #expect(cell.scalars.first == "👨")
        #expect(glyph("ab", columns: 1).scalars == ["a"]) // several graphemes: the first only
    }
}

@Suite("Exit sequence and error messages")
struct ExitSequenceTests {
    @Test("Exit bytes: sgr0, cnorm, rmkx, mouse off, rmcup, padding removed")
    func exitBytes() {
        let capabilities = ["sgr0": "\u{1B}(B\u{1B}[m", "cnorm": "\u{1B}[?12l\u{1B}[?25h", "rmkx": "\u{1B}[?1l$<5>\u{1B}>",
                            "rmcup": "\u{1B}[?1049l"]
        let bytes = ExitSequence.bytes(mouse: true) { capabilities[$0] }
        #expect(String(decoding: bytes, as: UTF8.self)
            == "\u{1B}(B\u{1B}[m\u{1B}[?12l\u{1B}[?25h\u{1B}[?1l\u{1B}>\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l\u{1B}[?1049l")
        #expect(ExitSequence.bytes(mouse: false) { _ in nil }.isEmpty)
        #expect(ExitSequence.withoutPadding("a$<2*/>b$<") == "ab$<")
    }

    @Test("Messages name the problem and point to the CLI")
    func messages() {
        let all: [TerminalError] = [.notATerminal(stream: "stdin"), .termNotSet, .tooLimited(term: "dumb"),
                                    .unknownTerminal(term: "vt999")]
        for error in all {
            #expect(error.description.contains("Use the CLI commands instead"))
        }
        #expect(TerminalError.notATerminal(stream: "stdin").description.hasPrefix("ladder needs a terminal: stdin is not a TTY."))
        #expect(TerminalError.termNotSet.description.contains("TERM environment variable is not set"))
        #expect(TerminalError.tooLimited(term: "dumb").description.contains("TERM=dumb"))
        #expect(TerminalError.unknownTerminal(term: "x\u{1B}]0;pwned\u{7}").description.contains("TERM=x?]0;pwned?"))
    }
}
