import CellGrid
import LadderKit

/// The plain-text form of a profile that `ladder show` prints.
enum ProfileText {
    /// `profile` may be filtered to some roles and levels; the matrix is drawn from `full`.
    /// With `ticks`, each expectation shows a checkbox.
    static func render(_ profile: Profile, full: Profile, ticks: [String: Tick]?) -> String {
        var lines: [String] = []
        lines.append("\(Safe.text(full.name))  (\(full.id))")
        if !full.keywords.isEmpty { lines.append(Safe.text(full.keywords.joined(separator: ", "))) }
        lines.append("\(Safe.text(full.domain)) / \(Safe.text(full.group)) · updated \(full.updated)")
        lines.append("")
        let table = TextTable(header: ["ROLE"] + full.levels)
        for role in full.roles {
            table.add([role.name] + role.levels.map { $0.required ? "Required" : "optional" })
        }
        lines.append(table.render())
        if let resources = full.resources, !resources.isEmpty {
            lines.append("")
            lines.append("Learn the skill:")
            lines += resourceLines(resources, indent: "  ")
        }
        for role in profile.roles {
            for cell in role.levels {
                lines.append("")
                lines.append("\(Safe.text(role.name)) · \(Safe.text(cell.level))\(cell.required ? " (Required)" : " (optional)")")
                for expectation in cell.expectations {
                    let box = ticks.map { $0[expectation.id] != nil ? "[x] " : "[ ] " } ?? ""
                    lines.append("  \(box)\(expectation.id)  \(Safe.text(expectation.text))")
                    lines += resourceLines(expectation.resources ?? [], indent: String(repeating: " ", count: 4 + box.count + expectation.id.count))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Each resource on a line: `- title <url>`, the URL whole and as text.
    static func resourceLines(_ resources: [Resource], indent: String) -> [String] {
        resources.map { "\(indent)- \(Safe.text($0.title)) <\(Safe.text($0.url))>" }
    }
}
