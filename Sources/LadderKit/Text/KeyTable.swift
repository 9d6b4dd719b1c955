#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers found by a 64-bit hash of their key, the key itself lying elsewhere (a
/// file name or profile id in the index's bytes, a change's shape in a list) and
/// checked by the caller: open addressing, kept at most half full, growing as it
/// fills. A start looks up a thousand profiles, a report a quarter of a million
/// changes, without a string or `Hasher` each. Used alone, it is a set of hashes.
struct KeyTable: Sendable {
    /// Each slot's number + 1 (0: empty) and its key's hash.
    private var numbers: [Int32]
    private var hashes: [UInt64]
    private var shift: UInt64
    private(set) var count = 0

    /// A table for `capacity` keys without growing.
    init(capacity: Int = 0) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        numbers = Array(repeating: 0, count: 1 << bits)
        hashes = Array(repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The hash of a key given as bytes.
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 { WordHash.of(key) }

    /// The number filed under `hash` whose key `isKey` says is the one sought.
    func find(hash: UInt64, isKey: (Int) -> Bool) -> Int? {
        var slot = start(hash)
        while numbers[slot] != 0 {
            if hashes[slot] == hash, isKey(Int(numbers[slot]) - 1) { return Int(numbers[slot]) - 1 }
            slot = (slot + 1) & (numbers.count - 1)
        }
        return nil
    }

    /// Files `number` under `hash`, its key known to be new.
    mutating func add(_ number: Int, hash: UInt64) {
        if (count + 1) * 2 > numbers.count { grow() }
        place(number, hash)
        count += 1
    }

    /// Files `number` under `hash` unless a number has that key already: then that
    /// number, and the table is unchanged.
    mutating func insert(_ number: Int, hash: UInt64, isKey: (Int) -> Bool) -> Int? {
        if let found = find(hash: hash, isKey: isKey) { return found }
        add(number, hash: hash)
        return nil
    }

    /// `find` for a key given as bytes.
    func find(_ key: UnsafeRawBufferPointer, isKey: (Int, UnsafeRawBufferPointer) -> Bool) -> Int? {
        find(hash: Self.hash(key)) { isKey($0, key) }
    }

    /// `insert` for a key given as bytes.
    mutating func insert(_ number: Int, _ key: UnsafeRawBufferPointer, isKey: (Int, UnsafeRawBufferPointer) -> Bool) -> Int? {
        insert(number, hash: Self.hash(key)) { isKey($0, key) }
    }

    /// True when two byte runs are the same.
    static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count, let first = a.baseAddress, let second = b.baseAddress else { return a.count == b.count }
        return memcmp(first, second, a.count) == 0
    }

    /// A hash's first slot: its top bits after a multiply (a caller's own hash may spread its low bits poorly).
    private func start(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private mutating func place(_ number: Int, _ hash: UInt64) {
        var slot = start(hash)
        while numbers[slot] != 0 { slot = (slot + 1) & (numbers.count - 1) }
        numbers[slot] = Int32(number + 1)
        hashes[slot] = hash
    }

    private mutating func grow() {
        let (oldNumbers, oldHashes) = (numbers, hashes)
        numbers = Array(repeating: 0, count: oldNumbers.count * 2)
        hashes = Array(repeating: 0, count: oldNumbers.count * 2)
        shift -= 1
        for slot in oldNumbers.indices where oldNumbers[slot] != 0 { place(Int(oldNumbers[slot]) - 1, oldHashes[slot]) }
    }
}
