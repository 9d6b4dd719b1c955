/// How Ladder turns names into ids: profile, role and person ids are slugs of the
/// name; expectation ids are short hashes of where the expectation first stood.
public enum Identifier {
    /// Lowercase letters and digits of the name (any script), words joined by `-`.
    /// Never empty, never contains `/`, `.` or control characters, at most 64 characters.
    public static func slug(_ name: String, fallback: String = "unnamed") -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || (p.numericType != nil && scalar.isASCII) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
            if out.count >= 64 { break }
        }
        return out.isEmpty ? fallback : out
    }

    /// A six-hex-digit id for an expectation, from its role, level and text.
    public static func expectation(role: String, level: String, text: String) -> String {
        let hash = fnv1a64("\(role)\u{1F}\(level)\u{1F}\(text)")
        let hex = String(hash & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// FNV-1a, 64 bit: stable across runs and platforms (unlike `Hasher`).
    public static func fnv1a64(_ text: String) -> UInt64 {
        FNV1a.of(text.utf8)
    }
}
