// One of DfE's CSV files, read with every cell's place, recognised by its header, its cells read as figures or symbols.

import Foundation

/// A CSV file of DfE's, its header and rows, ready for the reader of its form.
struct OfficialTable: Sendable {
    /// The path as the user gave it, for messages.
    let file: String
    /// The file's own name, cited as the table a figure came from.
    let name: String
    let header: [CSVCell]
    let rows: [[CSVCell]]

    /// What a file's header says it is.
    enum Kind: Equatable, Sendable {
        case figures(OfficialForm)
        /// DfE's list of council codes with their dates of operation (`las.csv`).
        case register
        /// DfE's statistical neighbours: recognised, and read by the comparisons rather than imported as figures.
        case neighbours
        /// Another DfE file (data dictionary, code list, another collection): not this command's.
        case other(String)
    }

    /// Reads and parses the file; a message names the file, line and column of anything wrong.
    static func read(_ url: URL, display: String) throws(ImportFailure) -> OfficialTable {
        let contents = DatasetLoader.read(url, limit: maximumFileSize)
        let bytes: [UInt8]
        switch contents {
        case .bytes(let read): bytes = read
        case .tooLarge(let size):
            throw ImportFailure(
                display,
                "the file is \(UKFormat.number(Double(size) / 1_000_000, decimals: 1)) MB; DfE's tables are well under \(maximumFileSize / 1_000_000) MB, so this is probably not one of them"
            )
        case .unreadable(let reason): throw ImportFailure(display, "cannot be read: \(reason)")
        }
        let rows: [[CSVCell]]
        do {
            rows = try CSVReader.rows(bytes)
        } catch {
            throw ImportFailure(display, line: error.line, column: error.column, error.message)
        }
        guard let header = rows.first, !header.isEmpty else {
            throw ImportFailure(display, "the file is empty; download the table again")
        }
        return OfficialTable(file: display, name: url.lastPathComponent, header: header, rows: Array(rows.dropFirst()))
    }

    /// The largest table the import reads (LAIT's long extract of every measure is about 3 MB).
    static let maximumFileSize = 50_000_000

    /// The form the header names.
    var kind: Kind {
        let names = Set(header.map { $0.text.trimmingCharacters(in: .whitespaces) })
        if names.isSuperset(of: ["time_period", "time_identifier", "geographic_level"]) { return .figures(.explore) }
        if names.isSuperset(of: ["geog_l", "geog_c", "geog_n"]) { return .figures(.firstRelease) }
        if names.isSuperset(of: ["Short Desc", "Years", "LA and Regions", "Values", "LA Number"]) { return .figures(.lait) }
        if names.isSuperset(of: ["new_la_code", "la_name", "date_of_operation", "old_la_code"]) { return .register }
        if names.contains("SN1") || names.contains("SN_1") { return .neighbours }
        return .other(header.prefix(4).map(\.text).joined(separator: ", "))
    }

    /// The index of a column, by its name in the header (spaces around names ignored).
    func column(_ name: String) -> Int? {
        header.firstIndex { $0.text.trimmingCharacters(in: .whitespaces) == name }
    }

    /// The cell under a column, or nil where the row is short.
    func cell(_ row: [CSVCell], _ column: Int) -> CSVCell? { column < row.count ? row[column] : nil }

    /// A figure's cell read as a number or one of the release's symbols; nil for a blank cell.
    func reading(_ cell: CSVCell, symbols: [String: String], percentage: Bool) throws(ImportFailure) -> (
        value: Double?, symbol: String?
    )? {
        let text = cell.text
        if text.isEmpty { return nil }
        if symbols[text] != nil { return (nil, text) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed != text, !trimmed.isEmpty {
            throw failure(cell, "\"\(text)\" has spaces around the figure; write \(trimmed) with none")
        }
        if trimmed.contains(","), trimmed.replacingOccurrences(of: ",", with: "").allSatisfy(\.isNumber) {
            throw failure(
                cell, "\"\(text)\" has a thousands separator; write \(trimmed.replacingOccurrences(of: ",", with: "")) without it")
        }
        guard let number = OfficialTable.number(trimmed) else {
            let known = symbols.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            throw failure(cell, "\"\(text)\" is not a figure or one of the release's symbols (\(known)); write the figure as digits")
        }
        if percentage, number > 100 {
            throw failure(cell, "\(trimmed) is not a percentage; a share of children is 0 to 100")
        }
        return (number, nil)
    }

    /// Digits with at most one decimal point, nothing else (no sign, exponent or separator).
    static func number(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        return Double(text)
    }

    func failure(_ cell: CSVCell, _ message: String) -> ImportFailure {
        ImportFailure(file, line: cell.line, column: cell.column, message)
    }
}

/// Why a file could not be imported: the file, the place in it, what is wrong and what would be right.
struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    let file: String
    let line: Int
    let column: Int
    let message: String

    init(_ file: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    var description: String { line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)" }
}
