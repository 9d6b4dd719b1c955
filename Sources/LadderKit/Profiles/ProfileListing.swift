/// What a library is made from, item by item: the index's lines read in place (a
/// start where nothing changed), or entries in memory (just built, or made by a
/// test). An item is a profile (its summary, where it came from) or a problem.
protocol ProfileListing: Sendable {
    var count: Int { get }
    func isBundled(_ item: Int) -> Bool
    /// Why the item did not load; nil for a profile.
    func problem(_ item: Int) -> FileProblem?
    /// Calls `body` with a profile's id as bytes; nil for a problem.
    func withID<R>(_ item: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R?
    func id(_ item: Int) -> String
    func name(_ item: Int) -> String
    /// The whole summary; nil when a stored line does not decode.
    func summary(_ item: Int) -> ProfileSummary?
    /// A file name in the profiles folder, `bundled:<file>`, or (made in memory)
    /// the path the profile was named with; nil when it has none.
    func source(_ item: Int) -> String?
    /// Where the full profile lies in a shard, if it does.
    func record(_ item: Int) -> ProfileIndex.Record?
}

/// Index entries in memory, listed in their order.
struct IndexEntries: ProfileListing {
    let entries: [ProfileIndex.Entry]

    var count: Int { entries.count }
    func isBundled(_ item: Int) -> Bool { entries[item].isBundled }
    func problem(_ item: Int) -> FileProblem? { entries[item].problem?.problem }

    func withID<R>(_ item: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        guard entries[item].problem == nil, var id = entries[item].summary?.id else { return nil }
        return id.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    func id(_ item: Int) -> String { entries[item].summary?.id ?? "" }
    func name(_ item: Int) -> String { entries[item].summary?.name ?? "" }
    func summary(_ item: Int) -> ProfileSummary? { entries[item].summary?.read() }
    func source(_ item: Int) -> String? { entries[item].source.isEmpty ? nil : entries[item].source }
    func record(_ item: Int) -> ProfileIndex.Record? { entries[item].record }
}

/// The index's lines, checked against their sources (`ProfileIndexBuilder.unchanged`).
extension IndexLines: ProfileListing {
    private static let bundledPrefix = Array("bundled:".utf8)

    func isBundled(_ item: Int) -> Bool {
        withField(item, 1) { raw in raw.starts(with: Self.bundledPrefix) } ?? false
    }

    func problem(_ item: Int) -> FileProblem? {
        guard first(item, 0) == UInt8(ascii: "P") else { return nil }
        return ProfileIndex.entry(line(item))?.problem?.problem
    }

    func withID<R>(_ item: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        guard first(item, 0) == UInt8(ascii: "S") else { return nil }
        return withField(item, 8, body)
    }

    func id(_ item: Int) -> String { text(item, 8) ?? "" }
    func name(_ item: Int) -> String { text(item, 9) ?? "" }

    func summary(_ item: Int) -> ProfileSummary? {
        StoredSummary(id: id(item), name: name(item), line: line(item)).read()
    }

    func source(_ item: Int) -> String? { text(item, 1) }
    func record(_ item: Int) -> ProfileIndex.Record? { ProfileIndex.record(line(item)) }
}
