/// What a profile written by a newer Ladder says about itself: its schema version,
/// and its id and name when they are plain text. Such a file is listed, with
/// "update Ladder to read it", and never opened as if this Ladder understood it.
public struct NewerSchema: Codable, Equatable, Sendable {
    /// The file's `schema`, greater than `Profile.currentSchema`.
    public var schema: Int
    /// The file's `id`, cut short; nil when it is missing or not text.
    public var id: String?
    /// The file's `name`, cut short; nil when it is missing or not text.
    public var name: String?

    public init(schema: Int, id: String? = nil, name: String? = nil) {
        self.schema = schema
        self.id = id
        self.name = name
    }
}
