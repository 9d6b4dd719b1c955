import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The owner of a data folder: named once, kept on this machine, `me` as their alias.
@Suite struct OwnerTests {
    func store() throws -> Store {
        let store = Store(folder: DataFolder(path: try TestSupport.makeTempFolder("ladder-owner")))
        try store.folder.prepare()
        return store
    }

    @Test func aFolderUsedBeforeKeepsItsRecordAsTheOwners() throws {
        let store = try store()
        defer { TestSupport.removeFolder(store.folder.path) }
        try store.append(JournalEvent.stamp([.track(skill: "s", role: "r", level: "Middle")], at: "2026-01-01T00:00:00Z"), for: .me)
        let before = try #require(try SafeFile.contents(of: store.folder.journalPath(for: .me)))
        let owner = try store.nameOwner("Olga Petrova")
        #expect(owner == Owner(id: PersonID(name: "Olga Petrova"), name: "Olga Petrova", journal: .me))
        #expect(try Owner.load(from: store.folder) == owner)
        let after = try #require(try SafeFile.contents(of: store.folder.journalPath(for: .me)))
        #expect(Array(after.prefix(before.count)) == before, "no line rewritten, one appended")
        for alias in [PersonID.me, owner.id] {
            let record = try store.record(for: alias).record
            #expect(record.id == owner.id && record.name == "Olga Petrova" && record.skills["s"] != nil)
        }
        #expect(store.people() == [owner.id])
        #expect(!FileManager.default.fileExists(atPath: store.folder.journalPath(for: owner.id)))
        #expect(store.reviewer() == Reviewer(id: "olga-petrova", name: "Olga Petrova"))
    }

    @Test func aMentorsMeRecordInAClonedFolderIsNotAdopted() throws {
        let store = try store()
        defer { TestSupport.removeFolder(store.folder.path) }
        try store.append(JournalEvent.stamp([.person(name: "Olga Petrova", mentee: false), .track(skill: "s", role: "r", level: "Middle")],
                                            at: "2026-01-01T00:00:00Z"), for: .me)
        let owner = try store.nameOwner("Ana Silva")
        #expect(owner.journal == owner.id)
        #expect(try store.record(for: .me).record.skills.isEmpty, "her record is her own, not the mentor's")
        #expect(try store.record(for: .me).record.name == "Ana Silva")
    }

    @Test func aDamagedOwnerFileIsAnErrorThatSaysWhatToDo() throws {
        let store = try store()
        defer { TestSupport.removeFolder(store.folder.path) }
        try SafeFile.writeAtomically(Array("{\"v\":1,\"id\":\"../x\",\"name\":\"X\"}".utf8), to: Owner.path(in: store.folder))
        #expect(throws: StoreError.self) { try Owner.load(from: store.folder) }
        #expect(store.owner() == nil)
    }
}
