/// Where a report (Markdown or JSON) goes as it is written: kept whole
/// (`MarkdownReport.render(_:)`, `PrettyJSON.string`), or written to a file (stdout
/// for `ladder report`) 64 KB at a time, so a report of a long journal is never held
/// whole.
public struct TextOutput {
    /// How many bytes are gathered before a write.
    static let chunkBytes = 64 * 1024

    /// What is written and not sent yet (everything, when kept whole).
    var bytes: [UInt8] = []
    private let file: (descriptor: Int32, name: String)?
    /// The first write that failed; nothing is written after it.
    private var failure: StoreError?

    /// Keeps everything written (`text` has it).
    public init() { file = nil }

    /// Writes to an open file descriptor; `name` says which in an error, e.g. "standard output".
    public init(fileDescriptor: Int32, name: String) {
        file = (fileDescriptor, name)
        bytes.reserveCapacity(Self.chunkBytes + 4096)
    }

    /// Everything written, for output kept whole.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `text` and a newline.
    mutating func line(_ text: String) {
        write(text)
        bytes.append(0x0A)
        sendIfFull()
    }

    /// Sends what is gathered once it is a chunk.
    mutating func sendIfFull() {
        if bytes.count >= Self.chunkBytes { send() }
    }

    /// A piece of a line (`line` ends it).
    mutating func write(_ text: String) {
        // A native string's bytes copied at once, not one by one through its iterator.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Writes what is left; throws the first write that failed.
    public mutating func finish() throws(StoreError) {
        send()
        if let failure { throw failure }
    }

    private mutating func send() {
        guard let file else { return }
        defer { bytes.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        do {
            try SafeFile.writeAll(file.descriptor, bytes, path: file.name)
        } catch {
            failure = error
        }
    }
}
