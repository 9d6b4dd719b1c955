import CYaml

/// The common case read quickly: a well-formed profile, read straight from libyaml's
/// event stream (the parser Yams is built on), with no node tree.
///
/// Most of a full read is spent composing Yams's node tree (a tag, a mark and a
/// string per node, every mapping's keys hashed for duplicates), in Yams's default
/// resolver, which runs a set of regular expressions over every scalar, and in
/// `Decodable`. A profile's shape is fixed, so none of that is needed to read a good
/// one: each mapping's keys say what their values are, and each value is read as it
/// comes. `QuickRead` answers only when it is sure: at the first thing that is not
/// plainly right (an unknown or repeated key, an alias, a tag other than `!` or
/// `!!str` where text is read, any tag where a flag or number is, a wrong type, a cap
/// exceeded, a broken rule, a newer schema, a second document, any YAML error) it
/// returns nil, and `decodeChecked` reads the file the full way, which finds the
/// problem and reports it at its line and column. What is refused, and every message,
/// stays as it was.
struct QuickRead: ~Copyable {
    /// Nodes left to visit, counted as `checkShape` counts them (keys too).
    private var budget = ProfileFile.maxNodes
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>

    /// What an event is, as far as a profile cares.
    private enum Event {
        /// A scalar's text, whether it is plain (unquoted), and whether it is read as text
        /// (untagged, or tagged `!` or `!!str`) or carries another tag.
        case scalar(String, plain: Bool, untagged: Bool, textTag: Bool)
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
        case documentStart, documentEnd, streamStart, streamEnd
    }

    /// The profile in `text`, when it is a well-formed profile this Ladder reads; nil
    /// when the full read must decide.
    static func profile(_ text: String) -> Profile? {
        var text = text
        return text.withUTF8 { bytes in
            var read = QuickRead()
            guard let base = bytes.baseAddress, read.start(base, count: bytes.count) else { return nil }
            guard case .streamStart? = read.next(), case .documentStart? = read.next(),
                  let first = read.next(), let profile = read.profile(first),
                  case .documentEnd? = read.next(), case .streamEnd? = read.next(),
                  ProfileRules.firstBroken(in: profile) == nil else { return nil }
            return profile
        }
    }

    private init() {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event.initialize(to: yaml_event_t())
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// Points the parser at the text's bytes (which outlive it).
    private func start(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard yaml_parser_initialize(parser) == 1 else { return false }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes, count)
        return true
    }

    /// The next event; nil at a YAML error or an alias.
    private func next() -> Event? {
        guard yaml_parser_parse(parser, event) == 1 else { return nil }
        defer { yaml_event_delete(event) }
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.tag.map { String(cString: $0) }
            return .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, untagged: tag == nil,
                           textTag: tag == nil || tag == "!" || tag == "tag:yaml.org,2002:str")
        case YAML_SEQUENCE_START_EVENT: return event.pointee.data.sequence_start.tag == nil ? .sequenceStart : nil
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return event.pointee.data.mapping_start.tag == nil ? .mappingStart : nil
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        default: return nil // an alias: left to the full read, which expands and counts it
        }
    }

    private mutating func profile(_ first: Event) -> Profile? {
        var schema: Int?, id: String?, name: String?, keywords: [String]?, domain: String?, group: String?
        var updated: String?, levels: [String]?, roles: [Role]?, resources: [Resource]?? = .some(nil)
        guard mapping(first, "profile", { read, key, value in
            switch key {
            case "schema": schema = read.schema(value); return schema != nil
            case "id": id = read.text(value); return id != nil
            case "name": name = read.text(value); return name != nil
            case "keywords": keywords = read.list(value) { $0.text($1) }; return keywords != nil
            case "domain": domain = read.text(value); return domain != nil
            case "group": group = read.text(value); return group != nil
            case "updated": updated = read.text(value); return updated != nil
            case "levels": levels = read.list(value) { $0.text($1) }; return levels != nil
            case "roles": roles = read.list(value) { $0.role($1) }; return roles != nil
            case "resources": resources = read.optionalList(value) { $0.resource($1) }; return resources != nil
            default: return false
            }
        }), let schema, schema <= Profile.currentSchema, let id, let name, let keywords, let domain, let group,
              let updated, let levels, let roles, let resources else { return nil }
        return Profile(schema: schema, id: id, name: name, keywords: keywords, domain: domain, group: group,
                       updated: updated, levels: levels, roles: roles, resources: resources)
    }

    private mutating func role(_ first: Event) -> Role? {
        var id: String?, name: String?, levels: [RoleLevel]?
        guard mapping(first, "role", { read, key, value in
            switch key {
            case "id": id = read.text(value); return id != nil
            case "name": name = read.text(value); return name != nil
            case "levels": levels = read.list(value) { $0.level($1) }; return levels != nil
            default: return false
            }
        }), let id, let name, let levels else { return nil }
        return Role(id: id, name: name, levels: levels)
    }

    private mutating func level(_ first: Event) -> RoleLevel? {
        var level: String?, required: Bool?, expectations: [Expectation]?
        guard mapping(first, "level", { read, key, value in
            switch key {
            case "level": level = read.text(value); return level != nil
            case "required": required = read.yesOrNo(value); return required != nil
            case "expectations": expectations = read.list(value) { $0.expectation($1) }; return expectations != nil
            default: return false
            }
        }), let level, let required, let expectations else { return nil }
        return RoleLevel(level: level, required: required, expectations: expectations)
    }

    private mutating func expectation(_ first: Event) -> Expectation? {
        var id: String?, sentence: String?, resources: [Resource]?? = .some(nil)
        guard mapping(first, "expectation", { read, key, value in
            switch key {
            case "id": id = read.text(value); return id != nil
            case "text": sentence = read.text(value); return sentence != nil
            case "resources": resources = read.optionalList(value) { $0.resource($1) }; return resources != nil
            default: return false
            }
        }), let id, let sentence, let resources else { return nil }
        return Expectation(id: id, text: sentence, resources: resources)
    }

    private mutating func resource(_ first: Event) -> Resource? {
        var title: String?, url: String?
        guard mapping(first, "resource", { read, key, value in
            switch key {
            case "title": title = read.text(value); return title != nil
            case "url": url = read.text(value); return url != nil
            default: return false
            }
        }), let title, let url else { return nil }
        return Resource(title: title, url: url)
    }

    // MARK: - Events

    /// Counts a node against the budget; false once it is spent.
    private mutating func visit() -> Bool {
        budget -= 1
        return budget >= 0
    }

    /// A mapping whose keys are plain names the `kind` allows (read as text), none
    /// repeated: `value` reads each key's value from its first event, false when it
    /// cannot.
    private mutating func mapping(_ first: Event, _ kind: String,
                                  _ value: (inout QuickRead, String, Event) -> Bool) -> Bool {
        guard case .mappingStart = first, visit(), let allowed = ProfileFile.allowedKeys[kind] else { return false }
        var seen = [Bool](repeating: false, count: allowed.count)
        while let event = next() {
            if case .mappingEnd = event { return true }
            guard case .scalar(let key, _, _, true) = event, visit(), let slot = allowed.firstIndex(of: key), !seen[slot],
                  let first = next(), value(&self, key, first) else { return false }
            seen[slot] = true
        }
        return false
    }

    /// Text: a scalar read as text, within the length cap.
    private mutating func text(_ event: Event) -> String? {
        guard case .scalar(let text, _, _, true) = event, visit(), text.unicodeScalars.count <= ProfileFile.maxTextLength else {
            return nil
        }
        return text
    }

    /// A plain, untagged `true`/`yes`/`on` or `false`/`no`/`off` in any case, as `Bool`'s decoding reads it.
    private mutating func yesOrNo(_ event: Event) -> Bool? {
        guard case .scalar(let text, true, true, _) = event, visit() else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A plain, untagged decimal number without a leading zero (a leading zero is octal to the decoder).
    private mutating func schema(_ event: Event) -> Int? {
        guard case .scalar(let text, true, true, _) = event, visit(),
              let first = text.utf8.first, (0x31...0x39).contains(first), text.utf8.count <= 9,
              text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    /// A list within the length cap, each item read from its first event by `item`.
    private mutating func list<T>(_ first: Event, _ item: (inout QuickRead, Event) -> T?) -> [T]? {
        guard case .sequenceStart = first, visit() else { return nil }
        var items: [T] = []
        while let event = next() {
            if case .sequenceEnd = event { return items }
            guard items.count < ProfileFile.maxListLength, let value = item(&self, event) else { return nil }
            items.append(value)
        }
        return nil
    }

    /// An optional list: `.some(nil)` when its value is null (a plain, untagged empty,
    /// `~` or `null`, as `decodeIfPresent` reads it), nil when unreadable.
    private mutating func optionalList<T>(_ first: Event, _ item: (inout QuickRead, Event) -> T?) -> [T]?? {
        if case .scalar(let text, true, true, _) = first, ["", "~", "null", "Null", "NULL"].contains(text) {
            return visit() ? .some(nil) : nil
        }
        return list(first, item).map { .some($0) }
    }
}
