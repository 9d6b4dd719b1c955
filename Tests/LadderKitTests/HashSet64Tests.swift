import Testing
@testable import LadderKit

/// `HashSet64` answers as `Set<UInt64>` does, through growth, zero and repeats.
struct HashSet64Tests {
    @Test(arguments: [0, 3, 1000])
    func answersAsSetDoes(capacity: Int) {
        var generator = SystemRandomNumberGenerator()
        var mine = HashSet64(minimumCapacity: capacity)
        var truth = Set<UInt64>()
        // Random values, small ones (many share a slot's neighbourhood), zero, and repeats.
        let values = (0..<5000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
            + (0..<300).map { UInt64($0) } + [0, 0, UInt64.max, UInt64.max]
        for value in values + values.prefix(700) {
            #expect(mine.insert(value) == truth.insert(value).inserted)
        }
        #expect(mine.count == truth.count)
        for value in values { #expect(mine.contains(value)) }
        for _ in 0..<2000 {
            let value = UInt64.random(in: 0...UInt64.max, using: &generator)
            #expect(mine.contains(value) == truth.contains(value))
        }
    }
}
