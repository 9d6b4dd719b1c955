/// The team's coverage of a role and level, in `ladder team --json` and `--format markdown`.
extension TeamReport {
    /// `coverage` in the JSON: the role, level and people counted; per skill, each
    /// Required expectation with `ticked`, `confirmed` and who ticked it (`ticked_by`, ids).
    public struct CoverageJSON: Encodable, Equatable {
        public struct Item: Encodable, Equatable {
            var id, text: String
            var ticked, confirmed: Int
            var ticked_by: [String]
            var nobody, only_one: Bool
        }
        public struct Skill: Encodable, Equatable {
            var skill, name: String
            var expectations: [Item]
        }
        var role, role_name, level: String
        var people, expectations, nobody, only_one: Int
        var skills: [Skill]
    }

    static func coverageJSON(_ coverage: TeamCoverage) -> CoverageJSON {
        CoverageJSON(
            role: coverage.role.id, role_name: coverage.role.name, level: coverage.level, people: coverage.people,
            expectations: coverage.items.count, nobody: coverage.nobodyCount, only_one: coverage.onlyOneCount,
            skills: coverage.skills.map { skill in
                CoverageJSON.Skill(skill: skill.skill, name: skill.name, expectations: skill.expectations.map {
                    CoverageJSON.Item(id: $0.id, text: $0.text, ticked: $0.ticked, confirmed: $0.confirmed,
                                      ticked_by: $0.holders.map(\.id.rawValue), nobody: $0.nobody, only_one: $0.onlyOne)
                })
            })
    }

    /// "nobody yet", "only Ana Silva", or "" for an expectation more than one person has.
    public static func coverageWords(_ item: TeamCoverage.Item) -> String {
        if item.nobody { return "nobody yet" }
        if item.onlyOne, let one = item.holders.first { return "only \(one.name)" }
        return ""
    }

    /// The coverage section of the team document: one table per skill.
    static func coverageMarkdown(_ coverage: TeamCoverage) -> [String] {
        var lines = ["## Coverage: \(cell(coverage.role.name)), \(cell(coverage.level))", ""]
        guard !coverage.items.isEmpty else {
            return lines + ["No skill makes \(cell(coverage.level)) Required for \(cell(coverage.role.name))."]
        }
        let people = coverage.people == 1 ? "1 person" : "\(coverage.people) people"
        lines.append("Each Required expectation at \(cell(coverage.level)), and how many of the \(people) here have it ticked "
            + "(confirmed: ticks a reviewer confirmed). Nobody yet: \(coverage.nobodyCount); only one person: \(coverage.onlyOneCount).")
        for skill in coverage.skills {
            lines += ["", "### \(cell(skill.name))", "", "| Expectation | Ticked | Confirmed | Who |", "|---|--:|--:|---|"]
            for item in skill.expectations {
                let who = coverageWords(item)
                let row = [item.text, "\(item.ticked)/\(coverage.people)", "\(item.confirmed)", who.isEmpty ? "" : "**\(who)**"]
                lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
            }
        }
        return lines
    }
}
