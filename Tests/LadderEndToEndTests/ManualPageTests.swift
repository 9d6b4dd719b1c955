import Foundation
import LadderTestSupport
import Testing

/// The man page in `docs/man/ladder.1` (made by swift-argument-parser's
/// generate-manual plugin) covers every command `ladder --help` lists and renders.
@Suite struct ManualPageTests {
    static let path = TestSupport.repoRoot.appendingPathComponent("docs/man/ladder.1").path

    @Test func theManPageHasEveryCommand() throws {
        let home = try TestSupport.makeTempFolder("ladder-man")
        defer { TestSupport.removeFolder(home) }
        let page = try String(contentsOfFile: Self.path, encoding: .utf8)
        let help = try TestSupport.ladder(["--help"], home: home).stdout
        let commands = help.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.allSatisfy { $0.isLowercase || $0 == "-" } } ?? []
        #expect(commands.count >= 20 && commands.contains("export") && commands.contains("version"), "\(commands)")
        for command in commands where command != "help" {
            #expect(page.contains("\n.It Em \(command)\n"), "docs/man/ladder.1 lacks \(command): regenerate it (see README)")
        }
    }
}
