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
            var hash = WordHash()
            hash.add(kind)
            hash.add(expectation)
            hash.add(text)
            hash.add(level)
            hash.add(verb)
            return hash.value
        }

        init(kind: String, expectation: String?, text: String?, level: String?, verb: String) {
            (self.kind, self.expectation, self.text, self.level, self.verb) = (kind, expectation, text, level, verb)
        }

        /// A change as it reads today (`texts`: the profile's expectation words by id;
        /// `roleName`: a role's name by its id): its words from the profile while it has
        /// them, else the ones it carries.
        init(_ change: borrowing Change, texts: [String: String], roleName: (String) -> String) {
            kind = change.kind
            expectation = change.expectation
            level = change.level
            text = expectation.flatMap { texts[$0] } ?? change.text
            verb = change.verb(roleName: roleName)
        }

        func isSpelled(like other: Shape) -> Bool {
            ChangeList.sameBytes(kind, other.kind) && ChangeList.sameBytes(verb, other.verb)
                && ChangeList.sameBytes(expectation, other.expectation) && ChangeList.sameBytes(text, other.text)
                && ChangeList.sameBytes(level, other.level)
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
        let day = days.values[Int(row.day)]
        var at = day
        if row.time != 0 {
            withUnsafeBytes(of: row.time) { at = day + "T" + String(decoding: $0, as: UTF8.self) + "Z" }
        }
        return ChangeReport(at: at, shape: shapes.values[Int(row.shape)], note: row.note)
    }

    public mutating func append(_ change: ChangeReport) {
        append(at: change.at, Shape(kind: change.kind, expectation: change.expectation, text: change.text, level: change.level,
                                    verb: change.verb), note: change.note)
    }

    /// A change at `at` (a journal time, or any text) with `note`: what `append(_:)`
    /// keeps of a `ChangeReport`, given in its parts.
    mutating func append(at: String, _ shape: consuming Shape, note: String?) {
        let day: Int32, time: UInt64
        if let (key, clock) = Self.split(at) {
            // Days come in order: most changes are on the day of the one before.
            if let last = rows.last, last.time != 0, key == lastDay {
                day = last.day
            } else {
                day = days.position(String(decoding: at.utf8.prefix(10), as: UTF8.self))
            }
            (lastDay, time) = (key, clock)
        } else {
            (day, time) = (days.position(at), 0)
        }
        rows.append(Row(day: day, shape: shapes.position(consume shape), time: time, note: note))
    }

    /// The first ten bytes (the day) of the time of the last change appended.
    private var lastDay = DayKey(head: 0, tail: 0)

    struct DayKey: Equatable, Sendable {
        var head: UInt64
        var tail: UInt16
    }

    /// A journal time `YYYY-MM-DDTHH:MM:SSZ` as the bytes of its day and of its time
    /// of day; nil for any other text.
    static func split(_ at: String) -> (day: DayKey, time: UInt64)? {
        at.withBytes { bytes in
            guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
                  bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let raw = UnsafeRawBufferPointer(bytes)
            let time = raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self)
            guard time != 0 else { return nil }
            return (DayKey(head: raw.loadUnaligned(as: UInt64.self), tail: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)), time)
        }
    }

    /// Each change as it is written out: its day as `day` turns it, what happened as
    /// `shape` says it (from the verb and the expectation's words, `ChangeReport`'s),
    /// and the detail. Each day and each shape is turned once, however many changes
    /// share it (a report escapes them and writes a line of a few pieces per change).
    func forEachLine(day: (String) -> String, shape: (_ verb: String, _ text: String?) -> String,
                     _ body: (_ day: String, _ shape: String, _ detail: String?) -> Void) {
        var shownDays = [String?](repeating: nil, count: days.values.count)
        var shownShapes = [String?](repeating: nil, count: shapes.values.count)
        for row in rows {
            let (dayIndex, shapeIndex) = (Int(row.day), Int(row.shape))
            let shownDay = shownDays[dayIndex] ?? day(days.values[dayIndex]) // the day of a time is the day of its first ten bytes
            shownDays[dayIndex] = shownDay
            let shown = shownShapes[shapeIndex] ?? shape(shapes.values[shapeIndex].verb, shapes.values[shapeIndex].text)
            shownShapes[shapeIndex] = shown
            body(shownDay, shown, row.note)
        }
    }

    public static func == (a: ChangeList, b: ChangeList) -> Bool { a.elementsEqual(b) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for change in self { try container.encode(change) }
    }

    /// Whether two texts are the same bytes (read in place, not copied: a native string's are).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        if a.isSameValue(as: b) { return true } // a profile's words or a short id: the usual case, no bytes read
        return a.utf8.count == b.utf8.count && a.withBytes { x in
            b.withBytes { y in KeyTable.same(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) }
        }
    }

    /// Whether both are missing, or both are the same bytes.
    static func sameBytes(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): sameBytes(a, b)
        default: false
        }
    }
}

/// A value made of words, for keeping it once by its bytes.
protocol Spelled {
    /// A hash of its words' bytes (`WordHash`).
    var spellingHash: UInt64 { get }
    /// Whether its words are `other`'s, byte for byte.
    func isSpelled(like other: Self) -> Bool
}

extension String: Spelled {
    var spellingHash: UInt64 {
        var hash = WordHash()
        hash.add(self)
        return hash.value
    }

    func isSpelled(like other: String) -> Bool { ChangeList.sameBytes(self, other) }
}

extension ChangeList {
    /// Values kept once each, by their words' bytes: a change's shape is looked up for
    /// each of a long journal's changes, so it is hashed eight bytes at a time
    /// (`WordHash`) into a `KeyTable` (`Hasher` over five strings was a seventh of a
    /// long report).
    struct Kept<Value: Spelled & Sendable>: Sendable {
        private(set) var values: [Value] = []
        /// Each value's place in `values`, by its spelling's hash.
        private var places = KeyTable()

        /// Where `value` is in `values`, added when it is not yet.
        mutating func position(_ value: consuming Value) -> Int32 {
            let hash = value.spellingHash
            if let known = places.find(hash: hash, isKey: { values[$0].isSpelled(like: value) }) { return Int32(known) }
            places.add(values.count, hash: hash)
            values.append(value)
            return Int32(values.count - 1)
        }
    }
}
