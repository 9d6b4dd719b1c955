extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place (a native string's
    /// are: no copy, no retain), or from a copy for a string that keeps other storage.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension String {
    /// True when the two are one value: the same short text held inline, or the same
    /// storage shared (a copy of one string, a profile's words handed out again). Then
    /// their bytes are the same without reading them; false says nothing (equal text in
    /// two buffers). Shared storage is never changed in place, so it cannot differ.
    @inline(__always)
    func isSameValue(as other: String) -> Bool {
        unsafeBitCast(self, to: (UInt64, UInt64).self) == unsafeBitCast(other, to: (UInt64, UInt64).self)
    }
}
