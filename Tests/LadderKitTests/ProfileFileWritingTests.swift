import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// Writing a profile file (`ladder import`'s output): private, atomic, and never
/// over an existing file or a folder unless asked.
@Suite struct ProfileFileWritingTests {
    let folder: String

    init() throws { folder = try TestSupport.makeTempFolder("ladder-profile-write") }

    func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func writesAPrivateFile() throws {
        defer { TestSupport.removeFolder(folder) }
        let path = folder + "/tiny.yaml"
        try ProfileFile.write("id: tiny\n", id: "tiny", to: path, replacing: false)
        #expect(contents(path) == "id: tiny\n")
        #expect(try mode(path) == 0o600)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left == ["tiny.yaml"], "no temp file is left behind")
    }

    @Test func refusesToOverwriteWithoutBeingAsked() throws {
        defer { TestSupport.removeFolder(folder) }
        let path = folder + "/tiny.yaml"
        try "mine\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: StoreError("\(path) already exists; pass --force to overwrite it, or -o to write elsewhere")) {
            try ProfileFile.write("id: tiny\n", id: "tiny", to: path, replacing: false)
        }
        #expect(contents(path) == "mine\n")
        try ProfileFile.write("id: tiny\n", id: "tiny", to: path, replacing: true)
        #expect(contents(path) == "id: tiny\n")
        #expect(try mode(path) == 0o600)
    }

    @Test func refusesAFolder() throws {
        defer { TestSupport.removeFolder(folder) }
        #expect(throws: StoreError("\(folder) is a folder; pass -o with a file name, e.g. -o \(folder)/tiny.yaml")) {
            try ProfileFile.write("id: tiny\n", id: "tiny", to: folder, replacing: true)
        }
    }

    @Test func theDefaultPlaceIsTheProfilesFolder() {
        defer { TestSupport.removeFolder(folder) }
        #expect(ProfileFile.path(for: "tiny", in: DataFolder(path: folder)) == folder + "/profiles/tiny.yaml")
    }
}
