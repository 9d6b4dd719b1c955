import CellGrid
import Foundation
import LadderKit

/// Naming a person on the command line: by id or name, in any case, or by the start
/// of either when that names one person; `me` is the owner. Anything else is an
/// error that lists the people, and nothing is written.
extension Context {
    /// A person who is in this store (or the owner), by id, name or a prefix of either.
    func existingPerson(_ query: String) throws -> PersonID {
        guard query.count <= 200, !query.contains("\0") else {
            throw CLIError("a person must be named by a name or id of at most 200 characters")
        }
        let ids = store.people()
        if let id = PersonID(query), id == .me || ids.contains(id) { return store.canonical(id) }
        let byName = PersonID(name: query)
        if ids.contains(byName) { return byName }
        let people = PeopleSummaries.load(store).summaries.map { (id: $0.id, name: $0.name) }
        let wanted = query.lowercased()
        for exact in [true, false] {
            let matches = people.filter { person in
                [person.id.rawValue.lowercased(), person.name.lowercased()].contains { exact ? $0 == wanted : $0.hasPrefix(wanted) }
            }
            if matches.count == 1, let match = matches.first { return match.id }
            if matches.count > 1 {
                throw CLIError("'\(Safe.text(query))' could be \(Self.list(matches)); name one of them")
            }
        }
        let close = Suggestions.didYouMean(query, among: people.map(\.id.rawValue))
        throw CLIError("no person '\(Safe.text(query))' here; \(close)people: \(Self.list(people)) (add one: ladder people add NAME --mentee)")
    }

    /// `ana-silva (Ana Silva), ben`: ids, with the name where it says more; cut after
    /// 40 (`Suggestions.list`), pointing to `ladder people list`.
    static func list(_ people: [(id: PersonID, name: String)]) -> String {
        Suggestions.list(people.map { $0.name == $0.id.rawValue ? $0.id.rawValue : "\($0.id) (\($0.name))" }, seeAll: "ladder people list")
    }

    /// The person `--person` names, or the owner when it names none.
    func person(_ option: PersonOption) throws -> PersonID {
        guard let query = option.person else { return store.ownerID }
        return try existingPerson(query)
    }

    /// Who signs reviews, confirmations and questions: see `Store.reviewer()`.
    func reviewer() -> Reviewer { store.reviewer() }

    /// Refuses to review the owner's own ticks: a review is someone else's view.
    func refuseSelfReview(_ person: PersonID) throws {
        guard store.isOwner(person) else { return }
        let name = store.owner()?.name ?? "you"
        throw CLIError("\(Safe.text(name)) cannot review their own record: confirmations, questions and reviews are made by someone else (a mentor, in their own Ladder). Review a mentee instead: ladder review start PERSON")
    }
}
