// A CSV reader (RFC 4180) that keeps each cell's line and column, so a message can point at it.

/// One cell of a CSV file and where it was written.
struct CSVCell: Sendable, Equatable {
    let text: String
    /// Line and column (in characters) where the cell starts, both from 1.
    let line: Int
    let column: Int
}

/// Why a CSV file could not be read, with where.
struct CSVSyntaxError: Error, Sendable, Equatable {
    let line: Int
    let column: Int
    let message: String
}

/// Reads CSV as DfE publishes it: comma-separated, fields optionally in double quotes (a quote
/// inside a quoted field is doubled), line ends `\n` or `\r\n`, an optional UTF-8 byte order mark.
enum CSVReader {
    /// Every row, each a list of cells; blank lines are skipped. Linear in the file's size.
    static func rows(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [[CSVCell]] {
        var rows: [[CSVCell]] = []
        var row: [CSVCell] = []
        var field: [UInt8] = []
        var started = false
        var inQuotes = false
        var wasQuoted = false
        var start = (line: 1, column: 1)
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endField() throws(CSVSyntaxError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVSyntaxError(line: start.line, column: start.column, message: "the cell is not UTF-8 text; save the file as UTF-8")
            }
            row.append(CSVCell(text: text, line: start.line, column: start.column))
            field.removeAll(keepingCapacity: true)
            started = false
            wasQuoted = false
        }
        func endRow() {
            // A blank line is one empty, unquoted cell: not a row.
            if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
            row = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            if !started {
                start = (line, column)
                started = true
            }
            if inQuotes {
                if byte == 0x22, index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                    field.append(0x22)
                    index += 2
                    column += 2
                    continue
                }
                if byte == 0x22 {
                    inQuotes = false
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case 0x2C:
                    try endField()
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    break
                case 0x0A:
                    try endField()
                    endRow()
                case 0x22 where field.isEmpty && !wasQuoted:
                    inQuotes = true
                    wasQuoted = true
                default:
                    if wasQuoted {
                        throw CSVSyntaxError(
                            line: line, column: column,
                            message: "text follows a closing quote; write a quote inside a quoted cell twice (\"\")")
                    }
                    field.append(byte)
                }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        if inQuotes {
            throw CSVSyntaxError(
                line: start.line, column: start.column, message: "a quoted cell is never closed; the file may be cut short")
        }
        if started || !row.isEmpty {
            try endField()
            endRow()
        }
        return rows
    }
}
