/// Resources in one spreadsheet cell: `title <url>` entries separated by ` | `, the
/// form `ladder export` writes and `CSVImporter` reads back (a `resources` column for
/// an expectation's, a `resources` row in the header block for the skill's).
enum CSVResources {
    static let separator = " | "

    /// The cell's text for a list of resources.
    static func format(_ resources: [Resource]) -> String {
        resources.map { "\($0.title) <\($0.url)>" }.joined(separator: separator)
    }

    /// The resources a cell names, each checked as a profile's are; the message says
    /// what is wrong with the first bad entry.
    static func parse(_ text: String) -> Result<[Resource], ResourceProblem> {
        var resources: [Resource] = []
        var pending = ""
        for piece in text.components(separatedBy: separator) {
            pending = pending.isEmpty ? piece : pending + separator + piece
            let entry = pending.trimmingCharacters(in: .whitespaces)
            // A title may itself hold " | ": an entry ends only where a "<url>" does.
            guard entry.hasSuffix(">"), let open = entry.range(of: " <", options: .backwards) else { continue }
            let title = String(entry[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            let url = String(entry[open.upperBound...].dropLast())
            resources.append(Resource(title: title, url: url))
            pending = ""
        }
        if !pending.trimmingCharacters(in: .whitespaces).isEmpty {
            return .failure(ResourceProblem(message: "a resource must be written 'title <https://…>' (several separated by ' | '), not \(Quote.page(pending, limit: 60))"))
        }
        if let problem = ResourceRules.problem(in: resources) { return .failure(ResourceProblem(message: problem.message)) }
        return .success(resources)
    }

    /// Why a cell's resources cannot be read.
    struct ResourceProblem: Error { var message: String }
}
