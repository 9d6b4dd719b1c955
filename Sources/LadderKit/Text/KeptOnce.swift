/// A value made of words, kept once by its bytes (`KeptOnce`).
protocol Spelled {
    /// A hash of its words' bytes (`WordHash`).
    var spellingHash: UInt64 { get }
    /// Whether its words are `other`'s, byte for byte.
    func isSpelled(like other: Self) -> Bool
}

extension String: Spelled {
    var spellingHash: UInt64 {
        var hash = WordHash()
        hash.add(self)
        return hash.value
    }

    /// Whether the two are the same bytes (read in place, not copied: a native string's
    /// are). `==` would have é as one scalar equal to é as two.
    func isSpelled(like other: String) -> Bool {
        if isSameValue(as: other) { return true } // a profile's words, a kept word or a short id: the usual case
        return utf8.count == other.utf8.count && withBytes { x in
            other.withBytes { y in KeyTable.same(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) }
        }
    }
}

extension Optional<String> {
    /// Whether both are missing, or both are the same bytes.
    func isSpelled(like other: String?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case let (a?, b?): a.isSpelled(like: b)
        default: false
        }
    }
}

/// Values kept once each, by their words' bytes, each with its place: a long
/// journal's quarter of a million changes look up their shape, skill and day, so a
/// value is hashed eight bytes at a time (`WordHash`) into a `KeyTable` (`Hasher`
/// over a change's five strings was a seventh of a long report; a `[String: …]`
/// lookup per skill per change, a third of the history's replay).
struct KeptOnce<Value: Spelled & Sendable>: Sendable {
    private(set) var values: [Value] = []
    /// Each value's place in `values`, by its spelling's hash.
    private var places = KeyTable()

    /// Where `value` is in `values`, added when it is not yet.
    mutating func position(_ value: consuming Value) -> Int32 {
        let hash = value.spellingHash
        if let known = places.find(hash: hash, isKey: { values[$0].isSpelled(like: value) }) { return Int32(known) }
        places.add(values.count, hash: hash)
        values.append(value)
        return Int32(values.count - 1)
    }

    /// Where `value` is in `values`, if it is.
    func place(_ value: Value) -> Int? {
        places.find(hash: value.spellingHash) { values[$0].isSpelled(like: value) }
    }
}
