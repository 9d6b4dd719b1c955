import CellGrid
import LadderKit

/// A plain-text table with columns padded to their widest cell (display columns,
/// so CJK and emoji line up). Cells are made safe to print.
final class TextTable {
    private let header: [String]
    private var rows: [[String]] = []

    init(header: [String]) { self.header = header }

    func add(_ row: [String]) { rows.append(row.map { Safe.text($0) }) }

    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { TextWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - TextWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
