import Testing
@testable import LadderKit

/// `KeyTable`: as a set of hashes it answers as `Set<UInt64>` does, through growth,
/// zero and repeats; with keys lying elsewhere, it finds each by its bytes.
struct KeyTableTests {
    @Test(arguments: [0, 3, 1000])
    func asASetOfHashesItAnswersAsSetDoes(capacity: Int) {
        var generator = SystemRandomNumberGenerator()
        var mine = KeyTable(capacity: capacity)
        var truth = Set<UInt64>()
        // Random values, small ones (many share a slot's neighbourhood), zero, and repeats.
        let values = (0..<5000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
            + (0..<300).map { UInt64($0) } + [0, 0, UInt64.max, UInt64.max]
        for value in values + values.prefix(700) {
            #expect((mine.insert(0, hash: value) { _ in true } == nil) == truth.insert(value).inserted)
        }
        #expect(mine.count == truth.count)
        for value in values { #expect(mine.find(hash: value) { _ in true } != nil) }
        for _ in 0..<2000 {
            let value = UInt64.random(in: 0...UInt64.max, using: &generator)
            #expect((mine.find(hash: value) { _ in true } != nil) == truth.contains(value))
        }
    }

    /// Keys as bytes, numbered by their place; hashes that collide are told apart by the key.
    @Test func keysGivenAsBytesAreFoundAndKeptOnce() {
        let keys = (0..<3000).map { Array("key-\($0 % 2000)".utf8) }
        var table = KeyTable()
        var first: [Int] = []
        for (number, key) in keys.enumerated() {
            let found = key.withUnsafeBytes { raw in
                table.insert(number, raw) { other, key in keys[other].withUnsafeBytes { KeyTable.same($0, key) } }
            }
            first.append(found ?? number)
        }
        #expect(table.count == 2000)
        #expect(first == keys.indices.map { $0 % 2000 })
        // Every number filed under one hash: only the key tells them apart.
        var colliding = KeyTable()
        for number in 0..<100 { colliding.add(number, hash: 42) }
        #expect(colliding.find(hash: 42) { $0 == 77 } == 77)
        #expect(colliding.find(hash: 42) { $0 == 100 } == nil)
        #expect(colliding.find(hash: 43) { _ in true } == nil)
    }
}
