/// The `Encoder` `PrettyJSON` gives a value: it records one level of the value (its
/// container's members), leaving anything nested to be encoded when it is written.
final class JSONNodeEncoder: Encoder {
    unowned let context: PrettyJSON.Context
    /// Whether the keys are a dictionary's own, written as they are.
    private(set) var keysAreData = false
    /// What the value encoded; an empty object when it encoded nothing.
    var result: JSONItem
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The containers it gives, kept to be used again (`reset`).
    private let object = JSONObject(), array = JSONArray()

    init(context: PrettyJSON.Context) {
        self.context = context
        result = .object(object)
    }

    /// Ready for another value; what the last one encoded is gone.
    func reset(keysAreData: Bool) {
        self.keysAreData = keysAreData
        object.members.removeAll(keepingCapacity: true)
        array.items.removeAll(keepingCapacity: true)
        result = .object(object)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        result = .object(object)
        return KeyedEncodingContainer(JSONKeyedContainer(object: object, encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        result = .array(array)
        return JSONUnkeyedContainer(array: array, encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValue(encoder: self) }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { [] }

    private func add(_ item: JSONItem, _ key: Key) { add(item, named: key.stringValue) }

    private func add(_ item: JSONItem, named name: String) {
        object.members.append(JSONObject.Member(key: encoder.context.key(name, asData: encoder.keysAreData), item: item))
    }

    mutating func encodeNil(forKey key: Key) throws { add(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(try PrettyJSON.Context.encoded(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(try PrettyJSON.Context.encoded(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(.int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(.unsigned(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(try encoder.context.item(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        add(.object(nested), key)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested, encoder: encoder))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        add(.array(nested), key)
        return JSONUnkeyedContainer(array: nested, encoder: encoder)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let nested = JSONNodeEncoder(context: encoder.context)
        add(.encoder(nested), named: name)
        return nested
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer, JSONValueSink {
    let array: JSONArray
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.items.count }

    func put(_ item: JSONItem) { array.items.append(item) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        put(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested, encoder: encoder))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        put(.array(nested))
        return JSONUnkeyedContainer(array: nested, encoder: encoder)
    }

    mutating func superEncoder() -> any Encoder {
        let nested = JSONNodeEncoder(context: encoder.context)
        put(.encoder(nested))
        return nested
    }
}

struct JSONSingleValue: SingleValueEncodingContainer, JSONValueSink {
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { [] }

    func put(_ item: JSONItem) { encoder.result = item }
}

/// A container that takes values without keys (a list's, or a single value's): each
/// becomes an item, scalars at once.
protocol JSONValueSink {
    var encoder: JSONNodeEncoder { get }
    func put(_ item: JSONItem)
}

extension JSONValueSink {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try PrettyJSON.Context.encoded(value)) }
    mutating func encode(_ value: Float) throws { put(try PrettyJSON.Context.encoded(value)) }
    mutating func encode(_ value: Int) throws { put(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { put(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { put(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { put(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { put(.int(value)) }
    mutating func encode(_ value: UInt) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { put(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try encoder.context.item(value)) }
}
