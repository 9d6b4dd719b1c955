import CellGrid
import Foundation

/// JSON for scripts: snake_case keys, sorted, pretty-printed; keys with no value
/// are left out. Text from files stays exact, with anything that could act on a
/// terminal written as a `\uXXXX` escape (`Safe.json`).
public enum ReportJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Safe.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
