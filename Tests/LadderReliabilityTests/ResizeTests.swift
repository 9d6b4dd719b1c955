import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing

/// Headless: hundreds of random sizes (down to 10×3, and below) mixed with random
/// keys, clicks and scrolls on every screen never crash, and every frame is exactly
/// the size asked for with an aligned cell grid.
@Suite struct ResizeTests {
    @Test(arguments: [true, false])
    func randomSizesAndKeysNeverCrash(_ unicode: Bool) throws {
        let (scratch, home) = try R.dataFolder("resize-\(unicode)")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        try R.write(HostileProfileTests.hostile, to: folder.profilesPath + "/hostile.yaml")
        let store = Store(folder: folder)
        try store.append([JournalEvent(.track, skill: "small-skill", role: "tester", level: "Junior"),
                          JournalEvent(.track, skill: "hostile", role: "dev", level: "One")], for: .me)
        try store.append([JournalEvent(.person, name: "Ада"), JournalEvent(.track, skill: "serverless-functions", role: "cloud-engineer", level: "Middle")],
                         for: PersonID(name: "Ада"))
        let app = LadderApp(store: store, library: ProfileLibrary.load(from: folder), person: .me, unicode: unicode)
        let keys: [Key] = [.up, .down, .left, .right, .enter, .escape, .tab, .backTab, .pageUp, .pageDown, .home, .end, .backspace,
                           .character(" "), .character("?"), .character("a"), .character("P"), .character("/"), .character("j"),
                           .character("k"), .character("h"), .character("l"), .character("x"), .character("e"), .character("n"),
                           .character("é"), .character("漢"), .function(1)]
        var random = SeededRandom(seed: unicode ? 10 : 11)
        var width = 100, height = 30
        let fixed = [(10, 3), (11, 3), (10, 4), (1, 1), (0, 0), (2, 1), (200, 60), (80, 24)]
        for step in 0..<800 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...3:
                (width, height) = step % 25 == 0 ? fixed[step / 25 % fixed.count]
                    : (Int.random(in: 10...200, using: &random), Int.random(in: 3...60, using: &random))
                app.handle(.resize(width: width, height: height))
            case 4:
                app.handle(.click(x: Int.random(in: 0..<max(1, width), using: &random), y: Int.random(in: 0..<max(1, height), using: &random)))
            case 5:
                app.handle(.scroll(up: Bool.random(using: &random)))
            default:
                app.handle(.key(keys.randomElement(using: &random) ?? .down))
            }
            if app.isFinished { break }
            let canvas = app.render(width: width, height: height)
            #expect(canvas.width == max(0, width) && canvas.height == max(0, height), "step \(step)")
            #expect(canvas.cells.count == canvas.width * canvas.height)
            if step % 10 == 0 { HostileProfileTests.checkGrid(canvas, "step \(step) at \(width)x\(height)") }
            if !unicode && step % 10 == 0 {
                // ASCII mode: nothing but ASCII, apart from text that came from files.
                let text = canvas.text
                #expect(!text.contains("│") && !text.contains("─") && !text.contains("█") && !text.contains("→"), "step \(step): \(text)")
            }
        }
    }

    /// At the smallest size, each screen still draws something, exactly 10×3.
    @Test func everyScreenDrawsAt10x3() throws {
        let (scratch, home) = try R.dataFolder("tiny")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try Store(folder: folder).append([JournalEvent(.track, skill: "serverless-functions", role: "cloud-engineer", level: "Middle")], for: .me)
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        for keys in [[], [Key.enter], [.character("?")], [.escape, .escape, .character("P")], [.escape, .character("a")]] {
            for key in keys { app.handle(.key(key)) }
            let canvas = app.render(width: 10, height: 3)
            #expect(canvas.lines.count == 3)
            #expect(!canvas.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(keys): blank at 10x3")
        }
    }
}
