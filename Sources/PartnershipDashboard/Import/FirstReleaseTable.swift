// The 2010 to 2017 statistical first releases' underlying data: one row per area, one column per measure,
// with column names that changed from year to year.

import Foundation

/// Reads the SFR underlying-data CSVs (`SFR21_CLA.csv`, `SFR34_ADP2015.csv`, `SFR27_2010_Ceased.csv`, …).
enum FirstReleaseTable {
    /// Column names (without their year) → indicator. The adoption columns mean different things in
    /// different tables: in the ADP table `CLA_ceaAdop` is every adoption; in the CEA table, beside
    /// `CLA_ceaAdop2`, it is the first of the two legal routes (DfE's metadata documents).
    private static func indicator(for column: String, routes: Bool) -> String? {
        switch column {
        case "MarTotal", "CLA_Mar": return OfficialMeasure.lookedAfter
        case "CLA_Adopt": return OfficialMeasure.placedForAdoption
        case "CeasedTotal", "CLA_cease": return OfficialMeasure.ceased
        case "CLA_ceaAdop": return routes ? OfficialMeasure.adoptedUnopposed : OfficialMeasure.adopted
        case "CeasedAdoptUnop", "CLA_ceaAdop1", "CEA_Adop1": return OfficialMeasure.adoptedUnopposed
        case "CeasedAdoptDisp", "CLA_ceaAdop2", "CEA_Adop2": return OfficialMeasure.adoptedConsentDispensed
        case "CeasedSpeGuaForm", "CLA_ceaSpecG", "CLA_ceaSpecG1", "CEA_SGO1": return OfficialMeasure.specialGuardianshipFosterCarer
        case "CeasedSpecGuaOth", "CLA_ceaSpecG2", "CEA_SGO2": return OfficialMeasure.specialGuardianshipOtherCarer
        default: return nil
        }
    }

    /// A column's name without the year some releases add to it: `CLA_Mar2011` → `CLA_Mar`, `MarTotal_2010` → `MarTotal`.
    static func baseName(_ name: String) -> (base: String, year: Int?) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.reversed().prefix(while: \.isNumber)
        guard digits.count == 4, let year = Int(String(digits.reversed())), (2000...2100).contains(year) else { return (trimmed, nil) }
        var base = String(trimmed.dropLast(4))
        if base.hasSuffix("_") { base.removeLast() }
        return (base, year)
    }

    /// The year ending 31 March the file is for: from a column's name, the file's name, its folder's
    /// name, or another file of the same release beside it.
    static func year(of table: OfficialTable, url: URL) -> Int? {
        if let year = table.header.lazy.compactMap({ baseName($0.text).year }).first { return year }
        for name in [url.deletingPathExtension().lastPathComponent, url.deletingLastPathComponent().lastPathComponent] {
            let years = name.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (2000...2100).contains($0) }
            if let year = years.last { return year }
        }
        let folder = url.deletingLastPathComponent()
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []
        for sibling in siblings where sibling.hasSuffix(".csv") && sibling != url.lastPathComponent {
            guard let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(sibling).path) else { continue }
            defer { try? handle.close() }
            let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
            let firstLine = head.split(separator: "\n").first.map(String.init) ?? ""
            if let year = firstLine.split(separator: ",").lazy.compactMap({ baseName(String($0)).year }).first { return year }
        }
        return nil
    }

    static func figures(in table: OfficialTable, url: URL, problems: inout [ImportFailure]) -> [OfficialFigure] {
        guard let year = year(of: table, url: url) else {
            problems.append(
                ImportFailure(
                    table.file,
                    "cannot tell which year this table is for: no column, file or folder name holds one; keep the file in its release's folder, or name it with the year, e.g. SFR21_ADP2011.csv"
                ))
            return []
        }
        guard let release = DfERelease.firstRelease(year) else {
            problems.append(
                ImportFailure(
                    table.file,
                    "\(year) is not a year of the statistical first releases (2010 to 2017); from 2018, download the Explore Education Statistics tables"
                ))
            return []
        }
        guard let level = table.column("geog_l"), let code = table.column("geog_c"), let name = table.column("geog_n") else { return [] }
        let gss = table.column("New_geog_code")
        let routes = table.header.contains { ["CLA_ceaAdop2", "CEA_Adop2"].contains(baseName($0.text).base) }
        let columns = table.header.enumerated().compactMap { index, cell -> (index: Int, name: String, indicator: String)? in
            indicator(for: baseName(cell.text).base, routes: routes).map { (index, cell.text.trimmingCharacters(in: .whitespaces), $0) }
        }
        var figures: [OfficialFigure] = []
        for row in table.rows {
            guard let levelCell = table.cell(row, level), let codeCell = table.cell(row, code) else { continue }
            let nameText = table.cell(row, name)?.text.trimmingCharacters(in: .whitespaces) ?? ""
            let area: OfficialArea
            switch levelCell.text.uppercased() {
            case "NATIONAL": area = .england
            case "GOR", "REGION":
                // Inner and Outer London are published too (under London's code); they are not among the nine regions.
                if nameText.uppercased().hasPrefix("INNER") || nameText.uppercased().hasPrefix("OUTER") { continue }
                let regionCode = gss.flatMap { table.cell(row, $0)?.text }.flatMap { EnglishRegion.name(of: $0) != nil ? $0 : nil }
                guard let region = regionCode ?? EnglishRegion.code(named: nameText) else { continue }
                area = .region(region)
            case "LA", "LOCAL AUTHORITY", "LOCAL_AUTHORITY":
                guard codeCell.text.count == 3, codeCell.text.allSatisfy(\.isNumber) else {
                    problems.append(
                        table.failure(codeCell, "\"\(codeCell.text)\" is not a council's three-digit DfE code, e.g. 886 for Kent"))
                    continue
                }
                area = .council(codeCell.text)
            default:
                continue
            }
            for column in columns {
                guard let cell = table.cell(row, column.index) else { continue }
                do {
                    guard let reading = try table.reading(cell, symbols: release.symbols, percentage: false) else { continue }
                    figures.append(
                        OfficialFigure(
                            area: area, areaName: area == .england ? "England" : nameText, indicator: column.indicator,
                            period: OfficialMeasure.period(column.indicator, yearEnding: year), value: reading.value,
                            symbol: reading.symbol,
                            release: release, file: table.file, table: table.name, column: column.name, line: cell.line,
                            position: cell.column))
                } catch {
                    problems.append(error)
                }
            }
        }
        return figures
    }
}
