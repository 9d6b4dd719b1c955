/// The JSON of a full profile for a shard, written by hand: byte for byte what
/// `JSONEncoder` writes with sorted keys and unescaped slashes (the tests compare
/// the two), in a fraction of the time. Keys are sorted so a profile's JSON, and so
/// a shard's name, is the same at every build: without `.sortedKeys`, `JSONEncoder`
/// orders keys by the process's random hash seed.
extension ProfileJSON {
    static func bytes(of profile: Profile) -> [UInt8] {
        var json = JSONText()
        json.bytes.reserveCapacity(profile.roles.count * 4_096)
        json.open()
        json.key("domain"); json.string(profile.domain)
        json.key("group"); json.string(profile.group)
        json.key("id"); json.string(profile.id)
        json.key("keywords"); json.strings(profile.keywords)
        json.key("levels"); json.strings(profile.levels)
        json.key("name"); json.string(profile.name)
        if let resources = profile.resources { json.key("resources"); json.resources(resources) }
        json.key("roles"); json.list(profile.roles) { json, role in
            json.open()
            json.key("id"); json.string(role.id)
            json.key("levels"); json.list(role.levels) { json, level in
                json.open()
                json.key("expectations"); json.list(level.expectations) { json, expectation in
                    json.open()
                    json.key("id"); json.string(expectation.id)
                    if let resources = expectation.resources { json.key("resources"); json.resources(resources) }
                    json.key("text"); json.string(expectation.text)
                    json.close()
                }
                json.key("level"); json.string(level.level)
                json.key("required"); json.raw(level.required ? "true" : "false")
                json.close()
            }
            json.key("name"); json.string(role.name)
            json.close()
        }
        json.key("schema"); json.raw(String(profile.schema))
        json.key("updated"); json.string(profile.updated)
        json.close()
        return json.bytes
    }
}

/// JSON text being written: objects, lists and strings escaped as `JSONEncoder` does.
struct JSONText {
    var bytes: [UInt8] = []
    /// Whether the object or list being written needs a comma before its next member.
    private var needsComma = false

    mutating func open() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    mutating func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func list<T>(_ items: [T], _ item: (inout JSONText, T) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for value in items { item(&self, value) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func strings(_ items: [String]) {
        list(items) { json, text in json.string(text) }
    }

    mutating func resources(_ items: [Resource]) {
        list(items) { json, resource in
            json.open()
            json.key("title"); json.string(resource.title)
            json.key("url"); json.string(resource.url)
            json.close()
        }
    }

    /// A string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00xx`, everything else (slashes and non-ASCII included) as it is.
    mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
