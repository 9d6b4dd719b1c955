import CellGrid
import Foundation

/// Who this machine's user is in one data folder: a named person, the owner of the
/// folder. Kept in `<data>/owner.json`, which belongs to this machine: sync never
/// commits it (`.gitignore` excludes it, and only `people/` and `profiles/` are
/// committed), so a mentor's and a mentee's folders each have their own owner.
///
/// A folder used before its owner named themself keeps its record in
/// `people/me.jsonl`: `journal` is then `me`, and no journal line is rewritten.
/// `me` stays an alias for the owner everywhere.
public struct Owner: Equatable, Sendable {
    public var id: PersonID
    public var name: String
    /// The journal holding the owner's record: `id`, or `me` in an older folder.
    public var journal: PersonID

    public init(id: PersonID, name: String, journal: PersonID? = nil) {
        self.id = id
        self.name = name
        self.journal = journal ?? id
    }

    /// The owner's file in a data folder.
    public static func path(in folder: DataFolder) -> String { folder.path + "/owner.json" }

    /// The folder's owner; nil when nobody named themself yet. A damaged file is an
    /// error naming it, so nobody is silently someone else.
    public static func load(from folder: DataFolder) throws(StoreError) -> Owner? {
        let path = path(in: folder)
        guard let bytes = try SafeFile.contents(of: path, limit: 4_096) else { return nil }
        struct File: Decodable { var v: Int; var id: String; var name: String; var journal: String? }
        guard let file = try? JSONDecoder().decode(File.self, from: Data(bytes)), let id = PersonID(file.id),
              !file.name.isEmpty, file.name.count <= 200 else {
            throw StoreError("\(Safe.text(path)) is damaged: it should hold {\"v\": 1, \"id\": …, \"name\": …}; delete it and run: ladder init --name \"Your Name\"")
        }
        guard file.v <= 1 else {
            throw StoreError("\(Safe.text(path)) was written by a newer Ladder (format \(file.v)); update Ladder")
        }
        return Owner(id: id, name: file.name, journal: file.journal.flatMap { PersonID($0) })
    }

    /// Writes the file (atomically, 0600).
    public func save(to folder: DataFolder) throws(StoreError) {
        struct File: Encodable { var v = 1; var id: String; var name: String; var journal: String? }
        let file = File(id: id.rawValue, name: name, journal: journal == id ? nil : journal.rawValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let bytes = try? encoder.encode(file) else { throw StoreError("could not encode the owner's file") }
        try SafeFile.writeAtomically(Array(bytes) + [0x0A], to: Owner.path(in: folder))
    }

    /// Checks a name a person gives themself or someone else: 1 to 200 characters,
    /// trimmed, no NUL.
    public static func checkedName(_ name: String) throws(InputError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains("\0") else {
            throw InputError("a person's name must be 1 to 200 characters")
        }
        return trimmed
    }

    /// The reviewer the owner signs as.
    public var reviewer: Reviewer { Reviewer(id, name: name) }
}
