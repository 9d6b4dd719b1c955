import CellGrid
import Foundation

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "sh", file]
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw Failure(message: "could not start the editor (\(Safe.text(editor))): \(error.localizedDescription); set VISUAL or EDITOR, or give the text on the command line")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failure(message: "the editor (\(Safe.text(editor))) did not finish cleanly (status \(process.terminationStatus)); nothing was written")
        }
        guard let saved = FileManager.default.contents(atPath: file), saved.count <= 64_000 else {
            throw Failure(message: "the note could not be read back, or is over 64,000 bytes; nothing was written")
        }
        return text(of: String(decoding: saved, as: UTF8.self))
    }

    /// The text of a saved file: `#` lines left out, lines joined with spaces.
    public static func text(of saved: String) -> String {
        saved.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
