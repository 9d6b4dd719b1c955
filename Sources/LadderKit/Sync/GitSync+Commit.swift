import CellGrid
import Foundation

/// Committing: the git files that make journals merge, and the data itself.
extension GitSync {
    /// Makes sure `.gitattributes` has the union line and `.gitignore` keeps caches,
    /// the lock and temp files out; commits them when they are new or changed.
    /// True when it committed.
    func commitGitFiles() throws(SyncError) -> Bool {
        try ensureLines([Self.attributeLine], in: ".gitattributes")
        try ensureLines(Self.ignoreLines, in: ".gitignore")
        let files = [".gitattributes", ".gitignore"]
        try git.require(["add", "--"] + files)
        guard try hasStagedChanges(files) else { return false }
        try commit("ladder sync: journals merge line by line (.gitattributes); caches, the lock and temp files stay out (.gitignore)",
                   paths: files)
        return true
    }

    /// Stages `people/` and `profiles/` and commits them with a message that counts
    /// what changed; nil when nothing did. Only these folders are committed, whatever
    /// else is staged. Returns the message and how many journal lines it added.
    func commitData(_ text: String?) throws(SyncError) -> (message: String, added: Int)? {
        try git.require(["add", "-A", "--", "people", "profiles"])
        let summary = try changes(["--cached"], in: ["people", "profiles"])
        guard !summary.isEmpty else { return nil }
        let message = summary.commitMessage(text)
        let roots = ["people", "profiles"].filter { root in summary.paths.contains { $0.hasPrefix(root + "/") } }
        try commit(message, paths: roots)
        return (message, summary.people.reduce(0) { $0 + $1.addedCount })
    }

    /// Journals and profiles that git ignores (a rule in a `.gitignore`), which would
    /// silently never be shared: one warning each.
    func ignoredJournals() throws(SyncError) -> [String] {
        let ignored = try git.require(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--", "people", "profiles"]).fields
        return ignored.filter { !$0.contains(SafeFile.tempPrefix) }.map { path in
            "\(Safe.text(path)) is ignored by git, so it is not shared; see which rule: git -C '\(Safe.text(folder.path))' check-ignore -v '\(Safe.text(path))'"
        }
    }

    /// What changed between two states (`["--cached"]`: the index against HEAD;
    /// `[a, b]`: two commits) under `roots`, counted per journal by event kind.
    func changes(_ range: [String], in roots: [String]) throws(SyncError) -> ChangeSummary {
        let fields = try git.require(["diff", "--name-status", "-z", "--no-renames"] + range + ["--"] + roots).fields
        var summary = ChangeSummary()
        var index = 0
        while index + 1 < fields.count {
            let status = fields[index], path = fields[index + 1]
            index += 2
            summary.paths.append(path)
            if let id = ChangeSummary.personID(ofPath: path) {
                var person = ChangeSummary.Person(id: id, path: path)
                // Streamed: a remote's journal may be huge.
                try git.streaming(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv"] + range + ["--", path]) { fd throws(SyncError) in
                    var counter = ChangeSummary.DiffCounter()
                    var lines = JournalLines()
                    do throws(StoreError) { try lines.readAll(fd, path: "git diff") { counter.add($0, into: &person) } } catch { throw .store(error.message) }
                }
                summary.people.append(person)
            } else if path.hasPrefix("profiles/") {
                switch status.first {
                case "A": summary.profilesAdded += 1
                case "D": summary.profilesRemoved += 1
                default: summary.profilesChanged += 1
                }
            } else {
                summary.otherFiles += 1
            }
        }
        summary.sortPeople()
        return summary
    }

    func hasStagedChanges(_ paths: [String]) throws(SyncError) -> Bool {
        let diff = try git.run(["diff", "--cached", "--quiet", "--"] + paths)
        switch diff.status {
        case 0: return false
        case 1: return true
        default: throw .gitFailed(command: "diff --cached", detail: diff.problem)
        }
    }

    /// Commits exactly `paths` (what else is staged stays staged).
    func commit(_ message: String, paths: [String]) throws(SyncError) {
        let done = try git.run(["commit", "--quiet", "-m", message, "--"] + paths)
        guard done.succeeded else { throw .gitFailed(command: "commit", detail: done.problem) }
    }

    /// Appends whichever of `lines` the file lacks (creating it when missing), in
    /// one atomic write.
    func ensureLines(_ lines: [String], in name: String) throws(SyncError) {
        let path = folder.path + "/" + name
        let existing: [UInt8]
        do throws(StoreError) { existing = try SafeFile.contents(of: path, limit: 1 << 20) ?? [] } catch { throw .store(error.message) }
        let present = Set(String(decoding: existing, as: UTF8.self).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let missing = lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        var bytes = existing
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        for line in missing { bytes += Array((line + "\n").utf8) }
        do throws(StoreError) { try SafeFile.writeAtomically(bytes, to: path) } catch { throw .store(error.message) }
    }
}
