import CellGrid

/// Why `ladder sync` stopped, with what to do about it. Every case says what state the
/// data folder was left in; the ones found before anything was written say nothing
/// changed.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `git` on PATH or in the usual places.
    case gitMissing
    /// The data folder does not exist yet.
    case noFolder(String)
    /// The data folder is not a git work tree; `detail` is git's own words, if any.
    case notARepository(String, detail: String?)
    /// The data folder is a subfolder of another repository's work tree.
    case insideAnotherRepository(String, top: String)
    /// A merge, rebase, cherry-pick or revert was left half done.
    case operationInProgress(String, operation: String)
    /// HEAD is not on a branch.
    case detachedHead(String)
    /// The repository has no remote. `unborn`: it has no commit yet either.
    case noRemote(String, branch: String, unborn: Bool)
    /// There are remotes, but the branch tracks none of them.
    case noUpstream(String, branch: String, remotes: [String], unborn: Bool)
    /// `git fetch` failed (network, access, a missing repository).
    case fetchFailed(String, remote: String, detail: String)
    /// The merge stopped on conflicts in these files; it was aborted.
    case mergeConflict(String, upstream: String, files: [String])
    /// The merge failed for another reason; git's words.
    case mergeFailed(String, upstream: String, detail: String)
    /// The remote's history shares no commit with the local one; joining it needs
    /// `ladder sync --allow-unrelated` (except on a folder's first sync).
    case unrelatedHistory(String, upstream: String)
    /// A merge removed journal lines or brought in a link, a submodule or a file
    /// outside `people/` and `profiles/`; it was undone (`undone`) and nothing pushed.
    /// `places`: which commit of which remote did what, and how to inspect it.
    case historyRewritten(String, upstream: String, places: [String], undone: Bool)
    /// Lines of conflict markers that a push would send, as `file:line`.
    case conflictMarkers(String, places: [String])
    /// The remote refused the push, also after pulling again.
    case pushRejected(String, remote: String, branch: String, detail: String)
    /// The push failed (network, access).
    case pushFailed(String, remote: String, detail: String)
    /// Any other git command failed.
    case gitFailed(command: String, detail: String)
    /// The data folder's lock or a file in it.
    case store(String)

    public var description: String { message }

    /// The message for the user: what happened, what state the folder is in, what to do.
    public var message: String {
        switch self {
        case .gitMissing:
            return """
            git is not installed (not found on PATH, nor in /usr/bin or /usr/local/bin); \
            ladder sync shares the data folder through git. Install git (e.g. apt install git, \
            or xcode-select --install on macOS) and run ladder sync again. Nothing was changed.
            """
        case .noFolder(let data):
            return """
            the data folder \(quote(data)) does not exist yet. To share records that someone already \
            pushed, clone their repository there: git clone URL \(quote(data)). Nothing was changed.
            """
        case .notARepository(let data, let detail):
            let d = quote(data)
            return """
            the data folder \(d) is not a git repository, so there is nothing to sync\
            \(detail.map { " (git says: \($0))" } ?? ""). Either make it one, connected to a \
            shared repository (an empty one is fine):
              git -C \(d) init -b main
              git -C \(d) remote add origin URL
              git -C \(d) commit --allow-empty -m 'Start sharing Ladder data'
              git -C \(d) push -u origin HEAD
            or, to use records someone already pushed, clone them into an empty data folder:
              git clone URL \(d)
            then run ladder sync again. Nothing was changed.
            """
        case .insideAnotherRepository(let data, let top):
            return """
            the data folder \(quote(data)) is inside the git repository at \(quote(top)), not a \
            repository of its own; ladder sync only commits, pulls and pushes a data folder that is \
            its own repository. Make it one (git -C \(quote(data)) init) or point LADDER_HOME at a \
            clone of the shared repository. Nothing was changed.
            """
        case .operationInProgress(let data, let operation):
            return """
            a git \(operation) is in progress in \(quote(data)). Finish it, or undo it with \
            git -C \(quote(data)) \(operation) --abort, then run ladder sync again. Nothing was changed.
            """
        case .detachedHead(let data):
            return """
            \(quote(data)) is not on a branch (detached HEAD), so there is no branch to share. \
            Switch to one: git -C \(quote(data)) switch main (or: git -C \(quote(data)) switch -c main), \
            then run ladder sync again. Nothing was changed.
            """
        case .noRemote(let data, let branch, let unborn):
            return """
            \(quote(data)) has no remote to share with. Add the shared repository (an empty one \
            is fine) and connect branch \(branch) to it:
              git -C \(quote(data)) remote add origin URL
            \(firstCommitHint(data, unborn: unborn))  git -C \(quote(data)) push -u origin HEAD
            then run ladder sync again. Nothing was changed.
            """
        case .noUpstream(let data, let branch, let remotes, let unborn):
            let remote = remotes.contains("origin") ? "origin" : (remotes.first ?? "origin")
            let d = quote(data)
            let existing = unborn
                ? "git -C \(d) config branch.\(branch).remote \(remote) && git -C \(d) config branch.\(branch).merge refs/heads/\(branch)"
                : "git -C \(d) fetch \(remote) && git -C \(d) branch -u \(remote)/\(branch)"
            return """
            branch \(branch) of \(d) tracks no remote branch, so ladder sync does not know where to \
            pull from and push to (remotes: \(remotes.joined(separator: ", "))). Connect it once, if \
            \(remote) is still empty:
            \(firstCommitHint(data, unborn: unborn))  git -C \(d) push -u \(remote) HEAD
            or, if \(remote) already has the shared records on branch \(branch):
              \(existing)
            then run ladder sync again. Nothing was changed.
            """
        case .fetchFailed(let data, let remote, let detail):
            return """
            could not fetch from \(remote): \(detail)
            Check the connection and your access (git -C \(quote(data)) fetch \(remote)), then run \
            ladder sync again. Nothing was changed.
            """
        case .mergeConflict(let data, let upstream, let files):
            let shown = files.prefix(10).joined(separator: ", ") + (files.count > 10 ? " and \(files.count - 10) more" : "")
            return """
            merging \(upstream) stopped on conflicts in \(shown). The merge was aborted: the files \
            are as they were, and your changes stay committed in \(quote(data)); nothing was pushed. \
            Journals merge line by line, so this is a file both sides changed (a profile, or \
            .gitattributes/.gitignore). To resolve it by hand:
              git -C \(quote(data)) pull --no-rebase    (then edit the files named above, \
            git -C \(quote(data)) add them and git -C \(quote(data)) commit)
            and run ladder sync again.
            """
        case .mergeFailed(let data, let upstream, let detail):
            return """
            could not merge \(upstream): \(detail)
            Your changes stay committed in \(quote(data)); nothing was pushed. Fix what git names \
            and run ladder sync again.
            """
        case .unrelatedHistory(let data, let upstream):
            return """
            \(upstream) has a history unrelated to the one in \(quote(data)) (no commit in common): it \
            may be another person's or another team's records. Nothing was merged or pushed. If \
            \(upstream) is the right shared repository, join the two histories once with: \
            ladder sync --allow-unrelated
            """
        case .historyRewritten(let data, let upstream, let places, let undone):
            let shown = places.prefix(10).joined(separator: "\n  ") + (places.count > 10 ? "\n  and \(places.count - 10) more" : "")
            return """
            merging \(upstream) would break what Ladder promises: journals only grow, and the data \
            folder holds only regular files in people/ and profiles/.
              \(shown)
            \(undone ? "The merge was undone: your branch is back where it was" : "Your branch had no commit to go back to; check it with git -C \(quote(data)) status") \
            and nothing was pushed. Ask whoever pushed that commit to restore the lines (git revert \
            COMMIT) or to remove the link, then run ladder sync again.
            """
        case .conflictMarkers(let data, let places):
            let shown = places.prefix(10).joined(separator: ", ") + (places.count > 10 ? " and \(places.count - 10) more" : "")
            return """
            journals in \(quote(data)) hold git conflict markers (<<<<<<<, =======, >>>>>>>) at \
            \(shown); they are not events, Ladder skips them. Nothing was pushed, so they do not \
            spread. Delete those lines (every event around them is kept), check that .gitattributes \
            has the line  people/*.jsonl merge=union , and run ladder sync again.
            """
        case .pushRejected(let data, let remote, let branch, let detail):
            return """
            \(remote) rejected the push to \(branch), also after pulling again and retrying: \(detail)
            Your changes are committed in \(quote(data)) and merged with what \(remote) had; they will \
            go out with the next ladder sync. If it keeps failing, check that the branch is not \
            protected and that you may push: git -C \(quote(data)) push \(remote) HEAD:\(branch)
            """
        case .pushFailed(let data, let remote, let detail):
            return """
            could not push to \(remote): \(detail)
            Your changes are committed in \(quote(data)); they will go out with the next ladder sync. \
            Check the connection and your access (git -C \(quote(data)) push).
            """
        case .gitFailed(let command, let detail):
            return "git \(command) failed: \(detail)"
        case .store(let message):
            return message
        }
    }

    private func quote(_ path: String) -> String {
        let safe = Safe.text(path)
        return safe.contains(where: { $0 == " " || $0 == "'" || $0 == "$" || $0 == "\"" || $0 == "\\" })
            ? "'" + safe.replacingOccurrences(of: "'", with: "'\\''") + "'" : safe
    }

    /// The extra first step when the branch has no commit yet (`push HEAD` needs one).
    private func firstCommitHint(_ data: String, unborn: Bool) -> String {
        unborn ? "  git -C \(quote(data)) commit --allow-empty -m 'Start sharing Ladder data'\n" : ""
    }
}
