import CellGrid

/// Quoting page text in messages.
enum Quote {
    /// `'text'`, made safe and cut to `limit` characters with `…`.
    static func page(_ text: String, limit: Int = 48) -> String {
        let safe = Safe.text(text)
        let cut = safe.count > limit ? String(safe.prefix(limit - 1)) + "…" : safe
        return "'\(cut)'"
    }

    /// `'a', 'b' or 'c'`.
    static func alternatives(_ items: [String], limit: Int = 48) -> String {
        let quoted = items.map { page($0, limit: limit) }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
    }
}
