/// The page's table: one block of rows per level, in level order, each opened by a
/// `Role Required Description` line, each row one role's cell for that level.
///
/// The table ends at the `Community` section (or the page's other footer lines)
/// or at the end of the text. Blank lines inside it are ignored.
struct PageTable: Equatable {
    struct Block: Equatable {
        /// The line of its `Role Required Description`.
        let headerLine: Int
        var rows: [PageText.Line]
    }

    var blocks: [Block]

    /// Reads the blocks from the page's lines, starting at the first table header.
    static func parse(_ lines: ArraySlice<PageText.Line>, file: String) throws(PageImportError) -> PageTable {
        var blocks: [Block] = []
        var reachedFooter = false
        for line in lines where !line.text.isEmpty {
            if isHeader(line.text) {
                blocks.append(Block(headerLine: line.number, rows: []))
            } else if isFooter(line.text) {
                reachedFooter = true
                break
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].rows.append(line)
            }
        }
        // A page cut short ends in the middle of a row; a whole row ends a sentence.
        if !reachedFooter, let last = blocks.last?.rows.last, !endsSentence(last.text) {
            throw PageImportError(file: file, line: last.number,
                                  message: "the page ends in the middle of a row (\(Quote.page(String(last.text.suffix(40))))): it looks cut short",
                                  hint: "copy the whole page, down to its 'Community' section, and import that")
        }
        return PageTable(blocks: blocks)
    }

    /// Whether text ends with a sentence's final punctuation (then any closing
    /// quotes or brackets).
    static func endsSentence(_ text: String) -> Bool {
        var core = Substring(text)
        while let last = core.last, Sentences.closers.contains(last) { core = core.dropLast() }
        return core.last.map { ".!?…。！？".contains($0) } ?? false
    }

    static func isHeader(_ text: String) -> Bool {
        PageWords.fold(text).lowercased() == "role required description"
    }

    /// The first line below the table on the page, or one of the lines the page's
    /// footer is known to show.
    static func isFooter(_ text: String) -> Bool {
        text == "Community" || text.contains("Suggest Change") || text.hasPrefix("No proposals yet")
            || text.hasPrefix("Loading comments")
    }
}
