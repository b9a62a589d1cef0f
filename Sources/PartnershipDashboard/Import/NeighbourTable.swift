// DfE's statistical neighbours: for each council, the ten councils most like it in DfE's model of a
// given year, nearest first, each with DfE's word for how close it is.

/// One model of DfE's statistical neighbours, cited like a release.
struct NeighbourModel: Sendable, Hashable, Comparable {
    /// The year DfE published the model; the source id is `dfe-sn-<year>`.
    let year: Int

    var id: String { "\(NeighbourModel.idPrefix)\(year)" }

    static let idPrefix = "dfe-sn-"

    /// The model's month, where known: DfE names its models by month and year.
    private var month: String? { [2021: "April", 2025: "May"][year] }

    var title: String { "Statistical neighbours for children's services: the \(month.map { "\($0) " } ?? "")\(year) model" }
    var published: String { month.map { "\(year)-\($0 == "April" ? "04" : "05")" } ?? "\(year)" }
    var note: String {
        "Each council's ten nearest councils in DfE's model, nearest first, with DfE's band of closeness; as held in the Local Authority Interactive Tool's data"
            + (month == nil ? ". The month of the model is not recorded here." : ".")
    }

    static func < (lhs: NeighbourModel, rhs: NeighbourModel) -> Bool { lhs.year < rhs.year }

    /// The model an existing block cites, from its source id.
    init?(id: String) {
        guard id.hasPrefix(NeighbourModel.idPrefix), let year = Int(id.dropFirst(NeighbourModel.idPrefix.count)) else { return nil }
        self.year = year
    }

    init(year: Int) { self.year = year }
}

/// One neighbour as a model lists it.
struct ListedNeighbour: Sendable, Equatable {
    /// DfE's three-digit code.
    let code: String
    /// "Extremely close", "Very close", "Close", "Somewhat close" or "Not close".
    let closeness: String
}

/// A council's neighbours in one model, nearest first.
struct NeighbourGroup: Sendable {
    let model: NeighbourModel
    /// The council's DfE code.
    let council: String
    let nearest: [ListedNeighbour]
}

/// Reads DfE's two forms: the 2021 groupings (`LA num, LA Name, …, SN1, SNP, SN2, SNP, …`) and the
/// 2025 wide file (`old_la_code, la_name, …, SN_1, SN_1P, …`).
enum NeighbourTable {
    /// DfE's bands of closeness, in its own order, in sentence case.
    static let bands = ["Extremely close", "Very close", "Close", "Somewhat close", "Not close"]

    static func groups(in table: OfficialTable, problems: inout [ImportFailure]) -> [NeighbourGroup] {
        guard let year = modelYear(table.name) else {
            problems.append(
                ImportFailure(
                    table.file,
                    "cannot tell which year's model of statistical neighbours this is; keep the year in the file's name as DfE gives it (New_Statistical_Neighbour_Groupings_April_2021.csv, sn_model_2025_wide.csv)"
                ))
            return []
        }
        guard let codeColumn = table.column("LA num") ?? table.column("old_la_code") else {
            problems.append(
                ImportFailure(
                    table.file, line: 1, column: 1, "has no column of council codes; DfE's files call it \"LA num\" or \"old_la_code\""))
            return []
        }
        // Each neighbour's code column, and the closeness band in the column after it.
        var columns: [Int] = []
        for rank in 1...10 {
            guard let column = table.column("SN\(rank)") ?? table.column("SN_\(rank)") else {
                problems.append(
                    ImportFailure(
                        table.file, line: 1, column: 1,
                        "has no column for the neighbour ranked \(rank) (SN\(rank) or SN_\(rank)); DfE lists ten"))
                return []
            }
            columns.append(column)
        }
        var groups: [NeighbourGroup] = []
        var seen: Set<String> = []
        for row in table.rows {
            guard let codeCell = table.cell(row, codeColumn), !codeCell.text.isEmpty else { continue }
            guard isCode(codeCell.text) else {
                problems.append(table.failure(codeCell, "\"\(codeCell.text)\" is not a council's three-digit DfE code, e.g. 886 for Kent"))
                continue
            }
            guard seen.insert(codeCell.text).inserted else {
                problems.append(table.failure(codeCell, "council \(codeCell.text) is listed twice; keep one row per council"))
                continue
            }
            var nearest: [ListedNeighbour] = []
            for column in columns {
                guard let cell = table.cell(row, column), !cell.text.isEmpty else { continue }
                let code = cell.text.trimmingCharacters(in: .whitespaces)
                guard isCode(code) else {
                    problems.append(table.failure(cell, "\"\(cell.text)\" is not a council's three-digit DfE code, e.g. 881 for Essex"))
                    continue
                }
                guard code != codeCell.text else {
                    problems.append(
                        table.failure(cell, "council \(code) is listed as its own neighbour; a council's neighbours are other councils"))
                    continue
                }
                guard !nearest.contains(where: { $0.code == code }) else {
                    problems.append(
                        table.failure(cell, "council \(code) is listed twice among \(codeCell.text)'s neighbours; DfE lists each once"))
                    continue
                }
                let bandCell = table.cell(row, column + 1)
                guard let band = bandCell.flatMap({ band($0.text) }) else {
                    let shown = bandCell?.text ?? ""
                    problems.append(
                        table.failure(
                            bandCell ?? cell,
                            "\"\(shown)\" is not one of DfE's bands of closeness (\(bands.joined(separator: ", "))); it belongs in the column after each neighbour's code"
                        ))
                    continue
                }
                nearest.append(ListedNeighbour(code: code, closeness: band))
            }
            groups.append(NeighbourGroup(model: NeighbourModel(year: year), council: codeCell.text, nearest: nearest))
        }
        return groups
    }

    /// The band in sentence case, whatever DfE's capitals and spaces ("Very Close", "Close ").
    static func band(_ text: String) -> String? {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased()
        return bands.first { $0.lowercased() == words }
    }

    /// The first year 2000–2099 in a file's name.
    static func modelYear(_ name: String) -> Int? {
        let characters = Array(name)
        guard characters.count >= 4 else { return nil }
        for start in 0...(characters.count - 4) {
            let digits = String(characters[start..<start + 4])
            let before = start > 0 ? characters[start - 1] : " "
            let after = start + 4 < characters.count ? characters[start + 4] : " "
            guard digits.hasPrefix("20"), digits.allSatisfy(\.isNumber), !before.isNumber, !after.isNumber else { continue }
            return Int(digits)
        }
        return nil
    }

    private static func isCode(_ text: String) -> Bool { text.count == 3 && text.allSatisfy { $0.isASCII && $0.isNumber } }
}
