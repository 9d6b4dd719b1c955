/// A set of 64-bit hashes (event ids hashed by `EventIDHashes.hash`): open addressing
/// over the values themselves, spread by a multiply, so an insert is a few
/// instructions where `Set<UInt64>` runs SipHash on each (a long journal's fold
/// checks a quarter of a million ids).
struct HashSet64 {
    /// 0 marks an empty slot; the value 0 itself is kept in `hasZero`.
    private var slots: [UInt64]
    private var shift: Int
    private var hasZero = false
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var bits = 4
        while 1 << bits < minimumCapacity * 2 { bits += 1 }
        slots = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Adds `value`; true when it was not in the set.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { hasZero = true }
            if hasZero { return false }
            count += 1
            return true
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while slots[slot] != 0 {
            if slots[slot] == value { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = value
        count += 1
        return true
    }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while slots[slot] != 0 {
            if slots[slot] == value { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        shift -= 1
        count = hasZero ? 1 : 0
        for value in old where value != 0 { insert(value) }
    }
}
