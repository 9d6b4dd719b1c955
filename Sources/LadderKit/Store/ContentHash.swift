/// A 64-bit hash of bytes as 16 hex digits, stable across runs and machines: what
/// names and checks the caches' content (profile sources, shard records and names,
/// cache files). It is `HeadHash`'s, eight bytes at a time (the byte-at-a-time FNV
/// it replaced was most of the time spent checking shard records).
enum ContentHash {
    static func of<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { of(UnsafeRawBufferPointer($0)) } ?? of(Array(bytes))
    }

    /// The same hash over raw memory.
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash = HeadHash()
        hash.add(bytes)
        let hex = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
