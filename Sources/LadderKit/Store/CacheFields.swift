#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Whole lines written elsewhere (by a `FieldWriter`), copied as they are.
    mutating func lines<C: Collection>(_ written: C) where C.Element == UInt8 {
        if !atLineStart { endLine() }
        bytes.append(contentsOf: written)
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

    /// The next `count` bytes as they are, when they are whole lines (a block another
    /// reader reads later); nil when there are fewer or they end inside a line.
    mutating func lines(count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.endIndex - position else { return nil }
        let end = position + count
        guard count == 0 || bytes[end - 1] == 0x0A else { return nil }
        defer { position = end }
        return bytes[position..<end]
    }

    /// The fields of the next line, as byte ranges. Tabs and the newline are found
    /// with `memchr` (the profile index is read at every start: a byte-by-byte loop
    /// was a tenth of a first frame's own work).
    mutating func line() -> Line? {
        guard position < bytes.endIndex else { return nil }
        let (fields, end) = bytes.withUnsafeBufferPointer { buffer -> ([Range<Int>], Int) in
            guard let base = buffer.baseAddress else { return ([], position) }
            let offset = bytes.startIndex // `buffer` starts at the slice's first byte
            var fields: [Range<Int>] = []
            fields.reserveCapacity(24)
            let lineEnd = Self.fields(ofLineAt: position - offset, in: base, end: buffer.count) { field in
                fields.append((field.lowerBound + offset)..<(field.upperBound + offset))
            }
            return (fields, lineEnd + offset)
        }
        position = end + 1
        return Line(bytes: bytes, fields: fields)
    }

    /// The place of the first `byte` in `base[range]`, found with `memchr`; nil when
    /// there is none.
    static func find(_ byte: UInt8, in base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int? {
        memchr(base + range.lowerBound, Int32(byte), range.count).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
    }

    /// Hands `field` each field of the line starting at `from` in `base[..<end]`, as
    /// byte ranges without their tab; returns where the line ends (its newline, or `end`).
    static func fields(ofLineAt from: Int, in base: UnsafePointer<UInt8>, end: Int, _ field: (Range<Int>) -> Void) -> Int {
        let lineEnd = find(0x0A, in: base, from..<end) ?? end
        var start = from
        while let tab = find(0x09, in: base, start..<lineEnd) {
            field(start..<tab)
            start = tab + 1
        }
        field(start..<lineEnd)
        return lineEnd
    }

    struct Line: Sendable {
        let bytes: ArraySlice<UInt8>
        let fields: [Range<Int>]

        var count: Int { fields.count }

        func string(_ index: Int) -> String? {
            guard fields.indices.contains(index) else { return nil }
            return FieldReader.text(bytes[fields[index]])
        }

        func int(_ index: Int) -> Int? { int64(index).map { Int($0) } }

        func int64(_ index: Int) -> Int64? {
            guard fields.indices.contains(index) else { return nil }
            let field = fields[index]
            return bytes.withUnsafeBytes { raw in
                FieldReader.number(UnsafeRawBufferPointer(rebasing: raw[(field.lowerBound - bytes.startIndex)..<(field.upperBound - bytes.startIndex)]))
            }
        }

        /// One pass over the field's bytes: no array of slices, no closure per byte
        /// (the profile index reads several lists per profile at every start).
        func list(_ index: Int) -> [String]? {
            guard fields.indices.contains(index) else { return nil }
            let range = fields[index]
            guard let (count, start) = FieldReader.listCount(bytes, in: range) else { return nil }
            var at = start
            var items: [String] = []
            items.reserveCapacity(min(count, range.count))
            while at < range.upperBound {
                let start = at + 1 // past the separator
                var end = start
                while end < range.upperBound, bytes[end] != 0x1F { end += 1 }
                guard items.count < count else { return nil }
                items.append(FieldReader.text(bytes[start..<end]))
                at = end
            }
            return items.count == count ? items : nil
        }
    }

    /// A number as `FieldWriter` writes it (an optional `-`, then digits), read from
    /// its bytes without making a string; nil for anything else or on overflow.
    static func number(_ raw: UnsafeRawBufferPointer) -> Int64? {
        let negative = !raw.isEmpty && raw[0] == UInt8(ascii: "-")
        var at = negative ? 1 : 0
        guard raw.count > at, raw.count - at <= 19 else { return nil }
        var value: Int64 = 0
        let exact = raw.count - at <= 18 // cannot overflow: a stamp's four numbers, at every start
        while at < raw.count {
            let digit = raw[at] &- 0x30
            guard digit < 10 else { return nil }
            if exact {
                value = value &* 10 &+ Int64(digit)
            } else {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowAdding) = times.addingReportingOverflow(Int64(digit))
                guard !overflow, !overflowAdding else { return nil }
                value = sum
            }
            at += 1
        }
        return negative ? -value : value
    }

    /// A list field's item count (its leading digits, before the first U+001F) and
    /// where the digits end; nil when there are none or they are not a count.
    static func listCount(_ bytes: ArraySlice<UInt8>, in range: Range<Int>) -> (count: Int, end: Int)? {
        var at = range.lowerBound
        var count = 0
        while at < range.upperBound, bytes[at] != 0x1F {
            let digit = bytes[at] &- 0x30
            guard digit < 10, count < 1 << 40 else { return nil }
            count = count * 10 + Int(digit)
            at += 1
        }
        return at > range.lowerBound ? (count, at) : nil
    }

    static func text(_ raw: ArraySlice<UInt8>) -> String {
        let plain = raw.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, memchr(base, 0x5C, buffer.count) != nil else {
                return String(decoding: buffer, as: UTF8.self)
            }
            return nil
        }
        if let plain { return plain }
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

extension FieldWriter {
    /// An optional text: empty for none, `=` and the text for some.
    mutating func optional(_ text: String?) { field(text.map { "=" + $0 } ?? "") }
}

extension FieldReader.Line {
    /// What `FieldWriter.optional` wrote: `.some(nil)` for none, nil when the field
    /// is missing or is neither form.
    func optional(_ index: Int) -> String?? {
        guard let text = string(index) else { return nil }
        if text.isEmpty { return .some(nil) }
        guard text.hasPrefix("=") else { return nil }
        return .some(String(text.dropFirst()))
    }
}
