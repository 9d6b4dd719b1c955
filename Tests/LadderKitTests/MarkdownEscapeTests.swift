import CellGrid
import Testing
@testable import LadderKit

/// The byte check that lets most text skip Markdown escaping never skips text that
/// the character by character escape would change.
@Suite struct MarkdownEscapeTests {
    @Test func textJudgedSafeByItsBytesIsTextTheEscapeLeavesAlone() {
        var random = RecordSnapshotTests.Seeded(31)
        let pieces = ["a", "Z", " ", ".", ")", "1", "9", "#", "-", "+", "=", "&", "amp;", "*", "_", "`", "|", "~", "<", "[",
                      "\\", "é", "\u{301}", "日", "👩🏽‍💻", "\u{202E}", "\u{1B}", "x", "Designs it."]
        var skipped = 0
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let safe = Safe.text(text)
            guard !MarkdownReport.mayNeedEscape(safe) else { continue }
            skipped += 1
            #expect(MarkdownReport.escape(text) == safe, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            // The careful path on the same text changes nothing either.
            #expect(MarkdownReport.escape(safe + "*").dropLast(2) == safe)
        }
        #expect(skipped > 1_000)
        #expect(MarkdownReport.escape("Cut p99 latency from 800 ms to 120 ms.") == "Cut p99 latency from 800 ms to 120 ms.")
        #expect(MarkdownReport.escape("1. item") == "1\\. item")
        #expect(MarkdownReport.escape("# x #") == "\\# x \\#")
    }

    /// Pieces that make the escape's rules matter, and characters around them that
    /// change which characters there are: combining marks (after a digit it is no digit
    /// any more, after a `*` no `*`), a character canonically equal to an ASCII one
    /// (U+1FEF is a backtick, U+037E a semicolon, U+212A a K), emoji, CJK.
    static let trickyPieces = ["a", "Z", " ", ".", ")", "1", "09", "#", "-", "+", "=", "&", "amp", "#35", ";", "*", "_", "`", "|",
                               "~", "<", ">", "[", "]", "\\", "é", "e\u{301}", "\u{301}", "\u{20DD}", "\u{1FEF}", "\u{037E}",
                               "\u{212A}", "日", "👩🏽‍💻", "🇫🇷", "\u{FE0F}", "\u{200D}", "\u{202E}", "\u{1B}", "\t", "\r\n",
                               "\u{0600}", "x", "Designs it."]

    @Test func escapeWritesWhatTheCharacterByCharacterEscapeWrote() {
        var random = RecordSnapshotTests.Seeded(47)
        for _ in 0..<30_000 {
            let text = (0..<Int(random.next() % 8)).map { _ in Self.trickyPieces[Int(random.next() % UInt64(Self.trickyPieces.count))] }.joined()
            #expect(MarkdownReport.escape(text) == Self.characterByCharacter(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(MarkdownReport.escape("3\u{301}. x") == "3\u{301}. x", "a digit with a mark is no digit")
        #expect(MarkdownReport.escape("12) x") == "12\\) x")
        #expect(MarkdownReport.escape("*\u{301}*") == "*\u{301}\\*", "a star with a mark is another character")
        #expect(MarkdownReport.escape("a\u{1FEF}*") == "a\\\u{1FEF}\\*", "U+1FEF is a backtick to ==")
        #expect(MarkdownReport.escape("&amp\u{037E} &amp; & x#") == "\\&amp\u{037E} \\&amp; & x\\#", "U+037E is a semicolon to ==")
    }

    @Test func aDayIsWhatEscapingItsFirstTenCharactersGave() {
        var random = RecordSnapshotTests.Seeded(48)
        let pieces = ["2026-05-01", "T09:00:00Z", "1", "-", "0", ".", ")", "\u{301}", "é", "x", "#", "*", "202", "6-05-01"]
        for _ in 0..<20_000 {
            let moment = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(MarkdownReport.day(moment) == MarkdownReport.escape(String(moment.prefix(10))), "\(moment.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(MarkdownReport.day("2026-05-01T09:00:00Z") == "2026-05-01")
        #expect(MarkdownReport.day("2026-05-0\u{301}1") == "2026-05-0\u{301}1")
    }

    /// The escape as it was written first, character by character after a check of the
    /// bytes: what the byte by byte path for ASCII text and the character path for the
    /// rest must give. (A character equal to an ASCII one only to `==`, like U+1FEF, is
    /// escaped only when some byte sends the text down the careful path.)
    static func characterByCharacter(_ text: String) -> String {
        let safe = Safe.text(text)
        let bytes = Array(safe.utf8)
        let special = Array("\\`*_[]<>|~&".utf8)
        guard let first = bytes.first, let last = bytes.last,
              Array("#-+=0123456789".utf8).contains(first) || last == UInt8(ascii: "#") || bytes.contains(where: special.contains)
        else { return safe }
        let characters = Array(safe)
        func isASCIIDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
        func entityFollows(_ index: Int) -> Bool {
            var end = index + 1
            while end < characters.count, end - index <= 32,
                  characters[end] == "#" || (characters[end].isASCII && (characters[end].isLetter || characters[end].isNumber)) {
                end += 1
            }
            return end > index + 1 && end < characters.count && characters[end] == ";"
        }
        var out = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out.append("\\")
            case "&" where entityFollows(index):
                out.append("\\")
            case "#" where index == 0 || index == characters.count - 1:
                out.append("\\")
            case "-" where index == 0, "+" where index == 0, "=" where index == 0:
                out.append("\\")
            case "." where index > 0 && characters[..<index].allSatisfy(isASCIIDigit),
                 ")" where index > 0 && characters[..<index].allSatisfy(isASCIIDigit):
                out.append("\\")
            default:
                break
            }
            out.append(character)
        }
        return out
    }
}
