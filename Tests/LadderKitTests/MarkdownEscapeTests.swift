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
}
