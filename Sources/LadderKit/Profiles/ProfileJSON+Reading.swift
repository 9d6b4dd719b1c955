/// The JSON of a full profile from a shard, read by hand: only exactly the shape
/// `bytes(of:)` writes (its keys in its order, no white space, `resources` there or
/// not, never `null`). Anything else — another key or order, white space, another
/// type, a number that is not a plain integer, an escape or UTF-8 `JSONScanner` does
/// not take, bytes after the end, a truncated record — gives nil, and `decode` hands
/// the bytes to `JSONDecoder`. So a profile this reads is the one `JSONDecoder`
/// reads, only several times faster.
extension ProfileJSON {
    static func read(_ bytes: [UInt8]) -> Profile? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(json: JSONScanner(bytes: buffer))
            guard let profile = reader.profile(), reader.json.atEnd else { return nil }
            return profile
        }
    }

    private struct Reader {
        var json: JSONScanner

        mutating func profile() -> Profile? {
            guard json.take(#"{"domain":"#), let domain = json.string(),
                  json.take(#","group":"#), let group = json.string(),
                  json.take(#","id":"#), let id = json.string(),
                  json.take(#","keywords":"#), let keywords = strings(),
                  json.take(#","levels":"#), let levels = strings(),
                  json.take(#","name":"#), let name = json.string() else { return nil }
            var resources: [Resource]?
            if json.take(#","resources":"#) {
                guard let list = self.resources() else { return nil }
                resources = list
            }
            guard json.take(#","roles":"#), let roles = list({ $0.role() }),
                  json.take(#","schema":"#), let schema = json.integer(),
                  json.take(#","updated":"#), let updated = json.string(),
                  json.take("}") else { return nil }
            return Profile(schema: schema, id: id, name: name, keywords: keywords, domain: domain, group: group,
                           updated: updated, levels: levels, roles: roles, resources: resources)
        }

        mutating func role() -> Role? {
            guard json.take(#"{"id":"#), let id = json.string(),
                  json.take(#","levels":"#), let levels = list({ $0.roleLevel() }),
                  json.take(#","name":"#), let name = json.string(),
                  json.take("}") else { return nil }
            return Role(id: id, name: name, levels: levels)
        }

        mutating func roleLevel() -> RoleLevel? {
            guard json.take(#"{"expectations":"#), let expectations = list({ $0.expectation() }),
                  json.take(#","level":"#), let level = json.string(),
                  json.take(#","required":"#), let required = json.boolean(),
                  json.take("}") else { return nil }
            return RoleLevel(level: level, required: required, expectations: expectations)
        }

        mutating func expectation() -> Expectation? {
            guard json.take(#"{"id":"#), let id = json.string() else { return nil }
            var resources: [Resource]?
            if json.take(#","resources":"#) {
                guard let list = self.resources() else { return nil }
                resources = list
            }
            guard json.take(#","text":"#), let text = json.string(), json.take("}") else { return nil }
            return Expectation(id: id, text: text, resources: resources)
        }

        mutating func resources() -> [Resource]? {
            list { reader in
                guard reader.json.take(#"{"title":"#), let title = reader.json.string(),
                      reader.json.take(#","url":"#), let url = reader.json.string(),
                      reader.json.take("}") else { return nil }
                return Resource(title: title, url: url)
            }
        }

        mutating func strings() -> [String]? {
            list { $0.json.string() }
        }

        /// A list of items, `[]` included, with no white space.
        @inline(__always)
        mutating func list<Item>(_ item: (inout Reader) -> Item?) -> [Item]? {
            guard json.take("[") else { return nil }
            var items: [Item] = []
            if json.take("]") { return items }
            while true {
                guard let next = item(&self) else { return nil }
                items.append(next)
                if json.take(",") { continue }
                return json.take("]") ? items : nil
            }
        }
    }
}
