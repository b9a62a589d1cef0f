// The over-time chart's title, subtitle, source, description and table, written from the numbers.

struct OverTimeWords {
    let title: String
    let subtitle: String
    let statements: ChartStatements
    let source: ChartSource
    let description: String
    let table: ChartTable

    init(
        authority: Authority, comparison: IndicatorComparison, mode: OverTimeChart.Mode, plotted: [PlottedFigure],
        england: [PlottedFigure], region: (name: String, figures: [PlottedFigure])?, thresholds: [Threshold], omitted: [Observation],
        reported: [Observation]
    ) {
        let indicator = comparison.indicator
        let unit = indicator.unit
        let name = authority.shortName
        let periods = plotted.map(\.observation.period).sorted()
        let span =
            periods.first.map { first in
                first == periods.last ? first.label : "\(first.spanEndLabel) to \((periods.last ?? first).spanEndLabel)"
            } ?? ""

        // Title: the main message, from the numbers.
        var claims = ChartStatements()
        if let change = comparison.change {
            claims.title.append(.change(change, unit: unit))
            // "Chance not tested" is said once, at the end, for whichever change it applies to.
            var untested = [change].filter(\.isUntested)
            // An untested change is stated by its two figures alone.
            var text =
                untested.isEmpty
                ? "\(name): \(indicator.noun) \(ChartWords.movement(change, unit: unit)), \(ChartWords.pair(change, unit: unit))"
                : "\(name): \(indicator.noun) went \(ChartWords.pair(change, unit: unit))"
            if let englandChange = comparison.england?.change {
                text += "; England's \(ChartWords.movement(englandChange, unit: unit, noting: false))"
                claims.title.append(.names(area: "England"))
                if englandChange.isUntested { untested.append(englandChange) }
            }
            if !untested.isEmpty { text += untested.count == 2 ? " (chance not tested for either)" : " (chance not tested)" }
            title = text
        } else if let outcome = comparison.outcome?.observation, let status = comparison.outcomeThreshold {
            title =
                "\(name): \(indicator.noun) stood at \(UKFormat.value(outcome.value, unit: unit)) \(ChartWords.when(outcome.period)), \(ChartWords.threshold(status, indicator: indicator))"
        } else {
            let (earliest, latest) = OverTimeWords.ends(plotted)
            if earliest.period == latest.period {
                // One figure is never set against itself: beside England's for the same period, if drawn.
                let englands = england.first { $0.observation.period == latest.period }?.observation
                if englands != nil { claims.title.append(.names(area: "England")) }
                title =
                    "\(name): \(indicator.noun) stood at \(StatedFigure(latest, unit: unit).words)"
                    + (englands.map { "; England's at \(UKFormat.value($0.value, unit: unit))" } ?? "")
            } else {
                let (from, to) = (StatedFigure(earliest, unit: unit), StatedFigure(latest, unit: unit))
                claims.title.append(.compares(from, to))
                title = "\(name): \(indicator.noun) stood at \(to.words), against \(from.words)"
            }
        }

        // The lines beside the council's: its region, then England.
        let others = (region.map { [$0.name] } ?? []) + (england.isEmpty ? [] : ["England"])
        var subtitleText = "\(indicator.title), \(authority.name), \(span)"
        if case .index(let base) = mode {
            subtitleText += ". Index: \(base.label) = 100 for \(UKFormat.list([name] + others))"
            claims.subtitle += others.map { .names(area: $0) }
        }
        if plotted.contains(where: { OverTimeChart.isHollow($0.observation, in: authority.partnership) }) {
            subtitleText += ". Hollow markers: part of a year, or a year that spans the partnership's start or end"
        }
        subtitle = subtitleText + "."
        statements = claims

        source = ChartWords.source(
            [
                (nil, plotted.map(\.observation)), ("England", england.map(\.observation)),
                (region?.name, region?.figures.map(\.observation) ?? []),
            ], thresholds: thresholds.map(\.source))

        // Description: what is drawn, from what to what, against what.
        var sentences: [String] = []
        let indexNote: String
        if case .index(let base) = mode { indexNote = ", indexed to \(base.label) = 100" } else { indexNote = "" }
        sentences.append(
            "Line chart of \(indicator.noun) in \(authority.name), \(span)\(indexNote)\(others.isEmpty ? "" : ", with \(UKFormat.list(others)) over the same years")."
        )
        if let change = comparison.change {
            let base =
                change.from.period.comparability == .unstated
                ? "period not stated by the source" : "the last figure before the partnership"
            sentences.append(
                "\(name) went from \(UKFormat.value(change.from.value, unit: unit)) \(ChartWords.when(change.from.period)) (\(base)) to \(UKFormat.value(change.to.value, unit: unit)) \(ChartWords.when(change.to.period)), \(UKFormat.change(change, unit: unit))."
            )
            if change.direction == .noClearChange {
                sentences.append(
                    "Chance alone could give a difference this size between these counts, so it is not called a rise or a fall.")
            }
        }
        if let change = comparison.change, let region,
            let from = region.figures.first(where: { $0.observation.period == change.from.period })?.observation,
            let to = region.figures.first(where: { $0.observation.period == change.to.period })?.observation
        {
            let regionChange = Change(from: from, to: to, unit: unit, polarity: indicator.polarity)
            sentences.append(
                "\(region.name) went from \(UKFormat.value(from.value, unit: unit)) to \(UKFormat.value(to.value, unit: unit)) over the same periods, \(UKFormat.change(regionChange, unit: unit))."
            )
        }
        if comparison.change == nil, !plotted.isEmpty, case (let earliest, let latest) = OverTimeWords.ends(plotted),
            earliest.period != latest.period
        {
            // Nothing is compared, so the words give the ends of each line and no verdict on them.
            var ends = [
                "\(name) went from \(UKFormat.value(earliest.value, unit: unit)) \(ChartWords.when(earliest.period)) to \(UKFormat.value(latest.value, unit: unit)) \(ChartWords.when(latest.period))"
            ]
            for (label, figures) in [(region?.name, region?.figures ?? []), ("England", england)] {
                guard let label, let from = figures.first(where: { $0.observation.period == earliest.period })?.observation,
                    let to = figures.first(where: { $0.observation.period == latest.period })?.observation
                else { continue }
                ends.append("\(label) from \(UKFormat.value(from.value, unit: unit)) to \(UKFormat.value(to.value, unit: unit))")
            }
            sentences.append(ends.joined(separator: "; ") + ".")
        }
        if let englandChange = comparison.england?.change {
            sentences.append(
                "England went from \(UKFormat.value(englandChange.from.value, unit: unit)) to \(UKFormat.value(englandChange.to.value, unit: unit)) over the same periods, \(UKFormat.change(englandChange, unit: unit))."
            )
        } else if !england.isEmpty && comparison.change != nil {
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
        // Years DfE printed a symbol for instead of a figure: the reason the line has a gap, or stops.
        if let series = authority.series(for: indicator.id), let kind = periods.last?.comparability {
            let drawn = Set(plotted.map(\.observation.period))
            let gaps = Set(series.suppressed.map(\.period)).filter { $0.comparability == kind && !drawn.contains($0) }.sorted()
                .map { (period: $0, cells: series.suppression(in: $0)) }.filter { !$0.cells.isEmpty }
            if !gaps.isEmpty {
                let symbols = gaps.flatMap { $0.cells.map { "\"\($0.symbol)\"" } }.uniqued()
                sentences.append(
                    "DfE published no figure for \(name) for \(UKFormat.list(OverTimeWords.runs(gaps.map(\.period)))) (marked \(UKFormat.list(symbols, conjunction: "or"))), so the line has no point there."
                )
            }
        }
        if !omitted.isEmpty {
            let list = omitted.map { "\(UKFormat.value($0.value, unit: unit)) \(ChartWords.when($0.period))" }.joined(separator: ", ")
            sentences.append(
                "Not drawn, but in the table: \(list), because \(omitted.count == 1 ? "its period" : "their periods") cannot be placed or indexed with the rest."
            )
        }
        if !reported.isEmpty {
            let list = reported.map {
                "\(UKFormat.value($0.value, unit: unit)) \(ChartWords.when($0.period)) (\($0.source.publisher))"
            }
            sentences.append(
                "Not drawn, but in the table: \(UKFormat.list(list)), reported for \(reported.count == 1 ? "a year" : "years") DfE's published figures here do not cover; the line is DfE's alone."
            )
        }
        description = sentences.joined(separator: " ")

        table = OverTimeWords.table(
            authority: authority, comparison: comparison, mode: mode, plotted: plotted, england: england, region: region,
            thresholds: thresholds)
    }

    static func table(
        authority: Authority, comparison: IndicatorComparison, mode: OverTimeChart.Mode, plotted: [PlottedFigure],
        england: [PlottedFigure], region: (name: String, figures: [PlottedFigure])?, thresholds: [Threshold]
    ) -> ChartTable {
        let unit = comparison.indicator.unit
        let name = authority.shortName
        let indexed = mode != .values
        let figures = comparison.observations.map(\.observation)
        // When official and reported figures share the table, each row says whose figure it is.
        let mixed = figures.contains(where: \.official) && figures.contains { !$0.official }
        // Without a partnership there is no phase to name.
        let phased = authority.partnership != nil
        var header = ["Period"] + (phased ? ["Phase"] : []) + [name]
        if mixed { header.append("\(name): source") }
        if indexed { header.append("\(name) index") }
        if let region { header += indexed ? [region.name, "\(region.name) index"] : [region.name] }
        if !england.isEmpty { header += indexed ? ["England", "England index"] : ["England"] }
        if !thresholds.isEmpty { header.append("Threshold") }
        var periods = Set(comparison.observations.map(\.observation.period))
        periods.formUnion(england.map(\.observation.period))
        periods.formUnion(region?.figures.map(\.observation.period) ?? [])
        periods.formUnion(thresholds.map(\.period))
        var rows: [[ChartTable.Cell]] = []
        for period in periods.sorted() {
            let mine = comparison.observations.first { $0.observation.period == period }
            let phase = mine?.phase ?? authority.partnership?.phase(of: period)
            var row: [ChartTable.Cell] = [.text(period.label)]
            if phased { row.append(phase.map { .text($0.label) } ?? .empty) }
            // A year DfE suppressed says so, as the page's table of every figure does.
            if mine == nil, let cell = authority.series(for: comparison.indicator.id)?.suppression(in: period).first {
                row.append(.text(cell.cellWords))
            } else {
                row.append(.value(mine?.observation.value, unit: unit))
            }
            if mixed {
                row.append(
                    mine.map {
                        .text($0.observation.official ? $0.observation.source.publisher : "\($0.observation.source.publisher) (reported)")
                    }
                        ?? .empty)
            }
            if indexed { row.append(.index(plotted.first { $0.observation.period == period }?.y)) }
            if let region {
                let theirs = region.figures.first { $0.observation.period == period }
                row.append(.value(theirs?.observation.value, unit: unit))
                if indexed { row.append(.index(theirs?.y)) }
            }
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

    /// Periods as a reader lists them: consecutive financial years as one run ("2019-20 to
    /// 2024-25"), any other period by its label.
    static func runs(_ periods: [Period]) -> [String] {
        var runs: [(first: Period, last: Period)] = []
        for period in periods {
            if case .financialYear(let year) = period, let run = runs.last, case .financialYear(let previous) = run.last,
                year == previous + 1
            {
                runs[runs.count - 1].last = period
            } else {
                runs.append((period, period))
            }
        }
        return runs.map { $0.first == $0.last ? $0.first.label : "\($0.first.label) to \($0.last.label)" }
    }

    /// The latest figure drawn and the earliest of the same kind, for words that set one against the
    /// other: a part of a year is never set against a whole year, nor a count on one day against a
    /// year's. The same figure twice when no other is of its kind.
    static func ends(_ plotted: [PlottedFigure]) -> (earliest: Observation, latest: Observation) {
        let figures = plotted.map(\.observation).sorted { $0.period < $1.period }
        let latest = figures[figures.count - 1]
        let kind = latest.period.comparability
        let earliest = figures.first { kind != nil && $0.period.comparability == kind } ?? latest
        return (earliest, latest)
    }

}
