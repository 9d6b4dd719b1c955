import CellGrid
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the text of a skill page for `PageImporter`: a regular file, or standard
/// input when the page is named `-`. Either way more than `maxBytes` is refused
/// without reading it all (a file by its size, before it is opened for reading;
/// standard input after `maxBytes + 1` bytes), so `/dev/zero` or a huge file cannot
/// fill memory. Files go through `SafeFile.contents`, the same checks as every file
/// Ladder reads.
public enum PageFile {
    /// The name that means standard input.
    public static let standardInput = "-"
    /// A skill page's text is a few kilobytes; this is far more than any page.
    public static let maxBytes = 1 << 20

    /// How the page is named in messages and in the profile's problems: `<stdin>`
    /// for standard input, else the path as given.
    public static func displayName(_ page: String) -> String {
        page == standardInput ? "<stdin>" : page
    }

    /// What is read, for messages: a skill page's text or a sheet saved as CSV.
    public enum Kind: Sendable {
        case page, sheet

        var file: String { self == .page ? "the page's text file" : "the sheet saved as CSV" }
        var size: String { self == .page ? "the text of a skill page is a few kilobytes" : "a profile's sheet is a few kilobytes" }
    }

    /// The page's bytes. Errors say what to pass instead: a missing file, a folder,
    /// anything but a regular file, a page over `maxBytes`.
    public static func read(_ page: String, kind: Kind = .page) throws(StoreError) -> [UInt8] {
        if page == standardInput { return try readStandardInput(kind) }
        var info = stat()
        if stat(page, &info) == 0 {
            // Checked here only for the clearer message; SafeFile checks again on the open file.
            if SafeFile.isFolder(info) {
                throw StoreError("\(Safe.text(page)) is a folder; pass \(kind.file)")
            }
            if SafeFile.isRegular(info) && info.st_size > maxBytes { throw tooLarge(page, kind) }
        }
        let bytes: [UInt8]?
        do {
            bytes = try SafeFile.contents(of: page, limit: maxBytes)
        } catch {
            throw StoreError("\(error.message); pass \(kind.file), or - to read it from standard input")
        }
        guard let bytes else { throw StoreError("cannot read \(Safe.text(page)): no such file") }
        return bytes
    }

    /// The pages a name stands for: a folder's `*.txt` files (sorted, hidden ones left
    /// out), or the name itself (a file, `-`, or a missing path whose error `read` gives).
    public static func expand(_ page: String) -> [String] {
        var info = stat()
        guard page != standardInput, stat(page, &info) == 0, SafeFile.isFolder(info), let dir = opendir(page) else { return [page] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".txt") && !name.hasPrefix(".") { names.append(name) }
        }
        guard !names.isEmpty else { return [page] } // `read` says it is a folder
        let folder = page.hasSuffix("/") ? String(page.dropLast()) : page
        return names.sorted().map { folder + "/" + $0 }
    }

    /// Standard input up to `maxBytes`; one byte more is refused.
    static func readStandardInput(_ kind: Kind) throws(StoreError) -> [UInt8] {
        let data: Data?
        do {
            data = try FileHandle.standardInput.read(upToCount: maxBytes + 1)
        } catch {
            throw StoreError("cannot read standard input: \(Safe.text(String(String(describing: error).prefix(120))))")
        }
        let bytes = data.map { [UInt8]($0) } ?? []
        guard bytes.count <= maxBytes else { throw tooLarge(standardInput, kind) }
        return bytes
    }

    static func tooLarge(_ page: String, _ kind: Kind) -> StoreError {
        let shown = page == standardInput ? "standard input" : Safe.text(page)
        return StoreError("\(shown) holds more than \(maxBytes) bytes; \(kind.size)")
    }
}
