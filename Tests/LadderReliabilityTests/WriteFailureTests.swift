import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A write that fails (file-size limit, full disk, read-only folder, a folder that
/// vanished) is shown, the files on disk and the state in memory stay as they were,
/// and Ladder keeps working.
@Suite(.serialized) struct WriteFailureTests {
    /// A data folder with the small profile, `me` tracking it, and a journal padded
    /// past `bytes` with a whitespace line (which the journal skips).
    func folderWithJournal(_ label: String, paddedTo bytes: Int = 600) throws -> (scratch: String, home: String, journal: String) {
        let (scratch, home) = try R.dataFolder(label)
        let folder = DataFolder(path: home)
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        try Store(folder: folder).append([JournalEvent(.track(skill: "small-skill", role: "tester", level: "Junior"), at: JournalEvent.now())], for: .me)
        let path = folder.journalPath(for: .me)
        var journal = R.bytes(path) ?? []
        if journal.count + 1 < bytes {
            journal += [UInt8](repeating: 0x20, count: bytes - journal.count - 1) + [0x0A]
        }
        try R.write(journal, to: path)
        return (scratch, home, path)
    }

    /// `ulimit -f`: the save is refused with an error that says why (SIGXFSZ does not
    /// kill Ladder), the journal is byte for byte as before, and the same command
    /// works once the limit is gone.
    @Test func aFileSizeLimitIsAnErrorAndChangesNothing() throws {
        let (scratch, home, path) = try folderWithJournal("fsize")
        defer { TestSupport.removeFolder(scratch) }
        let before = R.bytes(path)
        let limited = try R.shell(#"ulimit -S -f 1; exec "$LADDER" tick small-skill t1 --note "evidence""#, home: home, scratch: scratch)
        #expect(limited.status == 1, "exit \(limited.status) (\(128 + SIGXFSZ) would be a SIGXFSZ kill): \(limited.stderr)")
        #expect(limited.stderr.contains("could not write to \(path): the file is larger than allowed (file size limit)"), "\(limited.stderr)")
        #expect(R.bytes(path) == before, "the journal changed")
        let free = try R.ladder(["tick", "small-skill", "t1", "--note", "evidence"], home: home, scratch: scratch)
        #expect(free.status == 0, "\(free.stderr)")
        let journal = try Store(folder: DataFolder(path: home)).journal(for: .me)
        #expect(journal.events.map(\.kind) == ["track", "tick", "note"])
    }

    /// A save whose write stops part way (the limit falls inside the new line) is
    /// undone: no half line is left, and a save of several events is all or nothing.
    @Test func aWriteThatStopsPartWayIsUndone() throws {
        let (scratch, home, path) = try folderWithJournal("partial", paddedTo: 450)
        defer { TestSupport.removeFolder(scratch) }
        let before = try #require(R.bytes(path))
        #expect(before.count < 512)
        let limited = try R.shell(#"ulimit -S -f 1; exec "$LADDER" tick small-skill t1 t2 --note "a note long enough to cross the limit""#,
                                  home: home, scratch: scratch)
        #expect(limited.status == 1, "\(limited.stderr)")
        #expect(limited.stderr.contains("file size limit"), "\(limited.stderr)")
        #expect(R.bytes(path) == before, "a partial write was left in the journal")
        // A new person's journal that cannot be written is not left behind empty.
        let newcomer = try R.shell(#"ulimit -S -f 0; exec "$LADDER" track small-skill --role tester --level Junior --person Newcomer"#,
                                   home: home, scratch: scratch)
        #expect(newcomer.status == 1, "\(newcomer.stderr)")
        #expect(!FileManager.default.fileExists(atPath: DataFolder(path: home).journalPath(for: PersonID(name: "Newcomer"))))
    }

    /// In the UI: a save that fails says "Not saved: …" on screen, leaves memory and
    /// disk as they were, and the app goes on; the same key saves once the folder is back.
    @Test func theUIShowsAFailedSaveAndKeepsWorking() throws {
        let (scratch, home, path) = try folderWithJournal("ui-fail")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        app.handle(.key(.enter))
        _ = app.render(width: 120, height: 30)
        let before = R.bytes(path)
        // The people folder vanishes under Ladder (a file takes its name): writes fail.
        #expect(rename(folder.peoplePath, folder.path + "/people.away") == 0)
        try R.write("not a folder", to: folder.peoplePath)
        app.handle(.key(.character(" ")))
        let screen = app.render(width: 120, height: 30).text
        #expect(screen.contains("Not saved: could not open \(path)"), "\(screen)")
        #expect(app.state.record.skills["small-skill"]?.ticks.isEmpty == true, "memory changed although nothing was saved")
        #expect(R.bytes(folder.path + "/people.away/me.jsonl") == before)
        // Still working: help opens and closes, the list moves.
        app.handle(.key(.character("?")))
        app.handle(.key(.escape))
        app.handle(.key(.down))
        #expect(!app.isFinished)
        // The folder is back: the same key saves.
        unlink(folder.peoplePath)
        #expect(rename(folder.path + "/people.away", folder.peoplePath) == 0)
        app.handle(.key(.up))
        app.handle(.key(.character(" ")))
        #expect(app.state.notice?.isError != true, "\(String(describing: app.state.notice))")
        #expect(app.state.record.skills["small-skill"]?.ticks.count == 1)
        #expect(try Store(folder: folder).journal(for: .me).events.count == 2)
    }

    /// A really full disk and a really read-only folder (a tmpfs and a read-only bind
    /// mount in a private mount namespace): the CLI says so, nothing changes, reading
    /// still works, and after space is freed the save goes through.
    @Test func aFullDiskAndAReadOnlyFolderAreShownAndChangeNothing() throws {
        let (scratch, home) = try R.dataFolder("mounts")
        defer { TestSupport.removeFolder(scratch) }
        try R.write(R.smallProfile, to: scratch + "/small.yaml")
        let script = #"""
        D="$LADDER_HOME"; O="$OUT"
        mount -t tmpfs -o size=256k,mode=0700 tmpfs "$D" || exit 77
        mkdir -p "$D/profiles" && cp "$O/small.yaml" "$D/profiles/" || exit 10
        "$LADDER" track small-skill --role tester --level Junior > /dev/null || exit 11
        # Fill the journal's last page, so the next line needs a new one; then the disk.
        size=$(wc -c < "$D/people/me.jsonl")
        head -c $((4095 - size)) /dev/zero | tr '\0' ' ' >> "$D/people/me.jsonl"; echo >> "$D/people/me.jsonl"
        dd if=/dev/zero of="$D/filler" bs=4096 2> /dev/null
        cp "$D/people/me.jsonl" "$O/full-before"
        "$LADDER" tick small-skill t1 2> "$O/full.err"; echo $? > "$O/full.status"
        cp "$D/people/me.jsonl" "$O/full-after"
        "$LADDER" track small-skill --role tester --level Junior --person Newcomer 2> /dev/null; echo $? > "$O/newcomer.status"
        ls "$D/people" > "$O/people-list"
        "$LADDER" status > "$O/status.out" 2>&1; echo $? > "$O/status.status"
        rm "$D/filler"
        "$LADDER" tick small-skill t1 2> "$O/freed.err"; echo $? > "$O/freed.status"
        # Read-only: the same folder, bind-mounted read-only.
        mount --bind "$D" "$D" && mount -o remount,bind,ro "$D" || exit 78
        cp "$D/people/me.jsonl" "$O/ro-before"
        "$LADDER" untick small-skill t1 2> "$O/ro.err"; echo $? > "$O/ro.status"
        cp "$D/people/me.jsonl" "$O/ro-after"
        "$LADDER" status > "$O/ro-status.out" 2>&1; echo $? > "$O/ro-status.status"
        exit 0
        """#
        try R.write(script, to: scratch + "/mounts.sh")
        let run = try R.shell("exec unshare --user --map-root-user --mount /bin/sh \"$OUT/mounts.sh\"", home: home, scratch: scratch,
                              ["OUT": scratch])
        guard run.status != 77 && !run.stderr.contains("unshare:") else {
            print("SKIPPED part of \(#function): no private mount namespace here (\(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); "
                  + "the file-size-limit tests cover failed writes")
            return
        }
        #expect(run.status == 0, "script stopped with \(run.status): \(run.stderr)")
        func read(_ name: String) -> String {
            ((try? String(contentsOfFile: scratch + "/" + name, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(read("full.status") == "1")
        #expect(read("full.err").contains("the disk is full"), "\(read("full.err"))")
        #expect(R.bytes(scratch + "/full-before") == R.bytes(scratch + "/full-after"), "a full disk changed the journal")
        #expect(read("newcomer.status") == "1")
        #expect(read("people-list") == "me.jsonl", "a failed first save left a file: \(read("people-list"))")
        #expect(read("status.status") == "0", "reading failed on a full disk: \(read("status.out"))")
        #expect(read("freed.status") == "0", "\(read("freed.err"))")
        #expect(read("ro.status") == "1")
        #expect(read("ro.err").contains("read-only"), "\(read("ro.err"))")
        #expect(R.bytes(scratch + "/ro-before") == R.bytes(scratch + "/ro-after"))
        #expect(read("ro-status.status") == "0", "reading failed on a read-only folder: \(read("ro-status.out"))")
    }

    /// In a real terminal under `ulimit -f`: ticking says "Not saved" with the reason,
    /// the journal is unchanged, the app keeps running; with the limit lifted
    /// (`prlimit`), the same key saves; quitting restores the terminal.
    @Test(.needsTmux) func theUIInATerminalShowsAFileSizeLimitAndKeepsWorking() throws {
        let (scratch, home, path) = try folderWithJournal("tmux-fsize")
        defer { TestSupport.removeFolder(scratch) }
        let pidFile = scratch + "/pid"
        let session = try Tmux(command: "ulimit -S -f 1; echo \\$$ > '\(pidFile)'; exec '\(TestSupport.ladderBinary)'",
                               width: 200, height: 30, environment: R.paneEnvironment(home: home))
        #expect(try session.waitFor("Small skill") != nil, "\(session.shown)")
        let before = R.bytes(path)
        try session.send("Enter")
        #expect(try session.waitFor("0 of 1") != nil, "\(session.shown)")
        try session.send("Space")
        let refused = try session.waitFor("Not saved")
        #expect(refused?.contains("file size limit") == true, "\(session.shown)")
        #expect(R.bytes(path) == before)
        let pid = Int32(((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(R.isAlive(pid), "ladder is not running any more")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            print("SKIPPED the second half of \(#function): prlimit is not installed")
            try session.send("q")
            return
        }
        let lifted = try TestSupport.run("/usr/bin/prlimit", ["--pid", "\(pid)", "--fsize=unlimited"])
        #expect(lifted.status == 0, "\(lifted.stderr)")
        try session.send("Space")
        #expect(try session.waitFor("1 of 1") != nil, "\(session.shown)")
        #expect(try Store(folder: DataFolder(path: home)).journal(for: .me).events.map(\.kind) == ["track", "tick"])
        try session.send("q")
        #expect(R.eventually { !R.isAlive(pid) })
        #expect(try session.display("#{alternate_on}") == "0")
    }
}
