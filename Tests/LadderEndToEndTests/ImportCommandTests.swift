import Foundation
import LadderTestSupport
import Testing

/// `ladder import` through the built binary: the page from a file or standard input,
/// the profile written privately, an existing profile kept unless `--force`.
@Suite struct ImportCommandTests {
    let home: String

    init() throws { home = try TestSupport.makeTempFolder("ladder-import") }

    @Test func importsFromStandardInputAndKeepsAnExistingProfile() throws {
        defer { TestSupport.removeFolder(home) }
        let page = try String(contentsOf: TestSupport.seedPage, encoding: .utf8)
        let first = try TestSupport.ladder(["import", "-"], home: home, input: page)
        #expect(first.status == 0, "\(first.stderr)")
        let path = home + "/profiles/serverless-functions.yaml"
        #expect(first.stdout.contains("Wrote \(path)"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try TestSupport.ladder(["import", TestSupport.seedPage.path], home: home)
        #expect(again.status == 1)
        #expect(again.stderr == "ladder import: \(path) already exists; pass --force to overwrite it, or -o to write elsewhere\n")
        #expect(try TestSupport.ladder(["import", "--force", TestSupport.seedPage.path], home: home).status == 0)
    }

    @Test func aFolderOrAMissingPageIsOneClearLine() throws {
        defer { TestSupport.removeFolder(home) }
        let folder = try TestSupport.ladder(["import", home], home: home)
        #expect(folder.status == 1)
        #expect(folder.stderr == "ladder import: \(home) is a folder; pass the page's text file\n")
        let missing = try TestSupport.ladder(["import", home + "/nope.txt"], home: home)
        #expect(missing.status == 1)
        #expect(missing.stderr == "ladder import: cannot read \(home)/nope.txt: no such file\n")
    }
}
