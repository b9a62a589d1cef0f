// Over time: one authority's figures for one indicator, the partnership shaded, thresholds and England beside it.

/// A figure placed on a chart: where it is drawn (its value, or its index) and what it is.
struct PlottedFigure: Sendable {
    let observation: Observation
    let y: Double
}

/// One authority and indicator over time.
///
/// Counts are drawn as an index (baseline = 100) beside England's index over the same years;
/// days and percentages are drawn as values, with England on the same scale and the threshold in
/// force as a step line. Figures are never joined across a gap: only consecutive periods of the
/// same kind are joined by a line, and averages over several years are drawn across their years.
package struct OverTimeChart: Chart {
    enum Mode: Sendable, Equatable {
        case values
        /// Indexed to 100 at this period, for the authority and England alike.
        case index(base: Period)
    }

    package let id: String
    package let kind = ChartKind.overTime
    package let authorityID: String?
    package let indicatorID: String?
    /// The measure drawn.
    let indicator: Indicator
    package let title: String
    package let subtitle: String
    package let statements: ChartStatements
    package let source: ChartSource
    package let description: String
    package let table: ChartTable

    let mode: Mode
    let unit: Unit
    package let authorityName: String
    let authorityFullName: String
    let partnership: Partnership?
    let authorityFigures: [PlottedFigure]
    let englandFigures: [PlottedFigure]
    /// The council's region, drawn like England: its name and figures, or none.
    let regionName: String?
    let regionFigures: [PlottedFigure]
    let thresholds: [Threshold]
    let baselinePeriod: Period?
    let outcomePeriod: Period?
    /// The baseline's value when its period is not stated, so it can be written on the chart.
    let unstatedBaselineValue: Double?
    let first: Day
    let last: Day

    package var drawingInputs: String {
        let figures = { (list: [PlottedFigure]) in list.map { "\($0.observation.period.notation)=\($0.y)" }.joined(separator: ",") }
        let phases =
            partnership.map { p in
                p.phases.map { "\($0.name)|\($0.start.wording)|\($0.start.date)" }.joined(separator: ";")
                    + "|\(p.partner)|\(p.datesLabel)|\(p.firstDay)|\(p.lastDay.map(\.description) ?? "-")"
            } ?? "-"
        return [
            "\(mode)", unit.rawValue, authorityName, phases, "\(first)", "\(last)", baselinePeriod?.notation ?? "-",
            outcomePeriod?.notation ?? "-",
            unstatedBaselineValue.map { "\($0)" } ?? "-", figures(authorityFigures), figures(englandFigures),
            regionName ?? "-", figures(regionFigures),
            thresholds.map { "\($0.period.notation)=\($0.value)" }.joined(separator: ","),
        ].joined(separator: "\n")
    }

    /// The chart for one authority's comparison of one indicator, or `nil` when there is nothing to
    /// compare over time: it needs two figures placed in time, or one with England's figure or the
    /// threshold for the same period beside it.
    init?(
        authority: Authority, comparison: IndicatorComparison, england: Series?, region: (name: String, series: Series)? = nil,
        thresholds book: ThresholdBook
    ) {
        // One line is one kind of figure: where DfE publishes the measure, only its figures are drawn,
        // and figures reported by others stay in the table beside the chart. A change worked out
        // from reported figures is then not this chart's message.
        let placeable = comparison.observations.map(\.observation).filter { $0.period.start != nil && $0.period.end != nil }
        let officialOnly = placeable.contains(where: \.official)
        let comparison = officialOnly && comparison.change?.from.official == false ? comparison.withoutChange() : comparison
        let indicator = comparison.indicator
        let figures = officialOnly ? placeable.filter(\.official) : placeable
        let sameUnitEngland = indicator.unit == .days || indicator.unit == .percent
        let company = figures.contains { figure in
            (sameUnitEngland && england?.observations.contains { $0.period == figure.period } == true)
                || !book.inForce(for: indicator, in: figure.period).isEmpty
        }
        guard figures.count >= 2 || (figures.count == 1 && company) else { return nil }
        id = "\(authority.id)-\(indicator.id)-over-time"
        authorityID = authority.id
        indicatorID = indicator.id
        self.indicator = indicator
        unit = indicator.unit
        authorityName = authority.shortName
        authorityFullName = authority.name
        partnership = authority.partnership
        baselinePeriod = comparison.baseline?.observation.period
        outcomePeriod = comparison.outcome?.observation.period
        unstatedBaselineValue = comparison.baseline.flatMap {
            $0.observation.period.comparability == .unstated ? $0.observation.value : nil
        }

        // Counts and amounts go on an index beside England's, when both have a figure at the base: the
        // comparison's baseline, or where nothing is compared, the first year both have.
        let englandFigures = england?.preferredObservations ?? []
        let englandHas = { (period: Period) in englandFigures.contains { $0.period == period && $0.value != 0 } }
        var mode = Mode.values
        if unit == .count || unit == .pounds {
            if let base = comparison.change?.relativeBase, englandHas(base.period) {
                mode = .index(base: base.period)
            } else if comparison.change == nil,
                let base = figures.sorted(by: { $0.period < $1.period }).first(where: { $0.value != 0 && englandHas($0.period) })
            {
                mode = .index(base: base.period)
            }
        }
        self.mode = mode

        let plotted: [PlottedFigure]
        switch mode {
        case .values:
            plotted = figures.map { PlottedFigure(observation: $0, y: $0.value) }
        case .index(let base):
            // The base is chosen from these figures, never zero; were it missing, the chart is left out.
            guard let baseValue = figures.first(where: { $0.period == base }).map({ abs($0.value) }), baseValue > 0 else { return nil }
            plotted = figures.filter { $0.period.comparability == base.comparability }
                .map { PlottedFigure(observation: $0, y: $0.value / baseValue * ComparisonRules.indexBase) }
        }
        authorityFigures = plotted
        guard var first = plotted.compactMap(\.observation.period.start).min(),
            var last = plotted.compactMap(\.observation.period.end).max()
        else { return nil }
        if let partnership {
            first = min(first, partnership.firstDay)
            last = max(last, partnership.lastDay ?? last)
        }
        first = Day(clampingYear: first.year, month: 1, day: 1)
        last = Day(clampingYear: last.year, month: 12, day: 31)
        self.first = first
        self.last = last

        // England and the region: on the same scale for days and percentages, as an index for counts.
        let kinds = Set(plotted.compactMap(\.observation.period.comparability))
        let unit = unit
        func comparator(_ all: [Observation]) -> [PlottedFigure] {
            let inRange = all.filter { figure in
                guard let start = figure.period.start, let end = figure.period.end, let kind = figure.period.comparability else {
                    return false
                }
                return kinds.contains(kind) && start >= first && end <= last
            }
            switch mode {
            case .values where unit == .days || unit == .percent:
                return inRange.map { PlottedFigure(observation: $0, y: $0.value) }
            case .index(let base):
                guard let baseValue = all.first(where: { $0.period == base && $0.value != 0 }).map({ abs($0.value) }) else { return [] }
                return inRange.map { PlottedFigure(observation: $0, y: $0.value / baseValue * ComparisonRules.indexBase) }
            default:
                return []
            }
        }
        self.englandFigures = comparator(englandFigures)
        let regionFigures = comparator(region?.series.preferredObservations ?? [])
        self.regionFigures = regionFigures
        regionName = regionFigures.isEmpty ? nil : region?.name

        // The threshold in force, by the year each applies to, where the chart shows values.
        if case .values = mode {
            thresholds = book.schedule(for: indicator).filter { threshold in
                guard let end = threshold.period.end else { return false }
                return end >= first && end <= last
            }
        } else {
            thresholds = []
        }

        let notDrawn = comparison.observations.map(\.observation).filter { figure in
            !plotted.contains { $0.observation.period == figure.period }
        }
        let reported = officialOnly ? notDrawn.filter { !$0.official } : []
        let omitted = notDrawn.filter { figure in !reported.contains { $0.period == figure.period } }
        let words = OverTimeWords(
            authority: authority, comparison: comparison, mode: mode, plotted: plotted, england: self.englandFigures,
            region: regionName.map { ($0, regionFigures) },
            thresholds: thresholds, omitted: omitted, reported: reported)
        title = words.title
        subtitle = words.subtitle
        statements = words.statements
        source = words.source
        description = words.description
        table = words.table
    }
}
