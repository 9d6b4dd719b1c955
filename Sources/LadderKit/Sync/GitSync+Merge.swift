import CellGrid
import Foundation

/// Talking to the remote and merging: fetch, merge (aborted on a conflict), the
/// journal checks after a merge and before a push, and the push.
extension GitSync {
    /// The remote-tracking branch of the upstream after a fetch.
    struct Tracking {
        /// `origin/main`, for messages.
        var name: String
        var commit: String
    }

    /// Fetches the remote; returns its branch, or nil when the remote has no such
    /// branch yet (the first push creates it). Changes no file of the work tree.
    func fetch(_ upstream: Upstream) throws(SyncError) -> Tracking? {
        let fetched = try git.run(["fetch", "--quiet", upstream.remote])
        guard fetched.succeeded else {
            throw .fetchFailed(folder.path, remote: Safe.text(upstream.remote), detail: fetched.problem)
        }
        let spec = upstream.branch + "@{upstream}"
        let ref = try git.run(["rev-parse", "--symbolic-full-name", spec])
        let commit = try git.run(["rev-parse", "-q", "--verify", spec + "^{commit}"])
        guard ref.succeeded, commit.succeeded, !ref.text.isEmpty else { return nil }
        let name = try git.run(["rev-parse", "--abbrev-ref", spec])
        return Tracking(name: Safe.text(name.succeeded ? name.text : ref.text), commit: commit.text)
    }

    /// Merges the fetched branch into HEAD (`--no-edit`, fast-forward when possible,
    /// journals joined by the union driver); on a conflict aborts the merge, leaving
    /// the work tree as it was, and throws. Then checks the journals the merge changed.
    /// A remote history unrelated to the local one is joined only as `refuseUnrelated`
    /// allows; what the merge did is checked (`refuseRewrites`) before anything else.
    func merge(_ tracking: Tracking?, from upstream: Upstream, started: String?, into report: inout SyncReport) throws(SyncError) {
        guard let tracking else { return }
        let before = try head()
        var unrelated = false
        if let before {
            if before == tracking.commit { return }
            if try isAncestor(tracking.commit, of: before) { return }
            unrelated = try refuseUnrelated(tracking, head: before, started: started)
        }
        report.upToDate = false
        let merged = try git.run(["merge", "--no-edit", "--ff"] + (unrelated ? ["--allow-unrelated-histories"] : [])
                                 + ["-m", "ladder sync: merge \(tracking.name)", tracking.commit])
        guard merged.succeeded else {
            let unmerged = try git.run(["diff", "--name-only", "-z", "--diff-filter=U"]).fields
            let stopped = try mergeInProgress()
            if !unmerged.isEmpty || stopped {
                let aborted = try git.run(["merge", "--abort"])
                guard aborted.succeeded else { throw .gitFailed(command: "merge --abort", detail: aborted.problem) }
            }
            if !unmerged.isEmpty { throw .mergeConflict(folder.path, upstream: tracking.name, files: unmerged.map(Safe.text)) }
            throw .mergeFailed(folder.path, upstream: tracking.name, detail: merged.problem)
        }
        guard let after = try head() else { return }
        try refuseRewrites(before: before, after: after, tracking: tracking, remote: upstream.remote)
        let base: String
        if let before { base = before } else { base = try emptyTree() }
        let pulled = try changes([base, after], in: ["people", "profiles"])
        if !pulled.isEmpty { report.pulled = pulled }
        report.warnings += try newProblems(in: pulled, before: before)
    }

    /// Problems in the journals a merge changed that were not there before it (a line
    /// that is not an event, conflict markers), as warnings.
    func newProblems(in changes: ChangeSummary, before: String?) throws(SyncError) -> [String] {
        let store = Store(folder: folder)
        var warnings: [String] = []
        for person in changes.people {
            guard let id = PersonID(String(person.path.dropFirst("people/".count).dropLast(".jsonl".count))) else { continue }
            let now: Journal
            do throws(StoreError) { now = try store.journal(for: id) } catch { throw .store(error.message) }
            guard !now.problems.isEmpty else { continue }
            var old: [String: Int] = [:]
            if let before, try hasFile(before, person.path) {
                for problem in try journal(atBlob: before + ":" + person.path, file: folder.journalPath(for: id)).problems {
                    old[problem.message + "\n" + (problem.excerpt ?? ""), default: 0] += 1
                }
            }
            for problem in now.problems {
                let key = problem.message + "\n" + (problem.excerpt ?? "")
                if let count = old[key], count > 0 { old[key] = count - 1; continue }
                let marker = problem.excerpt.map { Self.isConflictMarker(Array($0.utf8)[...]) } ?? false
                warnings.append(problem.headline + (marker ? " (a git conflict marker: delete this line)" : ""))
            }
        }
        return warnings
    }

    /// Refuses to push journals that gained conflict-marker lines since the remote's
    /// branch: markers are never sent to the other side.
    func refuseConflictMarkers(since tracking: Tracking?) throws(SyncError) {
        guard let head = try head() else { return }
        let base: String
        if let tracking { base = tracking.commit } else { base = try emptyTree() }
        let changed = try git.require(["diff", "--name-only", "-z", "--no-renames", base, head, "--", "people"]).fields
        var places: [String] = []
        for path in changed where ChangeSummary.personID(ofPath: path) != nil {
            let lines = try conflictMarkerLines(head, path)
            let before = try conflictMarkerLines(base, path).count
            if lines.count > before { places += lines.map { "\(Safe.text(path)):\($0)" } }
        }
        if !places.isEmpty { throw .conflictMarkers(folder.path, places: places) }
    }

    /// True when HEAD has commits the remote's branch lacks.
    func hasCommitsToPush(since tracking: Tracking?) throws(SyncError) -> Bool {
        guard try head() != nil else { return false }
        guard let tracking else { return true }
        let count = try git.require(["rev-list", "--count", tracking.commit + "..HEAD"]).text
        return (Int(count) ?? 1) > 0
    }

    /// Pushes HEAD to the upstream branch. A rejection is returned (the caller pulls
    /// and retries); any other failure throws.
    func push(_ upstream: Upstream) throws(SyncError) -> (succeeded: Bool, problem: String) {
        let pushed = try git.run(["push", "--porcelain", upstream.remote, "HEAD:" + upstream.mergeRef])
        if pushed.succeeded { return (true, "") }
        // --porcelain: one line per ref, `!` and `[rejected] (reason)` or `[remote rejected] (reason)`.
        let rejections = pushed.text.split(separator: "\n").filter { $0.hasPrefix("!") && $0.contains("rejected") }
        guard !rejections.isEmpty else {
            throw .pushFailed(folder.path, remote: Safe.text(upstream.remote), detail: pushed.problem)
        }
        let reasons = rejections.compactMap { $0.split(separator: "\t").last.map(String.init) }
        let remoteSaid = pushed.stderr.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("remote:") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return (false, Safe.text((reasons + remoteSaid).joined(separator: " / ")))
    }

    // MARK: Small queries

    func head() throws(SyncError) -> String? {
        let head = try git.run(["rev-parse", "-q", "--verify", "HEAD^{commit}"])
        return head.succeeded && !head.text.isEmpty ? head.text : nil
    }

    func isAncestor(_ commit: String, of other: String) throws(SyncError) -> Bool {
        try git.run(["merge-base", "--is-ancestor", commit, other]).status == 0
    }

    func mergeInProgress() throws(SyncError) -> Bool {
        let path = try git.require(["rev-parse", "--git-path", "MERGE_HEAD"]).text
        return access(path.hasPrefix("/") ? path : folder.path + "/" + path, F_OK) == 0
    }

    /// The empty tree's id (for diffs against "nothing yet"), in this repository's hash.
    func emptyTree() throws(SyncError) -> String {
        try git.require(["hash-object", "-t", "tree", "--stdin"]).text
    }

    /// True when the commit has a file at `path`.
    func hasFile(_ commit: String, _ path: String) throws(SyncError) -> Bool {
        try git.run(["cat-file", "-e", commit + ":" + path]).succeeded
    }

    /// The journal in a blob (`COMMIT:PATH`), read as a stream.
    func journal(atBlob spec: String, file: String) throws(SyncError) -> Journal {
        try git.streaming(["cat-file", "blob", spec]) { fd throws(SyncError) in
            var reader = Journal.Reader(file: file)
            var lines = JournalLines()
            do throws(StoreError) { try lines.readAll(fd, path: spec) { reader.add($0) } } catch { throw .store(error.message) }
            return reader.journal
        }
    }

    /// 1-based numbers of the lines of a file at a commit that are git conflict
    /// markers (none when it has no such file), read as a stream.
    func conflictMarkerLines(_ commit: String, _ path: String) throws(SyncError) -> [Int] {
        guard try hasFile(commit, path) else { return [] }
        return try git.streaming(["cat-file", "blob", commit + ":" + path]) { fd throws(SyncError) in
            var numbers: [Int] = []
            var lines = JournalLines()
            do throws(StoreError) {
                try lines.readAll(fd, path: path) { line in
                    if Self.isConflictMarker(line.bytes) { numbers.append(line.number) }
                }
            } catch { throw .store(error.message) }
            return numbers
        }
    }

    /// True for `<<<<<<<`, `|||||||`, `=======` and `>>>>>>>` lines (never a journal
    /// event, which starts with `{`).
    static func isConflictMarker(_ line: ArraySlice<UInt8>) -> Bool {
        for marker in ["<<<<<<<", "|||||||", "=======", ">>>>>>>"] where line.starts(with: Array(marker.utf8)) {
            return true
        }
        return false
    }
}
