/// CSV for a spreadsheet (RFC 4180: CRLF line ends, fields quoted when they hold a
/// comma, a quote, a line break or surrounding spaces, quotes doubled; UTF-8 without
/// BOM). The layout `CSVImporter` reads back into the same profile:
///
///     name,Serverless Functions
///     id,serverless-functions
///     keywords,AWS Lambda,Cloud Functions
///     domain,Cloud & Infrastructure
///     group,Serverless
///     updated,2026-03-17
///
///     role,level,required,id,expectation
///     Cloud Engineer,Junior,true,f85ceb,Designs infrastructure solutions.
///
/// Resources, where the profile has any, go in a `resources` row of the header
/// block (the skill's) and a `resources` column (each expectation's), as
/// `title <url>` entries separated by ` | ` (`CSVResources`).
///
/// Text that a spreadsheet would run as a formula is protected (`CSVFormula`).
extension ProfileExport {
    public static func csv(_ profile: Profile) -> String {
        var rows: [[String]] = [
            ["name", profile.name],
            ["id", profile.id],
            ["keywords"] + profile.keywords,
            ["domain", profile.domain],
            ["group", profile.group],
            ["updated", profile.updated],
        ]
        if let resources = profile.resources, !resources.isEmpty { rows.append(["resources", CSVResources.format(resources)]) }
        let withResources = profile.allExpectations().contains { !($0.expectation.resources ?? []).isEmpty }
        rows += [[], CSVImporter.columns + (withResources ? ["resources"] : [])]
        for role in profile.roles {
            for cell in role.levels {
                for expectation in cell.expectations {
                    rows.append([role.name, cell.level, cell.required ? "true" : "false", expectation.id, expectation.text]
                                + (withResources ? [CSVResources.format(expectation.resources ?? [])] : []))
                }
            }
        }
        return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field: formula-protected, then quoted when it must be.
    static func csvField(_ text: String) -> String {
        let protected = CSVFormula.protect(text)
        let needsQuotes = protected.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
            || protected.first?.isWhitespace == true || protected.last?.isWhitespace == true
        guard needsQuotes else { return protected }
        return "\"" + protected.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
