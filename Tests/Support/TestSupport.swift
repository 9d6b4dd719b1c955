import Foundation

/// Helpers shared by the test targets: temporary data folders, running the built
/// `ladder` binary, and finding the repository's files. Not part of the app.
public enum TestSupport {
    /// The repository root (found from this file's path).
    public static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed skill page (a copy of the workplace's `shared/pages/serverless-functions.page.txt`,
    /// kept with the tests so a clean clone tests on its own).
    public static var seedPage: URL {
        repoRoot.appendingPathComponent("Tests/LadderKitTests/Fixtures/pages/serverless-functions.page.txt")
    }

    /// A new empty folder under the system's temp folder; remove it with `removeFolder`.
    public static func makeTempFolder(_ label: String = "ladder-test") throws -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return path
    }

    public static func removeFolder(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The `ladder` executable built beside the test binary.
    public static var ladderBinary: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("ladder").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repoRoot.appendingPathComponent(".build/debug/ladder").path
    }

    /// What a finished process left behind.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the built `ladder` with arguments and an environment (`LADDER_HOME` etc.),
    /// feeding `input` on stdin; waits for it to finish.
    @discardableResult
    public static func ladder(_ arguments: [String], home: String, environment: [String: String] = [:],
                              input: String? = nil) throws -> Output {
        var env = ["LADDER_HOME": home, "PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
                   "SWIFT_BACKTRACE": "enable=no"]
        for (key, value) in environment { env[key] = value }
        return try run(ladderBinary, arguments, environment: env, input: input)
    }

    /// Runs any program and collects its output.
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                           input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
