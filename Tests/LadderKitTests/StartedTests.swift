import Foundation
import Testing
@testable import LadderKit

/// `Started`: work run on a thread of its own, waited for once.
@Suite struct StartedTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func theWorkRunsOnceOnAnotherThreadAndItsResultComesBack() {
        let runs = Counter()
        let caller = pthread_self()
        let started = Started { () -> Bool in
            runs.add()
            return pthread_equal(pthread_self(), caller) == 0
        }
        #expect(started.wait() == true) // ran on a thread other than the caller's
        #expect(started.wait() == true)
        #expect(runs.count == 1)
    }

    @Test func aScanListsProfileFilesWithTheirStampsAndSweepsStaleTemps() throws {
        let folder = NSTemporaryDirectory() + "ladder-scan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("id: a\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.yaml"))
        try FileManager.default.createDirectory(atPath: folder + "/b.yaml", withIntermediateDirectories: false)
        try Data().write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let temp = folder + "/" + SafeFile.tempPrefix + "999999999-x"
        try Data().write(to: URL(fileURLWithPath: temp))
        let scan = ProfileFolderScan.started(folder).wait()
        #expect(scan.listed)
        var seen: [String: FileStamp?] = [:]
        for index in 0..<scan.count { seen[scan.withName(index) { String(decoding: $0, as: UTF8.self) }] = scan.stamps[index] }
        #expect(Set(seen.keys) == ["a.yaml", "b.yaml"])
        #expect(seen["a.yaml"]??.size == 6)
        #expect(seen["b.yaml"] == .some(nil)) // a folder: no stamp, so the index is not trusted
        #expect(!FileManager.default.fileExists(atPath: temp))
        #expect(!ProfileFolderScan.started(folder + "/missing").wait().listed)
    }
}
