// The output of `dashboard compare`: a terminal table, CSV, or JSON with a documented shape.

/// Formats comparisons for `dashboard compare`.
package struct CompareReport: Sendable {
    package enum Format: String, CaseIterable, Sendable { case table, csv, json }

    let comparisons: [AuthorityComparison]
    let englandClaims: [ClaimCheck]

    init(comparisons: [AuthorityComparison], englandClaims: [ClaimCheck] = []) {
        self.comparisons = comparisons
        self.englandClaims = englandClaims
    }

    func render(_ format: Format) -> String {
        switch format {
        case .table: return table
        case .csv: return csv.text
        case .json: return JSONWriter.write(json)
        }
    }

    // MARK: Table

    var table: String {
        var output = ""
        for comparison in comparisons {
            let authority = comparison.authority
            let partnership = authority.partnership.map { "\($0.partner), \($0.datesLabel)" } ?? "no partnership recorded"
            output += "\(authority.name) — \(partnership)\n"
            var table = TextTable(header: ["Indicator", "Baseline", "Outcome", "Change", "Direction", "Threshold", "England", "Difference"])
            for row in comparison.indicators {
                let unit = row.indicator.unit
                let baseline =
                    row.baseline.map { "\($0.observation.period.shortLabel): \(UKFormat.value($0.observation.value, unit: unit))" } ?? "—"
                let outcome =
                    row.outcome.map { "\($0.observation.period.shortLabel): \(UKFormat.value($0.observation.value, unit: unit))" } ?? "—"
                let change = row.change.map { UKFormat.change($0, unit: unit) } ?? "—"
                let direction = row.change.map { "\($0.arrow) \($0.directionWords)" } ?? ""
                let threshold =
                    (row.outcomeThreshold ?? row.baselineThreshold).map {
                        "\($0.label) (\(UKFormat.value($0.threshold.value, unit: unit)))"
                    } ?? ""
                let england = row.england.map { UKFormat.change($0.change, unit: unit) } ?? ""
                let difference =
                    row.england.flatMap { england in
                        england.difference.map { UKFormat.difference($0, measure: england.measure, unit: unit, short: true) }
                    } ?? ""
                table.append([row.indicator.title, baseline, outcome, change, direction, threshold, england, difference])
            }
            output += table.text
            let peers = comparison.indicators.flatMap { row -> [String] in
                guard let change = row.change else { return [] }
                return [
                    row.neighbours.map { PeerWords.neighbours($0, partner: authority, change: change, unit: row.indicator.unit) },
                    row.rank.map { PeerWords.rank($0, partner: authority, change: change) },
                ].compactMap { $0.map { "\(row.indicator.title): \($0)" } }
            }
            if !peers.isEmpty {
                output += "Beside councils like it and every council:\n" + peers.map { "  • \($0)\n" }.joined()
            }
            let missing = comparison.indicators.compactMap { row in row.unavailable.map { "\(row.indicator.title): \($0.words)." } }
            if !missing.isEmpty {
                output += "Not compared:\n" + missing.map { "  • \($0)\n" }.joined()
            }
            let notes = comparison.indicators.flatMap { row in row.caveats.map { "\(row.indicator.title): \($0.text)" } }
            if !notes.isEmpty {
                output += "Caveats:\n" + notes.map { "  • \($0)\n" }.joined()
            }
            output += "\n"
        }
        return output
    }

    // MARK: CSV

    static var csvHeader: [String] { csvColumns.map(\.name) }

    /// The columns of comparisons.csv, with what each holds, for the downloads page's guide.
    static let csvColumns: [(name: String, meaning: String)] = [
        ("authority_id", "the council's id"), ("authority", "its full name"), ("indicator_id", "the measure's id"),
        ("indicator", "the measure's name"), ("unit", "count, percent, days or pounds"),
        ("polarity", "higher-is-better, lower-is-better or neither"),
        ("baseline_period", "the last period before the partnership compared"), ("baseline_value", "the figure then"),
        ("baseline_phase", "before, or spanning-start where no figure ends before it"),
        ("outcome_period", "the latest period during the partnership compared"), ("outcome_value", "the figure then"),
        ("absolute_change", "outcome minus baseline, in the unit"), ("relative_change_percent", "the change as a per cent of the baseline"),
        ("percentage_point_change", "for percentages, the change in points"),
        ("direction", "improving, worsening, increasing, decreasing, no-change or no-clear-change (chance could explain it)"),
        ("after_period", "the latest period after the partnership ended"), ("after_value", "the figure then"),
        ("after_absolute_change", "after minus baseline"), ("threshold_period", "the period of the national threshold in force"),
        ("threshold_value", "the threshold"), ("threshold_met", "yes or no"),
        ("england_baseline_value", "England's figure for the baseline period"), ("england_outcome_value", "and for the outcome period"),
        ("england_absolute_change", "England's change"), ("england_relative_change_percent", "as a per cent"),
        ("england_percentage_point_change", "for percentages, in points"),
        ("difference_measure", "what difference_from_england is in: relative (points of per cent change), percentage-points or absolute"),
        ("difference_from_england", "the council's change minus England's"),
        ("neighbours_model", "DfE's statistical-neighbour model used (dfe-sn-2021 or dfe-sn-2025)"),
        ("neighbours_listed", "how many neighbours the model lists"), ("neighbours_counted", "how many had figures and were counted"),
        ("neighbours_median_change", "the counted neighbours' median change"), ("neighbours_lowest_change", "their lowest"),
        ("neighbours_highest_change", "their highest"), ("difference_from_neighbours_median", "the council's change minus that median"),
        ("rank_from_largest_increase", "its place among every council's change, largest increase first"),
        ("councils_ranked", "how many councils were ranked"),
        ("councils_left_out", "how many were left out (suppressed, missing, tiny base)"),
        ("versus_rest_of_england", "better, similar or worse (higher, similar, lower) than England without it, allowing for chance at 95%"),
        ("versus_neighbours_together", "the same against its counted neighbours added together"),
        ("claims_differing", "how many reported claims differ from the computed change"), ("caveats", "the kinds of caveat that apply"),
        ("unavailable_reason", "why no change is given, where none is"),
    ]

    var csv: CSVTable {
        var table = CSVTable(header: CompareReport.csvHeader)
        for comparison in comparisons {
            for row in comparison.indicators {
                let threshold = row.outcomeThreshold ?? row.baselineThreshold
                let cells: [CSVTable.Cell] = [
                    .text(comparison.authority.id), .text(comparison.authority.name),
                    .text(row.indicator.id), .text(row.indicator.title), .text(row.indicator.unit.rawValue),
                    .text(row.indicator.polarity.rawValue),
                    CSVTable.Cell(row.baseline?.observation.period.notation), CSVTable.Cell(row.baseline?.observation.value),
                    CSVTable.Cell(row.baseline?.phase.rawValue),
                    CSVTable.Cell(row.outcome?.observation.period.notation), CSVTable.Cell(row.outcome?.observation.value),
                    CSVTable.Cell(row.change?.absolute), CSVTable.Cell(row.change?.relative.map(CompareReport.twoPlaces)),
                    CSVTable.Cell(row.change?.percentagePoints), CSVTable.Cell(row.change?.direction.rawValue),
                    CSVTable.Cell(row.after?.observation.period.notation), CSVTable.Cell(row.after?.observation.value),
                    CSVTable.Cell(row.afterChange?.absolute),
                    CSVTable.Cell(threshold?.threshold.period.notation), CSVTable.Cell(threshold?.threshold.value),
                    CSVTable.Cell(threshold.map { $0.met ? "yes" : "no" }),
                    CSVTable.Cell(row.england?.change.from.value), CSVTable.Cell(row.england?.change.to.value),
                    CSVTable.Cell(row.england?.change.absolute),
                    CSVTable.Cell(row.england?.change.relative.map(CompareReport.twoPlaces)),
                    CSVTable.Cell(row.england?.change.percentagePoints),
                    CSVTable.Cell(row.england?.measure.rawValue), CSVTable.Cell(row.england?.difference.map(CompareReport.twoPlaces)),
                    CSVTable.Cell(row.neighbours?.model.model.id), CSVTable.Cell(row.neighbours.map { Double($0.peers.count) }),
                    CSVTable.Cell(row.neighbours.map { Double($0.counted.count) }),
                    CSVTable.Cell(row.neighbours?.median.map(CompareReport.twoPlaces)),
                    CSVTable.Cell(row.neighbours?.lowest.map(CompareReport.twoPlaces)),
                    CSVTable.Cell(row.neighbours?.highest.map(CompareReport.twoPlaces)),
                    CSVTable.Cell(row.neighbours?.difference.map(CompareReport.twoPlaces)),
                    CSVTable.Cell(row.rank.map { Double($0.rank) }), CSVTable.Cell(row.rank.map { Double($0.of) }),
                    CSVTable.Cell(row.rank.map { Double($0.leftOut.map(\.count).reduce(0, +)) }),
                    CSVTable.Cell(row.england?.standing?.rawValue), CSVTable.Cell(row.neighbours?.pooled?.standing?.rawValue),
                    .number(Double(row.claims.filter { $0.verdict == .differs }.count)),
                    CSVTable.Cell(row.caveats.isEmpty ? nil : row.caveats.map(\.kind.rawValue).joined(separator: "; ")),
                    CSVTable.Cell(row.unavailable?.words),
                ]
                table.append(cells)
            }
        }
        return table
    }

    /// Relative changes and differences are published to two decimal places.
    static func twoPlaces(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
