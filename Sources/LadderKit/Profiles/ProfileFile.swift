import Foundation
import Yams

/// Reads and writes the YAML profile format, refusing hostile or broken files with
/// a `FileProblem` that points at the line and column.
public enum ProfileFile {
    /// Larger files are refused before parsing: a real profile is a few kilobytes.
    /// (256 KB: the largest real profiles are tens of kilobytes, and composing a
    /// hostile file of this size stays well under a second.)
    public static let maxBytes = 1 << 18
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
            throw FileProblem(file: file, line: line, column: column, message: "not valid UTF-8 text",
                              source: String(decoding: slice, as: UTF8.self))
        }
        return try decode(text, file: file)
    }

    public static func decode(_ text: String, file: String) throws(FileProblem) -> Profile {
        if let nul = text.firstIndex(of: "\0") {
            let (line, column) = position(of: nul, in: text)
            throw FileProblem(file: file, line: line, column: column, message: "contains a NUL character", source: text)
        }
        // Checks that must come before Yams composes the text: composing expands
        // aliases (hashing an aliased mapping key is exponential) and recurses once
        // per level of nesting (up to libyaml's 1,000, too deep for a small stack).
        let bytes = Array(text.utf8)
        if let alias = Prescan.alias(in: bytes) {
            let (line, column) = position(ofByte: alias, in: bytes)
            throw FileProblem(file: file, line: line, column: column, message: anchorMessage, source: text)
        }
        if Prescan.depthBound(of: bytes) > Prescan.inlineDepth {
            return try onLargeStack { () throws(FileProblem) in try decodeChecked(text, file: file) }
        }
        return try decodeChecked(text, file: file)
    }

    /// Composes, checks and decodes text that passed the pre-scan.
    static func decodeChecked(_ text: String, file: String) throws(FileProblem) -> Profile {
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
        // Before the key check: a newer Ladder's keys are not typos.
        if let schemaNode = node["schema"], let schema = schemaNode.int, schema > Profile.currentSchema {
            throw at(schemaNode, "schema \(schema) is newer than this Ladder understands (\(Profile.currentSchema)); update Ladder to read it", file, text)
        }
        try checkKeys(node, file: file, text: text)
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

    /// Reads a profile file for `decode`: refuses anything but a regular file, and a
    /// file over `maxBytes`, before reading it (a 100 MB file is never in memory).
    /// Nil when the file does not exist.
    public static func read(path: String) throws(FileProblem) -> [UInt8]? {
        var stats = stat()
        if stat(path, &stats) == 0, stats.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG), stats.st_size > maxBytes {
            throw FileProblem(file: path, message: "file is \(stats.st_size) bytes; a profile may be at most \(maxBytes) bytes")
        }
        do {
            return try SafeFile.contents(of: path, limit: maxBytes)
        } catch {
            throw FileProblem(file: path, message: error.message)
        }
    }

    /// Runs `body` on a thread with a large stack and waits for it; used for text
    /// whose nesting might be deep. The whole node tree lives and dies on that thread.
    static func onLargeStack(_ body: @escaping @Sendable () throws(FileProblem) -> Profile) throws(FileProblem) -> Profile {
        final class Outcome: @unchecked Sendable { var value: Result<Profile, FileProblem>? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do throws(FileProblem) { outcome.value = .success(try body()) } catch { outcome.value = .failure(error) }
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        done.wait()
        switch outcome.value {
        case .success(let profile): return profile
        case .failure(let problem): throw problem
        case nil: throw FileProblem(file: "", message: "could not read the profile")
        }
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
            let length = scalar.string.unicodeScalars.count
            if length > maxTextLength {
                throw at(node, "text is \(length) characters; at most \(maxTextLength) allowed", file, text)
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
                    throw at(key, "duplicate key '\(short(name))'", file, text)
                }
                try checkShape(value, depth: depth + 1, budget: &budget, file: file, text: text)
            }
        case .alias:
            throw at(node, anchorMessage, file, text)
        }
    }

    /// Aliases are refused by `Prescan` before composing; Yams resolves any that
    /// reach it into shared subtrees, which the node budget above counts.
    static let anchorMessage = "YAML aliases (*name) are not allowed in profiles; write the text out in full"

    /// A name quoted in a message: cut short.
    static func short(_ text: String) -> String {
        text.unicodeScalars.count <= 60 ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(60))) + "…"
    }

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
                    throw at(key, "unknown key '\(short(name))' in a \(kind); expected: \(allowed.joined(separator: ", "))", file, text)
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

/// A pass over a profile's bytes before Yams sees them, for what composing itself
/// cannot survive: aliases (refused) and a nesting depth too deep for a small stack
/// (then the file is composed on a thread with a large stack). Both are bounds from
/// above: a false alarm costs a refusal or a thread, never a crash.
enum Prescan {
    /// Files whose nesting may exceed this are composed on a large stack.
    static let inlineDepth = 100

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2D
    }

    /// The byte offset of the first `*name` whose name some `&name` defines, or nil.
    /// libyaml's anchor names are runs of `[0-9A-Za-z_-]`, so every real alias of a
    /// real anchor is found (and, rarely, text such as "R&D … *D" too).
    static func alias(in bytes: [UInt8]) -> Int? {
        var anchors = Set<ArraySlice<UInt8>>()
        var aliases: [(offset: Int, name: ArraySlice<UInt8>)] = []
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            guard byte == 0x26 || byte == 0x2A else { i += 1; continue } // & or *
            var j = i + 1
            while j < count && isNameByte(bytes[j]) { j += 1 }
            if j > i + 1 {
                if byte == 0x26 { anchors.insert(bytes[(i + 1)..<j]) } else { aliases.append((i, bytes[(i + 1)..<j])) }
            }
            i = j
        }
        guard !anchors.isEmpty else { return nil }
        return aliases.first { anchors.contains($0.name) }?.offset
    }

    /// An upper bound on the nesting depth of the YAML in `bytes`. Flow collections
    /// each need a `[` or `{`; block collections nest at increasing columns (a
    /// sequence may share its parent mapping's column), and each starts where a line's
    /// indentation and leading indicators (`- `, `? `, `: `, `---`, tags, anchors) end.
    static func depthBound(of bytes: [UInt8]) -> Int {
        var flowOpens = 0
        var maxLead = 0
        var i = 0
        let count = bytes.count
        func isBlank(_ at: Int) -> Bool { at >= count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) }
        while i < count {
            var j = i
            var column = 0
            while j < count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1; column += 1 }
            while j < count {
                let byte = bytes[j]
                if (byte == 0x2D || byte == 0x3F || byte == 0x3A) && isBlank(j + 1) {
                    j += 1; column += 1
                } else if byte == 0x2D && j + 2 < count && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x2D && isBlank(j + 3) {
                    j += 3; column += 3
                } else if byte == 0x21 || byte == 0x26 { // a tag or an anchor before the node
                    while !isBlank(j) { j += 1; column += 1 }
                } else {
                    break
                }
                while j < count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1; column += 1 }
            }
            maxLead = max(maxLead, column)
            while j < count && bytes[j] != 0x0A {
                if bytes[j] == 0x5B || bytes[j] == 0x7B { flowOpens += 1 }
                j += 1
            }
            i = j + 1
        }
        return flowOpens + 2 * (maxLead + 1) + 2
    }
}

