/// A profile as a Markdown page for a wiki: the skill's facts, the role × level
/// matrix (Required or optional, and how many expectations), then every cell's
/// expectations with their ids. Every text from the profile is neutralised
/// (`Safe`) and escaped (`MarkdownReport.escape`), so it shows as text and cannot
/// change the page's structure.
extension ProfileExport {
    public static func markdown(_ profile: Profile) -> String {
        let e = MarkdownReport.escape
        var lines: [String] = ["# \(e(profile.name))", ""]
        lines.append("- **Id:** \(MarkdownReport.code(profile.id))")
        if !profile.keywords.isEmpty { lines.append("- **Keywords:** \(profile.keywords.map(e).joined(separator: ", "))") }
        if !profile.domain.isEmpty { lines.append("- **Domain:** \(e(profile.domain))") }
        if !profile.group.isEmpty { lines.append("- **Group:** \(e(profile.group))") }
        lines.append("- **Updated:** \(e(profile.updated))")
        lines.append("")
        lines.append("## Roles and levels")
        lines.append("")
        lines.append("| Role | " + profile.levels.map(e).joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---|", count: profile.levels.count))
        for role in profile.roles {
            let cells = role.levels.map { cell in
                "\(cell.required ? "**Required**" : "optional") (\(cell.expectations.count))"
            }
            lines.append("| \(e(role.name)) | " + cells.joined(separator: " | ") + " |")
        }
        for role in profile.roles {
            lines.append("")
            lines.append("## \(e(role.name))")
            for cell in role.levels {
                lines.append("")
                lines.append("### \(e(cell.level)) · \(cell.required ? "Required" : "optional")")
                lines.append("")
                for expectation in cell.expectations {
                    let text = Safe.lines(expectation.text).map(e).joined(separator: " ")
                    lines.append("- \(text) \(MarkdownReport.code(expectation.id))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import CellGrid
