extension CSVImporter {
    /// The expectation rows of a sheet, gathered into roles and cells as they come,
    /// each checked where it stands.
    struct Sheet {
        struct Row {
            var text: String
            var id: String?
            var line: Int
            var resources: [Resource]?
        }

        struct Cell {
            var required: Bool
            var requiredLine: Int
            var rows: [Row] = []
        }

        struct RoleRows {
            var name: String
            var line: Int
            var cells: [String: Cell] = [:] // by the level's name, lower-cased
        }

        let file: String
        /// Level names in the order they first appear.
        private(set) var levels: [String] = []
        private var roleOrder: [String] = []
        private var rolesByID: [String: RoleRows] = [:]
        /// Ids given in the sheet, with the line of each.
        private var givenIDs: [String: Int] = [:]

        init(file: String) { self.file = file }

        /// Adds one expectation row.
        mutating func add(_ row: [CSVTable.Field], columns: [String: Int]) throws(PageImportError) {
            func field(_ name: String) -> CSVTable.Field? {
                guard let index = columns[name] else { return nil }
                return index < row.count ? row[index] : nil
            }
            let width = (columns.values.max() ?? 0) + 1
            if let extra = filled(row).dropFirst(width).first {
                throw PageImportError(file: file, line: extra.line, column: extra.column,
                                      message: "a value in a column with no header; the columns are: \(CSVImporter.columns.joined(separator: ", "))",
                                      hint: "move it into the expectation column, or delete it")
            }
            let line = row.first?.line ?? 0
            let roleName = try required(field("role"), "role", line: line)
            let levelName = try required(field("level"), "level", line: line)
            let text = try required(field("expectation"), "expectation", line: line)
            if text.count > PageImporter.maxSentence, let place = field("expectation") {
                throw PageImportError(file: file, line: place.line, column: place.column,
                                      message: "an expectation of \(text.count) characters; an expectation may have at most \(PageImporter.maxSentence)")
            }
            let isRequired = try requiredFlag(field("required"), line: line)
            let id = try expectationID(field("id"))
            let resources = try resourceList(field("resources"))

            let roleID = Identifier.slug(roleName, fallback: "role")
            if var role = rolesByID[roleID] {
                if role.name != roleName {
                    throw PageImportError(file: file, line: line, column: field("role")?.column ?? 0,
                                          message: "the roles '\(Safe.text(role.name))' (line \(role.line)) and '\(Safe.text(roleName))' would both get the id '\(roleID)'; spell a role the same on every row, or rename one")
                }
                try addRow(to: &role, level: levelName, required: isRequired, text: text, id: id, resources: resources, line: line,
                           row: row, columns: columns)
                rolesByID[roleID] = role
            } else {
                var role = RoleRows(name: roleName, line: line)
                try addRow(to: &role, level: levelName, required: isRequired, text: text, id: id, resources: resources, line: line,
                           row: row, columns: columns)
                rolesByID[roleID] = role
                roleOrder.append(roleID)
            }
        }

        private mutating func addRow(to role: inout RoleRows, level: String, required: Bool, text: String, id: String?,
                                     resources: [Resource]?, line: Int, row: [CSVTable.Field],
                                     columns: [String: Int]) throws(PageImportError) {
            let levelKey = level.lowercased()
            if !levels.contains(where: { $0.lowercased() == levelKey }) { levels.append(level) }
            var cell = role.cells[levelKey] ?? Cell(required: required, requiredLine: line)
            if cell.required != required {
                let column = columns["required"].flatMap { $0 < row.count ? row[$0].column : nil } ?? 0
                throw PageImportError(file: file, line: line, column: column,
                                      message: "\(Safe.text(role.name)) · \(Safe.text(level)) is \(cell.required ? "Required" : "optional") on line \(cell.requiredLine) but \(required ? "Required" : "optional") here; every row of a role's level must say the same")
            }
            cell.rows.append(Row(text: text, id: id, line: line, resources: resources))
            role.cells[levelKey] = cell
        }

        /// Every role with a cell per level, ids kept where given and made where empty.
        func roles() throws(PageImportError) -> [Role] {
            guard !roleOrder.isEmpty else {
                throw PageImportError(file: file, message: "the sheet has no expectations: add one row per expectation below the column header row")
            }
            var used = Set(givenIDs.keys)
            var roles: [Role] = []
            for roleID in roleOrder {
                guard let role = rolesByID[roleID] else { continue }
                var cells: [RoleLevel] = []
                for level in levels {
                    guard let cell = role.cells[level.lowercased()] else {
                        throw PageImportError(file: file, line: role.line,
                                              message: "\(Safe.text(role.name)) has no row for the level '\(Safe.text(level))'; every role needs at least one expectation at every level",
                                              hint: "add a row for \(Safe.text(role.name)) at \(Safe.text(level)), or check the level's spelling")
                    }
                    let expectations = cell.rows.map { row in
                        Expectation(id: row.id ?? PageImporter.uniqueID(role: roleID, level: level, text: row.text, used: &used),
                                    text: row.text, resources: row.resources)
                    }
                    cells.append(RoleLevel(level: level, required: cell.required, expectations: expectations))
                }
                roles.append(Role(id: roleID, name: role.name, levels: cells))
            }
            return roles
        }

        private func required(_ field: CSVTable.Field?, _ name: String, line: Int) throws(PageImportError) -> String {
            let text = trim(field?.text ?? "")
            guard !text.isEmpty else {
                throw PageImportError(file: file, line: field?.line ?? line, column: field?.column ?? 0,
                                      message: "the \(name) is empty; every expectation row needs a role, a level and the expectation's text",
                                      hint: "fill it in, or delete the row")
            }
            return text
        }

        private func requiredFlag(_ field: CSVTable.Field?, line: Int) throws(PageImportError) -> Bool {
            switch key(field?.text ?? "") {
            case "true", "yes", "required", "y", "x", "1": return true
            case "false", "no", "optional", "n", "", "0": return false
            default:
                throw PageImportError(file: file, line: field?.line ?? line, column: field?.column ?? 0,
                                      message: "required must be true or false (also yes/no, Required/empty), not \(Quote.page(field?.text ?? "", limit: 20))")
            }
        }

        /// The resources of a `resources` cell, checked; nil when there is none.
        private func resourceList(_ field: CSVTable.Field?) throws(PageImportError) -> [Resource]? {
            guard let field, !trim(field.text).isEmpty else { return nil }
            switch CSVResources.parse(trim(field.text)) {
            case .success(let list): return list.isEmpty ? nil : list
            case .failure(let problem):
                throw PageImportError(file: file, line: field.line, column: field.column, message: problem.message,
                                      hint: "write each as: title <https://…>, separated by ' | '")
            }
        }

        /// A given id, checked and unique; nil when the cell is empty.
        private mutating func expectationID(_ field: CSVTable.Field?) throws(PageImportError) -> String? {
            guard let field else { return nil }
            let id = key(field.text)
            guard !id.isEmpty else { return nil }
            guard ProfileRules.isExpectationID(id) else {
                throw PageImportError(file: file, line: field.line, column: field.column,
                                      message: "the id \(Quote.page(field.text, limit: 20)) must be 1 to 16 lower-case letters, digits or dashes",
                                      hint: "leave it empty and Ladder makes one")
            }
            if let earlier = givenIDs[id] {
                throw PageImportError(file: file, line: field.line, column: field.column,
                                      message: "the id '\(id)' is also used on line \(earlier); ids must be unique in a profile",
                                      hint: "leave the id of a new expectation empty and Ladder makes one")
            }
            givenIDs[id] = field.line
            return id
        }
    }
}

import CellGrid
