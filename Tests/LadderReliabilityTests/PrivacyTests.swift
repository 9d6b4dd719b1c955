import Foundation
import LadderKit
import LadderTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Folders 0700 and files 0600 whatever the umask; a warning when an existing data
/// folder is open to others; person ids can never name a path outside the data folder.
@Suite struct PrivacyTests {
    /// Everything Ladder writes (journals, lock, rewritten profiles, caches), under
    /// umask 022, 002, 000 and 0277, into a data folder it creates with its parents:
    /// `find DATA -perm /077` prints nothing, and every later command can still write.
    @Test(arguments: ["022", "002", "000", "0277"])
    func filesAre0600AndFolders0700WhateverTheUmask(_ mask: String) throws {
        let scratch = try TestSupport.makeTempFolder("ladder-rel-umask")
        defer { TestSupport.removeFolder(scratch) }
        let home = scratch + "/new/deeper/data"
        try R.write(R.smallProfile, to: scratch + "/small.yaml")
        let script = """
        umask \(mask)
        "$LADDER" status > /dev/null || exit 10
        (umask 077; cp "$S/small.yaml" "$LADDER_HOME/profiles/small.yaml") || exit 11
        "$LADDER" track small-skill --role tester --level Junior > /dev/null || exit 12
        "$LADDER" tick small-skill t1 --note "first" > /dev/null || exit 13
        "$LADDER" init --name "Olga Petrova" > /dev/null || exit 14
        "$LADDER" people add "Ада Lovelace" > /dev/null || exit 14
        "$LADDER" track serverless-functions --role "Cloud Engineer" --level Middle --person "Ада Lovelace" > /dev/null || exit 14
        "$LADDER" debug write-loop --count 3 --rewrite > /dev/null || exit 14
        "$LADDER" profiles > /dev/null 2>&1 || exit 15
        "$LADDER" status > /dev/null || exit 16
        find "$LADDER_HOME" -perm /077
        """
        let result = try R.shell(script, home: home, scratch: scratch, ["S": scratch])
        #expect(result.status == 0, "umask \(mask): stopped at \(result.status): \(result.stderr)")
        #expect(result.stdout.isEmpty, "umask \(mask): open to others:\n\(result.stdout)")
        let paths = R.walk(home)
        #expect(paths.count >= 7, "\(paths)")
        for path in paths + [scratch + "/new", scratch + "/new/deeper"] {
            var stats = stat()
            #expect(lstat(path, &stats) == 0)
            let isFolder = stats.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR)
            #expect(stats.st_mode & 0o777 == (isFolder ? 0o700 : 0o600), "umask \(mask): \(path) is \(String(stats.st_mode & 0o777, radix: 8))")
        }
    }

    /// An existing data folder readable by others gets a warning (with the fix) on
    /// every command; once it is 0700, no warning.
    @Test func anOpenDataFolderIsWarnedAbout() throws {
        let (scratch, home) = try R.dataFolder("open")
        defer { TestSupport.removeFolder(scratch) }
        chmod(home, 0o755)
        #expect(DataFolder(path: home).permissionWarning() != nil)
        let open = try R.ladder(["status"], home: home, scratch: scratch)
        #expect(open.status == 0)
        #expect(open.stderr.contains("warning: \(home) can be read by other users; run: chmod 700 '\(home)'"), "\(open.stderr)")
        #expect(R.mode(home) == 0o755, "Ladder changed the user's folder mode by itself")
        chmod(home, 0o700)
        let closed = try R.ladder(["status"], home: home, scratch: scratch)
        #expect(!closed.stderr.contains("warning"), "\(closed.stderr)")
    }

    static let hostileNames: [String] = [
        "../x", "../../etc/passwd", "/", "/etc/passwd", ".", "..", "...", "a/b", "a\\b", "a\0b", "\0", "",
        " ", "-", "--", "x.jsonl", ".lock", "con", "~", "$HOME", "a\u{202E}b", "a\u{1B}[2Jb", "\u{200B}",
        String(repeating: "a", count: 10_000), String(repeating: "я", count: 300), String(repeating: "👩‍💻", count: 100),
        String(repeating: "\u{0915}\u{093F}\u{094D}", count: 200), // Devanagari letters with combining signs
        "Z" + String(repeating: "\u{0301}", count: 1000),
    ]

    /// Whatever the name, the id is a valid slug: no `/`, `.`, NUL or control
    /// character, NFC, at most 64 characters and 128 bytes; its journal is a file
    /// directly in `people/`, and the store lists it again under the same id.
    @Test func personIDsStayInsideTheDataFolder() throws {
        let (scratch, home) = try R.dataFolder("ids")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        let store = Store(folder: folder)
        for name in Self.hostileNames {
            let id = PersonID(name: name)
            let raw = id.rawValue
            let label = "\(name.unicodeScalars.prefix(20).map { String($0.value, radix: 16) })"
            #expect(!raw.isEmpty && !raw.contains("/") && !raw.contains(".") && !raw.contains("\0"), "\(label) → \(raw)")
            #expect(raw.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.generalCategory != .control && $0.properties.generalCategory != .format }, "\(label)")
            #expect(raw.utf8.count <= PersonID.maxBytes && raw.count <= 64, "\(label): \(raw.utf8.count) bytes")
            #expect(Array(raw.precomposedStringWithCanonicalMapping.utf8) == Array(raw.utf8), "\(label): not NFC")
            #expect(PersonID(raw) == id, "\(label): the id does not read back")
            let path = folder.journalPath(for: id)
            #expect(path == folder.peoplePath + "/" + raw + ".jsonl")
            try store.append([JournalEvent(.person(name: name, mentee: nil), at: JournalEvent.now())], for: id)
            #expect(FileManager.default.fileExists(atPath: path), "\(label)")
            #expect(store.people().contains(id), "\(label): not listed back")
        }
        // Nothing was written anywhere but people/ (and the lock).
        let written = R.walk(home).filter { !$0.hasPrefix(folder.peoplePath) }
        #expect(written.allSatisfy { [home, folder.profilesPath, folder.lockPath].contains($0) || $0.hasPrefix(home + "/cache") }, "\(written)")
        // A raw id is accepted only exactly as the slug of itself.
        for raw in ["../x", "/", "a/b", ".", "..", "A", "Alice", "a b", "a\0b", "", "jose\u{301}", "\u{1100}\u{1161}", String(repeating: "a", count: 200)] {
            #expect(PersonID(raw) == nil, "\(raw.unicodeScalars.map { String($0.value, radix: 16) }) accepted")
        }
    }

    /// Names that differ only in case or in Unicode normalisation are one person, in
    /// one file, byte for byte.
    @Test func namesDifferingInCaseOrNormalisationAreOnePerson() throws {
        let pairs: [(String, String)] = [
            ("Alice", "ALICE"), ("alice", "aLiCe"),
            ("José", "Jose\u{0301}"),              // NFC é and e + combining acute
            ("\u{AC00}", "\u{1100}\u{1161}"),     // Hangul syllable and its jamo
            ("Ångström", "A\u{030A}ngstro\u{0308}m"),
            ("ΣΟΦΙΑ", "σοφια"),
        ]
        for (a, b) in pairs {
            let first = PersonID(name: a), second = PersonID(name: b)
            #expect(Array(first.rawValue.utf8) == Array(second.rawValue.utf8), "\(a) / \(b): \(first) vs \(second)")
        }
        let (scratch, home) = try R.dataFolder("case")
        defer { TestSupport.removeFolder(scratch) }
        #expect(try R.ladder(["people", "add", "José"], home: home, scratch: scratch).status == 0)
        for name in ["José", "Jose\u{0301}", "JOSÉ"] {
            let result = try R.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", name],
                                      home: home, scratch: scratch)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: DataFolder(path: home).peoplePath)) ?? []
        #expect(files.count == 1, "\(files)")
    }

    /// On the command line: `--person` with a path in it stays inside the data folder.
    @Test func theCLIKeepsPeopleInsideTheDataFolder() throws {
        let (scratch, home) = try R.dataFolder("cli-ids")
        defer { TestSupport.removeFolder(scratch) }
        for name in ["../../outside", "/tmp/evil", "..", String(repeating: "x", count: 150)] {
            let added = try R.ladder(["people", "add", name], home: home, scratch: scratch)
            #expect(added.status == 0, "\(name): \(added.stderr)")
            let result = try R.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", name],
                                      home: home, scratch: scratch)
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        let tooLong = try R.ladder(["status", "--person", String(repeating: "x", count: 300)], home: home, scratch: scratch)
        #expect(tooLong.status == 1)
        let outside = R.walk(scratch).filter { !$0.hasPrefix(home) && $0 != scratch && !$0.contains("/child-") }
        #expect(outside.isEmpty, "written outside the data folder: \(outside)")
    }
}
