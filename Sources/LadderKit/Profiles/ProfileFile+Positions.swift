import Foundation
import Yams

/// Where in a profile's text a problem is: YAML marks, coding paths and byte
/// offsets turned into 1-based line and column.
extension ProfileFile {
    static func at(_ node: Node, _ message: String, _ file: String, _ text: String) -> FileProblem {
        let mark = node.mark
        guard let mark else { return FileProblem(file: file, message: message) }
        let (line, column) = position(of: mark, in: text)
        return FileProblem(file: file, line: line, column: column, message: message, source: text)
    }

    static func problem(from error: YamlError, file: String, text: String) -> FileProblem {
        func cut(_ message: String) -> String { String(String.UnicodeScalarView(message.unicodeScalars.prefix(120))) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            let message = problem.hasPrefix("Maximum nesting level")
                ? "nested too deeply (YAML allows at most 1,000 levels); a profile has at most 6 levels of nesting"
                : "YAML: \(cut(problem))"
            let (line, column) = position(of: mark, in: text)
            return FileProblem(file: file, line: line, column: column, message: message, source: text)
        case .composer(_, let problem, let mark, _):
            let message = problem.contains("single document")
                ? "a profile file holds one YAML document; remove the second one (after '---')"
                : "YAML: \(cut(problem))"
            let (line, column) = position(of: mark, in: text)
            return FileProblem(file: file, line: line, column: column, message: message, source: text)
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofByte: $0, in: Array(text.utf8)) } ?? (0, 0)
            return FileProblem(file: file, line: line, column: column, message: "YAML: \(cut(problem))", source: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let name = duplicates.first ?? ""
            let first = position(of: context.mark, in: text)
            let (line, column) = laterKey(name, after: first, in: text) ?? first
            return FileProblem(file: file, line: line, column: column, message: "duplicate key '\(short(name))'", source: text)
        default:
            return FileProblem(file: file, message: "YAML: \(cut(String(describing: error)))")
        }
    }

    /// Where a block mapping key appears again, below its first use at `mark` and at
    /// the same column, so a duplicate is reported at the second one.
    static func laterKey(_ name: String, after mark: (line: Int, column: Int), in text: String) -> (Int, Int)? {
        guard !name.isEmpty, mark.line > 0, mark.column > 0 else { return nil }
        var number = 0
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard number > mark.line else { continue }
            let scalars = Array(line)
            let leading = scalars.prefix { $0 == " " }.count
            if leading + 1 < mark.column { break } // left the mapping
            guard leading + 1 == mark.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(leading)))
            for candidate in [name, "\"\(name)\"", "'\(name)'"] where rest.hasPrefix(candidate) {
                if rest.dropFirst(candidate.count).drop(while: { $0 == " " }).hasPrefix(":") { return (number, mark.column) }
            }
        }
        return nil
    }

    static func problem(from error: DecodingError, root: Node, file: String, text: String) -> FileProblem {
        let path: [CodingKey]
        let message: String
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath
            message = "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context):
            path = context.codingPath
            message = "expected \(expected(at: context.codingPath)) at \(pathText(context.codingPath))"
        case .valueNotFound(_, let context):
            path = context.codingPath
            message = "expected \(expected(at: context.codingPath)) at \(pathText(context.codingPath)), found nothing"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = "unreadable value at \(pathText(context.codingPath))"
        @unknown default:
            path = []
            message = "could not read the profile"
        }
        let node = find(path, in: root) ?? root
        return at(node, message, file, text)
    }

    /// What the schema wants at a coding path, in words.
    static func expected(at path: [CodingKey]) -> String {
        guard let last = path.last else { return "a mapping" }
        if last.intValue != nil {
            return path.dropLast().last?.stringValue == "keywords" || path.dropLast().last?.stringValue == "levels" && path.count == 2
                ? "text" : "a mapping"
        }
        switch last.stringValue {
        case "required": return "true or false"
        case "schema": return "a whole number"
        case "keywords", "levels", "roles", "expectations": return "a list"
        default: return "text"
        }
    }

    static func pathText(_ path: [CodingKey]) -> String {
        path.isEmpty ? "the top" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    /// The node at a coding path, as deep as the path can be followed.
    static func find(_ path: [CodingKey], in root: Node) -> Node? {
        var node = root
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let child = node[key.stringValue] {
                node = child
            } else {
                break
            }
        }
        return node
    }

    /// A libyaml mark as a line and column of the text as Ladder shows it. libyaml
    /// also breaks lines at a lone CR, NEL, U+2028 and U+2029, and puts errors at the
    /// end of the input on the line after it; lines here end at LF only, and a mark
    /// past the end is the end.
    static func position(of mark: Mark, in text: String) -> (Int, Int) {
        guard mark.line > 0, mark.column > 0 else { return (0, 0) }
        var yamlLine = 1, yamlColumn = 1, line = 1, column = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            if yamlLine > mark.line || (yamlLine == mark.line && yamlColumn >= mark.column) { break }
            pending = scalars.next()
            switch scalar {
            case "\r" where pending == "\n":
                column += 1 // the LF that follows ends both lines
            case "\n":
                yamlLine += 1; yamlColumn = 1; line += 1; column = 1
            case "\r", "\u{85}", "\u{2028}", "\u{2029}":
                yamlLine += 1; yamlColumn = 1; column += 1
            default:
                yamlColumn += 1; column += 1
            }
        }
        return (line, column)
    }

    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else if scalar != "\r" { column += 1 }
        }
        return (line, column)
    }
}
