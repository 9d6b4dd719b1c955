import CellGrid
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a long text in the user's own editor, as `git commit` does: `$VISUAL`, else
/// `$EDITOR`, else `vi`, run through `/bin/sh` (so `code --wait` works) on a private
/// temporary file that starts with `template`; lines starting with `#` are left out.
public enum TextEditor {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// The editor command to run: `$VISUAL`, then `$EDITOR`, then `vi`.
    public static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Opens `template` in the editor and returns what was saved, without `#` lines
    /// and surrounding blank lines, as one paragraph (line breaks become spaces: a note
    /// is one line in the journal). The temporary file is removed whatever happens.
    public static func edit(_ template: String, environment: [String: String]) throws(Failure) -> String {
        let folder = NSTemporaryDirectory()
        var path = Array((folder + (folder.hasSuffix("/") ? "" : "/") + "ladder-note-XXXXXX.txt").utf8CString)
        let fd = mkstemps(&path, 4)  // 0600, a name nobody else can take
        guard fd >= 0 else { throw Failure(message: "could not create a temporary file in \(Safe.text(folder)) for the editor") }
        let file = String(cString: path)
        defer { unlink(file) }
        let bytes = Array(template.utf8)
        let wrote = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard wrote == bytes.count else { throw Failure(message: "could not write the temporary file \(Safe.text(file))") }

        let editor = command(environment: environment)
        // posix_spawn, not Process: the editor must stay in our process group, in the
        // foreground of the terminal, with our stdin, stdout and stderr.
        let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "sh", file]
        let variables = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(arguments) { argv in
            withCStrings(variables) { envp in posix_spawn(&pid, "/bin/sh", nil, nil, argv, envp) }
        }
        guard spawned == 0 else {
            throw Failure(message: "could not start the editor (\(Safe.text(editor))): \(String(cString: strerror(spawned))); set VISUAL or EDITOR, or give the text on the command line")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        guard exited, (status >> 8) & 0xFF == 0 else {
            let code = exited ? "status \((status >> 8) & 0xFF)" : "signal \(status & 0x7F)"
            throw Failure(message: "the editor (\(Safe.text(editor))) did not finish cleanly (\(code)); nothing was written")
        }
        guard let saved = FileManager.default.contents(atPath: file), saved.count <= 64_000 else {
            throw Failure(message: "the note could not be read back, or is over 64,000 bytes; nothing was written")
        }
        return text(of: String(decoding: saved, as: UTF8.self))
    }

    /// What the editor opens for a note of evidence: `words` (what is written so far),
    /// then `#` lines saying which expectation it is for.
    public static func noteTemplate(_ words: String, expectation: String, skill: String, level: String) -> String {
        """
        \(words)
        # Evidence for: \(Safe.text(expectation))
        # (\(Safe.text(skill)), \(Safe.text(level))). Write what you did and where to see it.
        # Lines starting with # are left out; an empty note writes nothing.

        """
    }

    /// The text of a saved file: `#` lines left out, lines joined with spaces.
    public static func text(of saved: String) -> String {
        saved.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }  // a CR of CRLF too
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

/// Runs `body` with `strings` as a NULL-terminated C array of C strings.
private func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
