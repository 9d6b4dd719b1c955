import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// Reading a skill page's text for `ladder import`: the checks every file gets,
/// with messages that say what to pass instead.
@Suite struct PageFileTests {
    let folder: String

    init() throws { folder = try TestSupport.makeTempFolder("ladder-page") }

    func message(_ page: String) -> String? {
        do {
            _ = try PageFile.read(page)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func readsARegularFile() throws {
        defer { TestSupport.removeFolder(folder) }
        let path = folder + "/page.txt"
        try "Skill Profile\nServerless\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try PageFile.read(path) == Array("Skill Profile\nServerless\n".utf8))
        #expect(PageFile.displayName(path) == path)
        #expect(PageFile.displayName("-") == "<stdin>")
    }

    @Test func aFolderIsAClearError() {
        defer { TestSupport.removeFolder(folder) }
        #expect(message(folder) == "\(folder) is a folder; pass the page's text file")
    }

    @Test func aMissingFileIsAClearError() {
        defer { TestSupport.removeFolder(folder) }
        #expect(message(folder + "/nope.txt") == "cannot read \(folder)/nope.txt: no such file")
    }

    @Test func aDeviceIsRefused() {
        defer { TestSupport.removeFolder(folder) }
        #expect(message("/dev/zero")?.contains("it is not a regular file") == true)
    }

    /// A sparse file of 4 GB: reading it would take seconds and gigabytes; its size
    /// alone refuses it.
    @Test func anOverSizePageIsRefusedBeforeReadingIt() throws {
        defer { TestSupport.removeFolder(folder) }
        let path = folder + "/huge.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        let start = Date()
        #expect(message(path) == "\(path) holds more than \(PageFile.maxBytes) bytes; the text of a skill page is a few kilobytes")
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func aPageOfExactlyTheLimitIsRead() throws {
        defer { TestSupport.removeFolder(folder) }
        let path = folder + "/full.txt"
        try Data(repeating: 0x41, count: PageFile.maxBytes).write(to: URL(fileURLWithPath: path))
        #expect(try PageFile.read(path).count == PageFile.maxBytes)
        try Data(repeating: 0x41, count: PageFile.maxBytes + 1).write(to: URL(fileURLWithPath: path))
        #expect(message(path)?.hasSuffix("holds more than \(PageFile.maxBytes) bytes; the text of a skill page is a few kilobytes") == true)
    }
}
