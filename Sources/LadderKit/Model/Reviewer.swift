/// Who made a review, a confirmation or a question: a person's id (`by` in the
/// journal) and their name when it was made (`name` beside it), so the name reads
/// the same on every machine, also where the reviewer has no record.
///
/// Lines written before reviewers were people hold a name in `by` and no `name`:
/// `shown` gives that text as it is.
public struct Reviewer: Equatable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// A person id, or (in older lines) the reviewer's name.
    public var id: String
    /// The reviewer's name when they made the change; nil in older lines.
    public var name: String?

    public init(id: String, name: String?) {
        self.id = id
        self.name = name
    }

    public init(stringLiteral value: String) {
        self.init(id: value, name: nil)
    }

    /// The reviewer for a person: their id and name.
    public init(_ person: PersonID, name: String) {
        self.init(id: person.rawValue, name: name)
    }

    /// What screens and reports show: the name, else `by` as it is.
    public var shown: String { name ?? id }

    public var description: String { shown }

    /// True when this reviewer is the person `person` (an id match; older lines that
    /// hold a name never match).
    public func isPerson(_ person: PersonID) -> Bool { id == person.rawValue }
}
