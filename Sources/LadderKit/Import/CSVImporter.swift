/// Turns a profile kept in a spreadsheet (saved as CSV, see `CSVReader`) into a
/// profile: a header block of `key,value` rows (`name`, optional `id`, `keywords`
/// one per cell, `domain`, `group`, `updated`), then the column header row
/// `role,level,required,id,expectation` and one row per expectation. Levels are the
/// sheet's, in the order they first appear; an expectation's text is kept whole.
/// Ids are kept when present and made (as a page import makes them) when empty, so
/// a sheet exported by `ladder export` and edited keeps its ticks attached.
///
/// Whatever it cannot read for sure it refuses with a `PageImportError` at the
/// field (`file:line:column`). Pure: no files are read or written here.
public enum CSVImporter {
    /// The keys of the header block.
    static let headerKeys = ["name", "id", "keywords", "domain", "group", "updated", "resources"]
    /// The columns of an expectation row; `id` may be left out.
    static let columns = ["role", "level", "required", "id", "expectation"]
    /// Columns that may be added after those: an expectation's resources.
    static let optionalColumns = ["resources"]

    /// Imports a CSV file's bytes; `file` names it in messages.
    public static func `import`(bytes: [UInt8], file: String) throws(PageImportError) -> Profile {
        let table = try CSVReader.read(bytes, file: file)
        let rows = table.rows.map { row in row.map { field in
            CSVTable.Field(text: CSVFormula.unprotect(field.text), line: field.line, column: field.column)
        } }
        guard let headerIndex = rows.firstIndex(where: { $0.first.map { key($0.text) } == "role" }) else {
            throw PageImportError(file: file, message: "no column header row: expected a row 'role,level,required,id,expectation'",
                                  hint: "see the layout with: ladder export serverless-functions --format csv")
        }
        let header = try Header.parse(rows[..<headerIndex], file: file)
        let columnIndex = try columnIndexes(rows[headerIndex], file: file)
        var sheet = Sheet(file: file)
        for row in rows[(headerIndex + 1)...] where !isBlank(row) {
            try sheet.add(row, columns: columnIndex)
        }
        let roles = try sheet.roles()
        let id = header.id ?? Identifier.slug(header.name)
        return Profile(id: id, name: header.name, keywords: header.keywords, domain: header.domain, group: header.group,
                       updated: header.updated, levels: sheet.levels, roles: roles, resources: header.resources)
    }

    /// A field as a key: trimmed and lower-cased.
    static func key(_ text: String) -> String { trim(text).lowercased() }

    static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    static func isBlank(_ row: [CSVTable.Field]) -> Bool { row.allSatisfy { trim($0.text).isEmpty } }

    /// The row's fields up to the last one with text.
    static func filled(_ row: [CSVTable.Field]) -> ArraySlice<CSVTable.Field> {
        let end = (row.lastIndex { !trim($0.text).isEmpty } ?? -1) + 1
        return row[..<end]
    }

    /// Where each known column is; refuses unknown, repeated and missing columns.
    static func columnIndexes(_ row: [CSVTable.Field], file: String) throws(PageImportError) -> [String: Int] {
        var found: [String: Int] = [:]
        for (index, field) in filled(row).enumerated() {
            let name = key(field.text)
            guard columns.contains(name) || optionalColumns.contains(name) else {
                throw PageImportError(file: file, line: field.line, column: field.column,
                                      message: "unknown column \(Quote.page(field.text, limit: 40)); the columns are: \((columns + optionalColumns).joined(separator: ", "))",
                                      hint: "delete the column, or rename it to one of those")
            }
            if found[name] != nil {
                throw PageImportError(file: file, line: field.line, column: field.column, message: "the column '\(name)' appears twice")
            }
            found[name] = index
        }
        for name in columns where name != "id" && found[name] == nil {
            let line = row.first?.line ?? 0
            throw PageImportError(file: file, line: line, message: "the column header row has no '\(name)' column; the columns are: \(columns.joined(separator: ", "))")
        }
        return found
    }
}

extension CSVImporter {
    /// The header block: the profile's name, id, keywords, domain, group and date.
    struct Header {
        var name = "", id: String?, keywords: [String] = [], domain = "", group = "", updated = ""
        var resources: [Resource]?

        static func parse(_ rows: ArraySlice<[CSVTable.Field]>, file: String) throws(PageImportError) -> Header {
            var header = Header()
            var seen: [String: Int] = [:]
            var nameLine: Int?, updatedLine: Int?
            for row in rows where !isBlank(row) {
                let fields = filled(row)
                guard let first = fields.first else { continue }
                let name = key(first.text)
                guard headerKeys.contains(name) else {
                    throw PageImportError(file: file, line: first.line, column: first.column,
                                          message: "unknown row \(Quote.page(first.text, limit: 40)) above the column header row; expected: \(headerKeys.joined(separator: ", ")), then role,level,required,id,expectation")
                }
                if let earlier = seen[name] {
                    throw PageImportError(file: file, line: first.line, column: first.column, message: "'\(name)' is given twice (also on line \(earlier))")
                }
                seen[name] = first.line
                let values = fields.dropFirst().map { trim($0.text) }
                if name == "keywords" {
                    header.keywords = values.filter { !$0.isEmpty }
                    continue
                }
                if values.count > 1, let extra = fields.dropFirst().dropFirst().first {
                    throw PageImportError(file: file, line: extra.line, column: extra.column,
                                          message: "'\(name)' has more than one value; put it in one cell (in quotes when it holds the separator)")
                }
                let value = values.first ?? ""
                let place = fields.dropFirst().first ?? first
                switch name {
                case "name": header.name = value; nameLine = first.line
                case "domain": header.domain = value
                case "group": header.group = value
                case "id":
                    guard !value.isEmpty, Identifier.slug(value, fallback: "") == value else {
                        throw PageImportError(file: file, line: place.line, column: place.column,
                                              message: "the id must be lower-case letters, digits and dashes, e.g. '\(Identifier.slug(value.isEmpty ? "my-skill" : value))'")
                    }
                    header.id = value
                case "resources":
                    switch CSVResources.parse(value) {
                    case .success(let list): header.resources = list.isEmpty ? nil : list
                    case .failure(let problem): throw PageImportError(file: file, line: place.line, column: place.column, message: problem.message)
                    }
                default:
                    guard ProfileRules.isISODate(value) else {
                        throw PageImportError(file: file, line: place.line, column: place.column,
                                              message: "updated must be a date like 2026-03-17, not \(Quote.page(value, limit: 20))",
                                              hint: "a spreadsheet may have turned it into its own date format: format the cell as text and type the date as YYYY-MM-DD")
                    }
                    header.updated = value; updatedLine = first.line
                }
            }
            if nameLine == nil || header.name.isEmpty {
                throw PageImportError(file: file, line: nameLine ?? 0, message: "the sheet has no name: put a row 'name,<the skill's name>' above the column header row")
            }
            if updatedLine == nil {
                throw PageImportError(file: file, message: "the sheet has no date: put a row 'updated,YYYY-MM-DD' above the column header row")
            }
            return header
        }
    }
}

import Foundation
