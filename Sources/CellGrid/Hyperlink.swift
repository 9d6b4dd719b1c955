/// A span of one row that links to a web address: a terminal that knows OSC 8 makes
/// it clickable. Only addresses `Hyperlink.checked` accepts are ever kept, so the
/// bytes sent to the terminal are Ladder's, never a profile's raw text.
public struct Hyperlink: Equatable, Sendable {
    public let x: Int
    public let y: Int
    public let width: Int
    /// The checked address: `http` or `https`, printable ASCII only.
    public let target: String

    /// The address made safe to put inside an escape sequence, or nil when it is not
    /// an `http`/`https` address. Bytes outside printable ASCII (controls, spaces,
    /// non-ASCII letters) are percent-encoded, so nothing can end the sequence early
    /// or start another one; an address longer than 2,048 bytes is refused.
    public static func checked(_ address: String) -> String? {
        let lower = address.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        var safe = ""
        for byte in address.utf8 {
            if byte > 0x20 && byte < 0x7F {
                safe.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                safe += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return safe.utf8.count <= 2_048 ? safe : nil
    }

    static let opening: Set<String> = ["(", "<", "[", "\"", "'"]
    static let closing: Set<String> = [".", ",", ";", ":", "!", "?", ")", ">", "]", "}", "\"", "'"]

    /// The `http`/`https` addresses written in free text (a note of evidence): each
    /// word that starts with one, without the punctuation that ends a sentence or
    /// closes brackets around it.
    public static func addresses(in text: String) -> [String] {
        guard mayHoldAddress(text) else { return [] } // most notes: every frame reads them
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).compactMap { word in
            var word = Substring(word)
            while let first = word.first, opening.contains(String(first)) { word = word.dropFirst() }
            let lower = word.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
            while let last = word.last, closing.contains(String(last)) { word = word.dropLast() }
            return word.count > 8 ? String(word) : nil
        }
    }
}

/// True when `text` has `://` somewhere, as every address has: told by its bytes.
private func mayHoldAddress(_ text: String) -> Bool {
    func scan(_ bytes: some Collection<UInt8>) -> Bool {
        var colon = false, slashes = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/"), colon {
                slashes += 1
                if slashes == 2 { return true }
                continue
            }
            colon = byte == UInt8(ascii: ":")
            slashes = 0
        }
        return false
    }
    return text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
}

extension Canvas {
    /// Makes every word drawn on the canvas that is a piece of one of `addresses` a
    /// link to that whole address: a URL wrapped over several rows is several pieces,
    /// each a link. A piece counts when it is the whole address, or at least 8
    /// columns long with a character only addresses have (`:/?#&=%`), so a plain
    /// word that happens to be in an address is never made a link.
    public mutating func linkAddresses(_ addresses: [String]) {
        let targets = addresses.compactMap { address in Hyperlink.checked(address).map { (address, $0) } }
        guard !targets.isEmpty else { return }
        let marks = Set(":/?#&=%")
        for y in 0..<height {
            var x = 0
            while x < width {
                guard !self[x, y].text.isEmpty, self[x, y].text != " " else {
                    x += 1
                    continue
                }
                var end = x
                while end < width, self[end, y].text != " " { end += 1 }
                let next = end
                // Brackets and a sentence's punctuation around an address are not part of it.
                while x < end, Hyperlink.opening.contains(self[x, y].text) { x += 1 }
                while end > x, Hyperlink.closing.contains(self[end - 1, y].text) { end -= 1 }
                let text = (x..<end).map { self[$0, y].text }.joined()
                let candidate = text.count >= 8 && text.contains(where: { marks.contains($0) })
                if let target = targets.first(where: { $0.0 == text || (candidate && $0.0.contains(text)) }) {
                    links.append(Hyperlink(x: x, y: y, width: end - x, target: target.1))
                }
                x = next
            }
        }
    }
}
