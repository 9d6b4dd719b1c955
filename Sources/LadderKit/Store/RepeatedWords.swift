/// Texts a journal repeats line after line (skill ids, role and level names, the
/// expectation words a tick carries) kept once while it is read: a repeated one is
/// handed out again, with no new buffer and no second UTF-8 check, and what compares
/// it later finds one value (`String.isSameValue`). Short texts are held inline by
/// `String` and cost nothing to make, so only longer ones are kept; a note or an id,
/// different on every line, is never offered.
struct RepeatedWords {
    /// Texts up to this many bytes are held inline by `String`: not kept.
    static let inlineBytes = 15
    /// Longer texts are not kept (an expectation's words are a sentence or two).
    static let longestBytes = 1024
    /// Kept texts at most: past it, new texts are made each time (memory stays bounded
    /// whatever a journal holds).
    static let mostWords = 50_000

    private var words: [String] = []
    private var places = KeyTable()

    /// The text of `bytes`, valid UTF-8 (ASCII when `ascii`), the one kept when it was
    /// read before; nil when the bytes are not UTF-8.
    mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        guard bytes.count > Self.inlineBytes, bytes.count <= Self.longestBytes else { return Self.make(bytes, ascii: ascii) }
        let raw = UnsafeRawBufferPointer(bytes)
        let hash = KeyTable.hash(raw)
        let found = places.find(hash: hash) { place in
            words[place].withBytes { KeyTable.same(UnsafeRawBufferPointer($0), raw) }
        }
        if let found { return words[found] }
        guard let word = Self.make(bytes, ascii: ascii) else { return nil }
        if words.count < Self.mostWords {
            places.add(words.count, hash: hash)
            words.append(word)
        }
        return word
    }

    static func make(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }
}
