import CellGrid

// `Safe` and `TextWidth` moved to CellGrid. Files in LadderKit that use them import
// CellGrid, except in Model/, Store/, Sync/ and Report/, which are being changed on
// other branches at the same time: these module-internal names keep those files (and
// any new file there) compiling unchanged. Once those branches have merged, add
// `import CellGrid` to them and delete this file. Internal: nothing leaks to clients.
typealias Safe = CellGrid.Safe
typealias TextWidth = CellGrid.TextWidth
