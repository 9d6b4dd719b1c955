/// Splits a journal into lines as its bytes arrive, through a bounded buffer: a line
/// longer than `maxLineBytes` is never held whole (only its start, for the report),
/// so memory does not grow with the file or with one hostile line.
///
/// With a `salt`, every line also gets a 64-bit hash (FNV-1a over the salt, then the
/// line's bytes), however long the line: the append-only checks compare journals by
/// these hashes without keeping their text. The salt is random, so a remote cannot
/// aim a line at the known hash of one it removed.
struct JournalLines {
    /// The longest journal line Ladder reads (an event is a few hundred bytes).
    static let maxLineBytes = 64 * 1024
    /// How many bytes of an over-long line are kept to show in its problem.
    static let excerptBytes = 120

    /// One line, without its newline.
    struct Line {
        /// 1-based.
        var number: Int
        /// The line's bytes; for an over-long line, only its first `excerptBytes`.
        var bytes: ArraySlice<UInt8>
        /// The line's length in bytes.
        var length: Int
        var tooLong: Bool { length > JournalLines.maxLineBytes }
        /// True for a last line with no newline after it (a torn write).
        var last: Bool
        /// The salted hash of the whole line, 0 without a salt.
        var hash: UInt64
    }

    let salt: UInt64?
    private var pending: [UInt8] = []
    private var length = 0
    private var hash = FNV1a()
    private var number = 0

    /// `after` is the number of lines before the first one fed (when reading on from
    /// the end of a record snapshot's lines), so line numbers are the file's.
    init(salt: UInt64? = nil, after lines: Int = 0) {
        self.salt = salt
        number = lines
        startLine()
    }

    /// Lines emitted so far (with the `after` lines before them).
    var lineCount: Int { number }

    /// A random salt for `init(salt:)`.
    static func randomSalt() -> UInt64 { UInt64.random(in: 1...UInt64.max) }

    /// Feeds the next bytes; `emit` gets every line they complete.
    mutating func feed(_ chunk: ArraySlice<UInt8>, _ emit: (Line) throws -> Void) rethrows {
        var start = chunk.startIndex
        while start < chunk.endIndex {
            // Found with `memchr`: a byte-by-byte search was a tenth of reading a long journal.
            let newline = chunk.withUnsafeBufferPointer { buffer -> Int? in
                guard let base = buffer.baseAddress else { return nil }
                return FieldReader.find(0x0A, in: base, (start - chunk.startIndex)..<buffer.count).map { $0 + chunk.startIndex }
            }
            let end = newline ?? chunk.endIndex
            let piece = chunk[start..<end]
            if pending.isEmpty && length == 0 && newline != nil && piece.count <= Self.maxLineBytes {
                // The whole line is in this chunk: no copy.
                number += 1
                if salt != nil { hash.add(piece) }
                try emit(Line(number: number, bytes: piece, length: piece.count, last: false, hash: salt != nil ? hash.value : 0))
                startLine()
            } else {
                keep(piece)
                if newline != nil { try finishLine(last: false, emit) }
            }
            start = newline.map { $0 + 1 } ?? chunk.endIndex
        }
    }

    /// Ends the input: a last line without a newline is emitted with `last` set.
    mutating func finish(_ emit: (Line) throws -> Void) rethrows {
        if length > 0 { try finishLine(last: true, emit) }
    }

    private mutating func keep(_ piece: ArraySlice<UInt8>) {
        if salt != nil { hash.add(piece) }
        length += piece.count
        let cap = length <= Self.maxLineBytes ? Self.maxLineBytes : Self.excerptBytes
        if pending.count > cap { pending.removeSubrange(cap...) }  // over-long: keep only its start
        if pending.count < cap { pending.append(contentsOf: piece.prefix(cap - pending.count)) }
    }

    private mutating func finishLine(last: Bool, _ emit: (Line) throws -> Void) rethrows {
        number += 1
        try emit(Line(number: number, bytes: pending[...], length: length, last: last, hash: salt != nil ? hash.value : 0))
        pending.removeAll(keepingCapacity: pending.capacity <= Self.maxLineBytes * 2)
        startLine()
    }

    private mutating func startLine() {
        length = 0
        guard let salt else { return }
        hash = FNV1a()
        withUnsafeBytes(of: salt.littleEndian) { hash.add($0) }
    }


    /// Reads `fd` to its end through a 64 KB buffer, emitting every line.
    /// `path` names the file in errors.
    mutating func readAll(_ fd: Int32, path: String, _ emit: (Line) -> Void) throws(StoreError) {
        try SafeFile.readChunks(fd, path: path) { (chunk) throws(StoreError) in feed(chunk, emit) }
        finish(emit)
    }
}
