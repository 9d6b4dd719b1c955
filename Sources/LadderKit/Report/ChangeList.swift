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
    struct Shape: Sendable, Spelled {
        var kind: String
        var expectation: String?
        var text: String?
        var level: String?
        var verb: String

        var spellingHash: UInt64 {
            var hash = Spelling()
            hash.add(kind)
            hash.add(expectation)
            hash.add(text)
            hash.add(level)
            hash.add(verb)
            return hash.value
        }

        func isSpelled(like other: Shape) -> Bool {
            ChangeList.sameBytes(kind, other.kind) && ChangeList.sameBytes(verb, other.verb)
                && Spelling.same(expectation, other.expectation) && Spelling.same(text, other.text)
                && Spelling.same(level, other.level)
        }
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
    /// A hash of its words' bytes (`Spelling`).
    var spellingHash: UInt64 { get }
    /// Whether its words are `other`'s, byte for byte.
    func isSpelled(like other: Self) -> Bool
}

extension String: Spelled {
    var spellingHash: UInt64 {
        var hash = ChangeList.Spelling()
        hash.add(self)
        return hash.value
    }

    func isSpelled(like other: String) -> Bool { ChangeList.sameBytes(self, other) }
}

extension ChangeList {
    /// Values kept once each, by their words' bytes: a change's shape is looked up for
    /// each of a long journal's changes, so it is hashed with FNV over its bytes into a
    /// `KeyTable` (`Hasher` over five strings was a seventh of a long report).
    struct Kept<Value: Spelled & Sendable>: Sendable {
        private(set) var values: [Value] = []
        /// Each value's place in `values`, by its spelling's hash.
        private var places = KeyTable()

        /// Where `value` is in `values`, added when it is not yet.
        mutating func position(_ value: Value) -> Int32 {
            let hash = value.spellingHash
            if let known = places.find(hash: hash, isKey: { values[$0].isSpelled(like: value) }) { return Int32(known) }
            places.add(values.count, hash: hash)
            values.append(value)
            return Int32(values.count - 1)
        }
    }

    /// FNV-1a over words' bytes, each word ended by a byte no UTF-8 has (a missing
    /// word by another).
    struct Spelling {
        private var hash = FNV1a()
        var value: UInt64 { hash.value }

        mutating func add(_ word: String?) {
            guard var word else { return hash.add(0xFE) }
            word.withUTF8 { hash.add($0) }
            hash.add(0xFF)
        }

        static func same(_ a: String?, _ b: String?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case let (a?, b?): ChangeList.sameBytes(a, b)
            default: false
            }
        }
    }
}
