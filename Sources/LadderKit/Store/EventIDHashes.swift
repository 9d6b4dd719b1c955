/// The ids of a journal's events as sorted 64-bit hashes: enough to tell whether a
/// line read after a record snapshot repeats an event the snapshot already holds,
/// in 8 bytes an event and without a string each. A hash shared by two ids only
/// sends the load down the full fold, which is always right.
struct EventIDHashes: Equatable, Sendable {
    private(set) var sorted: [UInt64]

    init<S: Sequence>(_ ids: S) where S.Element == String {
        sorted = ids.map(Self.hash).sorted()
    }

    /// From hashes made by `hash(_:)`, in any order.
    init(hashes: [UInt64]) {
        sorted = hashes.sorted()
    }

    /// From hashes already sorted (as a snapshot keeps them); nil when they are not.
    init?(sorted: [UInt64]) {
        for index in sorted.indices.dropFirst() where sorted[index - 1] > sorted[index] { return nil }
        self.sorted = sorted
    }

    static func hash(_ id: String) -> UInt64 {
        // Over the string's own bytes when it has them in one piece (it nearly always does).
        id.withBytes { FNV1a.of($0) }
    }

    func contains(_ id: String) -> Bool {
        let value = Self.hash(id)
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// These and `other`'s, still sorted.
    func merged(with other: EventIDHashes) -> EventIDHashes {
        EventIDHashes(hashes: sorted + other.sorted)
    }
}
