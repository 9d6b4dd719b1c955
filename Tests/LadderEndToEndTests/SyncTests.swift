import Foundation
import LadderKit
import LadderTestSupport
import Testing

/// `ladder sync` for real: a bare repository as the shared remote and two clones of
/// it, the mentor's and the mentee's, each a data folder (`LADDER_HOME`), driven
/// with the built `ladder` binary and plain git.
@Suite struct SyncTests {
    /// A temp folder with `shared.git` (bare, branch main) and, when asked, clones.
    struct World {
        let root: String
        let git: String
        var remote: String { root + "/shared.git" }
        var mentor: String { root + "/mentor" }
        var mentee: String { root + "/mentee" }

        init() throws {
            git = try #require(Self.findGit(), "git is needed for the sync tests and was not found on PATH or in /usr/bin: install git")
            root = try TestSupport.makeTempFolder("ladder-sync")
            try run(["init", "--quiet", "--bare", "-b", "main", remote])
        }

        static func findGit() -> String? {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
            let candidates = path.split(separator: ":").map { "\($0)/git" } + ["/usr/bin/git", "/usr/local/bin/git"]
            return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
        }

        /// Both clones of the (empty) shared repository; the mentor has a git identity,
        /// the mentee none (so sync uses its fallback one).
        func cloneBoth() throws {
            try run(["clone", "--quiet", remote, mentor])
            try run(["clone", "--quiet", remote, mentee])
            try run(["-C", mentor, "config", "user.name", "Mentor"])
            try run(["-C", mentor, "config", "user.email", "mentor@example.com"])
        }

        /// Runs git hermetically (no global or system config) and requires success.
        @discardableResult
        func run(_ arguments: [String], allowFailure: Bool = false) throws -> TestSupport.Output {
            let output = try TestSupport.run(git, arguments, environment: [
                "HOME": root, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
                "LANG": "C", "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            ])
            if !allowFailure && output.status != 0 {
                Issue.record("git \(arguments.joined(separator: " ")) failed: \(output.stderr)")
            }
            return output
        }

        func ladder(_ arguments: [String], in home: String) throws -> TestSupport.Output {
            try TestSupport.ladder(arguments, home: home)
        }

        /// `ladder sync` in a clone, which must succeed.
        func sync(_ home: String) throws {
            let output = try ladder(["sync"], in: home)
            #expect(output.status == 0, "sync in \(home) failed: \(output.stderr)")
        }

        func journalLines(_ home: String, _ person: String = "ana") -> [String] {
            let text = (try? String(contentsOfFile: "\(home)/people/\(person).jsonl", encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init)
        }

        func eventIDs(_ home: String) -> Set<String> {
            Set(journalLines(home).compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
            })
        }

        func file(_ path: String) -> String {
            (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

        func head(_ repository: String, _ ref: String = "HEAD") throws -> String {
            try run(["-C", repository, "rev-parse", "-q", "--verify", ref], allowFailure: true).stdout
        }

        /// A pre-receive hook in the shared repository that rejects the first `times`
        /// pushes (all when nil) and counts the attempts in `pushes`.
        func rejectPushes(times: Int?) throws {
            let limit = times.map { "[ $n -le \($0) ] || exit 0\n" } ?? ""
            let hook = """
            #!/bin/sh
            echo x >> "\(root)/pushes"
            n=$(wc -l < "\(root)/pushes")
            \(limit)echo "pushes are closed" >&2
            exit 1

            """
            let path = remote + "/hooks/pre-receive"
            try hook.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }

        var pushAttempts: Int { file(root + "/pushes").split(separator: "\n").count }
    }

    // MARK: Two people changing the same record at once

    /// Track and tick for ana in both clones before either syncs.
    func concurrentChanges(_ world: World) throws -> [String] {
        for home in [world.mentor, world.mentee] {
            #expect(try world.ladder(["people", "add", "ana"], in: home).status == 0)
            let track = try world.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", "ana"], in: home)
            #expect(track.status == 0, "\(track.stderr)")
        }
        let show = try world.ladder(["show", "serverless-functions", "--role", "Cloud Engineer", "--level", "Senior", "--json"], in: world.mentor)
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let roles = try #require(profile["roles"] as? [[String: Any]])
        let levels = try #require(roles.first?["levels"] as? [[String: Any]])
        let items = try #require(levels.first?["expectations"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        try #require(items.count == 3, "Senior for Cloud Engineer should have 3 expectations: \(items)")
        let steps: [(String, [String])] = [
            (world.mentor, ["tick", "serverless-functions", items[0], "--person", "ana"]),
            (world.mentor, ["note", "serverless-functions", items[0], "Led the cold-start work (mentor's words)", "--person", "ana"]),
            (world.mentee, ["tick", "serverless-functions", items[1], items[2], "--person", "ana"]),
            (world.mentee, ["note", "serverless-functions", items[1], "PR #412", "--person", "ana"]),
        ]
        for (home, arguments) in steps {
            let output = try world.ladder(arguments, in: home)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
        }
        return items
    }

    /// After the syncs: the same folded state and the same lines on both sides, every
    /// event of both kept, no conflict markers, every journal loads.
    func expectSameState(_ world: World, ids: Set<String>) throws {
        let mentorStatus = try world.ladder(["status", "--json", "--person", "ana"], in: world.mentor)
        let menteeStatus = try world.ladder(["status", "--json", "--person", "ana"], in: world.mentee)
        #expect(mentorStatus.status == 0 && menteeStatus.status == 0)
        #expect(mentorStatus.stdout == menteeStatus.stdout)
        #expect(Set(world.journalLines(world.mentor)) == Set(world.journalLines(world.mentee)))
        for home in [world.mentor, world.mentee] {
            #expect(ids.isSubset(of: world.eventIDs(home)), "events lost in \(home)")
            for person in ["ana"] {
                for line in world.journalLines(home, person) {
                    #expect(line.hasPrefix("{"), "not an event in \(home): \(line)")
                }
            }
            let store = Store(folder: DataFolder(path: home))
            for person in store.people() {
                let journal = try store.journal(for: person)
                #expect(journal.problems.isEmpty, "\(journal.problems)")
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: home + "/people") {
                let mode = try FileManager.default.attributesOfItem(atPath: home + "/people/" + name)[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(home)/people/\(name) has mode \(String(mode ?? 0, radix: 8))")
            }
            let tracked = try world.run(["-C", home, "ls-files"]).stdout.split(separator: "\n")
            #expect(!tracked.contains { $0.hasPrefix("cache/") || $0 == ".lock" || $0.contains(".ladder-tmp-") })
            #expect(world.file(home + "/.gitattributes").contains("people/*.jsonl merge=union"))
            #expect(world.file(home + "/.gitignore").split(separator: "\n").contains("cache/"))
            #expect(try world.run(["-C", home, "status", "--porcelain"]).stdout.isEmpty)
        }
        #expect(try world.head(world.mentor) == world.head(world.remote, "main"))
        #expect(try world.head(world.mentee) == world.head(world.remote, "main"))
    }

    func syncInOrder(first: KeyPath<World, String>, second: KeyPath<World, String>) throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        let items = try concurrentChanges(world)
        var ids = world.eventIDs(world.mentor).union(world.eventIDs(world.mentee))
        try world.sync(world[keyPath: first])
        try world.sync(world[keyPath: second])
        try world.sync(world[keyPath: first])
        try expectSameState(world, ids: ids)
        let status = try world.ladder(["status", "--json", "--person", "ana"], in: world.mentor)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        #expect(entries.first?["done"] as? Int == 3, "\(status.stdout)")

        // A second round on a shared history: both change again, sync in the same order.
        let untick = try world.ladder(["untick", "serverless-functions", items[2], "--person", "ana"], in: world[keyPath: second])
        let note = try world.ladder(["note", "serverless-functions", items[2], "Second round", "--person", "ana"], in: world[keyPath: first])
        #expect(untick.status == 0 && note.status == 0)
        ids.formUnion(world.eventIDs(world.mentor).union(world.eventIDs(world.mentee)))
        try world.sync(world[keyPath: first])
        try world.sync(world[keyPath: second])
        try world.sync(world[keyPath: first])
        try expectSameState(world, ids: ids)
        let after = try world.ladder(["status", "--json", "--person", "ana"], in: world.mentee)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        #expect(again.first?["done"] as? Int == 2, "\(after.stdout)")

        // The commits say what they hold; the mentor's carry the mentor's identity.
        let log = try world.run(["-C", world.remote, "log", "--format=%an|%s", "main"]).stdout
        #expect(log.contains("Mentor|ladder sync: ana +"), "\(log)")
        #expect(log.contains("ladder|ladder sync: ana +"), "\(log)")
        #expect(log.contains("tick"))

        // Nothing new: nothing to commit, nothing to push, still fine.
        let idle = try world.ladder(["sync"], in: world.mentor)
        #expect(idle.status == 0, "\(idle.stderr)")
        #expect(idle.stdout.contains("Nothing new to commit."))
        #expect(idle.stdout.contains("Nothing to push"))
    }

    @Test func mentorThenMenteeThenMentorMergeEverything() throws {
        try syncInOrder(first: \.mentor, second: \.mentee)
    }

    @Test func menteeThenMentorThenMenteeMergeEverything() throws {
        try syncInOrder(first: \.mentee, second: \.mentor)
    }

    @Test func commitMessageCountsLinesByKindPerPerson() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        _ = try concurrentChanges(world)
        let track = try world.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Junior"], in: world.mentor)
        #expect(track.status == 0, "\(track.stderr)")
        try FileManager.default.createDirectory(atPath: world.mentor + "/profiles", withIntermediateDirectories: true)
        try "id: custom\n".write(toFile: world.mentor + "/profiles/custom.yaml", atomically: true, encoding: .utf8)
        let output = try world.ladder(["sync", "--message", "Before our 1:1"], in: world.mentor)
        #expect(output.status == 0, "\(output.stderr)")
        let message = try world.run(["-C", world.mentor, "log", "-1", "--format=%B"]).stdout
        #expect(message.hasPrefix("Before our 1:1\n\nladder sync: me +1 (1 track); ana +4 (1 note, 1 person, 1 tick, 1 track); profiles: +1 file"),
                "\(message)")
    }

    // MARK: What happens on problems

    @Test func notARepositorySaysHowAndChangesNothing() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        let home = world.root + "/plain"
        #expect(try world.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"], in: home).status == 0)
        let output = try world.ladder(["sync"], in: home)
        #expect(output.status != 0)
        #expect(output.stderr.contains("is not a git repository"), "\(output.stderr)")
        #expect(output.stderr.contains("git -C \(home) init"))
        #expect(output.stderr.contains("git clone URL \(home)"))
        #expect(output.stderr.contains("Nothing was changed."))
        for name in [".git", ".gitattributes", ".gitignore"] { #expect(!world.exists(home + "/" + name)) }
    }

    @Test func missingFolderSaysToClone() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        let home = world.root + "/not-yet"
        let output = try world.ladder(["sync"], in: home)
        #expect(output.status != 0)
        #expect(output.stderr.contains("does not exist yet"), "\(output.stderr)")
        #expect(output.stderr.contains("git clone URL \(home)"))
        #expect(!world.exists(home))
    }

    @Test func noRemoteSaysHowToAddOneAndChangesNothing() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        let home = world.root + "/alone"
        try world.run(["init", "--quiet", "-b", "main", home])
        #expect(try world.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"], in: home).status == 0)
        let output = try world.ladder(["sync"], in: home)
        #expect(output.status != 0)
        #expect(output.stderr.contains("has no remote"), "\(output.stderr)")
        #expect(output.stderr.contains("git -C \(home) remote add origin URL"))
        #expect(output.stderr.contains("git -C \(home) commit --allow-empty"))  // no commit yet: push needs one
        #expect(output.stderr.contains("git -C \(home) push -u origin HEAD"))
        #expect(try world.head(home).isEmpty)
        #expect(!world.exists(home + "/.gitattributes") && !world.exists(home + "/.gitignore"))
    }

    @Test func noUpstreamSaysHowToConnectAndTheAdviceWorks() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        let home = world.root + "/unconnected"
        try world.run(["init", "--quiet", "-b", "main", home])
        try world.run(["-C", home, "commit", "--quiet", "--allow-empty", "-m", "Start sharing Ladder data"])
        try world.run(["-C", home, "remote", "add", "origin", world.remote])
        #expect(try world.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"], in: home).status == 0)
        let before = try world.head(home)
        let output = try world.ladder(["sync"], in: home)
        #expect(output.status != 0)
        #expect(output.stderr.contains("tracks no remote branch"), "\(output.stderr)")
        #expect(output.stderr.contains("git -C \(home) push -u origin HEAD"))
        #expect(!output.stderr.contains("--allow-empty"))
        #expect(try world.head(home) == before)
        #expect(!world.exists(home + "/.gitattributes"))

        try world.run(["-C", home, "push", "--quiet", "-u", "origin", "HEAD"])
        let retried = try world.ladder(["sync"], in: home)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("Pushed to origin/main."), "\(retried.stdout)")
        #expect(try world.head(home) == world.head(world.remote, "main"))
    }

    @Test func aFolderStartedOnItsOwnJoinsTheSharedOneWithTheAdvice() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        _ = try concurrentChanges(world)
        try world.sync(world.mentor)
        let home = world.root + "/late"
        try world.run(["init", "--quiet", "-b", "main", home])
        try world.run(["-C", home, "remote", "add", "origin", world.remote])
        #expect(try world.ladder(["tick", "serverless-functions", "x", "--person", "ana"], in: home).status != 0)  // nobody named ana yet
        #expect(try world.ladder(["people", "add", "ana"], in: home).status == 0)
        #expect(try world.ladder(["tick", "serverless-functions", "x", "--person", "ana"], in: home).status != 0)  // not tracked yet
        #expect(try world.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Senior", "--person", "ana"], in: home).status == 0)
        let refused = try world.ladder(["sync"], in: home)
        #expect(refused.status != 0)
        let advice = "git -C \(home) config branch.main.remote origin && git -C \(home) config branch.main.merge refs/heads/main"
        #expect(refused.stderr.contains(advice), "\(refused.stderr)")
        try world.run(["-C", home, "config", "branch.main.remote", "origin"])
        try world.run(["-C", home, "config", "branch.main.merge", "refs/heads/main"])
        let joined = try world.ladder(["sync"], in: home)
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(joined.stdout.contains("Pulled from origin/main: ana +4"), "\(joined.stdout)")
        #expect(world.eventIDs(world.mentor).isSubset(of: world.eventIDs(home)))
        try world.sync(world.mentor)
        #expect(world.eventIDs(home).isSubset(of: world.eventIDs(world.mentor)))
    }

    @Test func aRejectedPushIsRetriedOnceAfterPullingAgain() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        _ = try concurrentChanges(world)
        try world.rejectPushes(times: 1)
        let output = try world.ladder(["sync"], in: world.mentor)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(world.pushAttempts == 2)
        #expect(output.stdout.contains("after pulling again"), "\(output.stdout)")
        #expect(try world.head(world.mentor) == world.head(world.remote, "main"))
    }

    @Test func aPushRejectedTwiceIsAnErrorThatSaysSo() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        _ = try concurrentChanges(world)
        try world.rejectPushes(times: nil)
        let output = try world.ladder(["sync"], in: world.mentor)
        #expect(output.status != 0)
        #expect(world.pushAttempts == 2)
        #expect(output.stderr.contains("rejected the push to main, also after pulling again and retrying"), "\(output.stderr)")
        #expect(output.stderr.contains("pushes are closed"))  // the remote's own words
        #expect(output.stderr.contains("committed"))
        #expect(try world.head(world.remote, "main").isEmpty)
        #expect(try world.run(["-C", world.mentor, "status", "--porcelain"]).stdout.isEmpty)
    }

    @Test func aMergeConflictIsAbortedAndExplained() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        _ = try concurrentChanges(world)
        for (home, words) in [(world.mentor, "mentor's"), (world.mentee, "mentee's")] {
            try FileManager.default.createDirectory(atPath: home + "/profiles", withIntermediateDirectories: true)
            try "id: custom\nname: The \(words) version\n".write(toFile: home + "/profiles/custom.yaml", atomically: true, encoding: .utf8)
        }
        try world.sync(world.mentor)
        let remoteBefore = try world.head(world.remote, "main")
        let output = try world.ladder(["sync"], in: world.mentee)
        #expect(output.status != 0)
        #expect(output.stderr.contains("stopped on conflicts in profiles/custom.yaml"), "\(output.stderr)")
        #expect(output.stderr.contains("The merge was aborted"))
        #expect(output.stderr.contains("pull --no-rebase"))
        #expect(!world.exists(world.mentee + "/.git/MERGE_HEAD"))
        #expect(try world.run(["-C", world.mentee, "status", "--porcelain"]).stdout.isEmpty)
        #expect(world.file(world.mentee + "/profiles/custom.yaml").contains("mentee's"))
        #expect(!world.journalLines(world.mentee).contains { $0.hasPrefix("<<<<<<<") })
        #expect(try world.head(world.remote, "main") == remoteBefore)
    }

    @Test func conflictMarkersAreNeverPushed() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        _ = try concurrentChanges(world)
        // A hand-made merge gone wrong, left in the journal.
        let path = world.mentee + "/people/ana.jsonl"
        let lines = world.journalLines(world.mentee)
        let broken = ["<<<<<<< HEAD"] + lines.prefix(1) + ["======="] + lines.dropFirst() + [">>>>>>> origin/main"]
        try (broken.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let output = try world.ladder(["sync"], in: world.mentee)
        #expect(output.status != 0)
        #expect(output.stderr.contains("conflict markers"), "\(output.stderr)")
        #expect(output.stderr.contains("people/ana.jsonl:1, people/ana.jsonl:3"))
        #expect(output.stderr.contains("Nothing was pushed"))
        #expect(try world.head(world.remote, "main").isEmpty)
    }

    @Test func problemsThatArriveWithAMergeAreReported() throws {
        let world = try World()
        defer { TestSupport.removeFolder(world.root) }
        try world.cloneBoth()
        _ = try concurrentChanges(world)
        try world.sync(world.mentee)
        // Someone pushes a bad line with plain git, bypassing Ladder.
        let path = world.mentee + "/people/ana.jsonl"
        try (world.file(path) + "not an event\n").write(toFile: path, atomically: true, encoding: .utf8)
        try world.run(["-C", world.mentee, "commit", "--quiet", "-am", "by hand"])
        try world.run(["-C", world.mentee, "push", "--quiet"])
        let output = try world.ladder(["sync"], in: world.mentor)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("warning: \(world.mentor)/people/ana.jsonl:"), "\(output.stderr)")
        #expect(output.stderr.contains("not a journal event"))
    }

    @Test func gitMissingIsAClearError() throws {
        #expect(throws: SyncError.gitMissing) {
            try Git.locate(environment: ["PATH": "/nonexistent:relative/bin"], fallbacks: [])
        }
        #expect(SyncError.gitMissing.message.contains("git is not installed"))
        #expect(SyncError.gitMissing.message.contains("Nothing was changed."))
    }

    // MARK: The fold does not depend on line order

    @Test func foldAppliesEventsByTimeThenFileOrder() throws {
        let ana = try #require(PersonID("ana"))
        let events = [
            JournalEvent(.track(skill: "s", role: "r", level: "Middle"), at: "2026-01-01T10:00:00Z"),
            JournalEvent(.tick(skill: "s", level: "Senior", expectation: "a", text: "A"), at: "2026-01-02T10:00:00Z"),
            JournalEvent(.tick(skill: "s", level: "Senior", expectation: "b", text: "B"), at: "2026-01-03T10:00:00Z"),
            JournalEvent(.untick(skill: "s", level: "", expectation: "b", text: ""), at: "2026-01-03T10:00:00Z"),  // same second: file order
            JournalEvent(.untick(skill: "s", level: "", expectation: "a", text: ""), at: "2026-01-04T10:00:00Z"),
            JournalEvent(.tick(skill: "s", level: "Senior", expectation: "a", text: "A"), at: "2026-01-05T10:00:00Z"),
        ]
        let inOrder = PersonRecord.fold(events, id: ana)
        #expect(inOrder.skills["s"]?.ticks.keys.sorted() == ["a"])
        // As a union merge may leave them: the other side's lines first.
        let merged = Array(events[4...]) + Array(events[..<4])
        #expect(PersonRecord.fold(merged, id: ana) == inOrder)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            // Any order that keeps the two same-second events in their file order.
            var shuffled = events.enumerated().filter { $0.offset != 3 }.map(\.element).shuffled(using: &generator)
            let tick = try #require(shuffled.firstIndex { $0.id == events[2].id })
            shuffled.insert(events[3], at: tick + 1)
            #expect(PersonRecord.fold(shuffled, id: ana) == inOrder)
        }
    }
}
