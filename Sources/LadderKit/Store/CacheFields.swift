import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Derived caches in `<data>/cache/`: the profile index (`ProfileIndex`) and the
/// people summaries (`PeopleSummaries`). Every cache is checked against its sources
/// before use and rebuilt when stale, unreadable, from another format or missing;
/// the sources (profiles, journals) stay the truth, and deleting the folder is
/// always safe. Files are written atomically, 0600, and carry a format version.
/// A failure to write a cache is not an error: Ladder just parses the sources.
public enum CacheFolder {
    /// Name of the folder inside the data folder.
    public static let name = "cache"

    public static func path(in folder: DataFolder) -> String { folder.path + "/" + name }

    /// Creates the folder (0700) with a `.gitignore` so a data folder kept in git
    /// never commits it, and removes temp files a crash left behind.
    static func prepare(in folder: DataFolder) throws(StoreError) -> String {
        let path = path(in: folder)
        try SafeFile.makeFolder(path)
        let ignore = path + "/.gitignore"
        if access(ignore, F_OK) != 0 {
            try SafeFile.writeAtomically(Array("# Derived caches: rebuilt from profiles/ and people/ when missing.\n*\n".utf8), to: ignore)
        }
        SafeFile.removeStaleTemps(in: path)
        return path
    }

    /// The bytes of a cache file, or nil when it is missing or unreadable.
    static func read(_ file: String, in folder: DataFolder) -> [UInt8]? {
        (try? SafeFile.contents(of: path(in: folder) + "/" + file)) ?? nil
    }
}

/// A cache file: a header line `<kind> <format> <checksum of the rest>` and the
/// body. The header is checked before the body is decoded, so a file of another
/// kind or format, cut short or damaged is refused with a reason, never half-used.
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

struct CacheRefusal: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// What `stat` says about a file, enough to tell that it changed: size, change and
/// modification times (nanoseconds) and inode. A file rewritten within the clock's
/// resolution of being read can keep its stamp, so an entry made from a file that
/// changed less than `racyWindow` before is "racy" and checked by content next time.
struct FileStamp: Codable, Equatable, Sendable {
    var size: Int64
    var mtime: Int64
    var ctime: Int64
    var inode: UInt64

    static let racyWindow: Int64 = 2_000_000_000

    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
        mtime = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        ctime = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        ctime = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }

    init(size: Int64, mtime: Int64, ctime: Int64, inode: UInt64) {
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
        self.inode = inode
    }

    /// True when the file changed too recently for its stamp to prove it unchanged later.
    func isRacy(now: Int64 = FileStamp.now()) -> Bool {
        now - max(mtime, ctime) < Self.racyWindow
    }

    /// The wall clock in nanoseconds, as file times are kept.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

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

    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A `FileProblem` as a cache keeps it.
struct StoredProblem: Codable, Equatable, Sendable {
    var file: String
    var line: Int
    var column: Int
    var message: String
    var excerpt: String?

    init(_ problem: FileProblem) {
        file = problem.file
        line = problem.line
        column = problem.column
        message = problem.message
        excerpt = problem.excerpt
    }

    var problem: FileProblem {
        FileProblem(file: file, line: line, column: column, message: message, excerpt: excerpt)
    }
}

/// How a load used its cache: for tests, the benchmark and `--verbose` output.
public struct CacheReport: Equatable, Sendable, CustomStringConvertible {
    /// Entries taken from the cache after checking them against their source.
    public var reused = 0
    /// Sources parsed because the cache had nothing valid for them.
    public var parsed = 0
    /// Why the cache file as a whole was not used, when it was not.
    public var discarded: String?
    /// True when the cache file was (re)written by this load.
    public var wrote = false
    /// Why writing the cache failed, when it did (the load still succeeded).
    public var writeError: String?

    public init() {}

    public var description: String {
        var parts = ["\(reused) reused", "\(parsed) parsed"]
        if let discarded { parts.append("cache discarded: \(discarded)") }
        if wrote { parts.append("cache written") }
        if let writeError { parts.append("cache not written: \(writeError)") }
        return parts.joined(separator: ", ")
    }
}

/// A compact text form for cache bodies that must load fast: one record per line,
/// fields split by tab, list items by U+001F after the list's count; a backslash escapes tab, newline,
/// carriage return, U+001F and itself. Several times faster to read than JSON
/// through `Codable` (the profile index of 1,000 profiles: ~3 ms against ~30 ms).
struct FieldWriter {
    private(set) var bytes: [UInt8] = []
    private var atLineStart = true

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if !atLineStart { bytes.append(0x09) }
        atLineStart = false
    }

    mutating func field(_ text: String) {
        separate()
        append(text)
    }

    mutating func field(_ number: Int64) { field(String(number)) }
    mutating func field(_ number: Int) { field(String(number)) }

    /// A list: its count, then each item, split by U+001F (so `[]` and `[""]` differ).
    mutating func list(_ items: [String]) {
        separate()
        append(String(items.count))
        for item in items {
            bytes.append(0x1F)
            append(item)
        }
    }

    mutating func endLine() {
        bytes.append(0x0A)
        atLineStart = true
    }

    private mutating func append(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x1F: bytes += [0x5C, 0x75]
            default: bytes.append(byte)
            }
        }
    }
}

/// Reads what `FieldWriter` wrote; every accessor fails (nil) rather than trap on
/// a short or damaged line.
struct FieldReader {
    let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var atEnd: Bool { position >= bytes.endIndex }

    /// The fields of the next line, as byte ranges.
    mutating func line() -> Line? {
        guard position < bytes.endIndex else { return nil }
        var fields: [Range<Int>] = []
        var start = position
        var index = position
        while index < bytes.endIndex, bytes[index] != 0x0A {
            if bytes[index] == 0x09 {
                fields.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        fields.append(start..<index)
        position = index + 1
        return Line(bytes: bytes, fields: fields)
    }

    struct Line {
        let bytes: ArraySlice<UInt8>
        let fields: [Range<Int>]

        var count: Int { fields.count }

        func string(_ index: Int) -> String? {
            guard fields.indices.contains(index) else { return nil }
            return FieldReader.text(bytes[fields[index]])
        }

        func int(_ index: Int) -> Int? { string(index).flatMap { Int($0) } }
        func int64(_ index: Int) -> Int64? { string(index).flatMap { Int64($0) } }

        func list(_ index: Int) -> [String]? {
            guard fields.indices.contains(index) else { return nil }
            let parts = bytes[fields[index]].split(separator: 0x1F, omittingEmptySubsequences: false)
            guard let first = parts.first, let count = Int(FieldReader.text(first)), count == parts.count - 1 else { return nil }
            return parts.dropFirst().map { FieldReader.text($0) }
        }
    }

    static func text(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(0x5C) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var escaped = false
        for byte in raw {
            if escaped {
                switch byte {
                case 0x74: out.append(0x09)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x75: out.append(0x1F)
                default: out.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Maps over items on every core, keeping their order: rebuilding a cache parses
/// many independent files (1,000 profiles take seconds on one core).
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Results<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }

    private final class Results<R>: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [R?]

        init(count: Int) { items = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) {
            lock.lock()
            items[index] = value
            lock.unlock()
        }

        var values: [R] {
            lock.lock()
            defer { lock.unlock() }
            return items.compactMap { $0 }
        }
    }
}
