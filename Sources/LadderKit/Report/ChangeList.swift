#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A skill's changes in a report's period, oldest first: `ChangeReport`s kept
/// compactly, as a long journal's run to hundreds of thousands. What changes share
/// is kept once: a day, and a shape (all of a change but its time and its note); a
/// change is its day, its shape, its time of day and its note.
///
/// Kept once means the same bytes: one character spelled two ways (é as one scalar or
/// as two) is kept twice, so each change gives back the bytes it had (`==` on strings
/// has the two spellings equal; on ASCII it compares bytes, so ASCII goes by `==`).
public struct ChangeList: RandomAccessCollection, Equatable, Sendable, Encodable {
    private var days = Kept<String>()
    private var shapes = Kept<Shape>()
    private var rows: [Row] = []

    /// What changes share: all of a change but its time and its note.
    struct Shape: Hashable, Sendable, Spelled {
        var kind: String
        var expectation: String?
        var text: String?
        var level: String?
        var verb: String

        var isAllASCII: Bool {
            kind.isAllASCII && verb.isAllASCII && (expectation?.isAllASCII ?? true) && (text?.isAllASCII ?? true)
                && (level?.isAllASCII ?? true)
        }

        var spelling: [String?] { [kind, expectation, text, level, verb] }
    }

    struct Row: Equatable, Sendable {
        /// Where the day of `at` is in `days` (`YYYY-MM-DD`; all of `at` when it is no journal time).
        var day: Int32
        var shape: Int32
        /// `HH:MM:SS`, the bytes of `at` between its `T` and `Z`; 0 when the day holds all of it.
        var time: UInt64
        /// Mostly different for each change: kept as it is.
        var note: String?
    }

    public init() {}

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }

    public subscript(position: Int) -> ChangeReport {
        let row = rows[position]
        let day = days.values[Int(row.day)], shape = shapes.values[Int(row.shape)]
        var at = day
        if row.time != 0 {
            withUnsafeBytes(of: row.time) { at = day + "T" + String(decoding: $0, as: UTF8.self) + "Z" }
        }
        return ChangeReport(at: at, kind: shape.kind, expectation: shape.expectation, text: shape.text, level: shape.level,
                            note: row.note, verb: shape.verb)
    }

    public mutating func append(_ change: ChangeReport) {
        let (day, time) = Self.split(change.at) ?? (change.at, 0)
        let dayPosition = rows.last.flatMap { Self.sameBytes(days.values[Int($0.day)], day) ? $0.day : nil }
            ?? days.position(day) // days come in order
        let shape = Shape(kind: change.kind, expectation: change.expectation, text: change.text, level: change.level, verb: change.verb)
        rows.append(Row(day: dayPosition, shape: shapes.position(shape), time: time, note: change.note))
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
    /// expectation's words and the detail (`ChangeReport`'s), each day turned by `day`
    /// and each shape's words by `word` once, however many changes share them (a report
    /// escapes them).
    func forEachLine(day: (String) -> String, word: (String) -> String,
                     _ body: (_ day: String, _ verb: String, _ text: String?, _ detail: String?) -> Void) {
        var shownDays = [String?](repeating: nil, count: days.values.count)
        var shownShapes = [(verb: String, text: String?)?](repeating: nil, count: shapes.values.count)
        for row in rows {
            let (dayIndex, shapeIndex) = (Int(row.day), Int(row.shape))
            let shownDay = shownDays[dayIndex] ?? day(days.values[dayIndex]) // the day of a time is the day of its first ten bytes
            shownDays[dayIndex] = shownDay
            let shape = shapes.values[shapeIndex]
            let shown = shownShapes[shapeIndex] ?? (word(shape.verb), shape.text.map(word))
            shownShapes[shapeIndex] = shown
            body(shownDay, shown.verb, shown.text, row.note)
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
}

/// A value made of words, for keeping it once by its bytes.
protocol Spelled {
    /// Every byte of every word ASCII.
    var isAllASCII: Bool { get }
    /// Its words, compared and hashed by their bytes when not all ASCII.
    var spelling: [String?] { get }
}

extension String: Spelled {
    var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }

    var spelling: [String?] { [self] }
}

extension ChangeList {
    /// Values kept once each, by their bytes: ASCII ones by `==`, any other by `Spelling`.
    struct Kept<Value: Hashable & Spelled & Sendable>: Sendable {
        private(set) var values: [Value] = []
        private var positions: [Value: Int32] = [:]
        private var spellings: [Spelling: Int32] = [:]

        /// Where `value` is in `values`, added when it is not yet.
        mutating func position(_ value: Value) -> Int32 {
            let ascii = value.isAllASCII
            if let known = ascii ? positions[value] : spellings[Spelling(words: value.spelling)] { return known }
            let position = Int32(values.count)
            values.append(value)
            if ascii { positions[value] = position } else { spellings[Spelling(words: value.spelling)] = position }
            return position
        }
    }

    /// Words compared and hashed by their bytes.
    struct Spelling: Hashable {
        let words: [String?]

        static func == (a: Spelling, b: Spelling) -> Bool {
            a.words.count == b.words.count && zip(a.words, b.words).allSatisfy { x, y in
                switch (x, y) {
                case (nil, nil): return true
                case let (x?, y?): return ChangeList.sameBytes(x, y)
                default: return false
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            for word in words {
                guard let word else { hasher.combine(0 as UInt8); continue }
                hasher.combine(1 as UInt8)
                hasher.combine(word.utf8.count)
                word.utf8.forEach { hasher.combine($0) }
            }
        }
    }
}
