import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The journal store: round trips, torn lines, newer formats, file modes.
@Suite struct JournalTests {
    @Test func eventsRoundTripThroughTheStore() throws {
        let home = try TestSupport.makeTempFolder()
        defer { TestSupport.removeFolder(home) }
        let store = Store(folder: DataFolder(path: home))
        try store.folder.prepare()
        let events = [
            JournalEvent(.person(name: "Ада Лавлейс 👩‍💻", mentee: nil), at: "2026-01-01T09:00:00Z"),
            JournalEvent(.track(skill: "serverless-functions", role: "cloud-engineer", level: "Middle"), at: "2026-01-01T09:01:00Z"),
            JournalEvent(.tick(skill: "serverless-functions", level: "Senior", expectation: "abc123", text: "Optimizes cost and performance."), at: "2026-01-02T10:00:00Z"),
            JournalEvent(.note(skill: "serverless-functions", level: nil, expectation: "abc123", text: nil, note: "PR #412, \"quoted\"\nnext line"), at: "2026-01-02T10:01:00Z"),
        ]
        let person = PersonID(name: "Ада Лавлейс")
        try store.append(events, for: person)
        let (record, journal) = try store.record(for: person)
        #expect(journal.events == events)
        #expect(journal.problems.isEmpty)
        #expect(record.name == "Ада Лавлейс 👩‍💻")
        #expect(record.skills["serverless-functions"]?.ticks["abc123"]?.text == "Optimizes cost and performance.")
        #expect(record.skills["serverless-functions"]?.notes["abc123"]?.text == "PR #412, \"quoted\"\nnext line")
        #expect(store.people().contains(person))
    }

    @Test func hasPeopleSaysWhetherAnyJournalIsThere() throws {
        let home = try TestSupport.makeTempFolder()
        defer { TestSupport.removeFolder(home) }
        let folder = DataFolder(path: home)
        try folder.prepare()
        #expect(!folder.hasPeople())
        // A folder named like a journal, and a name that is no id, are no person.
        try FileManager.default.createDirectory(atPath: folder.peoplePath + "/zed.jsonl", withIntermediateDirectories: false)
        FileManager.default.createFile(atPath: folder.peoplePath + "/Not An Id.jsonl", contents: Data())
        #expect(!folder.hasPeople())
        #expect(folder.people().isEmpty)
        FileManager.default.createFile(atPath: folder.journalPath(for: .me), contents: Data())
        #expect(folder.hasPeople())
        #expect(folder.people() == [.me])
    }

    @Test func meIsTheIdItsNameMakes() {
        #expect(PersonID.me == PersonID(name: "me"))
        #expect(PersonID("me") == .me)
    }

    @Test func aTornLastLineIsReportedAndTheRestLoads() throws {
        let good = try JournalEvent(.track(skill: "s", role: "r", level: "L"), at: "2026-01-01T00:00:00Z").encodedLine()
        let second = try JournalEvent(.track(skill: "s", role: "r", level: "L"), at: "2026-01-02T00:00:00Z").encodedLine()
        var bytes = good + [0x0A] + second + [0x0A] // two events (one event id twice would count once)
        bytes += Array(String(decoding: good, as: UTF8.self).prefix(30).utf8)
        let journal = Journal.parse(bytes, file: "people/me.jsonl")
        #expect(journal.events.count == 2)
        #expect(journal.problems.count == 1)
        #expect(journal.problems[0].line == 3)
        #expect(journal.problems[0].headline == "people/me.jsonl:3:1: the last line is incomplete (Ladder was stopped while writing it); it was skipped and the rest loaded")
    }

    @Test func anAppendAfterATornLineStartsOnANewLine() throws {
        let home = try TestSupport.makeTempFolder()
        defer { TestSupport.removeFolder(home) }
        let store = Store(folder: DataFolder(path: home))
        try store.folder.prepare()
        let path = store.folder.journalPath(for: .me)
        try Data("{\"v\":1,\"id\":\"torn".utf8).write(to: URL(fileURLWithPath: path))
        try store.append([JournalEvent(.person(name: "Me again", mentee: nil), at: JournalEvent.now())], for: .me)
        let journal = try store.journal(for: .me)
        #expect(journal.events.map(\.change) == [.person(name: "Me again", mentee: nil)])
        #expect(journal.problems.map(\.line) == [1])
        #expect(journal.problems.first?.message.contains("not a journal event") == true)
    }

    @Test func aLineFromANewerLadderMakesTheJournalReadOnly() throws {
        var event = JournalEvent(.person(name: "Future", mentee: nil), at: "2026-01-01T00:00:00Z")
        event.v = 99
        let journal = Journal.parse(try event.encodedLine(), file: "me.jsonl")
        #expect(journal.readOnly)
        #expect(journal.events.isEmpty)
        #expect(journal.problems.first?.message.contains("newer Ladder") == true)
    }

    @Test func unknownKindsAreKeptAndSkippedByTheFold() throws {
        let line = Array(#"{"at":"2026-01-01T00:00:00Z","id":"00000000000000aa","kind":"hologram","name":"X","v":1}"#.utf8)
        let journal = Journal.parse(line, file: "me.jsonl")
        #expect(journal.events.count == 1)
        let record = PersonRecord.fold(journal.events, id: .me)
        #expect(record.name == "Me")
        #expect(record.lastChange == "2026-01-01T00:00:00Z")
    }

    @Test func filesAre0600AndFolders0700() throws {
        let home = try TestSupport.makeTempFolder()
        defer { TestSupport.removeFolder(home) }
        let old = umask(0o022)
        defer { umask(old) }
        let folder = DataFolder(path: home + "/data")
        try folder.prepare()
        try Store(folder: folder).append([JournalEvent(.person(name: "Me", mentee: nil), at: JournalEvent.now())], for: .me)
        try SafeFile.writeAtomically(Array("x".utf8), to: folder.profilesPath + "/x.yaml")
        for path in [folder.path, folder.peoplePath, folder.profilesPath] {
            #expect(try mode(path) == 0o700, "\(path)")
        }
        for path in [folder.journalPath(for: .me), folder.profilesPath + "/x.yaml", folder.lockPath] {
            #expect(try mode(path) == 0o600, "\(path)")
        }
    }

    @Test func dataFolderFollowsTheEnvironment() throws {
        #expect(try DataFolder.locate(environment: ["LADDER_HOME": "/a/b", "XDG_DATA_HOME": "/x", "HOME": "/h"]).path == "/a/b")
        #expect(try DataFolder.locate(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path == "/x/ladder")
        #expect(try DataFolder.locate(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).path == "/h/.local/share/ladder")
        #expect(try DataFolder.locate(environment: ["HOME": "/h"]).path == "/h/.local/share/ladder")
        #expect(throws: StoreError.self) { try DataFolder.locate(environment: [:]) }
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
