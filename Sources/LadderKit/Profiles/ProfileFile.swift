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
            let offset = PageText.validPrefix(slice) // the first byte that is not valid UTF-8
            let (line, column) = position(ofByte: offset, in: Array(slice))
            throw FileProblem(file: file, line: line, column: column, message: "not valid UTF-8 text",
                              source: String(decoding: slice, as: UTF8.self))
        }
        return try decode(text, file: file)
    }

    public static func decode(_ text: String, file: String) throws(FileProblem) -> Profile {
        if let nul = text.utf8.firstIndex(of: 0) { // by bytes: a NUL is always a character of its own
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

    /// Composes, checks and decodes text that passed the pre-scan: a well-formed
    /// profile the quick way, anything else the full way, which explains what is wrong.
    static func decodeChecked(_ text: String, file: String) throws(FileProblem) -> Profile {
        if let profile = QuickRead.profile(text) { return profile }
        return try decodeFully(text, file: file)
    }

    /// Composes with Yams's default resolver, checks the shape, decodes and checks the
    /// rules, throwing the first problem at its line and column.
    static func decodeFully(_ text: String, file: String) throws(FileProblem) -> Profile {
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
            var problem = at(schemaNode, "schema \(schema) is newer than this Ladder understands (\(Profile.currentSchema)); update Ladder to read it", file, text)
            problem.newer = NewerSchema(schema: schema, id: node["id"]?.string.map(short), name: node["name"]?.string.map(short))
            throw problem
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
        "profile": ["schema", "id", "name", "keywords", "domain", "group", "updated", "levels", "roles", "resources"],
        "role": ["id", "name", "levels"],
        "level": ["level", "required", "expectations"],
        "expectation": ["id", "text", "resources"],
        "resource": ["title", "url"],
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
        func checkResources(_ node: Node) throws(FileProblem) {
            for resource in node["resources"]?.sequence ?? [] { try check(resource, "resource") }
        }
        try check(node, "profile")
        try checkResources(node)
        for role in node["roles"]?.sequence ?? [] {
            try check(role, "role")
            for level in role["levels"]?.sequence ?? [] {
                try check(level, "level")
                for expectation in level["expectations"]?.sequence ?? [] {
                    try check(expectation, "expectation")
                    try checkResources(expectation)
                }
            }
        }
    }
}
