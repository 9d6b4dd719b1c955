/// The profile index's entry lines, read in place: the body's bytes and where each
/// field starts, nothing decoded. A start asks a thousand lines for a file name, a
/// stamp and an id, and makes a string only for the few profiles a screen shows
/// (decoding every line into an entry was most of a first frame's own work).
struct IndexLines: Sendable {
    /// The index file's bytes (the envelope's header line included).
    let bytes: [UInt8]
    /// Where each field of each line starts, line after line, then one past the last
    /// line's end: a field ends one byte (its tab or newline) before the next starts.
    private let starts: [Int32]
    /// Each line's first field, as a place in `starts`; one more at the end.
    private let firsts: [Int32]

    /// The lines after the header, or why the file is not a whole index (its checksum
    /// holds) of this format and profile schema, made for this folder.
    static func read(_ bytes: [UInt8], folder: String) -> Result<IndexLines, CacheRefusal> {
        let body: ArraySlice<UInt8>
        switch CacheEnvelope.unwrap(bytes, kind: ProfileIndex.kind, format: ProfileIndex.format) {
        case .success(let found): body = found
        case .failure(let refusal): return .failure(refusal)
        }
        guard bytes.count < Int(Int32.max) else { return .failure(CacheRefusal("unreadable")) }
        let lines = IndexLines(bytes, body: body.indices)
        // The header: the profile schema and the folder the entries were made from.
        guard lines.firsts.count > 1, lines.fieldCount(-1) == 2, let schema = lines.int(-1, 0),
              let madeFor = lines.text(-1, 1) else { return .failure(CacheRefusal("unreadable")) }
        guard schema == Profile.currentSchema else { return .failure(CacheRefusal("made for profile schema \(schema)")) }
        guard madeFor == folder else { return .failure(CacheRefusal("made for another folder")) }
        return .success(lines)
    }

    private init(_ bytes: [UInt8], body: Range<Int>) {
        var starts: [Int32] = []
        var firsts: [Int32] = []
        starts.reserveCapacity(body.count / 24)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var at = body.startIndex
            while at < body.endIndex {
                firsts.append(Int32(starts.count))
                at = FieldReader.fields(ofLineAt: at, in: base, end: body.endIndex) { starts.append(Int32($0.lowerBound)) } + 1
            }
            starts.append(Int32(at))
        }
        firsts.append(Int32(starts.count - 1))
        self.bytes = bytes
        self.starts = starts
        self.firsts = firsts
    }

    /// The number of entry lines.
    var count: Int { max(firsts.count - 2, 0) }

    /// The number of fields of a line (-1 is the header).
    func fieldCount(_ line: Int) -> Int { Int(firsts[line + 2] - firsts[line + 1]) }

    /// Where a field's bytes lie; nil past the line's last field.
    func range(_ line: Int, _ field: Int) -> Range<Int>? {
        guard field >= 0, field < fieldCount(line) else { return nil }
        let first = Int(firsts[line + 1]) + field
        return Int(starts[first])..<(Int(starts[first + 1]) - 1)
    }

    /// The line as `FieldReader` reads it (to decode it in full).
    func line(_ line: Int) -> FieldReader.Line {
        let fields = (0..<fieldCount(line)).map { range(line, $0) ?? 0..<0 }
        return FieldReader.Line(bytes: bytes[...], fields: fields)
    }

    func text(_ line: Int, _ field: Int) -> String? {
        range(line, field).map { FieldReader.text(bytes[$0]) }
    }

    func int(_ line: Int, _ field: Int) -> Int64? {
        withField(line, field, FieldReader.number) ?? nil
    }

    /// The first byte of a field (0 for an empty or missing one).
    func first(_ line: Int, _ field: Int) -> UInt8 {
        guard let range = range(line, field), !range.isEmpty else { return 0 }
        return bytes[range.lowerBound]
    }

    /// Calls `body` with a field's raw bytes (escapes left as they are).
    func withField<R>(_ line: Int, _ field: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        guard let range = range(line, field) else { return nil }
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// True when a field's raw bytes are exactly these.
    func field(_ line: Int, _ field: Int, equals other: UnsafeRawBufferPointer) -> Bool {
        withField(line, field) { KeyTable.same($0, other) } ?? false
    }
}
