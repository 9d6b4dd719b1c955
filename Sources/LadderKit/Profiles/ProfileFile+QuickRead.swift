import Yams

/// The common case read quickly: a well-formed profile, walked by hand from a node
/// tree composed without resolving tags.
///
/// Most of a full read is spent in Yams's default resolver, which runs a set of
/// regular expressions over every scalar (to hash mapping keys, compare them and
/// decode them), and in `Decodable`. A profile's shape is fixed, so none of that is
/// needed to read a good one. `QuickRead` answers only when it is sure: at the first
/// thing that is not plainly right (an unknown or repeated key, a tag, a wrong type,
/// a cap exceeded, a broken rule, a newer schema, any YAML error) it returns nil, and
/// `decodeChecked` reads the file the full way, which finds the problem and reports it
/// at its line and column. What is refused, and every message, stays as it was.
struct QuickRead {
    /// Nodes left to visit, counted as `checkShape` counts them.
    private var budget = ProfileFile.maxNodes

    /// The profile in `text`, when it is a well-formed profile this Ladder reads; nil
    /// when the full read must decide.
    static func profile(_ text: String) -> Profile? {
        // The basic resolver leaves plain scalars untagged (no regular expressions);
        // keys are still hashed, so Yams refuses repeated keys as before.
        guard let parser = try? Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8),
              let root = try? parser.singleRoot() else { return nil }
        var read = QuickRead()
        guard let profile = read.profile(root), ProfileRules.firstBroken(in: profile) == nil else { return nil }
        return profile
    }

    private mutating func profile(_ node: Node) -> Profile? {
        guard let fields = fields(node, "profile"),
              let schema = schema(fields["schema"]), schema <= Profile.currentSchema,
              let id = text(fields["id"]), let name = text(fields["name"]),
              let keywords = list(fields["keywords"], { $0.text($1) }),
              let domain = text(fields["domain"]), let group = text(fields["group"]),
              let updated = text(fields["updated"]),
              let levels = list(fields["levels"], { $0.text($1) }),
              let roles = list(fields["roles"], { $0.role($1) }),
              let resources = optionalList(fields["resources"], { $0.resource($1) }) else { return nil }
        return Profile(schema: schema, id: id, name: name, keywords: keywords, domain: domain, group: group,
                       updated: updated, levels: levels, roles: roles, resources: resources)
    }

    private mutating func role(_ node: Node) -> Role? {
        guard let fields = fields(node, "role"), let id = text(fields["id"]), let name = text(fields["name"]),
              let levels = list(fields["levels"], { $0.level($1) }) else { return nil }
        return Role(id: id, name: name, levels: levels)
    }

    private mutating func level(_ node: Node) -> RoleLevel? {
        guard let fields = fields(node, "level"), let level = text(fields["level"]),
              let required = yesOrNo(fields["required"]),
              let expectations = list(fields["expectations"], { $0.expectation($1) }) else { return nil }
        return RoleLevel(level: level, required: required, expectations: expectations)
    }

    private mutating func expectation(_ node: Node) -> Expectation? {
        guard let fields = fields(node, "expectation"), let id = text(fields["id"]), let sentence = text(fields["text"]),
              let resources = optionalList(fields["resources"], { $0.resource($1) }) else { return nil }
        return Expectation(id: id, text: sentence, resources: resources)
    }

    private mutating func resource(_ node: Node) -> Resource? {
        guard let fields = fields(node, "resource"), let title = text(fields["title"]), let url = text(fields["url"]) else {
            return nil
        }
        return Resource(title: title, url: url)
    }

    // MARK: - Nodes

    /// Counts a node against the budget; false once it is spent.
    private mutating func visit() -> Bool {
        budget -= 1
        return budget >= 0
    }

    /// A mapping's values by key, when every key is a plain name the `kind` allows
    /// (untagged or tagged `!!str`, as the decoder looks keys up) and none repeats.
    private mutating func fields(_ node: Node, _ kind: String) -> Fields? {
        guard visit(), case .mapping(let mapping) = node, let allowed = ProfileFile.allowedKeys[kind] else { return nil }
        var fields = Fields(names: allowed, values: Array(repeating: nil, count: allowed.count))
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, scalar.tag.rawValue.isEmpty || scalar.tag.rawValue == Tag.Name.str.rawValue,
                  let slot = allowed.firstIndex(of: scalar.string), fields.values[slot] == nil else { return nil }
            fields.values[slot] = value
        }
        return fields
    }

    /// A mapping's values in the order of its kind's key names (a handful: a list
    /// searched in place costs less than a dictionary built for each mapping).
    private struct Fields {
        let names: [String]
        var values: [Node?]

        subscript(name: String) -> Node? {
            names.firstIndex(of: name).flatMap { values[$0] }
        }
    }

    /// Text: any scalar, as `String`'s decoding takes it, within the length cap.
    private mutating func text(_ node: Node?) -> String? {
        guard let node, visit(), case .scalar(let scalar) = node,
              scalar.string.unicodeScalars.count <= ProfileFile.maxTextLength else { return nil }
        return scalar.string
    }

    /// A plain, untagged `true`/`yes`/`on` or `false`/`no`/`off` in any case, as `Bool`'s decoding reads it.
    private mutating func yesOrNo(_ node: Node?) -> Bool? {
        guard let node, visit(), case .scalar(let scalar) = node, scalar.style == .plain, scalar.tag.rawValue.isEmpty else {
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A plain, untagged decimal number without a leading zero (a leading zero is octal to the decoder).
    private mutating func schema(_ node: Node?) -> Int? {
        guard let node, visit(), case .scalar(let scalar) = node, scalar.style == .plain, scalar.tag.rawValue.isEmpty,
              let first = scalar.string.utf8.first, (0x31...0x39).contains(first), scalar.string.utf8.count <= 9,
              scalar.string.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(scalar.string)
    }

    /// A list within the length cap, each item read by `item`.
    private mutating func list<T>(_ node: Node?, _ item: (inout QuickRead, Node) -> T?) -> [T]? {
        guard let node, visit(), case .sequence(let sequence) = node, sequence.count <= ProfileFile.maxListLength else {
            return nil
        }
        var items: [T] = []
        items.reserveCapacity(sequence.count)
        for child in sequence {
            guard let value = item(&self, child) else { return nil }
            items.append(value)
        }
        return items
    }

    /// An optional list: `.some(nil)` when the key is absent or its value is null (a
    /// plain empty, `~` or `null`, as `decodeIfPresent` reads it), nil when unreadable.
    private mutating func optionalList<T>(_ node: Node?, _ item: (inout QuickRead, Node) -> T?) -> [T]?? {
        guard let node else { return .some(nil) }
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return visit() ? .some(nil) : nil
        }
        return list(node, item).map { .some($0) }
    }
}
