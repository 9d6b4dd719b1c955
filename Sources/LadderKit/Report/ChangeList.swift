#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A skill's changes in a report's period, oldest first: `ChangeReport`s kept
/// compactly, as a long journal's run to hundreds of thousands. The words changes
/// share (a day, a kind, a level, an expectation and its words, what happened) are
/// kept once; a change is where its words are, its time of day and its note.
public struct ChangeList: RandomAccessCollection, Equatable, Sendable, Encodable {
    /// Every word kept, each once, and where it is: an ASCII word by the word, any other
    /// by its bytes (`Spelling`).
    private var words: [String] = []
    private var positions: [String: Int32] = [:]
    private var spellings: [Spelling: Int32] = [:]
    private var rows: [Row] = []

    /// A word as its bytes: two spellings of one character (é as one scalar or as two)
    /// are two words here, as they are in what a report writes (`==` on strings has them
    /// equal; on ASCII words it compares bytes).
    private struct Spelling: Hashable {
        let word: String

        static func == (a: Spelling, b: Spelling) -> Bool { sameBytes(a.word, b.word) }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = word.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil { word.utf8.forEach { hasher.combine($0) } }
        }
    }

    /// One change: positions in `words` (-1: none).
    struct Row: Equatable, Sendable {
        /// The day of `at`, `YYYY-MM-DD`; all of `at` when it is not a journal time.
        var day: Int32
        /// `HH:MM:SS`, the bytes of `at` between its `T` and `Z`; 0 when `day` holds all of it.
        var time: UInt64
        var kind: Int32
        var expectation: Int32
        var text: Int32
        var level: Int32
        var verb: Int32
        /// Mostly different for each change: kept as it is.
        var note: String?
    }

    public init() {}

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }

    public subscript(position: Int) -> ChangeReport {
        let row = rows[position]
        let day = words[Int(row.day)]
        var at = day
        if row.time != 0 {
            withUnsafeBytes(of: row.time) { at = day + "T" + String(decoding: $0, as: UTF8.self) + "Z" }
        }
        return ChangeReport(at: at, kind: words[Int(row.kind)], expectation: word(row.expectation), text: word(row.text),
                            level: word(row.level), note: row.note, verb: words[Int(row.verb)])
    }

    public mutating func append(_ change: ChangeReport) {
        let (day, time) = Self.split(change.at) ?? (change.at, 0)
        let dayPosition = rows.last.flatMap { Self.sameBytes(words[Int($0.day)], day) ? $0.day : nil }
            ?? position(day) // days come in order
        rows.append(Row(day: dayPosition, time: time, kind: position(change.kind), expectation: change.expectation.map { position($0) } ?? -1,
                        text: change.text.map { position($0) } ?? -1, level: change.level.map { position($0) } ?? -1,
                        verb: position(change.verb), note: change.note))
    }

    /// A journal time `YYYY-MM-DDTHH:MM:SSZ` as its day and the bytes of its time of
    /// day; nil for any other text.
    static func split(_ at: String) -> (day: String, time: UInt64)? {
        var time: UInt64 = 0
        let isTime = at.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
                  bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            withUnsafeMutableBytes(of: &time) { $0.copyBytes(from: bytes[11..<19]) }
            return true
        }
        guard isTime == true, time != 0 else { return nil }
        return (String(decoding: at.utf8.prefix(10), as: UTF8.self), time)
    }

    /// Each change as it is written out: the day of its time, what happened, the
    /// expectation's words and the detail (`ChangeReport`'s), each word a change keeps
    /// turned by `day` or `word` once however many changes share it (a report escapes them).
    func forEachLine(day: (String) -> String, word: (String) -> String,
                 _ body: (_ day: String, _ verb: String, _ text: String?, _ detail: String?) -> Void) {
        var days = [String?](repeating: nil, count: words.count)
        var turned = [String?](repeating: nil, count: words.count)
        func turn(_ position: Int32) -> String {
            let index = Int(position)
            if let known = turned[index] { return known }
            let text = word(words[index])
            turned[index] = text
            return text
        }
        for row in rows {
            let index = Int(row.day)
            let shown = days[index] ?? day(words[index]) // the day of a time is the day of its first ten bytes
            days[index] = shown
            body(shown, turn(row.verb), row.text < 0 ? nil : turn(row.text), row.note)
        }
    }

    public static func == (a: ChangeList, b: ChangeList) -> Bool { a.elementsEqual(b) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for change in self { try container.encode(change) }
    }

    /// Whether two texts are the same bytes (read in place: a native string's are).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true } // both empty
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    private func word(_ position: Int32) -> String? { position < 0 ? nil : words[Int(position)] }

    private mutating func position(_ word: String) -> Int32 {
        let ascii = word.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? false
        if let known = ascii ? positions[word] : spellings[Spelling(word: word)] { return known }
        let position = Int32(words.count)
        words.append(word)
        if ascii { positions[word] = position } else { spellings[Spelling(word: word)] = position }
        return position
    }
}
