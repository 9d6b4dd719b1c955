/// FNV-1a, 64 bit, over bytes, as 16 hex digits: stable across runs and machines.
enum ContentHash {
    static func of<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The same hash over raw memory (a raw buffer is a collection of bytes).
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        of(bytes[...])
    }
}
