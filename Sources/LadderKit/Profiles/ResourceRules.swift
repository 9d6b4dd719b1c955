import CellGrid

/// What a resource in a profile must be: a short title and an `http` or `https` URL
/// of printable characters. Profiles are shared and untrusted, so a `javascript:`,
/// `file:` or `data:` link, or one hiding control or bidi characters, is refused when
/// the profile is read, by `ladder validate`, the library and the CSV import alike.
public enum ResourceRules {
    public static let maxTitleLength = 300
    public static let maxURLLength = 2_000

    /// The first broken rule in a list of resources: which one, which field, and why.
    public static func problem(in resources: [Resource]) -> (index: Int, field: String, message: String)? {
        for (index, resource) in resources.enumerated() {
            if let message = titleProblem(resource.title) { return (index, "title", message) }
            if let message = urlProblem(resource.url) { return (index, "url", message) }
        }
        return nil
    }

    /// Why a title cannot be shown, or nil when it is fine.
    public static func titleProblem(_ title: String) -> String? {
        let length = title.unicodeScalars.count
        if ProfileRules.isBlank(title, .whitespaces) { return "a resource needs a title" }
        if length > maxTitleLength { return "resource title is \(length) characters; at most \(maxTitleLength) allowed" }
        if let bad = title.unicodeScalars.first(where: isControl) {
            return "resource title contains a control character (\(codePoint(bad))); remove it"
        }
        return nil
    }

    /// Why a URL cannot be offered as a link, or nil when it is a plain http(s) URL.
    public static func urlProblem(_ url: String) -> String? {
        let length = url.unicodeScalars.count
        if length > maxURLLength { return "resource url is \(length) characters; at most \(maxURLLength) allowed" }
        // Printable ASCII only: anything else in a URL is percent-encoded (%20, %C3%A9).
        if let bad = url.unicodeScalars.first(where: { !(0x21...0x7E).contains($0.value) }) {
            let what = bad == " " ? "a space" : isControl(bad) ? "a control or invisible character" : "a character that is not plain ASCII"
            return "resource url contains \(what) (\(codePoint(bad))); percent-encode it (e.g. %20) or remove it"
        }
        let lower = url.lowercased()
        guard let colon = lower.firstIndex(of: ":") else {
            return "resource url '\(ProfileFile.short(url))' has no scheme; write it as https://…"
        }
        let scheme = String(lower[..<colon])
        guard scheme == "http" || scheme == "https" else {
            return "resource url scheme '\(ProfileFile.short(Safe.text(scheme)))' is not allowed; only http and https links are"
        }
        let rest = lower[lower.index(after: colon)...]
        guard rest.hasPrefix("//"), let host = rest.dropFirst(2).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first,
              !host.isEmpty else {
            return "resource url '\(ProfileFile.short(url))' has no host; write it as \(scheme)://host/path"
        }
        return nil
    }

    /// C0, DEL, C1, and the bidi and zero-width characters `Safe` would hide.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || Safe.isInvisibleControl(scalar)
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
