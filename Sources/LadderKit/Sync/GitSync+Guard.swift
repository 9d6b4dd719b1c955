import CellGrid
import Foundation

/// What a merge may not do: journals only grow, and everything it brings in is a
/// regular file in `people/` or `profiles/` (or Ladder's `.gitattributes` and
/// `.gitignore`). Checked right after the merge, before anything else reads it; a
/// merge that breaks a rule is undone and nothing is pushed.
extension GitSync {
    /// Files a merge may bring in outside `people/` and `profiles/`.
    static let ownFiles: Set<String> = [".gitattributes", ".gitignore"]

    /// Throws `.unrelatedHistory` unless joining an unrelated history is allowed: the
    /// user said so, or the history before this sync (`started`) has no commits of
    /// its own (none, or only ones that touch Ladder's git files, like its setup
    /// commit or an empty first commit).
    func refuseUnrelated(_ tracking: Tracking, head: String, started: String?) throws(SyncError) -> Bool {
        let base = try git.run(["merge-base", head, tracking.commit])
        if base.succeeded { return false }
        guard base.status == 1 else { throw .gitFailed(command: "merge-base", detail: base.problem) }
        if allowUnrelated { return true }
        if let started {
            let commits = try git.require(["rev-list", "--max-count=4", started]).text.split(separator: "\n")
            var own = commits.count > 3
            for commit in commits where !own {
                let paths = try git.require(["diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", String(commit)]).fields
                own = paths.contains { !Self.ownFiles.contains($0) }
            }
            if own { throw .unrelatedHistory(folder.path, upstream: tracking.name) }
        }
        return true
    }

    /// Checks what the merge from `before` to `after` did; when it broke a rule,
    /// resets the branch to `before` and throws `.historyRewritten`.
    func refuseRewrites(before: String?, after: String, tracking: Tracking, remote: String) throws(SyncError) {
        let base: String
        if let before { base = before } else { base = try emptyTree() }
        let fields = try git.require(["diff", "--raw", "-z", "--no-renames", "--no-abbrev", base, after]).fields
        var problems: [(path: String, what: String)] = []
        var index = 0
        while index + 1 < fields.count {
            let meta = fields[index].split(separator: " ")
            let path = fields[index + 1]
            index += 2
            guard meta.count >= 5 else { continue }
            let oldMode = meta[0].dropFirst(), newMode = meta[1], oldBlob = String(meta[2]), newBlob = String(meta[3])
            let deleted = meta[4].hasPrefix("D")
            if !deleted {
                if newMode == "120000" { problems.append((path, "makes it a symbolic link")); continue }
                if newMode == "160000" { problems.append((path, "makes it a submodule")); continue }
                if !(path.hasPrefix("people/") || path.hasPrefix("profiles/") || Self.ownFiles.contains(path)) {
                    problems.append((path, "adds a file outside people/ and profiles/")); continue
                }
                if onlyProfiles, !path.hasPrefix("profiles/"), !Self.ownFiles.contains(path) {
                    problems.append((path, "adds a file to the shared profiles, which hold only profiles/")); continue
                }
                if let only = onlyRecord, path != "people/\(only.rawValue).jsonl", !Self.ownFiles.contains(path) {
                    problems.append((path, "adds a file to \(only)'s shared record, which holds only people/\(only.rawValue).jsonl")); continue
                }
            }
            guard ChangeSummary.personID(ofPath: path) != nil, oldMode.hasPrefix("100") else { continue }
            let salt = JournalLines.randomSalt()
            let old = try eventLines(ofBlob: oldBlob, salt: salt)
            let new = deleted || !newMode.hasPrefix("100") ? [] : try eventLines(ofBlob: newBlob, salt: salt)
            let removed = old.subtracting(new).count
            if removed > 0 {
                problems.append((path, deleted ? "deletes it (\(old.count) events)" : "removes \(removed) of its \(old.count) events"))
            }
        }
        guard !problems.isEmpty else { return }
        if let before {
            let reset = try git.run(["reset", "--quiet", "--merge", before])
            if !reset.succeeded { _ = try git.run(["reset", "--quiet", "--hard", before]) }
        }
        var places: [String] = []
        for (path, what) in problems {
            var range = ["rev-list", "-1", tracking.commit]
            if let before { range += ["--not", before] }
            let commit = try git.run(range + ["--", path]).text
            let short = commit.isEmpty ? tracking.commit : commit
            places.append("commit \(String(short.prefix(12))) of \(Safe.text(remote)) \(what): \(Safe.text(path)) (inspect it: git -C '\(Safe.text(folder.path))' show \(String(short.prefix(12))))")
        }
        throw .historyRewritten(folder.path, upstream: tracking.name, places: places, undone: before != nil)
    }

    /// Salted hashes of the lines holding events in a blob, read as a stream.
    func eventLines(ofBlob blob: String, salt: UInt64) throws(SyncError) -> Set<UInt64> {
        try git.streaming(["cat-file", "blob", blob]) { fd throws(SyncError) in
            var reader = Journal.Reader(file: blob, keepsHashes: true)
            var lines = JournalLines(salt: salt)
            do throws(StoreError) { try lines.readAll(fd, path: "blob " + blob) { reader.add($0) } } catch { throw .store(error.message) }
            return reader.eventLines
        }
    }
}
