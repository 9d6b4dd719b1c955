/// Makes text from files safe to show on a terminal: nothing in it can move the
/// cursor, change colours, set the window title, write the clipboard or reorder the
/// line.
///
/// C0 controls, DEL and C1 controls are shown visibly (`^[`, `^?`, `<9B>`), tabs
/// become a space, line breaks (also U+2028/U+2029) become `⏎` (use `lines` to keep
/// them), bidi controls and other invisible format characters (zero-width spaces,
/// word joiners, tag characters, the BOM) are removed. ZWJ stays: it joins emoji.
public enum Safe {
    public static func text(_ input: String) -> String {
        if TextWidth.printableASCII(input) { return input } // fast path
        if input.unicodeScalars.allSatisfy(isKept) { return input } // nothing to replace or drop
        var out = String.UnicodeScalarView()
        out.reserveCapacity(input.utf8.count)
        for scalar in input.unicodeScalars {
            switch scalar.value {
            case 0x09: out.append(" ")
            case 0x0A, 0x0D, 0x2028, 0x2029: out.append("⏎")
            case 0x00..<0x20: out.append("^"); out.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case 0x80..<0xA0:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: "<\(hex)>".unicodeScalars)
            case 0x200D: out.append(scalar) // zero-width joiner: part of emoji sequences
            default:
                if isInvisibleControl(scalar) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` keeps a scalar as it is.
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F: return true
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029: return false
        case 0x200D: return true
        default: return !isInvisibleControl(scalar)
        }
    }

    /// `text` for each line of a multi-line input.
    public static func lines(_ input: String) -> [String] {
        input.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { text(String(String.UnicodeScalarView($0))) }
    }

    /// Bidi controls, zero-width and other format characters (Unicode category Cf),
    /// which change how a line looks without being seen.
    public static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0xAD: return false // the first format character is the soft hyphen
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        default:
            return scalar.properties.generalCategory == .format
        }
    }

    /// Whether JSON output writes `scalar` as a `\uXXXX` escape though JSON does not
    /// require it: every character `text` would alter that JSON does not already
    /// escape (DEL, C1 controls, line and paragraph separators, invisible format
    /// characters but ZWJ). The data stays exact for a program reading it, and
    /// nothing reaches a terminal raw.
    public static func jsonEscapes(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && !isKept(scalar) // JSON escapes the C0 controls itself
    }
}
