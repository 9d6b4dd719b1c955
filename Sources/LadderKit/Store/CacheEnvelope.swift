/// A cache file: a header line `<kind> <format> <checksum of the rest>` and the
/// body. The header is checked before the body is decoded, so a file of another
/// kind or format, cut short or damaged is refused with a reason, never half-used.
/// The checksum is `ContentHash` (eight bytes a step: caches of megabytes are read at
/// every start).
enum CacheEnvelope {
    static func wrap(kind: String, format: Int, body: [UInt8]) -> [UInt8] {
        Array("\(kind) \(format) \(ContentHash.of(body))\n".utf8) + body
    }

    /// The body, or why the file cannot be used.
    static func unwrap(_ bytes: [UInt8], kind: String, format: Int) -> Result<ArraySlice<UInt8>, CacheRefusal> {
        guard let newline = bytes.prefix(200).firstIndex(of: 0x0A) else { return .failure(CacheRefusal("unreadable")) }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 3 else { return .failure(CacheRefusal("unreadable")) }
        guard header[0] == kind else { return .failure(CacheRefusal("not a \(kind)")) }
        guard let found = Int(header[1]) else { return .failure(CacheRefusal("unreadable")) }
        guard found == format else { return .failure(CacheRefusal("format \(found), this Ladder writes \(format)")) }
        let body = bytes[(newline + 1)...]
        guard ContentHash.of(body) == header[2] else { return .failure(CacheRefusal("checksum mismatch")) }
        return .success(body)
    }
}

/// Why a cache file was refused as a whole (another kind or format, damaged).
struct CacheRefusal: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
