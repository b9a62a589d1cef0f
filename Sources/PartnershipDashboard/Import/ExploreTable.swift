// Explore Education Statistics tidy CSV: one figure per row, the measure named by a group and a characteristic.

/// Reads the tables of "Children looked after in England including adoptions" as users download
/// them from Explore Education Statistics today.
enum ExploreTable {
    /// The rows each table holds that the import uses: (group, characteristic) or the measure's name → indicator,
    /// and whether the row's percentage column gives the share.
    private static let byCharacteristic: [String: [String: (number: String?, percentage: String?)]] = [
        "Reason episode ceased": [
            "Total": (OfficialMeasure.ceased, nil),
            "Adopted": (OfficialMeasure.adopted, OfficialMeasure.adoptedShare),
            "Special guardianship orders": (OfficialMeasure.specialGuardianship, nil),
        ],
        "Adopted": [
            "Adopted - application unopposed": (OfficialMeasure.adoptedUnopposed, nil),
            "Adopted - consent dispensed with": (OfficialMeasure.adoptedConsentDispensed, nil),
        ],
        "Special guardianship orders": [
            // The two-way split (the 2022 release's, for 2018 to 2020); later years split four ways, which is not imported.
            "Special guardianship order made to former foster carers": (OfficialMeasure.specialGuardianshipFosterCarer, nil),
            "Special guardianship order made to carers other than former foster carers": (
                OfficialMeasure.specialGuardianshipOtherCarer, nil
            ),
        ],
    ]
    /// Tables naming the measure in one column (the national time series, and numbers and rates).
    private static let byName: [String: String] = [
        "Children looked after at 31 March each year": OfficialMeasure.lookedAfter,
        "Children looked after at 31 March": OfficialMeasure.lookedAfter,
        "Children ceasing to be looked after during the year": OfficialMeasure.ceased,
        "Children looked after who were adopted during the year": OfficialMeasure.adopted,
    ]

    static func figures(in table: OfficialTable, problems: inout [ImportFailure]) -> [OfficialFigure] {
        guard let timePeriod = table.column("time_period"), let identifier = table.column("time_identifier"),
            let level = table.column("geographic_level"), let number = table.column("number")
        else {
            problems.append(
                ImportFailure(
                    table.file, line: 1, column: 1,
                    "the header has no \"number\" column; this is not one of the children-looked-after tables, which have time_period, time_identifier, geographic_level, … and number"
                ))
            return []
        }
        let group = table.column("cla_group")
        let characteristic = table.column("characteristic")
        // The numbers-and-rates table names its measure in a column headed population_count.
        let measureName = characteristic == nil ? table.column("population_count") : nil
        // The national tables of adoption stages and adopters hold measures the import does not read.
        let national = table.name.hasPrefix("national_") || table.name.hasPrefix("number_and_legal_status_of_adopters")
        guard (group != nil && characteristic != nil) || measureName != nil || national else {
            problems.append(
                ImportFailure(
                    table.file, line: 1, column: 1,
                    "this Explore Education Statistics file is not one of the children-looked-after tables (it has no cla_group and characteristic columns); download the tables of \"Children looked after in England including adoptions\""
                ))
            return []
        }
        if national && group == nil { return [] }
        let percentage = table.column("percentage")
        let years = table.rows.compactMap { row in table.cell(row, timePeriod).flatMap { Int($0.text) } }
        guard let latest = years.max() else { return [] }
        let release = DfERelease.explore(latest)
        var figures: [OfficialFigure] = []
        for row in table.rows {
            guard let periodCell = table.cell(row, timePeriod), let levelCell = table.cell(row, level) else { continue }
            let wanted: (number: String?, percentage: String?)?
            let columnName: String
            if let group, let characteristic, let groupCell = table.cell(row, group), let nameCell = table.cell(row, characteristic) {
                wanted = byCharacteristic[groupCell.text]?[nameCell.text]
                columnName = "\(groupCell.text): \(nameCell.text)"
            } else if let measureName, let nameCell = table.cell(row, measureName) {
                wanted = byName[nameCell.text].map { ($0, nil) }
                columnName = nameCell.text
            } else {
                continue
            }
            guard let wanted else { continue }
            guard let year = Int(periodCell.text), (1990...2100).contains(year), periodCell.text.count == 4 else {
                problems.append(
                    table.failure(periodCell, "\"\(periodCell.text)\" is not a year; time_period holds the year ending 31 March, e.g. 2024")
                )
                continue
            }
            if let identifierCell = table.cell(row, identifier), identifierCell.text != "Reporting year" {
                problems.append(
                    table.failure(
                        identifierCell,
                        "\"\(identifierCell.text)\" is not a period this tool knows; these tables count by \"Reporting year\""))
                continue
            }
            let area: (area: OfficialArea, name: String)
            do {
                guard let found = try self.area(row, level: levelCell, table: table) else { continue }
                area = found
            } catch {
                problems.append(error)
                continue
            }
            for (indicator, column) in [(wanted.number, number), (wanted.percentage, percentage)] {
                guard let indicator, let column, let cell = table.cell(row, column) else { continue }
                do {
                    guard
                        let reading = try table.reading(
                            cell, symbols: release.symbols, percentage: OfficialMeasure.isPercentage(indicator))
                    else { continue }
                    figures.append(
                        OfficialFigure(
                            area: area.area, areaName: area.name, indicator: indicator,
                            period: OfficialMeasure.period(indicator, yearEnding: year), value: reading.value, symbol: reading.symbol,
                            release: release, file: table.file, table: table.name,
                            column: column == percentage ? "\(columnName) (percentage)" : columnName, line: cell.line, position: cell.column
                        ))
                } catch {
                    problems.append(error)
                }
            }
        }
        return figures
    }

    /// The row's place: England, a region or a council; nil for other levels.
    private static func area(_ row: [CSVCell], level: CSVCell, table: OfficialTable) throws(ImportFailure) -> (
        area: OfficialArea, name: String
    )? {
        switch level.text {
        case "National": return (.england, "England")
        case "Regional":
            guard let column = table.column("region_code"), let cell = table.cell(row, column) else { return nil }
            guard EnglishRegion.name(of: cell.text) != nil else {
                // Inner and Outer London are published too; they are not among the nine regions.
                if cell.text.hasPrefix("E13") { return nil }
                throw table.failure(cell, "\"\(cell.text)\" is not the code of one of England's nine regions (E12000001 to E12000009)")
            }
            return (.region(cell.text), EnglishRegion.name(of: cell.text) ?? cell.text)
        case "Local authority":
            guard let column = table.column("old_la_code"), let cell = table.cell(row, column) else { return nil }
            guard cell.text.count == 3, cell.text.allSatisfy(\.isNumber) else {
                throw table.failure(cell, "\"\(cell.text)\" is not a council's three-digit DfE code, e.g. 886 for Kent")
            }
            let name = table.column("la_name").flatMap { table.cell(row, $0)?.text } ?? cell.text
            return (.council(cell.text), name)
        default:
            return nil
        }
    }
}
