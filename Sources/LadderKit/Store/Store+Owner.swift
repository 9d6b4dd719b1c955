/// Who is who in a store: the owner, `me` as their alias, and where each person's
/// journal lives (here, or in the person's shared repository).
extension Store {
    /// The folder's owner; nil when nobody named themself yet or `owner.json` is
    /// damaged (`Owner.load` says why).
    public func owner() -> Owner? {
        try? Owner.load(from: folder)
    }

    /// The owner, or `me` in a folder whose owner has not named themself.
    public var ownerID: PersonID { owner()?.id ?? .me }

    /// The id a person's record goes by: `me` is the owner's alias.
    public func canonical(_ person: PersonID) -> PersonID {
        person == .me ? ownerID : person
    }

    /// True when `person` is this folder's owner (or `me`).
    public func isOwner(_ person: PersonID) -> Bool {
        canonical(person) == ownerID
    }

    /// The folder holding a person's journal (this one, or their shared record's
    /// repository) and the id its file is named by (`me` for an owner who named
    /// themself after using the folder). Refuses a shared record reached through a link.
    public func location(of person: PersonID) throws(StoreError) -> (folder: DataFolder, file: PersonID) {
        try location(of: person, owner: owner())
    }

    /// `location(of:)` with the owner already read.
    func location(of person: PersonID, owner: Owner?) throws(StoreError) -> (folder: DataFolder, file: PersonID) {
        let id = person == .me ? (owner?.id ?? .me) : person
        if folder.isShared(id) {
            try folder.refuseLinkedSharing(id)
            return (folder.sharedRecord(id), id)
        }
        if let owner, owner.id == id { return (folder, owner.journal) }
        return (folder, id)
    }

    /// Who signs reviews, confirmations and questions made here: the owner; in a
    /// folder whose owner has not named themself, `me` under its record's name.
    public func reviewer() -> Reviewer {
        if let owner = owner() { return owner.reviewer }
        return Reviewer(.me, name: (try? record(for: .me))?.record.name ?? "Me")
    }

    /// The path of a person's journal (whether or not it exists yet).
    public func journalPath(for person: PersonID) -> String {
        journalPath(for: person, owner: owner())
    }

    /// `journalPath(for:)` with the owner already read.
    public func journalPath(for person: PersonID, owner: Owner?) -> String {
        guard let (home, file) = try? location(of: person, owner: owner) else { return folder.journalPath(for: person) }
        return home.journalPath(for: file)
    }

    /// Makes `name` this folder's owner. In a folder used before (a record under
    /// `me` that names nobody else, none under the new id) that record becomes theirs:
    /// nothing is moved or rewritten, `me`'s journal just gains a line with their
    /// name. Returns the owner.
    public func nameOwner(_ name: String) throws(StoreError) -> Owner {
        let id = PersonID(name: name)
        // `me`'s record is adopted only when it names nobody else: in a whole folder
        // cloned from a mentor who named themself, `me` is the mentor.
        let me = (try? journal(for: .me).events) ?? []
        let names = me.compactMap { event -> String? in
            if case .person(let name, _) = event.change { return name }
            return nil
        }
        let legacy = owner() == nil && id != .me && !me.isEmpty && (names.last.map { PersonID(name: $0) == id } ?? true)
            && !folder.people().contains(id) && !folder.isShared(id)
        let owner = Owner(id: id, name: name, journal: legacy ? .me : id)
        let named = try record(for: legacy ? .me : id).record
        try owner.save(to: folder)
        if named.name != name {
            try append(JournalEvent.stamp([.person(name: name, mentee: false)], at: JournalEvent.now()), for: id)
        }
        return owner
    }
}
