// Comma-separated values as RFC 4180 describes them, guarded against spreadsheet formulas.

import Foundation

/// A table written as CSV: a header row, then one row per record.
struct CSVTable: Sendable {
    /// A cell: text is quoted as needed and guarded; numbers are written plainly.
    enum Cell: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(Double)
        case empty

        init(stringLiteral value: String) { self = .text(value) }

        init(_ value: Double?) { self = value.map(Cell.number) ?? .empty }
        init(_ value: String?) { self = value.map(Cell.text) ?? .empty }
    }

    let header: [String]
    private(set) var rows: [[Cell]] = []

    init(header: [String]) { self.header = header }

    mutating func append(_ row: [Cell]) {
        precondition(row.count == header.count, "a CSV row needs \(header.count) cells")
        rows.append(row)
    }

    /// The CSV text, lines ending in LF, with a final line break. Written as bytes: an area's
    /// figures run to thousands of rows.
    var text: String {
        var output: [UInt8] = []
        output.reserveCapacity((rows.count + 1) * 160)
        for (index, name) in header.enumerated() {
            if index > 0 { output.append(0x2C) }
            CSVTable.appendField(name, to: &output)
        }
        output.append(0x0A)
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { output.append(0x2C) }
                switch cell {
                case .text(let text): CSVTable.appendField(text, to: &output)
                case .number(let value): output.append(contentsOf: JSONNode.literal(for: value).utf8)
                case .empty: break
                }
            }
            output.append(0x0A)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as one field, quoted and guarded as ``field(_:)`` says, without making a string first.
    static func appendField(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let guarded = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first)
            let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes { output.append(0x22) }
            if guarded { output.append(0x27) }
            if needsQuotes {
                for byte in bytes {
                    if byte == 0x22 { output.append(0x22) }
                    output.append(byte)
                }
                output.append(0x22)
            } else {
                output.append(contentsOf: bytes)
            }
        }
    }

    /// Quotes a text field when needed; text starting with = + - @ gets a leading ' so
    /// spreadsheets show it rather than run it as a formula. The same rule as every table's cells.
    static func field(_ text: String) -> String {
        var output: [UInt8] = []
        appendField(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
