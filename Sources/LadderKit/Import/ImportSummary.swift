import CellGrid

/// The one-screen report `ladder import` prints: the skill, its roles and levels,
/// the Required and optional counts, a table of expectations per cell, and where
/// the profile was written (nil: printed on standard output). Every text from the
/// page is made safe to print.
public enum ImportSummary {
    public static func render(_ profile: Profile, source: String, destination: String?) -> String {
        let cells = profile.roles.flatMap(\.levels)
        let required = cells.count(where: \.required)
        let expectations = cells.reduce(0) { $0 + $1.expectations.count }
        let levelRange = [profile.levels.first, profile.levels.last].compactMap { $0 }.map(Safe.text)
        var lines: [String] = []
        lines.append("Imported \(Safe.text(profile.name)) (\(profile.id)) from \(Safe.text(source))")
        lines.append("  \(Safe.text(profile.domain)) · \(Safe.text(profile.group)) · updated \(profile.updated)")
        lines.append("  \(plural(profile.roles.count, "role")), \(plural(profile.levels.count, "level")) (\(levelRange.joined(separator: " → "))); "
            + "\(required) Required and \(cells.count - required) optional of \(plural(cells.count, "cell")); \(plural(expectations, "expectation"))")
        lines.append("")
        lines.append("  Expectations per cell (* Required):")
        lines.append(contentsOf: table(profile).map { "  " + $0 })
        lines.append("")
        lines.append(destination.map { "Wrote \(Safe.text($0))" } ?? "Printed the profile on standard output")
        return lines.joined(separator: "\n")
    }

    /// Levels as columns, roles as rows; the role's name last, so names of any
    /// width never push the numbers out of line.
    static func table(_ profile: Profile) -> [String] {
        let headers = profile.levels.map { TextWidth.truncate(Safe.text($0), to: 12) }
        let widths = headers.map { max(3, TextWidth.of($0)) }
        var lines: [String] = []
        let header = zip(headers, widths).map { pad($0, to: $1) }.joined(separator: " ")
        lines.append(header + "  Role")
        for role in profile.roles {
            let counts = zip(role.levels, widths).map { cell, width in
                pad("\(cell.expectations.count)\(cell.required ? "*" : " ")", to: width)
            }
            lines.append(counts.joined(separator: " ") + "  " + TextWidth.truncate(Safe.text(role.name), to: 40))
        }
        return lines
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Right-aligned in `width` columns.
    static func pad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.of(text))) + text
    }
}
