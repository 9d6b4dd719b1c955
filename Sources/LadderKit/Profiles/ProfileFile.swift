import Foundation
import Yams

/// Reads and writes the YAML profile format, refusing hostile or broken files with
/// a `FileProblem` that points at the line and column.
public enum ProfileFile {
    /// Larger files are refused before parsing: a real profile is a few kilobytes.
    public static let maxBytes = 1 << 20
    /// More YAML nodes than this (aliases included, counted as expanded) is refused.
    static let maxNodes = 100_000
    static let maxTextLength = 2_000
    static let maxListLength = 500

    /// Parses and validates a profile. `file` names it in messages.
    public static func decode(_ bytes: [UInt8], file: String) throws(FileProblem) -> Profile {
        guard bytes.count <= maxBytes else {
            throw FileProblem(file: file, message: "file is \(bytes.count) bytes; a profile may be at most \(maxBytes) bytes")
        }
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) } // UTF-8 BOM
        guard let text = String(validating: slice, as: UTF8.self) else {
            let offset = firstInvalidUTF8(slice)
            let (line, column) = position(ofByte: offset, in: Array(slice))
            throw FileProblem(file: file, line: line, column: column, message: "not valid UTF-8 text")
        }
        return try decode(text, file: file)
    }

    public static func decode(_ text: String, file: String) throws(FileProblem) -> Profile {
        if let nul = text.firstIndex(of: "\0") {
            let (line, column) = position(of: nul, in: text)
            throw FileProblem(file: file, line: line, column: column, message: "contains a NUL character", source: text)
        }
        let node: Node
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw FileProblem(file: file, message: "the file is empty; a profile needs id, name, levels and roles")
            }
            node = root
        } catch let problem as FileProblem {
            throw problem
        } catch let error as YamlError {
            throw problem(from: error, file: file, text: text)
        } catch {
            throw FileProblem(file: file, message: "could not read YAML")
        }
        var budget = maxNodes
        try checkShape(node, budget: &budget, file: file, text: text)
        guard case .mapping = node else {
            throw at(node, "a profile must be a mapping of keys (id, name, levels, roles, …)", file, text)
        }
        try checkKeys(node, file: file, text: text)
        if let schemaNode = node["schema"], let schema = schemaNode.int, schema > Profile.currentSchema {
            throw at(schemaNode, "schema \(schema) is newer than this Ladder understands (\(Profile.currentSchema)); update Ladder to read it", file, text)
        }
        let profile: Profile
        do {
            profile = try YAMLDecoder().decode(Profile.self, from: node)
        } catch let error as DecodingError {
            throw problem(from: error, root: node, file: file, text: text)
        } catch {
            throw FileProblem(file: file, message: "could not read the profile")
        }
        try ProfileRules.check(profile, node: node, file: file, text: text)
        return profile
    }

    /// The YAML text of a profile, in the field order of the model.
    public static func encode(_ profile: Profile) throws -> String {
        let yaml = try YAMLEncoder().encode(profile)
        return "# Ladder skill profile. Expectation ids are stable: keep them when you reword.\n" + yaml
    }

    // MARK: - Shape checks (before decoding)

    /// Walks the node tree with a budget, so alias bombs and deep nesting are refused
    /// quickly, and caps string and list lengths.
    static func checkShape(_ node: Node, depth: Int = 0, budget: inout Int, file: String, text: String) throws(FileProblem) {
        budget -= 1
        if budget < 0 {
            throw at(node, "too many YAML nodes (over \(maxNodes), aliases counted as expanded); a profile is far smaller", file, text)
        }
        if depth > 16 {
            throw at(node, "nested too deeply; a profile has at most 6 levels of nesting", file, text)
        }
        switch node {
        case .scalar(let scalar):
            if scalar.string.count > maxTextLength {
                throw at(node, "text is \(scalar.string.count) characters; at most \(maxTextLength) allowed", file, text)
            }
        case .sequence(let sequence):
            if sequence.count > maxListLength {
                throw at(node, "list has \(sequence.count) items; at most \(maxListLength) allowed", file, text)
            }
            for child in sequence { try checkShape(child, depth: depth + 1, budget: &budget, file: file, text: text) }
        case .mapping(let mapping):
            if mapping.count > maxListLength {
                throw at(node, "mapping has \(mapping.count) keys; at most \(maxListLength) allowed", file, text)
            }
            var seen = Set<String>()
            for (key, value) in mapping {
                if let name = key.string, !seen.insert(name).inserted {
                    throw at(key, "duplicate key '\(name)'", file, text)
                }
                try checkShape(value, depth: depth + 1, budget: &budget, file: file, text: text)
            }
        case .alias:
            throw at(node, anchorMessage, file, text)
        }
    }

    /// Yams resolves aliases while composing (sharing, not copying, the nodes), so
    /// they reach the walk above as repeated subtrees that the node budget counts.
    static let anchorMessage = "YAML aliases are not allowed in profiles"

    /// The keys each mapping of a profile may have; anything else is a typo to report.
    static let allowedKeys: [String: [String]] = [
        "profile": ["schema", "id", "name", "keywords", "domain", "group", "updated", "levels", "roles"],
        "role": ["id", "name", "levels"],
        "level": ["level", "required", "expectations"],
        "expectation": ["id", "text"],
    ]

    /// Refuses keys the schema does not know, at the key, listing the known ones.
    static func checkKeys(_ node: Node, file: String, text: String) throws(FileProblem) {
        func check(_ node: Node, _ kind: String) throws(FileProblem) {
            guard let mapping = node.mapping, let allowed = allowedKeys[kind] else { return }
            for (key, _) in mapping {
                let name = key.string ?? ""
                if !allowed.contains(name) {
                    throw at(key, "unknown key '\(name)' in a \(kind); expected: \(allowed.joined(separator: ", "))", file, text)
                }
            }
        }
        try check(node, "profile")
        for role in node["roles"]?.sequence ?? [] {
            try check(role, "role")
            for level in role["levels"]?.sequence ?? [] {
                try check(level, "level")
                for expectation in level["expectations"]?.sequence ?? [] { try check(expectation, "expectation") }
            }
        }
    }

    // MARK: - Positions

    static func at(_ node: Node, _ message: String, _ file: String, _ text: String) -> FileProblem {
        let mark = node.mark
        return FileProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message, source: text)
    }

    static func problem(from error: YamlError, file: String, text: String) -> FileProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return FileProblem(file: file, line: mark.line, column: mark.column, message: "YAML: \(String(problem.prefix(120)))", source: text)
        default:
            return FileProblem(file: file, message: "YAML: \(String(String(describing: error).prefix(120)))")
        }
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

    /// Offset of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput, .error: return offset
            }
        }
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
        for character in text[..<index] {
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
