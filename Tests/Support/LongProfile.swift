/// A profile whose second level holds many expectations, for scrolling tests.
public enum LongProfile {
    public static let id = "long-list"

    /// YAML for `profiles/long-list.yaml`: one role, levels Junior and Middle, Middle
    /// with `count` expectations "Expectation number N." (ids `e00001`…).
    public static func yaml(count: Int = 30) -> String {
        var lines = [
            "schema: 1", "id: \(id)", "name: Long List", "keywords:", "- scrolling", "domain: Testing", "group: Lists",
            "updated: '2026-01-01'", "levels:", "- Junior", "- Middle", "roles:", "- id: tester", "  name: Tester", "  levels:",
            "  - level: Junior", "    required: true", "    expectations:", "    - id: j00001", "      text: Starts here.",
            "  - level: Middle", "    required: true", "    expectations:",
        ]
        for n in 1...count {
            let digits = String(n)
            lines.append("    - id: e\(String(repeating: "0", count: 5 - digits.count))\(digits)")
            lines.append("      text: Expectation number \(n).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
