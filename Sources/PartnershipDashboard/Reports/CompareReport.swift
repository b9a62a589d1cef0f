// The output of `dashboard compare`: a terminal table, CSV, or JSON with a documented shape.

/// Formats comparisons for `dashboard compare`.
public struct CompareReport: Sendable {
    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    public let comparisons: [AuthorityComparison]
    public let englandClaims: [ClaimCheck]

    public init(comparisons: [AuthorityComparison], englandClaims: [ClaimCheck] = []) {
        self.comparisons = comparisons
        self.englandClaims = englandClaims
    }

    public func render(_ format: Format) -> String {
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
                let direction = row.change.map { "\($0.direction.arrow(for: $0.absolute)) \($0.directionWords)" } ?? ""
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
            let missing = comparison.indicators.compactMap { row in row.unavailableReason.map { "\(row.indicator.title): \($0)." } }
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

    static let csvHeader = [
        "authority_id", "authority", "indicator_id", "indicator", "unit", "polarity",
        "baseline_period", "baseline_value", "baseline_phase", "outcome_period", "outcome_value",
        "absolute_change", "relative_change_percent", "percentage_point_change", "direction",
        "after_period", "after_value", "after_absolute_change",
        "threshold_period", "threshold_value", "threshold_met",
        "england_baseline_value", "england_outcome_value", "england_absolute_change", "england_relative_change_percent",
        "england_percentage_point_change", "difference_measure", "difference_from_england",
        "neighbours_model", "neighbours_listed", "neighbours_counted", "neighbours_median_change", "neighbours_lowest_change",
        "neighbours_highest_change", "difference_from_neighbours_median", "rank_from_largest_increase", "councils_ranked",
        "councils_left_out", "versus_rest_of_england", "versus_neighbours_together",
        "claims_differing", "caveats", "unavailable_reason",
    ]

    public var csv: CSVTable {
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
                    CSVTable.Cell(row.unavailableReason),
                ]
                table.append(cells)
            }
        }
        return table
    }

    /// Relative changes and differences are published to two decimal places.
    static func twoPlaces(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
