import Testing
@testable import LadderKit

/// The caches' text form: what `FieldWriter` writes, `FieldReader` reads back, and
/// anything else in a field is refused rather than guessed at.
@Suite struct CacheFieldsTests {
    func line(_ text: String) throws -> FieldReader.Line {
        var reader = FieldReader(Array(text.utf8)[...])
        let line = reader.line()
        return try #require(line)
    }

    @Test func numbersAreReadFromTheirBytes() throws {
        var writer = FieldWriter()
        for number in [0, 7, -3, 1_700_000_000_000_000_000, Int(Int64.max), -Int(Int64.max)] { writer.field(number) }
        writer.endLine()
        var reader = FieldReader(writer.bytes[...])
        let read = reader.line()
        let written = try #require(read)
        #expect((0..<6).map { written.int($0) } == [0, 7, -3, 1_700_000_000_000_000_000, Int(Int64.max), -Int(Int64.max)])
        let odd = try line("\t-\t+5\t1a\t 1\t9223372036854775808\t12345678901234567890\t--1\t0x10")
        #expect((0..<odd.count).allSatisfy { odd.int64($0) == nil }, "empty, a sign alone, a plus, letters, space, overflow")
        #expect(odd.int(99) == nil, "no such field")
    }
}
