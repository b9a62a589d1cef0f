// Event time: each authority indexed to 100 at its baseline, on years since its own partnership began.

import Foundation

/// One indicator: every authority's series indexed to its own baseline, aligned on its own partnership's start.
struct EventTimeChart: Chart {
    struct Line: Sendable {
        let authority: Authority
        let basePeriod: Period
        /// Years since the partnership's first day, and the index there.
        let points: [(years: Double, index: Double, observation: Observation)]
        /// Years from the partnership's first day to its last, for a partnership that has ended.
        let ended: Double?
        /// For counts of children, each figure's 95% interval on the index scale (the base year's own
        /// uncertainty left out), by the method ``Chance/count(_:z:)`` gives.
        let intervals: [ClosedRange<Double>?]

        /// Whether a figure's whole period falls after the partnership ended.
        func isAfter(_ observation: Observation) -> Bool { authority.partnership?.phase(of: observation.period) == .after }
    }

    let id: String
    let kind = ChartKind.eventTime
    let authorityID: String? = nil
    let indicatorID: String?
    /// The measure drawn.
    let indicator: Indicator
    let title: String
    let subtitle: String
    /// Its words state medians of indexes (each council's figure against its own last year before
    /// its partnership, = 100, the chart's reference line) and name no comparator.
    let statements = ChartStatements()
    let source: ChartSource
    let description: String
    let table: ChartTable
    let lines: [Line]

    /// Years shown either side of the start, at most.
    static let window = -6.0...10.0
    /// With more authorities than this, each is drawn in grey and their median is highlighted.
    static let maximumColoured = 4

    /// The median index at each half-year since the start, where at least three authorities have a figure.
    var median: [(years: Double, index: Double, authorities: Int)] { EventTimeChart.median(of: lines) }

    static func median(of lines: [Line]) -> [(years: Double, index: Double, authorities: Int)] {
        var byStep: [Double: [Double]] = [:]
        for line in lines {
            for point in line.points { byStep[(point.years * 2).rounded() / 2, default: []].append(point.index) }
        }
        return byStep.sorted(by: { $0.key < $1.key }).compactMap { step, values in
            let values = values.sorted()
            guard values.count >= 3 else { return nil }
            let middle = values.count / 2
            return (step, values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2, values.count)
        }
    }

    /// The chart for an indicator, or `nil` when no authority has two indexed figures to draw.
    /// Percentages are not indexed (a rise from 4% to 20% is not "500"), so they have no event-time chart.
    init?(indicator: Indicator, comparisons: [AuthorityComparison]) {
        guard indicator.unit != .percent else { return nil }
        lines = comparisons.compactMap { comparison in
            guard let row = comparison.comparison(for: indicator.id), let base = row.change?.relativeBase,
                let firstDay = comparison.authority.partnership?.firstDay, let kind = base.period.comparability, kind != .unstated
            else { return nil }
            // One line is one kind of figure: DfE's indexed to DfE's, reported to reported.
            let points = row.observations.map(\.observation).filter { $0.period.comparability == kind && $0.official == base.official }
                .compactMap {
                    figure -> (Double, Double, Observation)? in
                    guard let anchor = figure.period.anchor else { return nil }
                    let years = Double(anchor.ordinal - firstDay.ordinal) / 365.25
                    guard EventTimeChart.window.contains(years) else { return nil }
                    return (years, figure.value / abs(base.value) * ComparisonRules.indexBase, figure)
                }
                .sorted { $0.0 < $1.0 }
            guard points.count >= 2 else { return nil }
            let ended = comparison.authority.partnership?.lastDay.map { Double($0.ordinal - firstDay.ordinal) / 365.25 }
            let scale = ComparisonRules.indexBase / abs(base.value)
            let intervals = points.map { point in
                indicator.unit == .count ? Chance.count(point.2.value).map { ($0.lowerBound * scale)...($0.upperBound * scale) } : nil
            }
            return Line(authority: comparison.authority, basePeriod: base.period, points: points, ended: ended, intervals: intervals)
        }
        guard !lines.isEmpty else { return nil }
        id = "\(indicator.id)-event-time"
        indicatorID = indicator.id
        self.indicator = indicator
        let latest = lines.compactMap { line in line.points.max { $0.years < $1.years }.map { (line, $0) } }
            .sorted { $0.1.index > $1.1.index }
        guard let furthest = latest.map(\.1.years).max() else { return nil }
        let horizon = Int(ceil(furthest))
        let reached = latest.enumerated().map { offset, entry in
            "\(entry.0.authority.shortName)\(offset == 0 ? " reached" : "") \(UKFormat.number(entry.1.index.rounded()))"
        }
        let list = UKFormat.list(reached)
        let whose = lines.count == 1 ? "its partnership" : "their partnerships"
        let median = EventTimeChart.median(of: lines)
        if lines.count > EventTimeChart.maximumColoured, let last = median.last {
            let some = last.authorities == lines.count ? "all \(lines.count)" : "the \(last.authorities) of \(lines.count)"
            title =
                "\(indicator.title): \(EventTimeChart.yearsLabel(last.years)) their partnerships began, the median of \(some) authorities with a figure then was \(UKFormat.number(last.index.rounded())) (last year before = 100)"
        } else {
            title =
                "\(indicator.title): \(list) within \(horizon) \(horizon == 1 ? "year" : "years") of \(whose) beginning (last year before = 100)"
        }
        let coloured = lines.count <= EventTimeChart.maximumColoured
        let anyAfter = lines.contains { line in line.points.contains { line.isAfter($0.observation) } }
        let anyWhiskers = coloured && lines.contains { $0.intervals.contains { $0 != nil } }
        subtitle =
            "Index, last figure before each partnership = 100, against years since that partnership began. Each authority is aligned on its own start date."
            + (coloured && anyAfter ? " Hollow markers: years after a partnership ended." : "")
            + (anyWhiskers ? " Whiskers: 95% intervals for each year's count." : "")
        source = ChartWords.source([(nil, lines.flatMap { $0.points.map(\.observation) })])
        let medianNote =
            lines.count > EventTimeChart.maximumColoured
            ? " Each authority is a thin grey line; the thick line is their median, which runs from \(median.first.map { UKFormat.number(($0.index * 10).rounded() / 10) } ?? "") to \(median.last.map { UKFormat.number(($0.index * 10).rounded() / 10) } ?? "")."
            : ""
        description =
            "Line chart of \(indicator.noun) for \(lines.count == 1 ? "one authority" : "\(lines.count) authorities"), each indexed to 100 at its last figure before its partnership and drawn against years since that partnership began. "
            + lines.map { line in
                let first = line.points[0]
                let last = line.points[line.points.count - 1]
                let after = line.points.filter { line.isAfter($0.observation) }
                let ended =
                    line.ended.map { ended in
                        " Its partnership ended \(EventTimeChart.yearsLabel(ended)) it began"
                            + (after.isEmpty ? "." : "; \(after.count) of these figures are from after it ended.")
                    } ?? ""
                let widest = zip(line.points, line.intervals).compactMap { point, interval in interval.map { (point, $0) } }
                    .max { ($0.1.upperBound - $0.1.lowerBound) < ($1.1.upperBound - $1.1.lowerBound) }
                let chance =
                    widest.map { point, interval in
                        " Its widest 95% interval, in \(point.observation.period.label) (\(UKFormat.number(point.observation.value)) children), runs from index \(EventTimeChart.indexWords(interval.lowerBound)) to \(EventTimeChart.indexWords(interval.upperBound))."
                    } ?? ""
                return
                    "\(line.authority.shortName) (base \(line.basePeriod.label)): from \(EventTimeChart.indexWords(first.index)) at \(EventTimeChart.yearsLabel(first.years)) to \(EventTimeChart.indexWords(last.index)) at \(EventTimeChart.yearsLabel(last.years)).\(ended)\(chance)"
            }.joined(separator: " ") + medianNote
        table = ChartTable(
            caption: "\(indicator.title), indexed to each authority's last figure before its partnership",
            header: ["Authority", "Period", "Phase", "Years since start", "Value", "Index", "Index: 95% interval"],
            rows: lines.flatMap { line in
                zip(line.points, line.intervals).map { point, interval in
                    let years = (point.years * 10).rounded() / 10
                    let phase = line.authority.partnership?.phase(of: point.observation.period).label ?? ""
                    return [
                        .text(line.authority.name), .text(point.observation.period.label), .text(phase),
                        ChartTable.Cell(UKFormat.number(years, decimals: 1), raw: .number(years)),
                        .value(point.observation.value, unit: indicator.unit), .index(point.index),
                        interval.map { .text("\(EventTimeChart.indexWords($0.lowerBound)) to \(EventTimeChart.indexWords($0.upperBound))") }
                            ?? .empty,
                    ]
                }
            })
    }

    var drawingInputs: String {
        lines.map { line in
            line.authority.shortName + "|"
                + zip(line.points, line.intervals).map { point, interval in
                    "\(point.observation.period.notation)=\(point.years),\(point.index),\(line.isAfter(point.observation)),\(interval.map { "\($0)" } ?? "-")"
                }.joined(separator: ",")
        }.joined(separator: "\n")
    }

    /// An index to one decimal place: "258.6".
    static func indexWords(_ index: Double) -> String { UKFormat.number((index * 10).rounded() / 10) }

    static func yearsLabel(_ years: Double) -> String {
        let rounded = (years * 10).rounded() / 10
        if rounded == 0 { return "the start" }
        return rounded < 0 ? "\(UKFormat.number(-rounded)) years before" : "\(UKFormat.number(rounded)) years after"
    }

    func draw(on canvas: Canvas) {
        let frame = ChartFrame.draw(on: canvas, title: title, subtitle: subtitle, source: source)
        let allYears = lines.flatMap { $0.points.map(\.years) }
        let low = min(-1, floor(allYears.min() ?? 0))
        let high = max(1, ceil(allYears.max() ?? 0))
        let many = lines.count > EventTimeChart.maximumColoured
        let tops = lines.flatMap { line in
            zip(line.points, line.intervals).map { point, interval in many ? point.index : max(point.index, interval?.upperBound ?? 0) }
        }
        let ticks = LinearScale.niceTicks(
            minimum: 0, maximum: (tops.max() ?? ComparisonRules.indexBase) * 1.05, count: ChartStyle.maximumGridlines)
        let tickLabels = ticks.map { UKFormat.number($0) }
        let labelWidth = tickLabels.map { canvas.measure($0, canvas.format.axisLabel).width }.max() ?? 0
        let names = lines.count > EventTimeChart.maximumColoured ? ["Median", "Each authority"] : lines.map(\.authority.shortName)
        let nameWidth = names.map { canvas.measure($0, canvas.format.directLabel).width }.max() ?? 0
        let plot = Rect(
            x: frame.plot.x + labelWidth + 14, y: frame.plot.y + 48, width: frame.plot.width - labelWidth - 14 - nameWidth - 28,
            height: frame.plot.height - 48 - 70)
        let y = LinearScale(ticks: ticks, range: plot.y...plot.maxY, inverted: true)
        let x = LinearScale(domain: low...high, range: plot.x...plot.maxX, inverted: false)
        canvas.text(
            "Index, last figure before the partnership = 100", at: Point(frame.plot.x, frame.plot.y + 22), style: canvas.format.axisTitle,
            color: ChartStyle.text)
        for (tick, label) in zip(ticks, tickLabels) {
            let position = y.position(tick)
            let emphasis = tick == 0 || tick == ComparisonRules.indexBase
            canvas.stroke(
                [Point(plot.x, position), Point(plot.maxX, position)],
                style: LineStyle(color: emphasis ? ChartStyle.axis : ChartStyle.gridline, width: emphasis ? 2 : 1))
            let metrics = canvas.measure(label, canvas.format.axisLabel)
            canvas.text(
                label, at: Point(plot.x - 12 - metrics.width, position + metrics.ascent / 2 - 1), style: canvas.format.axisLabel,
                color: ChartStyle.secondaryText)
        }
        for year in Int(low)...Int(high) {
            let position = x.position(Double(year))
            let label = year == 0 ? "0" : (year > 0 ? "+\(year)" : "\(UKFormat.minus)\(-year)")
            let width = canvas.measure(label, canvas.format.axisLabel).width
            canvas.stroke([Point(position, plot.maxY), Point(position, plot.maxY + 8)], style: LineStyle(color: ChartStyle.axis, width: 2))
            canvas.text(
                label, at: Point(position - width / 2, plot.maxY + 32), style: canvas.format.axisLabel, color: ChartStyle.secondaryText)
        }
        let axisTitle = "Years since the partnership began"
        let axisWidth = canvas.measure(axisTitle, canvas.format.axisTitle).width
        canvas.text(
            axisTitle, at: Point(plot.x + plot.width / 2 - axisWidth / 2, plot.maxY + 64), style: canvas.format.axisTitle,
            color: ChartStyle.text)
        let start = x.position(0)
        canvas.stroke(
            [Point(start, plot.y), Point(start, plot.maxY)], style: LineStyle(color: ChartStyle.bandEdge, width: 2, dash: [8, 6]))
        canvas.text("Partnership begins", at: Point(start + 8, plot.y + 20), style: canvas.format.note, color: ChartStyle.text)

        var ends: [(String, Double, Color)] = []
        for (index, line) in lines.enumerated() {
            let color = many ? ChartStyle.muted : ChartStyle.categorical[index % ChartStyle.categorical.count]
            let dash = many ? [] : ChartStyle.dashes[index % ChartStyle.dashes.count]
            let marker = ChartStyle.markers[index % ChartStyle.markers.count]
            if many {
                let sorted = line.points.sorted { $0.years < $1.years }
                canvas.stroke(sorted.map { Point(x.position($0.years), y.position($0.index)) }, style: LineStyle(color: color, width: 1.5))
                continue
            }
            let sorted = line.points
            for (point, interval) in zip(sorted, line.intervals) {
                guard let interval else { continue }
                let across = x.position(point.years)
                let top = y.position(interval.upperBound)
                let bottom = y.position(interval.lowerBound)
                let whisker = LineStyle(color: color, width: 2)
                canvas.stroke([Point(across, top), Point(across, bottom)], style: whisker)
                for end in [top, bottom] { canvas.stroke([Point(across - 6, end), Point(across + 6, end)], style: whisker) }
            }
            var run: [Point] = []
            for (offset, point) in sorted.enumerated() {
                if offset > 0, !OverTimeChart.consecutive(sorted[offset - 1].observation.period, point.observation.period) {
                    canvas.strokeSeries(run, color: color, dash: dash)
                    run = []
                }
                run.append(Point(x.position(point.years), y.position(point.index)))
            }
            canvas.strokeSeries(run, color: color, dash: dash)
            for point in sorted {
                let fill = line.isAfter(point.observation) ? ChartStyle.background : color
                canvas.marker(marker, at: Point(x.position(point.years), y.position(point.index)), radius: 8, fill: fill, outline: color)
            }
            if let last = sorted.last { ends.append((line.authority.shortName, y.position(last.index), color)) }
        }
        if many {
            let points = median.map { Point(x.position($0.years), y.position($0.index)) }
            canvas.stroke(points, style: LineStyle(color: ChartStyle.primary, width: 5))
            for point in points { canvas.marker(.circle, at: point, radius: 8, fill: ChartStyle.primary, outline: ChartStyle.primary) }
            if let last = median.last { ends.append(("Median", y.position(last.index), ChartStyle.primary)) }
            if let lastGrey = lines.last?.points.max(by: { $0.years < $1.years }) {
                ends.append(("Each authority", y.position(lastGrey.index), ChartStyle.secondaryText))
            }
        }
        let metrics = canvas.measure("Ag", canvas.format.directLabel)
        let placed = LabelStack.place(ends.map(\.1), height: metrics.ascent + metrics.descent + 4, within: plot.y...plot.maxY)
        for (end, position) in zip(ends, placed) {
            canvas.text(
                end.0, at: Point(plot.maxX + 14, position + metrics.ascent / 2 - 2), style: canvas.format.directLabel,
                color: ChartStyle.labelColor(for: end.2))
        }
    }
}
