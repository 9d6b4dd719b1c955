/// Makes text from files safe to show on a terminal: nothing in it can move the
/// cursor, change colours, set the window title or reorder the line.
///
/// C0 controls, DEL and C1 controls are shown visibly (`^[`, `^?`, `<9B>`), tabs
/// become a space, line breaks become `⏎` (use `lines` to keep them), bidi
/// controls and zero-width characters other than ZWJ are removed.
public enum Safe {
    public static func text(_ input: String) -> String {
        if input.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return input } // fast path: printable ASCII
        var out = String.UnicodeScalarView()
        for scalar in input.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x0A, 0x0D: out.append("⏎")
            case 0x00..<0x20: out.append("^"); out.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case 0x80..<0xA0:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: "<\(hex)>".unicodeScalars)
            case 0x200B, 0x200C, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C,
                 0x202A...0x202E, 0x2066...0x2069:
                continue // zero-width and bidi controls: dropped
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` for each line of a multi-line input.
    public static func lines(_ input: String) -> [String] {
        input.split(separator: "\n", omittingEmptySubsequences: false).map { text(String($0)) }
    }
}
