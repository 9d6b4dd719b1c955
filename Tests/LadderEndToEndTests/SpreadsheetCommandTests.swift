import Foundation
import LadderTestSupport
import Testing

/// `ladder export` and `ladder import FILE.csv` through the built binary: a profile
/// out to a spreadsheet and back, written only through Ladder's checks.
@Suite struct SpreadsheetCommandTests: TempHomeSuite {
    let home: String

    init() throws { home = try TestSupport.makeTempFolder("ladder-sheets") }

    @Test func exportThenImportGivesTheSameProfile() throws {
        defer { TestSupport.removeFolder(home) }
        let sheet = home + "/serverless.csv"
        let export = try ladder("export", "serverless-functions", "--format", "csv", "-o", sheet)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "Wrote \(sheet) (Serverless Functions as csv)\n")
        let mode = try FileManager.default.attributesOfItem(atPath: sheet)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try ladder("export", "serverless-functions", "-o", sheet)
        #expect(again.status != 0)
        #expect(again.stderr.contains("\(sheet) already exists; pass --force to overwrite it"))
        #expect(try ladder("export", "serverless-functions", "-o", sheet, "--force").status == 0)

        let imported = try ladder("import", sheet)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported Serverless Functions (serverless-functions) from \(sheet)"))
        let written = try String(contentsOfFile: home + "/profiles/serverless-functions.yaml", encoding: .utf8)
        let bundled = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Profiles/serverless-functions.yaml"), encoding: .utf8)
        #expect(written == bundled)
        #expect(try ladder("import", sheet).stderr.contains("already exists; pass --force"))
        let yaml = try ladder("export", "serverless-functions", "--format", "yaml")
        #expect(yaml.stdout == bundled)
    }

    @Test func markdownIsAnEscapedPage() throws {
        defer { TestSupport.removeFolder(home) }
        let sheet = home + "/hostile.csv"
        let text = "name,Hostile\nupdated,2026-01-02\nrole,level,required,expectation\n"
            + "Ops,Junior,true,\"Uses *stars* | pipes \u{1B}]0;pwned\u{07} <b>tags</b>\"\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: sheet))
        #expect(try ladder("import", sheet).status == 0)
        let markdown = try ladder("export", "hostile", "--format", "markdown")
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Hostile\n"))
        #expect(markdown.stdout.contains("| Role | Junior |\n|---|---|\n| Ops | **Required** (1) |"))
        #expect(markdown.stdout.contains("- Uses \\*stars\\* \\| pipes ^\\[\\]0;pwned^G \\<b\\>tags\\</b\\>"), "\(markdown.stdout)")
        #expect(!markdown.stdout.contains("\u{1B}"))
    }

    @Test func aBrokenSheetIsOneMessageAndWritesNothing() throws {
        defer { TestSupport.removeFolder(home) }
        let sheet = home + "/broken.csv"
        try Data("name,X\nupdated,2026-01-02\nrole,level,required,expectation\nOps,Junior,perhaps,Does it.\n".utf8)
            .write(to: URL(fileURLWithPath: sheet))
        let output = try ladder("import", sheet)
        #expect(output.status == 1)
        #expect(output.stderr == "ladder import: \(sheet):4:12: required must be true or false (also yes/no, Required/empty), not 'perhaps'\n")
        #expect(!FileManager.default.fileExists(atPath: home + "/profiles/x.yaml"))
        let pageOptions = try ladder("import", sheet, "--levels", "A,B")
        #expect(pageOptions.stderr.contains("--levels and --role are for pages"))
        let huge = home + "/huge.csv"
        try Data(count: (1 << 20) + 1).write(to: URL(fileURLWithPath: huge))
        #expect(try ladder("import", huge).stderr.contains("a profile's sheet is a few kilobytes"))
    }
}
