import CellGrid
import Foundation

/// The `git` program run on one work tree (`git -C FOLDER …`), never interactively:
/// no terminal prompts (`GIT_TERMINAL_PROMPT=0`), no editor, stdin empty; the
/// variables that would point git at another repository (`GIT_DIR` and the like)
/// are removed.
public struct Git: Sendable {
    /// The git executable.
    public let executable: String
    /// The work tree every command runs in.
    public let folder: String
    /// Options put before every command, e.g. `-c user.name=ladder`.
    public var options: [String] = []
    let environment: [String: String]

    /// What a finished git command left: its status, stdout bytes and stderr text.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
        public var succeeded: Bool { status == 0 }
        /// stdout as text, without the final newline.
        public var text: String {
            var text = String(decoding: stdout, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        /// stdout split at NUL bytes (for `-z` output), empty parts dropped.
        public var fields: [String] {
            stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }
        /// Git's own words about a failure: the `error:`/`fatal:` lines of stderr (else
        /// all of it, else stdout), made safe to print and cut short.
        public var problem: String {
            let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("hint:") }
            let important = lines.filter { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") || $0.hasPrefix("remote:") }
            var words = (important.isEmpty ? lines : important).joined(separator: " / ")
            if words.isEmpty { words = text.split(separator: "\n").suffix(3).joined(separator: " / ") }
            if words.isEmpty { words = "exit status \(status)" }
            let safe = Safe.text(words)
            return safe.count > 400 ? String(safe.prefix(400)) + "…" : safe
        }
    }

    /// Variables that would make `git -C FOLDER` act on another repository or index.
    static let repositoryVariables: Set<String> = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    ]

    /// Git in `folder`, found with `locate`.
    public init(folder: String, environment: [String: String] = DataFolder.currentEnvironment()) throws(SyncError) {
        try self.init(executable: Git.locate(environment: environment), folder: folder, environment: environment)
    }

    public init(executable: String, folder: String, environment: [String: String]) {
        self.executable = executable
        self.folder = folder
        var env = environment.filter { !Self.repositoryVariables.contains($0.key) }
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_EDITOR"] = ":"  // git launches no editor when it is ":"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        env["GIT_LITERAL_PATHSPECS"] = "1"  // a path is a path, never a pattern
        self.environment = env
    }

    /// The git executable: the first on PATH (absolute entries only), else one of
    /// `fallbacks`; `SyncError.gitMissing` when there is none.
    public static func locate(environment: [String: String],
                              fallbacks: [String] = ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git"])
        throws(SyncError) -> String {
        let path = environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { String($0) }.filter { $0.hasPrefix("/") }.map { $0 + "/git" }
        for candidate in candidates + fallbacks where isExecutableFile(candidate) { return candidate }
        throw .gitMissing
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var stats = stat()
        guard stat(path, &stats) == 0, stats.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    /// Runs `git -C folder OPTIONS arguments` and waits for it. Fails only when git
    /// cannot be started; a git error is an `Output` with a non-zero status.
    ///
    /// Output goes to unlinked temp files, not pipes: a process git leaves behind (an
    /// ssh ControlPersist master) can hold a pipe open long after git exits.
    @discardableResult
    public func run(_ arguments: [String]) throws(SyncError) -> Output {
        let (status, out, err) = try launch(arguments)
        return Output(status: status, stdout: Self.contents(out), stderr: String(decoding: Self.contents(err), as: UTF8.self))
    }

    /// Runs a command that must succeed and whose output may be large (a journal's
    /// blob): `body` reads its stdout from a file descriptor as a stream, so the
    /// output is never whole in memory.
    func streaming<T>(_ arguments: [String], _ body: (Int32) throws(SyncError) -> T) throws(SyncError) -> T {
        let (status, out, err) = try launch(arguments)
        guard status == 0 else {
            let failed = Output(status: status, stdout: [], stderr: String(decoding: Self.contents(err), as: UTF8.self))
            throw .gitFailed(command: arguments.prefix(2).joined(separator: " "), detail: failed.problem)
        }
        lseek(out.fileDescriptor, 0, SEEK_SET)
        return try body(out.fileDescriptor)
    }

    /// Starts git, waits for it, and returns its status with its stdout and stderr
    /// in scratch files.
    private func launch(_ arguments: [String]) throws(SyncError) -> (Int32, FileHandle, FileHandle) {
        let command = arguments.first ?? ""
        guard let out = Self.scratchFile(), let err = Self.scratchFile() else {
            throw .gitFailed(command: command, detail: "could not create a temporary file in \(Safe.text(NSTemporaryDirectory()))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", folder] + options + arguments
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .gitFailed(command: command, detail: "could not start \(Safe.text(executable)): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    /// A new temp file (0600), already unlinked: it vanishes when its handle closes.
    static func scratchFile() -> FileHandle? {
        var template = Array((NSTemporaryDirectory() + "ladder-git-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // only the child's stdout/stderr copy stays open in git
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Everything written to a scratch file.
    static func contents(_ file: FileHandle) -> [UInt8] {
        lseek(file.fileDescriptor, 0, SEEK_SET)
        return Array(file.readDataToEndOfFile())
    }

    /// Runs a command that must succeed; its failure becomes `SyncError.gitFailed`.
    @discardableResult
    func require(_ arguments: [String]) throws(SyncError) -> Output {
        let output = try run(arguments)
        guard output.succeeded else {
            throw .gitFailed(command: arguments.prefix(2).joined(separator: " "), detail: output.problem)
        }
        return output
    }
}
