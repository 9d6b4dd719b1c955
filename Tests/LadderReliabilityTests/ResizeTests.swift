import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing

/// Headless: hundreds of random sizes (down to 10×3, and below) mixed with random
/// keys, clicks and scrolls on every screen never crash; every frame is drawn at the
/// size of the last resize, with an aligned cell grid; below 40×10 the frame is the
/// too-small notice, from 40×10 up the title bar and the status line; and once the
/// terminal is large again the screen is back, with its title.
@Suite struct ResizeTests {
    @Test(arguments: [true, false])
    func randomSizesAndKeysNeverCrash(_ unicode: Bool) throws {
        let (scratch, home) = try R.dataFolder("resize-\(unicode)")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        try R.write(HostileProfileTests.hostile, to: folder.profilesPath + "/hostile.yaml")
        let store = Store(folder: folder)
        try store.append([JournalEvent(.track(skill: "small-skill", role: "tester", level: "Junior"), at: JournalEvent.now()),
                          JournalEvent(.track(skill: "hostile", role: "dev", level: "One"), at: JournalEvent.now())], for: .me)
        try store.append([JournalEvent(.person(name: "Ада", mentee: nil), at: JournalEvent.now()), JournalEvent(.track(skill: "serverless-functions", role: "cloud-engineer", level: "Middle"), at: JournalEvent.now())],
                         for: PersonID(name: "Ада"))
        let app = LadderApp(store: store, library: ProfileLibrary.load(from: folder), person: .me, unicode: unicode)
        let keys: [Key] = [.up, .down, .left, .right, .enter, .escape, .tab, .backTab, .pageUp, .pageDown, .home, .end, .backspace,
                           .character(" "), .character("?"), .character("a"), .character("P"), .character("/"), .character("j"),
                           .character("k"), .character("h"), .character("l"), .character("x"), .character("e"), .character("n"),
                           .character("é"), .character("漢"), .function(1)]
        var random = SeededRandom(seed: unicode ? 10 : 11)
        var width = 100, height = 30
        app.handle(.resize(width: width, height: height))
        let fixed = [(10, 3), (11, 3), (10, 4), (1, 1), (0, 0), (2, 1), (200, 60), (80, 24), (39, 10), (40, 9), (40, 10)]
        var tooSmall = 0, fullSize = 0
        for step in 0..<800 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...3:
                (width, height) = step % 20 == 0 ? fixed[step / 20 % fixed.count]
                    : (Int.random(in: 10...200, using: &random), Int.random(in: 3...60, using: &random))
                app.handle(.resize(width: width, height: height))
            case 4:
                app.handle(.click(x: Int.random(in: 0..<max(1, width), using: &random), y: Int.random(in: 0..<max(1, height), using: &random)))
            case 5:
                app.handle(.scroll(up: Bool.random(using: &random)))
            default:
                app.handle(.key(keys.randomElement(using: &random) ?? .down))
            }
            #expect(!app.isFinished, "step \(step): none of these keys quits")
            let canvas = app.frame
            let label = "step \(step) at \(width)x\(height)"
            #expect(canvas.width == width && canvas.height == height, "\(label): the frame is \(canvas.width)x\(canvas.height)")
            let lines = canvas.lines
            if width < 40 || height < 10 {
                tooSmall += 1
                if width >= 10 && height >= 3 {
                    let words = lines.joined(separator: " ").split(separator: " ").map(String.init)
                    #expect(words.prefix(4) == ["Terminal", "too", "small:", "\(width)×\(height)."], "\(label): \(canvas.text)")
                }
            } else {
                fullSize += 1
                #expect(lines.first?.hasPrefix(" Ladder ") == true, "\(label): no title bar: \(canvas.text)")
                #expect(lines.last.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == true, "\(label): no status line")
                #expect(!canvas.text.contains("Terminal too small"), "\(label)")
            }
            if step % 10 == 0 { HostileProfileTests.checkGrid(canvas, label) }
            if !unicode && step % 10 == 0 {
                // ASCII mode: nothing but ASCII, apart from text that came from files.
                let text = canvas.text
                #expect(!text.contains("│") && !text.contains("─") && !text.contains("█") && !text.contains("→"), "\(label): \(text)")
            }
        }
        #expect(tooSmall > 50 && fullSize > 50, "the sizes did not cover both sides of 40x10: \(tooSmall) small, \(fullSize) full")

        // Large again, on a screen reached by keys from wherever the random walk ended.
        for _ in 0..<6 { app.handle(.key(.escape)) } // closes prompts and help, goes back
        app.handle(.key(.character("P")))
        app.handle(.resize(width: 100, height: 30))
        let lines = app.frame.lines
        #expect(lines.first?.hasPrefix(" Ladder ") == true && lines.first?.hasSuffix(" People") == true, "\(app.frame.text)")
    }

    /// At 10×3 every screen shows the too-small notice (and quitting still works); at
    /// 100×30 again, the screen it was on, with its title.
    @Test func everyScreenShowsTheNoticeAt10x3AndComesBack() throws {
        let (scratch, home) = try R.dataFolder("tiny")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try Store(folder: folder).append([JournalEvent(.track(skill: "serverless-functions", role: "cloud-engineer", level: "Middle"), at: JournalEvent.now())], for: .me)
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        let steps: [([Key], String)] = [([], "Your skills"), ([.enter], "Serverless Functions"), ([.character("?")], "Help"),
                                        ([.escape, .escape, .character("P")], "People"), ([.escape, .character("a")], "Profiles")]
        for (keys, title) in steps {
            app.handle(.resize(width: 10, height: 3))
            for key in keys { app.handle(.key(key)) }
            #expect(app.frame.lines == ["Terminal", "too small:", "10×3."], "\(keys): \(app.frame.text)")
            app.handle(.resize(width: 100, height: 30))
            let top = app.frame.lines.first ?? ""
            #expect(top.hasPrefix(" Ladder ") && top.hasSuffix(" " + title), "\(keys): '\(top)'")
        }
        app.handle(.resize(width: 10, height: 3))
        app.handle(.key(.character("q")))
        #expect(app.isFinished)
    }
}
