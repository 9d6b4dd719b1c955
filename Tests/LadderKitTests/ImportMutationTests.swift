import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

@Suite struct ImportMutationTests {
    enum Mutation: CaseIterable {
        case dropLine, duplicateLine, swapLines, truncate, flipByte, insertBlankLines, changeDigit, dropWord
    }

    static func mutate(_ bytes: [UInt8], _ mutation: Mutation, using rng: inout SeededRandom) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let index = Int.random(in: 0..<lines.count, using: &rng)
        switch mutation {
        case .dropLine:
            lines.remove(at: index)
        case .duplicateLine:
            lines.insert(lines[index], at: index)
        case .swapLines:
            lines.swapAt(index, Int.random(in: 0..<lines.count, using: &rng))
        case .truncate:
            return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
        case .flipByte:
            var out = bytes
            let at = Int.random(in: 0..<out.count, using: &rng)
            out[at] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            return out
        case .insertBlankLines:
            lines.insert(Array("  \r".utf8), at: index)
        case .changeDigit:
            let digits = bytes.indices.filter { (0x30...0x39).contains(bytes[$0]) }
            guard let at = digits.randomElement(using: &rng) else { return bytes }
            var out = bytes
            out[at] = UInt8.random(in: 0x30...0x39, using: &rng)
            return out
        case .dropWord:
            var words = lines[index].split(separator: 0x20, omittingEmptySubsequences: false).map(Array.init)
            guard words.count > 1 else { return bytes }
            words.remove(at: Int.random(in: 0..<words.count, using: &rng))
            lines[index] = Array(words.joined(separator: [0x20]))
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    /// Random damage to the seed page never crashes the importer: each page either
    /// gives a profile that survives encode → decode unchanged, or a clear error.
    @Test func mutatedSeedPagesImportOrFailCleanly() throws {
        try Self.check(page: ImportFixtures.seedBytes(), levels: nil, cases: 400, seed: 20_260_317)
    }

    /// The same for a page in Cyrillic, CJK and emoji, where a flipped bit often
    /// breaks a multi-byte character.
    @Test func mutatedUnicodePagesImportOrFailCleanly() throws {
        try Self.check(page: ImportFixtures.page("unicode.page.txt"), levels: ["Стажёр", "Мидл", "Эксперт"], cases: 150, seed: 7)
    }

    static func check(page seed: [UInt8], levels: [String]?, cases: Int, seed number: UInt64) throws {
        let original = try PageImporter.import(bytes: seed, file: "seed", levels: levels)
        var rng = SeededRandom(seed: number)
        var imported = 0, refused = 0, changed = 0
        for _ in 0..<cases {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes = Self.mutate(bytes, Mutation.allCases.randomElement(using: &rng)!, using: &rng)
            }
            do {
                let profile = try PageImporter.import(bytes: bytes, file: "mutated", levels: levels)
                let yaml = try PageImporter.yaml(for: profile, file: "mutated")
                let loaded = try ProfileFile.decode(Array(yaml.utf8), file: "mutated.yaml")
                #expect(loaded == profile)
                #expect(profile.levels == original.levels)
                imported += 1
                if profile != original { changed += 1 }
                // What passes differs only in text: never in its roles or Required cells.
                #expect(profile.roles.map(\.name) == original.roles.map(\.name))
                #expect(profile.roles.map { $0.levels.map(\.required) } == original.roles.map { $0.levels.map(\.required) })
            } catch let error as PageImportError {
                let text = error.description
                #expect(!text.isEmpty && text.count < 800)
                #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
                refused += 1
            }
        }
        // Both outcomes occur: harmless changes pass, damage is refused.
        #expect(imported > cases / 20)
        #expect(refused > cases / 4)
        #expect(changed > 0)
    }
}
