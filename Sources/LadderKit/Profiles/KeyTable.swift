#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers found by the bytes of a key (a file name, a profile id) that lie
/// elsewhere: open addressing over FNV-1a hashes, each candidate's key read back
/// from where it lies, so a start makes no string and no dictionary for a thousand
/// profiles.
struct KeyTable: Sendable {
    /// Each slot: a number + 1, or 0 when empty.
    private var slots: [Int32]
    private let mask: Int

    /// A table for up to `capacity` keys (kept at most half full; a probe never walks
    /// more than every slot once, so a table overfilled by mistake misses, never hangs).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        let hash = FNV1a.of(key)
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The number whose key `isKey` says these bytes are, if any.
    func find(_ key: UnsafeRawBufferPointer, isKey: (Int, UnsafeRawBufferPointer) -> Bool) -> Int? {
        var slot = Self.hash(key) & mask
        for _ in slots.indices {
            guard slots[slot] != 0 else { return nil }
            let number = Int(slots[slot]) - 1
            if isKey(number, key) { return number }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Files `number` under `key`, unless a number already has that key: then that
    /// number, and the table is unchanged.
    mutating func insert(_ number: Int, _ key: UnsafeRawBufferPointer, isKey: (Int, UnsafeRawBufferPointer) -> Bool) -> Int? {
        var slot = Self.hash(key) & mask
        for _ in slots.indices {
            guard slots[slot] != 0 else {
                slots[slot] = Int32(number + 1)
                return nil
            }
            let found = Int(slots[slot]) - 1
            if isKey(found, key) { return found }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// True when two byte runs are the same.
    static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count, let first = a.baseAddress, let second = b.baseAddress else { return a.count == b.count }
        return memcmp(first, second, a.count) == 0
    }
}
