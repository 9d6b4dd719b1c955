/// Turns the text of a skill page (the page as a browser shows it, copied into a
/// text file) into a profile, checking everything the page allows: its counts of
/// roles, levels and mandatory and optional cells, its level blocks and rows, its
/// domain and group, its date. Whatever it cannot read for sure it refuses with a
/// `PageImportError` that says which line and what to do; it never returns half a
/// profile.
///
/// Pure: no files are read or written here.
public enum PageImporter {
    /// Imports a page's bytes (UTF-8 text). `file` names the page in messages;
    /// `levels` are the level names, lowest first (`--levels`); `roles` are role
    /// names for rows whose name the page does not decide (`--role`).
    public static func `import`(bytes: [UInt8], file: String, levels: [String]? = nil, roles: [String] = []) throws(PageImportError) -> Profile {
        try importPage(PageText(bytes: bytes, file: file), levels: levels, roles: roles)
    }

    /// Imports a page's text; see `import(bytes:file:levels:roles:)`.
    public static func `import`(text: String, file: String, levels: [String]? = nil, roles: [String] = []) throws(PageImportError) -> Profile {
        try importPage(PageText(text: text, file: file), levels: levels, roles: roles)
    }

    /// The YAML text of an imported profile, checked to load back, through
    /// `ProfileFile.decode`, as the very same profile.
    public static func yaml(for profile: Profile, file: String) throws(PageImportError) -> String {
        let yaml: String
        do {
            yaml = try ProfileFile.encode(profile)
        } catch {
            throw PageImportError(file: file, message: "could not write the profile as YAML: \(String(describing: error).prefix(120))")
        }
        let loaded: Profile
        do {
            loaded = try ProfileFile.decode(Array(yaml.utf8), file: "\(profile.id).yaml")
        } catch {
            throw PageImportError(file: file, message: "the profile made from this page does not pass Ladder's checks: \(error.headline)")
        }
        guard loaded == profile else {
            throw PageImportError(file: file, message: "the profile made from this page does not read back the same from its YAML; this is a bug in Ladder, please report it")
        }
        return yaml
    }

    static func importPage(_ page: PageText, levels givenLevels: [String]?, roles givenRoles: [String]) throws(PageImportError) -> Profile {
        let file = page.file
        let content = page.content
        try checkIsSkillPage(content, file: file)
        guard let tableIndex = content.firstIndex(where: { PageTable.isHeader($0.text) }) else {
            throw PageImportError(file: file, message: "the page has no table of expectations: no 'Role Required Description' line",
                                  hint: "copy the whole page, including the table that shows each level's rows, and import that")
        }
        let tableLine = content[tableIndex].number
        let header = try PageHeader.parse(Array(content[..<tableIndex]), tableLine: tableLine, file: file)
        let table = try PageTable.parse(page.lines[(tableLine - 1)...], file: file)
        try checkShape(table, header: header, file: file)

        let rows = (0..<header.roleCount.value).map { position in
            RoleNames.Row(position: position, cells: table.blocks.map { block in
                RoleNames.Row.Cell(line: block.rows[position].number, words: PageWords.split(block.rows[position].text))
            })
        }
        let resolved = try RoleNames.resolve(rows, given: givenRoles.map(PageWords.fold), file: file)
        try checkRequiredCounts(resolved, header: header, file: file)
        let levels = try LevelNames.resolve(given: givenLevels?.map(PageWords.fold), header: header, file: file)
        let roles = try makeRoles(resolved, levels: levels, file: file)
        return Profile(id: Identifier.slug(header.name.value), name: header.name.value, keywords: header.keywords,
                       domain: header.domain.value, group: header.group.value, updated: header.updated.value,
                       levels: levels, roles: roles)
    }

    /// Refuses, with one clear message, text that is not a skill page at all.
    static func checkIsSkillPage(_ content: [PageText.Line], file: String) throws(PageImportError) {
        guard let first = content.first else {
            throw PageImportError(file: file, message: "the file is empty; expected the text of a skill page",
                                  hint: "open the skill page in a browser, select all, copy, and save the text to a file")
        }
        let markup = ["<!doctype", "<html", "<head", "<body", "<?xml", "<div", "<meta", "<script"]
        if first.text.hasPrefix("<"), let html = content.prefix(50).first(where: { line in markup.contains { line.text.lowercased().contains($0) } }) {
            throw PageImportError(file: file, line: html.number,
                                  message: "this is HTML, not the text of a skill page",
                                  hint: "open the page in a browser, select all, copy, and save the text (not the page source) to a file")
        }
        let looksLikePage = PageWords.fold(first.text).lowercased() == "skill profile"
            || content.contains { PageTable.isHeader($0.text) }
            || content.contains { PageHeader.isLabel($0.text, "Mandatory requirements") }
        if !looksLikePage {
            throw PageImportError(file: file, line: first.number,
                                  message: "this is not the text of a skill page: it has no 'Skill Profile' heading and no 'Role Required Description' table",
                                  hint: "ladder import reads a skill page's text: open the page in a browser, select all, copy, and save the text to a file")
        }
    }

    /// The page's counts of levels and roles against its table's blocks and rows.
    static func checkShape(_ table: PageTable, header: PageHeader, file: String) throws(PageImportError) {
        let levels = header.levelCount
        if table.blocks.count != levels.value {
            let lines = table.blocks.prefix(12).map { "\($0.headerLine)" }.joined(separator: ", ")
            throw PageImportError(file: file, line: levels.line,
                                  message: "the page says Levels \(levels.value), but its table has \(table.blocks.count) level block\(table.blocks.count == 1 ? "" : "s") (a 'Role Required Description' line starts each: line\(table.blocks.count == 1 ? "" : "s") \(lines)\(table.blocks.count > 12 ? ", …" : ""))",
                                  hint: "copy the whole page, with every level's block of rows")
        }
        let roles = header.roleCount
        for (index, block) in table.blocks.enumerated() where block.rows.count != roles.value {
            let hint = block.rows.count > roles.value
                ? "a row may be repeated, or a 'Role Required Description' line may be missing after line \(block.headerLine)"
                : "a row may be missing from this block, or a row may be broken over two lines"
            throw PageImportError(file: file, line: block.headerLine,
                                  message: "level block \(index + 1) of \(table.blocks.count) has \(block.rows.count) row\(block.rows.count == 1 ? "" : "s"), but the page says Roles \(roles.value) (line \(roles.line))",
                                  hint: hint)
        }
    }

    /// The page's count of mandatory (and optional) cells against the Required cells.
    static func checkRequiredCounts(_ roles: [RoleNames.Resolved], header: PageHeader, file: String) throws(PageImportError) {
        let cells = roles.reduce(0) { $0 + $1.cells.count }
        let required = roles.reduce(0) { $0 + $1.cells.count(where: \.required) }
        if required != header.mandatory.value {
            throw PageImportError(file: file, line: header.mandatory.line,
                                  message: "the page says Mandatory requirements \(header.mandatory.value), but its table marks \(required) of \(cells) cells Required",
                                  hint: "check the table's rows for a missing or extra 'Required' after a role's name")
        }
        if let optional = header.optional, optional.value != cells - required {
            throw PageImportError(file: file, line: optional.line,
                                  message: "the page says the other \(optional.value) optional, but its table has \(cells - required) of \(cells) cells not Required")
        }
    }

    /// The profile's roles: ids from names, one expectation per sentence.
    static func makeRoles(_ resolved: [RoleNames.Resolved], levels: [String], file: String) throws(PageImportError) -> [Role] {
        var roles: [Role] = []
        var usedIDs = Set<String>()
        var lineOfRole: [String: Int] = [:]
        for role in resolved {
            let id = Identifier.slug(role.name, fallback: "role")
            if let earlier = lineOfRole[id] {
                throw PageImportError(file: file, line: role.line,
                                      message: "the roles in the rows at lines \(earlier) and \(role.line) would both get the id '\(id)'; rename one on the page")
            }
            lineOfRole[id] = role.line
            var cells: [RoleLevel] = []
            for (cell, level) in zip(role.cells, levels) {
                let sentences = Sentences.split(cell.description)
                guard sentences.joined(separator: " ") == cell.description, !sentences.isEmpty else {
                    throw PageImportError(file: file, line: cell.line,
                                          message: "splitting the description into sentences would change its text; this is a bug in Ladder, please report it")
                }
                if let long = sentences.first(where: { $0.count > maxSentence }) {
                    throw PageImportError(file: file, line: cell.line,
                                          message: "a sentence of \(long.count) characters (\(Quote.page(long, limit: 32))); an expectation may have at most \(maxSentence)")
                }
                if sentences.count > maxSentencesPerCell {
                    throw PageImportError(file: file, line: cell.line,
                                          message: "the description has \(sentences.count) sentences; a cell may have at most \(maxSentencesPerCell)")
                }
                let expectations = sentences.map { text in
                    Expectation(id: uniqueID(role: id, level: level, text: text, used: &usedIDs), text: text)
                }
                cells.append(RoleLevel(level: level, required: cell.required, expectations: expectations))
            }
            roles.append(Role(id: id, name: role.name, levels: cells))
        }
        return roles
    }

    static let maxSentence = 2_000
    static let maxSentencesPerCell = 500

    /// `Identifier.expectation`, or, when that id is taken in this profile, the
    /// same hash with a counter added to the text until it is free.
    static func uniqueID(role: String, level: String, text: String, used: inout Set<String>) -> String {
        var id = Identifier.expectation(role: role, level: level, text: text)
        var counter = 1
        while used.contains(id) {
            id = Identifier.expectation(role: role, level: level, text: "\(text)\u{1F}\(counter)")
            counter += 1
        }
        used.insert(id)
        return id
    }
}
