/// A 64-bit hash of words' bytes, read eight at a time, each word ended by its
/// length (a missing word by a length no word has): what the tables that find things
/// by their bytes hash with (`KeyTable.hash`, `KeptOnce`). In memory only: never
/// written, so it may change.
struct WordHash {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func add(_ word: String?) {
        guard let word else { return mix(UInt64.max) }
        word.withBytes { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var at = 0
        while at + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            at += 8
        }
        var last: UInt64 = 0
        withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at...])) }
        mix(last)
        mix(UInt64(bytes.count))
    }

    /// The hash of one word's bytes.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = WordHash()
        hash.add(bytes)
        return hash.value
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9FB2_1C65_1E98_DF25
        value ^= value >> 29
    }
}
