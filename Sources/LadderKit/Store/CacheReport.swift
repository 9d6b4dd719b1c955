/// How a load used its cache: for tests, the benchmark and `--verbose` output.
public struct CacheReport: Equatable, Sendable, CustomStringConvertible {
    /// Entries taken from the cache after checking them against their source.
    public var reused = 0
    /// Sources parsed because the cache had nothing valid for them.
    public var parsed = 0
    /// True when the index stood as it was (every entry still describes its source)
    /// and the library reads its lines in place.
    public var unchanged = false
    /// Why the cache file as a whole was not used, when it was not.
    public var discarded: String?
    /// True when the cache file was (re)written by this load.
    public var wrote = false
    /// Why writing the cache failed, when it did (the load still succeeded).
    public var writeError: String?

    public init() {}

    public var description: String {
        var parts = ["\(reused) reused", "\(parsed) parsed"]
        if unchanged { parts.append("index unchanged") }
        if let discarded { parts.append("cache discarded: \(discarded)") }
        if wrote { parts.append("cache written") }
        if let writeError { parts.append("cache not written: \(writeError)") }
        return parts.joined(separator: ", ")
    }
}
