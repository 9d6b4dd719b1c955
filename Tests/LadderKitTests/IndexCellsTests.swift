import Testing
@testable import LadderKit

/// The cells field of a summary line, read from its bytes.
struct IndexCellsTests {
    @Test func cellsAreReadAsWrittenAndAnythingElseIsRefused() {
        func cells(_ text: String) -> [[String]]? {
            StoredSummary.cells(ArraySlice(Array(text.utf8)))?.map { $0.map(\.code) }
        }
        #expect(cells("2\u{1F}R3 o2 R10\u{1F}o0") == [["R3", "o2", "R10"], ["o0"]])
        #expect(cells("2\u{1F}R3\u{1F}") == [["R3"], []])
        #expect(cells("0") == [])
        for refused in ["", "x", "1\u{1F}R", "1\u{1F}X3", "1\u{1F}R3 ", "1\u{1F}R3  o2", "1\u{1F}R-1", "2\u{1F}R3", "1\u{1F}R3\u{1F}o2", "1\u{1F}R3\\t"] {
            #expect(cells(refused) == nil, "\(refused)")
        }
    }
}
