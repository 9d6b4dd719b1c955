/// Splits a description into its sentences, each one expectation.
///
/// The text is cut only between words, so the sentences joined with single spaces
/// give back the input with its runs of white space folded to single spaces (the
/// importer relies on this and checks it).
///
/// A sentence ends after a word ending in `.`, `!`, `?` or `…` (optionally followed
/// by closing quotes or brackets) when the next word does not start with a
/// lower-case letter or with punctuation that continues a sentence (`,;:)]}-–—%`).
/// A period does not end a sentence after:
/// - a known abbreviation ("e.g.", "i.e.", "vs.", "approx.", "напр.", …; "etc."
///   and "т.д." do end one before a word that starts with a capital or a digit),
/// - dotted initials ("U.S.", "a.m.") or a single capital letter ("J. Smith"),
/// - a list number that opens the sentence ("1. Deploys …").
/// A period inside a word ("Node.js", "0.5", "99.9%") is not at a word's end, so it
/// never ends one. A word ending in a CJK full stop (`。！？`) always ends one;
/// CJK sentences not separated by a space stay together, since cutting inside a
/// word would change the text.
public enum Sentences {
    /// Words that end with a period but do not end a sentence (lower-cased).
    static let abbreviations: Set<String> = [
        "e.g.", "i.e.", "vs.", "cf.", "approx.", "incl.", "esp.", "resp.", "excl.", "min.", "max.",
        "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "no.", "nos.", "fig.", "al.", "ca.", "ph.d.",
        "inc.", "ltd.", "co.", "corp.", "jr.", "sr.", "e.", "i.", "a.k.a.", "w.r.t.", "viz.", "sec.",
        "напр.", "см.", "стр.", "англ.", "z.b.", "bzw.", "ggf.", "usw.",
    ]
    /// Abbreviations that end a sentence when a capital or a digit follows ("etc.").
    static let closingAbbreviations: Set<String> = ["etc.", "т.д.", "т.п.", "usw."]

    static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»", "}"]
    static let openers: Set<Character> = ["\"", "'", "“", "‘", "(", "[", "«", "{"]
    static let continuations: Set<Character> = [",", ";", ":", ")", "]", "}", "-", "–", "—", "%"]

    public static func split(_ text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var sentences: [String] = []
        var current: [String] = []
        for (index, word) in words.enumerated() {
            current.append(word)
            guard index + 1 < words.count else { break }
            let next = words[index + 1]
            if endsWithCJKStop(word) || endsSentence(word, before: next, opensSentence: current.count == 1) {
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

    /// Whether a sentence ends after `word`, given the word that follows it.
    /// `opensSentence` is true when `word` is the first word of its sentence.
    static func endsSentence(_ word: String, before next: String, opensSentence: Bool = false) -> Bool {
        var core = Substring(word)
        while let last = core.last, closers.contains(last) { core = core.dropLast() }
        guard let stop = core.last, ".!?…".contains(stop) else { return false }
        guard let first = next.first else { return false }
        if first.isLowercase || continuations.contains(first) { return false }
        if stop == "." {
            // Strip opening punctuation so "(e.g." is recognised.
            let bare = String(core.drop(while: { openers.contains($0) }))
            let lower = bare.lowercased()
            if closingAbbreviations.contains(lower) { return first.isUppercase || first.isNumber }
            if abbreviations.contains(lower) { return false }
            if isDottedInitials(bare) { return false }
            if opensSentence, bare.dropLast().allSatisfy(\.isNumber), bare.count > 1 { return false }
        }
        return true
    }

    /// "J.", "U.S.", "a.m.": single letters each followed by a period.
    static func isDottedInitials(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.last?.isEmpty == true else { return false }
        let letters = parts.dropLast()
        guard letters.allSatisfy({ $0.count == 1 && $0.first?.isLetter == true }) else { return false }
        // A single lower-case letter is a unit or a word ("0.5 s."), not an initial.
        if letters.count == 1, letters.first?.first?.isUppercase != true { return false }
        return true
    }
}
