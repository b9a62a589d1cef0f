// The over-time chart's title, subtitle, source, description and table, written from the numbers.

struct OverTimeWords {
    let title: String
    let subtitle: String
    let source: String
    let description: String
    let table: ChartTable

    init(
        authority: Authority, comparison: IndicatorComparison, mode: OverTimeChart.Mode, plotted: [PlottedFigure],
        england: [PlottedFigure], thresholds: [Threshold], omitted: [Observation]
    ) {
        let indicator = comparison.indicator
        let unit = indicator.unit
        let name = authority.shortName
        let periods = plotted.map(\.observation.period).sorted()
        let span = periods.first == periods.last ? periods[0].label : "\(periods.first!.label) to \(periods.last!.label)"

        // Title: the main message, from the numbers.
        if let change = comparison.change {
            var text = "\(name): \(indicator.noun) \(ChartWords.movement(change, unit: unit)), \(ChartWords.pair(change, unit: unit))"
            if let englandChange = comparison.england?.change {
                text += "; England's \(ChartWords.movement(englandChange, unit: unit))"
            }
            title = text
        } else if let outcome = comparison.outcome?.observation, let status = comparison.outcomeThreshold {
            title =
                "\(name): \(indicator.noun) stood at \(UKFormat.value(outcome.value, unit: unit)) \(ChartWords.when(outcome.period)), \(ChartWords.threshold(status, indicator: indicator))"
        } else {
            let latest = plotted.max { $0.observation.period < $1.observation.period }!.observation
            let earliest = plotted.min { $0.observation.period < $1.observation.period }!.observation
            title =
                "\(name): \(indicator.noun) stood at \(UKFormat.value(latest.value, unit: unit)) \(ChartWords.when(latest.period)), against \(UKFormat.value(earliest.value, unit: unit)) \(ChartWords.when(earliest.period))"
        }

        var subtitleText = "\(indicator.title), \(authority.name), \(span)"
        if case .index(let base) = mode {
            subtitleText += ". Index: \(base.label) = 100 for \(name)\(england.isEmpty ? "" : " and England")"
        }
        subtitle = subtitleText + "."

        source = ChartWords.source([
            (nil, plotted.map(\.observation.source)),
            ("England", england.map(\.observation.source)),
            ("Thresholds", thresholds.map(\.source)),
        ])

        // Description: what is drawn, from what to what, against what.
        var sentences: [String] = []
        let indexNote: String
        if case .index(let base) = mode { indexNote = ", indexed to \(base.label) = 100" } else { indexNote = "" }
        sentences.append(
            "Line chart of \(indicator.noun) in \(authority.name), \(span)\(indexNote)\(england.isEmpty ? "" : ", with England over the same years")."
        )
        if let change = comparison.change {
            let base =
                change.from.period.comparability == .unstated
                ? "before the partnership, period not stated" : "the last figure before the partnership"
            sentences.append(
                "\(name) went from \(UKFormat.value(change.from.value, unit: unit)) \(ChartWords.when(change.from.period)) (\(base)) to \(UKFormat.value(change.to.value, unit: unit)) \(ChartWords.when(change.to.period)), \(UKFormat.change(change, unit: unit))."
            )
        }
        if let englandChange = comparison.england?.change {
            sentences.append(
                "England went from \(UKFormat.value(englandChange.from.value, unit: unit)) to \(UKFormat.value(englandChange.to.value, unit: unit)) over the same periods, \(UKFormat.change(englandChange, unit: unit))."
            )
        } else if !england.isEmpty {
            sentences.append("England's figures for the same kind of period are drawn on the same scale for context.")
        }
        if let firstThreshold = thresholds.first, let lastThreshold = thresholds.last {
            var sentence = "A dashed step line shows the national threshold in force, "
            sentence +=
                thresholds.count == 1
                ? "\(UKFormat.value(firstThreshold.value, unit: unit)) for \(firstThreshold.period.label)"
                : "from \(UKFormat.value(firstThreshold.value, unit: unit)) for \(firstThreshold.period.label) to \(UKFormat.value(lastThreshold.value, unit: unit)) for \(lastThreshold.period.label)"
            if let status = comparison.outcomeThreshold ?? comparison.baselineThreshold {
                sentence +=
                    "; \(name)'s figure of \(UKFormat.value(status.value, unit: unit)) was \(ChartWords.threshold(status, indicator: indicator))"
            }
            sentences.append(sentence + ".")
        }
        if let partnership = authority.partnership {
            sentences.append("The \(partnership.partner) partnership, \(partnership.datesLabel), is shaded.")
        }
        if !omitted.isEmpty {
            let list = omitted.map { "\(UKFormat.value($0.value, unit: unit)) \(ChartWords.when($0.period))" }.joined(separator: ", ")
            sentences.append(
                "Not drawn, but in the table: \(list), because \(omitted.count == 1 ? "its period" : "their periods") cannot be placed or indexed with the rest."
            )
        }
        description = sentences.joined(separator: " ")

        table = OverTimeWords.table(
            authority: authority, comparison: comparison, mode: mode, plotted: plotted, england: england, thresholds: thresholds)
    }

    static func table(
        authority: Authority, comparison: IndicatorComparison, mode: OverTimeChart.Mode, plotted: [PlottedFigure],
        england: [PlottedFigure], thresholds: [Threshold]
    ) -> ChartTable {
        let unit = comparison.indicator.unit
        let name = authority.shortName
        let indexed = mode != .values
        var header = ["Period", "Phase", name]
        if indexed { header.append("\(name) index") }
        if !england.isEmpty { header += indexed ? ["England", "England index"] : ["England"] }
        if !thresholds.isEmpty { header.append("Threshold") }
        var periods = Set(comparison.observations.map(\.observation.period))
        periods.formUnion(england.map(\.observation.period))
        periods.formUnion(thresholds.map(\.period))
        var rows: [[ChartTable.Cell]] = []
        for period in periods.sorted() {
            let mine = comparison.observations.first { $0.observation.period == period }
            let phase = mine?.phase ?? authority.partnership?.phase(of: period)
            var row: [ChartTable.Cell] = [
                .text(period.label), phase.map { .text($0.label) } ?? .empty, .value(mine?.observation.value, unit: unit),
            ]
            if indexed { row.append(.index(plotted.first { $0.observation.period == period }?.y)) }
            if !england.isEmpty {
                let theirs = england.first { $0.observation.period == period }
                row.append(.value(theirs?.observation.value, unit: unit))
                if indexed { row.append(.index(theirs?.y)) }
            }
            if !thresholds.isEmpty { row.append(.value(thresholds.first { $0.period == period }?.value, unit: unit)) }
            rows.append(row)
        }
        return ChartTable(caption: "\(comparison.indicator.title), \(authority.name)", header: header, rows: rows)
    }
}
