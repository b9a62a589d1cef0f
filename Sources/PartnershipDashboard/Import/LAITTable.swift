// The Local Authority Interactive Tool's long extract: one row per measure, year and area.

/// Reads LAIT's long data (`Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region`).
enum LAITTable {
    /// LAIT's short names for the measures the import uses.
    private static let measures: [String: String] = [
        "LACnum": OfficialMeasure.lookedAfter,
        "LACceased": OfficialMeasure.ceased,
        "No_of LAC Adopted": OfficialMeasure.adopted,
        "%_of LAC Adopted": OfficialMeasure.adoptedShare,
        "LAC_ceased_SGO": OfficialMeasure.specialGuardianship,
        "LACnum_Adopt_AppUnop": OfficialMeasure.adoptedUnopposed,
        "LACnum_Adopt_ConsentDisp": OfficialMeasure.adoptedConsentDispensed,
    ]
    /// LAIT numbers England 970 and the regions 980 to 990 (987 and 988 are Inner and Outer London, not regions).
    private static let regions: [String: String] = [
        "980": "E12000001", "981": "E12000002", "982": "E12000003", "983": "E12000004", "984": "E12000005",
        "985": "E12000006", "986": "E12000007", "989": "E12000008", "990": "E12000009",
    ]

    static func figures(in table: OfficialTable, problems: inout [ImportFailure]) -> [OfficialFigure] {
        guard let short = table.column("Short Desc"), let years = table.column("Years"), let name = table.column("LA and Regions"),
            let values = table.column("Values"), let number = table.column("LA Number")
        else { return [] }
        let latest = table.rows.compactMap { row -> Int? in
            guard let measure = table.cell(row, short), measures[measure.text] != nil else { return nil }
            return table.cell(row, years).flatMap { Int($0.text) }
        }.max()
        guard let latest else { return [] }
        let release = DfERelease.lait(latest)
        var figures: [OfficialFigure] = []
        for row in table.rows {
            guard let measure = table.cell(row, short), let indicator = measures[measure.text], let yearCell = table.cell(row, years),
                let numberCell = table.cell(row, number), let valueCell = table.cell(row, values)
            else { continue }
            guard let year = Int(yearCell.text), yearCell.text.count == 4 else {
                problems.append(
                    table.failure(yearCell, "\"\(yearCell.text)\" is not a year; LAIT's Years holds the year ending 31 March, e.g. 2024"))
                continue
            }
            // LAIT writes codes as decimals: 886.0.
            let code = numberCell.text.hasSuffix(".0") ? String(numberCell.text.dropLast(2)) : numberCell.text
            guard code.count == 3, code.allSatisfy(\.isNumber) else {
                problems.append(table.failure(numberCell, "\"\(numberCell.text)\" is not a three-digit DfE code, e.g. 886.0 for Kent"))
                continue
            }
            let areaName = table.cell(row, name)?.text ?? code
            let area: OfficialArea
            if code == "970" {
                area = .england
            } else if let region = regions[code] {
                area = .region(region)
            } else if code == "987" || code == "988" {
                continue
            } else {
                area = .council(code)
            }
            do {
                guard
                    let reading = try table.reading(
                        valueCell, symbols: release.symbols, percentage: OfficialMeasure.isPercentage(indicator))
                else { continue }
                figures.append(
                    OfficialFigure(
                        area: area, areaName: areaName, indicator: indicator, period: OfficialMeasure.period(indicator, yearEnding: year),
                        value: reading.value, symbol: reading.symbol, release: release, file: table.file, table: table.name,
                        column: measure.text,
                        line: valueCell.line, position: valueCell.column))
            } catch {
                problems.append(error)
            }
        }
        return figures
    }
}
