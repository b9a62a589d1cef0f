// Comma-separated values as RFC 4180 describes them, guarded against spreadsheet formulas.

import Foundation

/// A table written as CSV: a header row, then one row per record.
public struct CSVTable: Sendable {
    /// A cell: text is quoted as needed and guarded; numbers are written plainly.
    public enum Cell: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(Double)
        case empty

        public init(stringLiteral value: String) { self = .text(value) }

        public init(_ value: Double?) { self = value.map(Cell.number) ?? .empty }
        public init(_ value: String?) { self = value.map(Cell.text) ?? .empty }
    }

    public let header: [String]
    public private(set) var rows: [[Cell]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [Cell]) {
        precondition(row.count == header.count, "a CSV row needs \(header.count) cells")
        rows.append(row)
    }

    /// The CSV text, lines ending in LF, with a final line break.
    public var text: String {
        var lines = [header.map(CSVTable.field).joined(separator: ",")]
        for row in rows {
            lines.append(
                row.map { cell in
                    switch cell {
                    case .text(let text): return CSVTable.field(text)
                    case .number(let value): return JSONNode.literal(for: value)
                    case .empty: return ""
                    }
                }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a text field when needed; text starting with = + - @ gets a leading ' so
    /// spreadsheets show it rather than run it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
