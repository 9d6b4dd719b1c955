/// A skill's changes in a report's period, oldest first: `ChangeReport`s kept
/// compactly, as a long journal's run to hundreds of thousands. What changes share
/// is kept once: a day, and a shape (all of a change but its time and its note); a
/// change is its day, its shape, its time of day and its note.
///
/// Kept once means the same bytes: one character spelled two ways (é as one scalar or
/// as two) is kept twice, so each change gives back the bytes it had (`==` on strings
/// has the two spellings equal; `KeptOnce` compares bytes).
public struct ChangeList: RandomAccessCollection, Equatable, Sendable, Encodable {
    private var days = KeptOnce<String>()
    private var shapes = KeptOnce<Shape>()
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
            kind.isSpelled(like: other.kind) && verb.isSpelled(like: other.verb) && expectation.isSpelled(like: other.expectation)
                && text.isSpelled(like: other.text) && level.isSpelled(like: other.level)
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
}
