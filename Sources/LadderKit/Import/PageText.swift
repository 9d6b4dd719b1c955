/// The lines of a skill page's text, decoded and checked before anything is read
/// from them: UTF-8 (a BOM is dropped), no NUL or control characters, `\n`,
/// `\r\n` or `\r` line ends, white space trimmed at both ends of each line.
struct PageText {
    /// One line of the page with its 1-based number.
    struct Line: Equatable {
        let number: Int
        let text: String
    }

    /// A page's text is a few kilobytes; anything much larger is not one.
    static let maxBytes = 1 << 20

    let file: String
    /// Every line, blank ones included, trimmed.
    let lines: [Line]

    /// Non-blank lines, in order.
    var content: [Line] { lines.filter { !$0.text.isEmpty } }

    init(bytes: [UInt8], file: String) throws(PageImportError) {
        guard bytes.count <= Self.maxBytes else {
            throw PageImportError(file: file, message: "the file is \(bytes.count) bytes; the text of a skill page is a few kilobytes (at most \(Self.maxBytes) bytes)",
                                  hint: "pass the page's text, saved from the browser (select all, copy, paste into a file)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw PageImportError(file: file, message: "the file is UTF-16 text; Ladder reads UTF-8",
                                  hint: "save the page's text as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 PAGE > page.txt)")
        }
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if let nul = slice.firstIndex(of: 0) {
            let line = 1 + slice[..<nul].count(where: { $0 == 0x0A })
            throw PageImportError(file: file, line: line, message: "the file contains NUL bytes: it is a binary file, not the text of a skill page")
        }
        guard let text = String(validating: slice, as: UTF8.self) else {
            let line = 1 + slice[..<(slice.startIndex + Self.validPrefix(slice))].count(where: { $0 == 0x0A })
            throw PageImportError(file: file, line: line, message: "the file is not UTF-8 text (is it binary, or cut short in the middle of a character?)",
                                  hint: "pass the page's text saved as UTF-8")
        }
        try self.init(text: text, file: file)
    }

    init(text: String, file: String) throws(PageImportError) {
        self.file = file
        var lines: [Line] = []
        var number = 0
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        func finish() throws(PageImportError) {
            number += 1
            let line = String(current)
            if let bad = line.unicodeScalars.first(where: Self.isForbidden) {
                let code = "U+" + String(repeating: "0", count: max(0, 4 - String(bad.value, radix: 16).count)) + String(bad.value, radix: 16, uppercase: true)
                throw PageImportError(file: file, line: number, message: "the line contains the control character \(code); the text of a skill page has none",
                                      hint: "pass the page's text as the browser shows it, not a terminal capture or a binary file")
            }
            lines.append(Line(number: number, text: PageWords.trim(line)))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previousWasCR { previousWasCR = false; continue } // the \n of \r\n
                try finish()
            } else if scalar == "\r" {
                try finish()
                previousWasCR = true
                continue
            } else {
                current.append(scalar)
            }
            previousWasCR = false
        }
        if !current.isEmpty { try finish() }
        self.lines = lines
    }

    /// C0 controls other than tab, DEL and C1 controls.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v)
    }

    /// How many leading bytes are valid UTF-8.
    static func validPrefix(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput, .error: return offset
            }
        }
    }
}
