import Foundation
import LadderKit
import LadderTestSupport
import Testing

/// One data folder for the mentor's whole team, each mentee's record shared with that
/// mentee alone through a bare repository of its own: three data folders (the
/// mentor's, Ana's, Ben's), driven with the built `ladder` and plain git.
@Suite struct ShareRecordTests {
    typealias World = SyncTests.World

    /// The mentor (Olga) with Ana and Ben, each record shared to its own bare repository
    /// and joined by its mentee in a new data folder.
    struct Team {
        let world: World
        var root: String { world.root }
        var mentor: String { root + "/olga" }
        var ana: String { root + "/ana" }
        var ben: String { root + "/ben" }
        var anaRemote: String { root + "/ana.git" }
        var benRemote: String { root + "/ben.git" }

        init() throws {
            world = try World()
            try world.run(["init", "--quiet", "--bare", "-b", "main", anaRemote])
            try world.run(["init", "--quiet", "--bare", "-b", "main", benRemote])
            try ok(["init", "--name", "Olga Petrova"], mentor)
            try ok(["people", "add", "Ana Silva", "--mentee"], mentor)
            try ok(["people", "add", "Ben Li", "--mentee"], mentor)
            for person in ["ana", "Ben", "me"] {
                try ok(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", person], mentor)
            }
            #expect(try ok(["share", "ana-silva", anaRemote], mentor).stdout.contains("Shared ana-silva's record"))
            try ok(["share", "ben-li", benRemote], mentor)
            try ok(["join", anaRemote, "--name", "Ana Silva"], ana)
            try ok(["join", benRemote, "--name", "Ben Li"], ben)
        }

        /// Runs `ladder` in a data folder; it must succeed.
        @discardableResult
        func ok(_ arguments: [String], _ home: String) throws -> TestSupport.Output {
            let output = try TestSupport.ladder(arguments, home: home)
            #expect(output.status == 0, "\(arguments) in \(home): \(output.stderr)")
            return output
        }

        /// Every journal file under a data folder, by file name.
        func journals(_ home: String) -> [String] {
            let files = FileManager.default.enumerator(atPath: home)?.allObjects as? [String] ?? []
            return files.filter { $0.hasSuffix(".jsonl") && !$0.contains("/.git/") }.map { ($0 as NSString).lastPathComponent }.sorted()
        }

        /// The event ids in a person's shared journal in a data folder.
        func eventIDs(_ home: String, _ person: String) -> Set<String> {
            let path = "\(home)/shared/people/\(person)/people/\(person).jsonl"
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return Set(text.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
            })
        }

        /// The Senior expectation ids for Cloud Engineer.
        func senior() throws -> [String] { try Self.senior(in: mentor) }

        /// The Senior expectation ids for Cloud Engineer, as a data folder's `ladder show` gives them.
        static func senior(in home: String) throws -> [String] {
            let show = try TestSupport.ladder(["show", "serverless-functions", "--role", "Cloud Engineer", "--level", "Senior", "--json"], home: home)
            let profile = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
            let levels = try #require((profile["roles"] as? [[String: Any]])?.first?["levels"] as? [[String: Any]])
            return try #require(levels.first?["expectations"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        }
    }

    @Test func eachMenteeHoldsOnlyHerRecordAndEditsOnBothSidesConverge() throws {
        let team = try Team()
        defer { TestSupport.removeFolder(team.root) }
        let items = try team.senior()
        #expect(team.journals(team.ana) == ["ana-silva.jsonl"])
        #expect(team.journals(team.ben) == ["ben-li.jsonl"])
        #expect(team.journals(team.mentor) == ["ana-silva.jsonl", "ben-li.jsonl", "olga-petrova.jsonl"])
        let whoami = try team.ok(["whoami", "--json"], team.ana).stdout
        #expect(whoami.contains("\"id\" : \"ana-silva\"") && whoami.contains("\"name\" : \"Ana Silva\""), "\(whoami)")
        #expect(try team.ok(["status", "--json"], team.ana).stdout.contains("\"person\" : \"ana-silva\""), "Ana's CLI opens on her own record")

        // Concurrent edits on both sides, then synced in both orders: Ana first, Ben last.
        try team.ok(["tick", "serverless-functions", items[0], "--note", "PR 412"], team.ana)
        try team.ok(["tick", "serverless-functions", items[1], "--person", "ana"], team.mentor)
        try team.ok(["tick", "serverless-functions", items[0], items[2]], team.ben)
        try team.ok(["tick", "serverless-functions", items[1], "--person", "ben-li"], team.mentor)
        try team.ok(["sync"], team.ana)
        let mentorSync = try team.ok(["sync"], team.mentor).stdout
        #expect(mentorSync.contains("ana-silva: +2 pulled, +1 pushed"), "\(mentorSync)")
        #expect(mentorSync.contains("ben-li: +0 pulled, +1 pushed"), "\(mentorSync)")
        try team.ok(["sync"], team.ben)
        try team.ok(["sync"], team.ana)
        try team.ok(["sync"], team.mentor)

        // The mentor reviews both; Ana cannot review herself.
        try team.ok(["review", "confirm", "ana", "serverless-functions", items[0]], team.mentor)
        try team.ok(["review", "question", "Ben", "serverless-functions", items[2], "--comment", "Which service?"], team.mentor)
        let own = try TestSupport.ladder(["review", "confirm", "ana", "serverless-functions", items[1]], home: team.ana)
        #expect(own.status != 0 && own.stderr.contains("cannot review their own record"), "\(own.stderr)")
        try team.ok(["sync"], team.mentor)
        try team.ok(["sync"], team.ben)
        try team.ok(["answer", "serverless-functions", items[2], "The billing API"], team.ben)
        try team.ok(["sync"], team.ben)
        try team.ok(["sync"], team.ana)
        try team.ok(["sync"], team.mentor)

        for (mentee, id) in [(team.ana, "ana-silva"), (team.ben, "ben-li")] {
            #expect(team.eventIDs(mentee, id) == team.eventIDs(team.mentor, id), "\(id): both sides hold the same events")
        }
        #expect(team.eventIDs(team.ana, "ana-silva").count == 6, "person, track, tick and note (Ana), tick, confirm (Olga): nothing lost")
        #expect(team.journals(team.ana) == ["ana-silva.jsonl"], "Ana never holds another record")
        #expect(team.journals(team.ben) == ["ben-li.jsonl"], "Ben never holds another record")
        let anaReport = try team.ok(["report", "me"], team.ana).stdout
        #expect(anaReport.contains("Confirmed by Olga Petrova"), "\(anaReport)")
        let benReport = try team.ok(["report", "ben"], team.mentor).stdout
        #expect(benReport.contains("by Olga Petrova"), "\(benReport)")
        let status = try team.ok(["status", "--person", "ana"], team.mentor).stdout
        #expect(status.contains("2 of 3"), "\(status)")

        // What each remote holds: that one journal and Ladder's git files.
        let files = try team.world.run(["--git-dir", team.anaRemote, "ls-tree", "-r", "--name-only", "main"]).stdout
        #expect(files.split(separator: "\n").sorted() == [".gitattributes", ".gitignore", "people/ana-silva.jsonl"], "\(files)")
    }

    @Test func aRecordRemoteThatBringsAnotherFileIsUndoneAndTheOthersStillSync() throws {
        let team = try Team()
        defer { TestSupport.removeFolder(team.root) }
        let scratch = team.root + "/scratch"
        try team.world.run(["clone", "--quiet", team.anaRemote, scratch])
        try team.world.run(["-C", scratch, "config", "user.name", "Someone"])
        try team.world.run(["-C", scratch, "config", "user.email", "someone@example.com"])
        let other = "{\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"x1\",\"kind\":\"person\",\"name\":\"Eve\",\"v\":1}\n"
        try Data(other.utf8).write(to: URL(fileURLWithPath: scratch + "/people/eve.jsonl"))
        try team.world.run(["-C", scratch, "add", "people/eve.jsonl"])
        try team.world.run(["-C", scratch, "commit", "--quiet", "-m", "another record"])
        try team.world.run(["-C", scratch, "push", "--quiet", "origin", "main"])
        try team.ok(["tick", "serverless-functions", try team.senior()[0], "--person", "ben"], team.mentor)

        let sync = try TestSupport.ladder(["sync"], home: team.mentor)
        #expect(sync.status != 0)
        #expect(sync.stderr.contains("ana-silva: not synced") && sync.stderr.contains("people/eve.jsonl"), "\(sync.stderr)")
        #expect(sync.stdout.contains("ben-li: +0 pulled, +1 pushed"), "one record's failure does not stop the others: \(sync.stdout)")
        #expect(team.journals(team.mentor) == ["ana-silva.jsonl", "ben-li.jsonl", "olga-petrova.jsonl"], "the merge was undone")

        let joined = try TestSupport.ladder(["join", team.anaRemote, "--name", "Eve"], home: team.root + "/eve")
        #expect(joined.status != 0 && joined.stderr.contains("nothing was joined"), "\(joined.stderr)")
        #expect(team.journals(team.root + "/eve").isEmpty)
    }

    @Test func theTeamsProfilesAreSharedTheSameWay() throws {
        let team = try Team()
        defer { TestSupport.removeFolder(team.root) }
        let remote = team.root + "/profiles.git"
        try team.world.run(["init", "--quiet", "--bare", "-b", "main", remote])
        try Data(LongProfile.yaml().utf8).write(to: URL(fileURLWithPath: team.mentor + "/profiles/\(LongProfile.id).yaml"))
        #expect(try team.ok(["share", "profiles", remote], team.mentor).stdout.contains("Shared the team's profiles"))
        #expect(try team.ok(["join", remote, "--profiles"], team.ana).stdout.contains("1 profile"))
        for home in [team.mentor, team.ana] {
            #expect(try team.ok(["profiles"], home).stdout.contains(LongProfile.id), "\(home) sees the team's profile")
        }
        #expect(try TestSupport.ladder(["profiles"], home: team.ben).stdout.contains(LongProfile.id) == false, "Ben has not joined them")
        let sync = try team.ok(["sync"], team.ana).stdout
        #expect(sync.contains("profiles: nothing new") && sync.contains("ana-silva:"), "\(sync)")
        let files = try team.world.run(["--git-dir", remote, "ls-tree", "-r", "--name-only", "main"]).stdout
        #expect(files.split(separator: "\n").sorted() == [".gitattributes", ".gitignore", "profiles/\(LongProfile.id).yaml"], "\(files)")
    }

    @Test func anUnknownPersonIsAnErrorAndAPrefixOrCaseNamesOne() throws {
        let team = try Team()
        defer { TestSupport.removeFolder(team.root) }
        let nobody = try TestSupport.ladder(["status", "--person", "nobody"], home: team.mentor)
        #expect(nobody.status != 0)
        #expect(nobody.stderr.contains("no person 'nobody' here; people: ana-silva (Ana Silva), ben-li (Ben Li), olga-petrova (Olga Petrova)"), "\(nobody.stderr)")
        let track = try TestSupport.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", "anna-silva"],
                                           home: team.mentor)
        #expect(track.status != 0)
        #expect(!FileManager.default.fileExists(atPath: team.mentor + "/people/anna-silva.jsonl"), "nothing is written")
        #expect(try team.ok(["status", "--json", "--person", "ANA"], team.mentor).stdout.contains("\"person\" : \"ana-silva\""))
        try team.ok(["people", "add", "Ana Costa"], team.mentor)
        let both = try TestSupport.ladder(["status", "--person", "ana"], home: team.mentor)
        #expect(both.status != 0 && both.stderr.contains("could be ana-costa (Ana Costa), ana-silva (Ana Silva)"), "\(both.stderr)")
        let start = try team.ok(["review", "start", "ana-silva"], team.mentor).stdout
        #expect(start.contains("last synced just now; run ladder sync first to see Ana Silva's latest"), "\(start)")
    }
}

/// A team that shared the whole data folder moves one mentee to a record of her own:
/// `ladder share` in that folder copies her journal and leaves the folder's copy as
/// it was, so the others' sync (journals only grow) goes on working.
@Suite struct MoveRecordOutOfSharedFolderTests {
    @Test func sharingARecordOnItsOwnFromAWholeFolderKeepsTheFoldersCopyAndWarnsOfLinesThatLandThere() throws {
        let world = try SyncTests.World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        let anaRemote = world.root + "/ana.git"
        try world.run(["init", "--quiet", "--bare", "-b", "main", anaRemote])
        func ok(_ arguments: [String], _ home: String) throws -> TestSupport.Output {
            let output = try TestSupport.ladder(arguments, home: home)
            #expect(output.status == 0, "\(arguments) in \(home): \(output.stderr)")
            return output
        }
        try ok(["init", "--name", "Olga Petrova"], world.mentor)
        try ok(["people", "add", "Ana Silva", "--mentee"], world.mentor)
        try ok(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", "ana"], world.mentor)
        try world.sync(world.mentor)
        try world.sync(world.mentee)  // a co-mentor's clone of the whole folder

        let shared = try ok(["share", "ana-silva", anaRemote], world.mentor).stdout
        #expect(shared.contains("its copy of ana-silva's journal stays as it is now"), "\(shared)")
        try world.sync(world.mentor)
        let other = try TestSupport.ladder(["sync"], home: world.mentee)
        #expect(other.status == 0, "the others' sync still works: \(other.stderr)")
        #expect(FileManager.default.fileExists(atPath: world.mentee + "/people/ana-silva.jsonl"))

        // Someone ticks Ana in the folder's old copy: the mentor is told where it went.
        let id = try #require(try ShareRecordTests.Team.senior(in: world.mentor).first)
        try ok(["tick", "serverless-functions", id, "--person", "ana-silva"], world.mentee)
        try world.sync(world.mentee)
        let sync = try TestSupport.ladder(["sync"], home: world.mentor)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.contains("ana-silva: 1 new line came into this folder's copy of the journal"), "\(sync.stderr)")
        let people = try ok(["people"], world.mentor).stdout
        #expect(people.components(separatedBy: "Ana Silva").count == 2, "Ana is listed once: \(people)")
    }
}
