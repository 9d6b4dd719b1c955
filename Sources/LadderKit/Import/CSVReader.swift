/// A spreadsheet saved as CSV, split into rows of fields, each field with the line
/// and column where it starts (for `file:line:column` messages).
public struct CSVTable: Equatable, Sendable {
    /// One cell: its text (quotes removed, doubled quotes undone) and where it starts.
    public struct Field: Equatable, Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// Every row in file order, blank rows included (as one empty field).
    public var rows: [[Field]]
    /// The separator the file uses: `,` or `;`.
    public var separator: Character
}

/// Reads CSV (RFC 4180) as spreadsheet programs save it: an optional UTF-8 BOM, CRLF
/// or LF line ends, `,` or `;` as the separator (the one after `role` in the column
/// header row), quoted fields with doubled quotes and line breaks inside. A quote
/// inside an unquoted field is kept as text, as spreadsheets do.
///
/// Hostile input is refused quickly and in one pass over the bytes: at most
/// `maxRows` rows, `maxFields` fields a row and `maxFieldBytes` bytes a field; the
/// caller caps the file's size. Pure: reads no files.
public enum CSVReader {
    public static let maxRows = 20_000
    public static let maxFields = 64
    public static let maxFieldBytes = 16_000

    /// Splits the bytes of a CSV file; `file` names it in errors.
    public static func read(_ bytes: [UInt8], file: String) throws(PageImportError) -> CSVTable {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let body = bytes[start...]
        let valid = PageText.validPrefix(body)
        if valid < body.count {
            let (line, column) = ProfileFile.position(ofByte: valid, in: Array(body))
            throw PageImportError(file: file, line: line, column: column, message: "the file is not UTF-8 text",
                                  hint: "save the sheet as \"CSV UTF-8\" (in LibreOffice: character set Unicode (UTF-8))")
        }
        let separator = detectSeparator(body)
        return try Splitter(bytes: body, separator: separator, file: file).split()
    }

    /// `;` when the column header row (the first line starting with `role`) has `;`
    /// right after it, else `,`.
    static func detectSeparator(_ bytes: ArraySlice<UInt8>) -> Character {
        var lineStart = true
        var index = bytes.startIndex
        let role = Array("role".utf8)
        while index < bytes.endIndex {
            let byte = bytes[index]
            if lineStart {
                var probe = index
                if probe < bytes.endIndex, bytes[probe] == quote { probe += 1 }
                let word = bytes[probe..<min(probe + 4, bytes.endIndex)].map { $0 | 0x20 }
                if word == role {
                    probe += 4
                    if probe < bytes.endIndex, bytes[probe] == quote { probe += 1 }
                    if probe < bytes.endIndex, bytes[probe] == semicolon || bytes[probe] == comma {
                        return bytes[probe] == semicolon ? ";" : ","
                    }
                }
            }
            lineStart = byte == newline
            index += 1
        }
        return ","
    }

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// The one-pass state machine that splits the bytes into rows of fields.
    struct Splitter {
        let bytes: ArraySlice<UInt8>
        let separator: UInt8
        let file: String

        init(bytes: ArraySlice<UInt8>, separator: Character, file: String) {
            self.bytes = bytes
            self.separator = separator == ";" ? semicolon : comma
            self.file = file
        }

        func split() throws(PageImportError) -> CSVTable {
            var rows: [[CSVTable.Field]] = []
            var row: [CSVTable.Field] = []
            var field: [UInt8] = []
            var line = 1, column = 1
            var fieldLine = 1, fieldColumn = 1
            var inQuotes = false, closedQuote = false, atFieldStart = true
            var index = bytes.startIndex

            func fail(_ message: String, _ hint: String? = nil) -> PageImportError {
                PageImportError(file: file, line: line, column: column, message: message, hint: hint)
            }
            func endField() throws(PageImportError) {
                if row.count >= maxFields {
                    throw PageImportError(file: file, line: fieldLine, column: fieldColumn,
                                          message: "a row has more than \(maxFields) fields; a profile's sheet has five columns")
                }
                row.append(CSVTable.Field(text: String(decoding: field, as: UTF8.self), line: fieldLine, column: fieldColumn))
                field.removeAll(keepingCapacity: true)
                inQuotes = false; closedQuote = false; atFieldStart = true
            }
            func endRow() throws(PageImportError) {
                try endField()
                if rows.count >= maxRows {
                    throw PageImportError(file: file, line: line, message: "the sheet has more than \(maxRows) rows; a profile has far fewer")
                }
                rows.append(row)
                row.removeAll(keepingCapacity: true)
            }

            while index < bytes.endIndex {
                let byte = bytes[index]
                let first = atFieldStart
                if first { fieldLine = line; fieldColumn = column; atFieldStart = false }
                var consumed = 1
                var loneCarriageReturn = false
                if inQuotes {
                    if byte == quote {
                        if index + 1 < bytes.endIndex, bytes[index + 1] == quote {
                            field.append(quote)
                            consumed = 2
                        } else {
                            inQuotes = false
                            closedQuote = true
                        }
                    } else if byte == carriageReturn, index + 1 < bytes.endIndex, bytes[index + 1] == newline {
                        field.append(newline) // a line break inside a field: CRLF becomes LF
                        consumed = 2
                    } else {
                        field.append(byte)
                    }
                } else if byte == separator {
                    try endField()
                } else if byte == newline || byte == carriageReturn {
                    if byte == carriageReturn {
                        if index + 1 < bytes.endIndex, bytes[index + 1] == newline { consumed = 2 } else { loneCarriageReturn = true }
                    }
                    try endRow()
                } else if closedQuote {
                    throw fail("text after the closing quote of a field",
                               "put the whole field in quotes and double every quote inside it (\"\"), as spreadsheets do")
                } else if byte == quote && first {
                    inQuotes = true
                } else {
                    field.append(byte)
                }
                if field.count > maxFieldBytes {
                    throw PageImportError(file: file, line: fieldLine, column: fieldColumn,
                                          message: "a field of more than \(maxFieldBytes) bytes; an expectation may have at most \(PageImporter.maxSentence) characters")
                }
                for offset in 0..<consumed {
                    let b = bytes[index + offset]
                    if b == newline || loneCarriageReturn {
                        line += 1; column = 1
                    } else if b != carriageReturn, b & 0xC0 != 0x80 {
                        column += 1
                    }
                }
                index += consumed
            }
            if inQuotes {
                throw PageImportError(file: file, line: fieldLine, column: fieldColumn,
                                      message: "a quoted field is never closed",
                                      hint: "add the closing quote (\") at the end of the field")
            }
            if !row.isEmpty || !field.isEmpty || closedQuote { try endRow() }
            return CSVTable(rows: rows, separator: separator == semicolon ? ";" : ",")
        }
    }
}
