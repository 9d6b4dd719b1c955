/// Splits a description into its sentences, each one expectation.
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by a closing quote or
/// bracket) when white space and then an upper-case letter, a digit or an opening
/// quote or bracket follow, unless the word before is a known abbreviation
/// ("e.g.", "i.e.", "vs.", …). A period inside a token ("Node.js", "0.5") never
/// ends a sentence, and neither does one before a lower-case word. CJK full stops
/// (`。！？`) always end one. Sentences joined with single spaces give back the
/// input with its runs of white space folded to single spaces.
public enum Sentences {
    /// Words that end with a period but do not end a sentence (lower-cased).
    static let abbreviations: Set<String> = [
        "e.g.", "i.e.", "vs.", "cf.", "approx.", "incl.", "esp.", "etc.", "resp.",
        "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "no.", "nos.", "fig.", "al.", "ca.",
        "inc.", "ltd.", "co.", "corp.", "jr.", "sr.", "e.", "i.", "u.s.", "a.k.a.", "w.r.t.",
    ]

    public static func split(_ text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var sentences: [String] = []
        var current: [String] = []
        for (index, word) in words.enumerated() {
            current.append(word)
            let next = index + 1 < words.count ? words[index + 1] : nil
            if endsWithCJKStop(word) || (next.map { endsSentence(word, before: $0) } ?? false) {
                sentences.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current.joined(separator: " ")) }
        return sentences
    }

    static func endsWithCJKStop(_ word: String) -> Bool {
        guard let last = word.last else { return false }
        return "。！？".contains(last)
    }

    static func endsSentence(_ word: String, before next: String) -> Bool {
        var core = Substring(word)
        while let last = core.last, "\"'”’)]»".contains(last) { core = core.dropLast() }
        guard let stop = core.last, ".!?".contains(stop) else { return false }
        if stop == "." {
            // Strip opening punctuation so "(e.g." is recognised.
            let bare = core.drop(while: { "\"'“‘([«".contains($0) }).lowercased()
            if abbreviations.contains(bare) { return false }
            // A single letter with a period is an initial ("J. Smith").
            if bare.count == 2, bare.first?.isLetter == true { return false }
        }
        guard let first = next.first else { return false }
        return first.isUppercase || first.isNumber || "\"'“‘([«".contains(first)
            || (first.isLetter && !first.isLowercase && !first.isUppercase) // scripts without case
    }
}
