import Foundation
import Yams

/// A pass over a profile's bytes before Yams sees them, for what composing itself
/// cannot survive: aliases (refused) and a nesting depth too deep for a small stack
/// (then the file is composed on a thread with a large stack). Both are bounds from
/// above: a false alarm costs a refusal or a thread, never a crash.
enum Prescan {
    /// Files whose nesting may exceed this are composed on a large stack.
    static let inlineDepth = 100

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2D
    }

    /// The byte offset of the first `*name` whose name some `&name` defines, or nil.
    /// libyaml's anchor names are runs of `[0-9A-Za-z_-]`, so every real alias of a
    /// real anchor is found (and, rarely, text such as "R&D … *D" too).
    static func alias(in bytes: [UInt8]) -> Int? {
        var anchors = Set<ArraySlice<UInt8>>()
        var aliases: [(offset: Int, name: ArraySlice<UInt8>)] = []
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            guard byte == 0x26 || byte == 0x2A else { i += 1; continue } // & or *
            var j = i + 1
            while j < count && isNameByte(bytes[j]) { j += 1 }
            if j > i + 1 {
                if byte == 0x26 { anchors.insert(bytes[(i + 1)..<j]) } else { aliases.append((i, bytes[(i + 1)..<j])) }
            }
            i = j
        }
        guard !anchors.isEmpty else { return nil }
        return aliases.first { anchors.contains($0.name) }?.offset
    }

    /// An upper bound on the nesting depth of the YAML in `bytes`. Flow collections
    /// each need a `[` or `{`; block collections nest at increasing columns (a
    /// sequence may share its parent mapping's column), and each starts where a line's
    /// indentation and leading indicators (`- `, `? `, `: `, `---`, tags, anchors) end.
    static func depthBound(of bytes: [UInt8]) -> Int {
        var flowOpens = 0
        var maxLead = 0
        var i = 0
        let count = bytes.count
        func isBlank(_ at: Int) -> Bool { at >= count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) }
        while i < count {
            var j = i
            var column = 0
            while j < count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1; column += 1 }
            while j < count {
                let byte = bytes[j]
                if (byte == 0x2D || byte == 0x3F || byte == 0x3A) && isBlank(j + 1) {
                    j += 1; column += 1
                } else if byte == 0x2D && j + 2 < count && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x2D && isBlank(j + 3) {
                    j += 3; column += 3
                } else if byte == 0x21 || byte == 0x26 { // a tag or an anchor before the node
                    while !isBlank(j) { j += 1; column += 1 }
                } else {
                    break
                }
                while j < count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1; column += 1 }
            }
            maxLead = max(maxLead, column)
            while j < count && bytes[j] != 0x0A {
                if bytes[j] == 0x5B || bytes[j] == 0x7B { flowOpens += 1 }
                j += 1
            }
            i = j + 1
        }
        return flowOpens + 2 * (maxLead + 1) + 2
    }
}
