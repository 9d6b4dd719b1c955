import Testing
@testable import LadderKit

/// `ListOrder` must give exactly the order Swift's `String` comparison gives, on
/// ASCII keys (compared by bytes) and on any other text (compared as Swift does),
/// mixed in one list.
struct ListOrderTests {
    static let texts = [
        "", "a", "A", "ab", "aB", "Ab", "abc", "b", "B", "Z", "[", "_", "`", "{", "~", "0", "9", "a b", "a-b", "a.b",
        "Kubernetes", "kubernetes", "Kubernetes 2", "\u{E9}t\u{E9}", "e\u{301}t\u{E9}", "e", "f", "\u{C9}cole", "ecole",
        "\u{1F600} smile", "\u{3B1}lpha", "\u{391}LPHA", "straße", "STRASSE", "a\u{0}b", "x\u{301}", "x",
    ]

    @Test(arguments: [false, true])
    func theOrderIsSwifts(foldingFirst: Bool) {
        var keys: [(first: String, second: String)] = []
        for (number, first) in Self.texts.enumerated() {
            keys.append((first, "id\(number % 3)"))
            keys.append((first, Self.texts[(number * 7) % Self.texts.count]))
        }
        let ordered = ListOrder.order(keys, foldingFirst: foldingFirst).map { keys[$0] }
        func swiftKey(_ key: (first: String, second: String)) -> (String, String) {
            (foldingFirst ? key.first.lowercased() : key.first, key.second)
        }
        let expected = keys.sorted { swiftKey($0) < swiftKey($1) }
        #expect(ordered.map { swiftKey($0).0 + "|" + $0.second } == expected.map { swiftKey($0).0 + "|" + $0.second })
        #expect(Set(ListOrder.order(keys, foldingFirst: foldingFirst)) == Set(keys.indices))
    }
}
