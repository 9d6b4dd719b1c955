/// Key names as tmux `send-keys` spells them, turned into input events, so a
/// scripted session (`ladder snapshot --keys`) reads like one typed in tmux.
public enum KeyNames {
    static let named: [String: Key] = [
        "Enter": .enter, "Escape": .escape, "Space": .character(" "), "Tab": .tab, "BTab": .backTab,
        "BSpace": .backspace, "DC": .delete, "Up": .up, "Down": .down, "Left": .left, "Right": .right,
        "Home": .home, "End": .end, "PPage": .pageUp, "PageUp": .pageUp, "NPage": .pageDown, "PageDown": .pageDown,
    ]

    /// Space-separated names; `C-x` is Ctrl-x, `F1`…`F12` function keys, and any
    /// other word is typed character by character.
    public static func parse(_ script: String) -> [InputEvent] {
        var events: [InputEvent] = []
        for word in script.split(separator: " ", omittingEmptySubsequences: true) {
            let word = String(word)
            if let key = named[word] {
                events.append(.key(key))
            } else if word.count == 3, word.hasPrefix("C-"), let letter = word.last, letter.isLetter {
                events.append(.key(.control(Character(letter.lowercased()))))
            } else if word.hasPrefix("F"), let number = Int(word.dropFirst()), (1...12).contains(number) {
                events.append(.key(.function(number)))
            } else {
                events += word.map { .key(.character($0)) }
            }
        }
        return events
    }
}
