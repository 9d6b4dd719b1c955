import Foundation
import LadderTestSupport
import Testing

/// Shell completion of values through the generated bash script in a real bash:
/// source it, set COMP_WORDS and COMP_CWORD, call the completion function, read COMPREPLY.
@Suite struct CompletionScriptTests {
    let home: String

    init() throws { home = try TestSupport.makeTempFolder("ladder-completion") }

    /// COMPREPLY for the words (the last one is being completed).
    func complete(_ words: [String], script: String) throws -> [String] {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
            source '\(script)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _ladder ladder "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let folder = URL(fileURLWithPath: TestSupport.ladderBinary).deletingLastPathComponent().path
        let output = try TestSupport.run("/bin/bash", ["--norc", "-c", program],
                                         environment: ["PATH": "\(folder):/usr/bin:/bin", "LADDER_HOME": home, "HOME": home, "LANG": "C.UTF-8"])
        #expect(output.stderr.isEmpty, "\(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesSkillsRolesLevelsIdsAndPeople() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try TestSupport.ladder(["people", "add", "Ana Silva", "--mentee"], home: home).status == 0)
        let generated = try TestSupport.ladder(["--generate-completion-script", "bash"], home: home)
        #expect(generated.status == 0)
        let script = home + "/ladder.bash"
        try Data(generated.stdout.utf8).write(to: URL(fileURLWithPath: script))

        #expect(try complete(["ladder", "show", "serv"], script: script) == ["serverless-functions"])
        #expect(try complete(["ladder", "track", "serverless-functions", "--role", ""], script: script)
                == ["ai-product-engineer", "cloud-engineer", "infrastructure-engineer", "platform-engineer"])
        #expect(try complete(["ladder", "track", "serverless-functions", "--role", "cloud-engineer", "--level", "S"], script: script) == ["Senior"])
        #expect(try complete(["ladder", "show", "Serverless Functions", "--level", ""], script: script).count == 5)
        #expect(try complete(["ladder", "tick", "serverless-functions", "f85"], script: script) == ["f85ceb"])
        let ids = try complete(["ladder", "tick", "serverless-functions", "f85ceb", ""], script: script)
        #expect(ids.count == 61 && !ids.contains("f85ceb"), "\(ids.count)")
        #expect(try complete(["ladder", "report", "a"], script: script) == ["ana-silva"])
        #expect(try complete(["ladder", "status", "--person", ""], script: script).sorted() == ["ana-silva", "me"])
        // Silent on any error: an unknown skill offers nothing and prints nothing.
        #expect(try complete(["ladder", "track", "nope", "--role", ""], script: script) == [])
    }

    @Test func zshAndFishGetDescriptions() throws {
        defer { TestSupport.removeFolder(home) }
        let zsh = try TestSupport.ladder(["---completion", "tick", "--", "positional@1", "3", "3", "ladder", "tick", "serverless-functions", "f85"],
                                         home: home, environment: ["SAP_SHELL": "zsh"])
        #expect(zsh.stdout.hasPrefix("f85ceb:Senior: Designs infrastructure solutions with Serverless"), "\(zsh.stdout)")
        let fish = try TestSupport.ladder(["---completion", "tick", "--", "positional@1", "3", "3", "ladder", "tick", "serverless-functions", "f85"],
                                          home: home, environment: ["SAP_SHELL": "fish"])
        #expect(fish.stdout.hasPrefix("f85ceb\tSenior: Designs infrastructure"), "\(fish.stdout)")
    }
}
