import CellGrid
import Testing
@testable import LadderTerminal

/// A canvas with a box around it and one line of text per row inside.
func boxedCanvas(width: Int, lines: [String]) -> Canvas {
    var canvas = Canvas(width: width, height: lines.count + 2)
    canvas.put("┌" + String(repeating: "─", count: max(0, width - 2)) + "┐", x: 0, y: 0)
    for (index, line) in lines.enumerated() {
        let y = index + 1
        canvas.put(line, x: 1, y: y, limit: width - 2)
        canvas.put("│", x: 0, y: y)
        canvas.put("│", x: width - 1, y: y)
    }
    canvas.put("└" + String(repeating: "─", count: max(0, width - 2)) + "┘", x: 0, y: lines.count + 1)
    return canvas
}

private func trimmed(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    return text
}

extension CursesTests {
    @Suite("Drawing a canvas (headless curses on /dev/null)")
    struct DrawingTests {
        static let sample = [
            "plain ASCII text",
            "Привет, мир",
            "漢字とかな",
            "emoji 🎉👍 end",
            "mix 中a文b",
            "a very long line that does not fit inside the box at all",
        ]

        @Test("Text of every script lands in the canvas's columns; the border lines up")
        func scripts() throws {
            let terminal = try NcursesTerminal(headlessWidth: 30, height: 10)
            defer { terminal.stop() }
            let canvas = boxedCanvas(width: 30, lines: Self.sample)
            terminal.draw(canvas)
            for y in 0..<canvas.height {
                #expect(trimmed(terminal.screenText(row: y)) == canvas.lines[y], "row \(y)")
                let rightEdge = y == 0 ? "┐" : y == canvas.height - 1 ? "┘" : "│"
                #expect(terminal.screenText(row: y, from: 29) == rightEdge, "row \(y)")
            }
            // Cells after wide characters: "漢字" takes columns 1–4, "と" starts at 5.
            #expect(terminal.screenText(row: 3, from: 5).hasPrefix("とかな"))
            #expect(terminal.screenText(row: 4, from: 7).hasPrefix("🎉👍 end"))
            #expect(terminal.screenText(row: 4, from: 11).hasPrefix(" end"))
            #expect(terminal.screenText(row: 5, from: 5).hasPrefix("中a文b"))
            #expect(terminal.screenText(row: 5, from: 7).hasPrefix("a文b"))
            // Rows below the canvas are blank.
            #expect(trimmed(terminal.screenText(row: 9)) == "")
        }

        @Test("Styles become curses attributes and colour pairs")
        func styles() throws {
            let terminal = try NcursesTerminal(headlessWidth: 20, height: 3)
            defer { terminal.stop() }
            #expect(terminal.colour)
            var canvas = Canvas(width: 20, height: 3)
            canvas.put("B", x: 0, y: 0, style: .bold)
            canvas.put("R", x: 1, y: 0, style: Style([.reverse, .underline]))
            canvas.put("A", x: 2, y: 0, style: .accent)
            canvas.put("p", x: 3, y: 0)
            terminal.draw(canvas)
            let bold = try #require(terminal.screenStyle(x: 0, y: 0))
            #expect(bold.attributes & NcursesTerminal.attributeBit(.bold) != 0)
            let reverse = try #require(terminal.screenStyle(x: 1, y: 0))
            #expect(reverse.attributes & NcursesTerminal.attributeBit(.reverse) != 0)
            #expect(reverse.attributes & NcursesTerminal.attributeBit(.underline) != 0)
            let accent = try #require(terminal.screenStyle(x: 2, y: 0))
            #expect(accent.pair != 0)
            #expect(accent.attributes & NcursesTerminal.attributeBit(.bold) != 0)
            let plain = try #require(terminal.screenStyle(x: 3, y: 0))
            #expect(plain.pair == 0)
            #expect(plain.attributes & NcursesTerminal.attributeBit(.bold) == 0)
        }

        @Test("A styled blank keeps its style; a plain blank clears what the frame before drew")
        func blanks() throws {
            let terminal = try NcursesTerminal(headlessWidth: 6, height: 1)
            defer { terminal.stop() }
            var before = Canvas(width: 6, height: 1)
            before.put("abcdef", x: 0, y: 0, style: .accent)
            terminal.draw(before)
            var after = Canvas(width: 6, height: 1)
            after.put("x", x: 0, y: 0)
            after.put(" ", x: 1, y: 0, style: .reverse)
            terminal.draw(after)
            #expect(terminal.screenText(row: 0) == "x     ")
            let reversed = try #require(terminal.screenStyle(x: 1, y: 0))
            #expect(reversed.attributes & NcursesTerminal.attributeBit(.reverse) != 0)
            for x in 2..<6 {
                let blank = try #require(terminal.screenStyle(x: x, y: 0))
                #expect(blank.pair == 0 && blank.attributes & NcursesTerminal.attributeBit(.bold) == 0, "column \(x)")
            }
        }

        @Test("A row changed since the frame before is drawn whole; a smaller canvas or screen redraws everything")
        func changedRows() throws {
            let terminal = try NcursesTerminal(headlessWidth: 8, height: 3)
            defer { terminal.stop() }
            func canvas(_ rows: [String], width: Int = 8) -> Canvas {
                var canvas = Canvas(width: width, height: rows.count)
                for (y, row) in rows.enumerated() { canvas.put(row, x: 0, y: y) }
                return canvas
            }
            terminal.draw(canvas(["abcdefgh", "12345678", "zz"]))
            terminal.draw(canvas(["abcdefgh", "x", "zz"]))
            #expect((0..<3).map { trimmed(terminal.screenText(row: $0)) } == ["abcdefgh", "x", "zz"])
            terminal.draw(canvas(["q"]))
            #expect((0..<3).map { trimmed(terminal.screenText(row: $0)) } == ["q", "", ""])
            terminal.resize(width: 4, height: 2)
            terminal.draw(canvas(["q", "wxyz"], width: 4))
            #expect((0..<2).map { terminal.screenText(row: $0) } == ["q   ", "wxyz"])
            terminal.resize(width: 8, height: 3)
            terminal.draw(canvas(["q", "wxyz", ""]))
            #expect((0..<3).map { trimmed(terminal.screenText(row: $0)) } == ["q", "wxyz", ""])
        }

        @Test("With colour off, roles draw without pairs and muted is dim")
        func noColour() throws {
            let terminal = try NcursesTerminal(headlessWidth: 10, height: 2, colour: false)
            defer { terminal.stop() }
            #expect(!terminal.colour)
            var canvas = Canvas(width: 10, height: 2)
            canvas.put("a", x: 0, y: 0, style: .accent)
            canvas.put("m", x: 1, y: 0, style: .muted)
            terminal.draw(canvas)
            #expect(terminal.screenStyle(x: 0, y: 0)?.pair == 0)
            let muted = try #require(terminal.screenStyle(x: 1, y: 0))
            #expect(muted.attributes & NcursesTerminal.attributeBit(.dim) != 0)
        }

        @Test("The bottom-right cell is drawn")
        func bottomRight() throws {
            let terminal = try NcursesTerminal(headlessWidth: 10, height: 3)
            defer { terminal.stop() }
            var canvas = Canvas(width: 10, height: 3)
            for y in 0..<3 { canvas.fill("x", x: 0, y: y, count: 10) }
            canvas.put("中", x: 8, y: 2)
            terminal.draw(canvas)
            #expect(terminal.screenText(row: 2) == "xxxxxxxx中")
            #expect(terminal.screenText(row: 0) == "xxxxxxxxxx")
        }

        @Test("Cells the canvas got wrong keep the columns: wide at the edge, orphans, controls")
        func brokenCells() throws {
            let terminal = try NcursesTerminal(headlessWidth: 6, height: 1)
            defer { terminal.stop() }
            var canvas = Canvas(width: 6, height: 1)
            canvas[0, 0] = Cell("\u{1B}")
            canvas[1, 0] = .continuation // orphan
            canvas[2, 0] = Cell("\u{202E}")
            canvas[3, 0] = Cell("中") // wide without its continuation cell
            canvas[4, 0] = Cell("b")
            canvas[5, 0] = Cell("文") // wide in the last column
            terminal.draw(canvas)
            #expect(terminal.screenText(row: 0) == "\u{FFFD} \u{FFFD}\u{FFFD}b\u{FFFD}")
        }

        @Test("Under a non-UTF-8 locale non-ASCII becomes a look-alike or ? and keeps its columns")
        func asciiLocale() throws {
            let terminal = try NcursesTerminal(headlessWidth: 12, height: 1, utf8: false)
            defer { terminal.stop() }
            #expect(!terminal.unicode)
            var canvas = Canvas(width: 12, height: 1)
            canvas.put("ab жи 中|é…", x: 0, y: 0)
            terminal.draw(canvas)
            #expect(terminal.screenText(row: 0) == "ab ?? ? |e~ ") // 中 is "?" and a blank
        }

        @Test("Tiny screens, mismatched canvases and hundreds of resizes do not crash")
        func tinySizes() throws {
            let terminal = try NcursesTerminal(headlessWidth: 80, height: 24)
            defer { terminal.stop() }
            for (width, height) in [(10, 3), (1, 1), (2, 1), (1, 2), (3, 3)] {
                terminal.resize(width: width, height: height)
                #expect(terminal.size == (width, height))
                terminal.draw(boxedCanvas(width: width, lines: Array(Self.sample.prefix(max(0, height - 2)))))
                var wide = Canvas(width: width, height: height)
                wide.put("中文🎉", x: 0, y: 0)
                wide.put("Ж", x: width - 1, y: height - 1)
                terminal.draw(wide)
                terminal.draw(Canvas(width: 0, height: 0))
                terminal.draw(boxedCanvas(width: 100, lines: Self.sample)) // larger than the screen
            }
            terminal.resize(width: 1, height: 1)
            var one = Canvas(width: 1, height: 1)
            one.put("a", x: 0, y: 0)
            terminal.draw(one)
            #expect(terminal.screenText(row: 0) == "a")

            var generator = SystemRandomNumberGenerator()
            for _ in 0..<300 {
                let width = Int.random(in: 1...140, using: &generator)
                let height = Int.random(in: 1...50, using: &generator)
                terminal.resize(width: width, height: height)
                let canvasWidth = max(2, width + Int.random(in: -3...3, using: &generator))
                terminal.draw(boxedCanvas(width: canvasWidth, lines: Array(repeating: Self.sample, count: 10).flatMap { $0 }
                    .prefix(max(0, height - 2)).map { $0 }))
            }
        }
    }
}
