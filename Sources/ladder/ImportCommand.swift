import ArgumentParser
import CellGrid
import Foundation
import LadderKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ladder import PAGE`: turns a skill page's text into a profile file.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a skill page's text into a profile file.",
        discussion: """
        PAGE is the page's text as a browser shows it (select all, copy, save to a file), \
        or - to read it from standard input. The page's own counts (roles, levels, \
        mandatory and optional cells) are checked; whatever the page does not decide \
        for sure is refused with a message saying what to pass. By default the profile \
        is written to your profiles folder as <id>.yaml; an existing file is kept \
        unless you pass --force.
        """)

    @Argument(help: "The skill page's text: a file, or - for standard input.")
    var page: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the profile; - prints it (default: <data>/profiles/<id>.yaml).", valueName: "file"))
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("The level names, lowest first, separated by commas (needed unless the page has the usual five levels from Junior to Principal).", valueName: "names"))
    var levels: String?

    @Option(name: .customLong("role"), help: ArgumentHelp("A role's exact name, for rows whose name the page does not decide. Repeat it: every role in row order, or only the unclear ones.", valueName: "name"))
    var roles: [String] = []

    func run() throws {
        do {
            try importPage()
        } catch let error as PageImportError {
            try fail(error.description)
        } catch let error as StoreError {
            try fail(error.message)
        } catch let error as ImportCommandError {
            try fail(error.message)
        }
    }

    /// Prints the message to standard error and ends with exit code 1.
    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("ladder import: \(message)\n".utf8))
        throw ExitCode(1)
    }

    private func importPage() throws {
        let source = page == "-" ? "<stdin>" : page
        let bytes = try readPage()
        let profile = try PageImporter.import(bytes: bytes, file: source,
                                              levels: levels.map(LevelNames.split), roles: roles)
        let yaml = try PageImporter.yaml(for: profile, file: source)
        if output == "-" {
            print(yaml, terminator: "")
            FileHandle.standardError.write(Data((ImportSummary.render(profile, source: source, destination: nil) + "\n").utf8))
            return
        }
        let destination: String
        if let output {
            destination = output
        } else {
            destination = try DataFolder.resolve().profilesPath + "/\(profile.id).yaml"
        }
        var stats = stat()
        if lstat(destination, &stats) == 0 {
            if stats.st_mode & S_IFMT == S_IFDIR {
                throw ImportCommandError("\(Safe.text(destination)) is a folder; pass -o with a file name, e.g. -o \(Safe.text(destination))/\(profile.id).yaml")
            }
            if !force {
                throw ImportCommandError("\(Safe.text(destination)) already exists; pass --force to overwrite it, or -o to write elsewhere")
            }
        }
        try SafeFile.writeAtomically(Array(yaml.utf8), to: destination)
        print(ImportSummary.render(profile, source: source, destination: destination))
        guard output == nil else { return }
        if ProfileLibrary.bundled().profiles.contains(where: { $0.id == profile.id }) {
            print("It takes the place of the bundled profile with the same id.")
        }
        if let role = profile.roles.first, let level = profile.levels.first {
            let shown = Safe.text(level)
            print("Track it: ladder track \(profile.id) --role \(role.id) --level \(shown.contains(" ") ? "\"\(shown)\"" : shown)")
        }
    }

    /// The page's bytes, from the file or standard input, refusing more than a
    /// page could hold (so `/dev/zero` or a huge file is refused, not read forever).
    private func readPage() throws -> [UInt8] {
        let limit = 1 << 20
        let fd: Int32
        if page == "-" {
            fd = 0
        } else {
            fd = open(page, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
                throw ImportCommandError("cannot read \(Safe.text(page)): \(reason)")
            }
        }
        defer { if fd != 0 { close(fd) } }
        var stats = stat()
        if fstat(fd, &stats) == 0, stats.st_mode & S_IFMT == S_IFDIR {
            throw ImportCommandError("\(Safe.text(page)) is a folder; pass the page's text file")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportCommandError("cannot read \(Safe.text(page == "-" ? "standard input" : page)): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        if bytes.count > limit {
            throw ImportCommandError("\(Safe.text(page == "-" ? "standard input" : page)) holds more than \(limit) bytes; the text of a skill page is a few kilobytes")
        }
        return bytes
    }
}

/// A problem of the import command itself (files, folders), reported as is.
struct ImportCommandError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
