/// A `FileProblem` as a cache keeps it.
struct StoredProblem: Codable, Equatable, Sendable {
    var file: String
    var line: Int
    var column: Int
    var message: String
    var excerpt: String?
    var newer: NewerSchema?

    init(_ problem: FileProblem) {
        file = problem.file
        line = problem.line
        column = problem.column
        message = problem.message
        excerpt = problem.excerpt
        newer = problem.newer
    }

    var problem: FileProblem {
        FileProblem(file: file, line: line, column: column, message: message, excerpt: excerpt, newer: newer)
    }
}
