import Foundation
import LadderKit
import LadderTestSupport
import Testing

/// Seeded random damage to real profiles and journals: loading never crashes and
/// always ends in a result or a reported problem that points inside the file and
/// prints safely. Seeds are fixed, so a failure repeats; the seed is in the message.
@Suite struct FuzzTests {
    /// Bytes that matter to YAML and JSON, controls, and broken UTF-8.
    static let interesting: [UInt8] = Array(":-?[]{},&*!|>'\"#%@`\n\r\t \\".utf8) + [0x00, 0x1B, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0xEF, 0xBB, 0xBF]

    static func mutate(_ input: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { bytes = [interesting.randomElement(using: &random) ?? 0x20]; continue }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes[at] = interesting.randomElement(using: &random) ?? 0x20
            case 2: bytes.insert(interesting.randomElement(using: &random) ?? 0x20, at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            case 4: // duplicate a range somewhere else
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &random))
                let piece = Array(bytes[at..<end])
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &random))
            case 5: // swap two lines
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                if lines.count > 2 {
                    let a = Int.random(in: 0..<lines.count, using: &random), b = Int.random(in: 0..<lines.count, using: &random)
                    lines.swapAt(a, b)
                    bytes = Array(lines.joined(separator: [0x0A]))
                }
            case 6: // change the indentation of a line
                if let start = bytes[..<at].lastIndex(of: 0x0A) {
                    if Bool.random(using: &random) { bytes.insert(contentsOf: [0x20, 0x20], at: start + 1) } else if bytes.count > start + 1 && bytes[start + 1] == 0x20 { bytes.remove(at: start + 1) }
                }
            default: bytes = Array(bytes.prefix(at))
            }
        }
        return bytes
    }

    func checkProblem(_ problem: FileProblem, lines: Int, file: String, seed: String) {
        #expect(problem.file == file, "\(seed)")
        #expect(problem.line >= 0 && problem.line <= lines + 1, "\(seed): line \(problem.line) of \(lines)")
        #expect(problem.column >= 0, "\(seed)")
        #expect(!problem.message.isEmpty, "\(seed)")
        let shown = problem.description
        #expect(R.unsafeCharacters(in: shown).isEmpty, "\(seed): \(R.unsafeCharacters(in: shown)) in \(shown)")
        #expect(shown.unicodeScalars.count < 2_000, "\(seed): a problem of \(shown.unicodeScalars.count) characters")
    }

    @Test(arguments: [("small", 2_000), ("bundled", 300)])
    func mutatedProfilesLoadOrAreReported(_ source: String, _ count: Int) {
        let original = source == "small" ? Array(R.smallProfile.utf8) : R.bundledProfile
        var random = SeededRandom(seed: source == "small" ? 1 : 2)
        var loaded = 0, refused = 0
        for round in 0..<count {
            let bytes = Self.mutate(original, &random)
            let lines = bytes.filter { $0 == 0x0A }.count + 1
            do {
                let profile = try ProfileFile.decode(bytes, file: "fuzz.yaml")
                #expect(!profile.roles.isEmpty && !profile.levels.isEmpty)
                loaded += 1
            } catch {
                checkProblem(error, lines: lines, file: "fuzz.yaml", seed: "\(source) round \(round)")
                refused += 1
            }
        }
        print("fuzz \(source) profiles: \(loaded) loaded, \(refused) refused with a problem")
        // The damage must be able to go both ways, or this test proves nothing.
        #expect(loaded > 0 && refused > 0, "\(loaded) loaded, \(refused) refused")
    }

    /// One damaged line, anywhere, costs exactly that line: every other event loads,
    /// and the one problem names the file and that line.
    @Test func oneDamagedLineKeepsEveryOtherEvent() throws {
        let original = try R.sampleJournal()
        let lines = original.split(separator: 0x0A).map(Array.init)
        let events = Journal.parse(original, file: "me.jsonl").events
        #expect(events.count == lines.count)
        var random = SeededRandom(seed: 5)
        for round in 0..<300 {
            let broken = Int.random(in: 0..<lines.count, using: &random)
            var line = lines[broken]
            line.insert(0x01, at: Int.random(in: 0...line.count, using: &random)) // never valid JSON
            var damaged = lines
            damaged[broken] = line
            let journal = Journal.parse(Array(damaged.joined(separator: [0x0A])) + [0x0A], file: "me.jsonl")
            var expected = events
            expected.remove(at: broken)
            #expect(journal.events == expected, "round \(round): line \(broken + 1) damaged")
            #expect(journal.problems.count == 1, "round \(round)")
            #expect(journal.problems.first?.line == broken + 1 && journal.problems.first?.file == "me.jsonl", "round \(round)")
        }
    }

    @Test func mutatedJournalsLoadOrAreReported() throws {
        let original = try R.sampleJournal()
        var random = SeededRandom(seed: 3)
        var events = 0, problems = 0
        for round in 0..<4_000 {
            let bytes = Self.mutate(original, &random)
            let journal = Journal.parse(bytes, file: "fuzz.jsonl")
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            #expect(journal.events.count + journal.problems.count <= lines, "round \(round)")
            for problem in journal.problems { checkProblem(problem, lines: lines, file: "fuzz.jsonl", seed: "journal round \(round)") }
            _ = PersonRecord.fold(journal.events, id: .me)
            events += journal.events.count
            problems += journal.problems.count
        }
        print("fuzz journals: \(events) events loaded, \(problems) problems reported")
    }

    /// Random bytes, no structure at all.
    @Test func randomBytesLoadOrAreReported() {
        var random = SeededRandom(seed: 4)
        for round in 0..<1_000 {
            let bytes = (0..<Int.random(in: 0...300, using: &random)).map { _ in
                Bool.random(using: &random) ? UInt8.random(in: 0...255, using: &random) : (Self.interesting.randomElement(using: &random) ?? 0)
            }
            let lines = bytes.filter { $0 == 0x0A }.count + 1
            do { _ = try ProfileFile.decode(bytes, file: "r.yaml") } catch { checkProblem(error, lines: lines, file: "r.yaml", seed: "random \(round)") }
            for problem in Journal.parse(bytes, file: "r.jsonl").problems { checkProblem(problem, lines: lines, file: "r.jsonl", seed: "random \(round)") }
        }
    }
}
