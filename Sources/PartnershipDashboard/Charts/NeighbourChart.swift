// A partner beside its statistical neighbours over time: the partner in dark blue, each neighbour a
// thin grey line, their median dashed and labelled, England dotted, the partnership shaded.

/// One measure over every year DfE gives: counts indexed to each council's own baseline year (= 100),
/// percentages as published.
struct NeighbourChart: Chart {
    struct Point2: Sendable {
        let period: Period
        let value: Double
        let y: Double
        /// The figure drawn; `nil` for the median, which is worked out, not published.
        var observation: Observation? = nil
    }

    struct Line: Sendable {
        let name: String
        let points: [Point2]

        func y(at period: Period) -> Double? { points.first { $0.period == period }?.y }
    }

    let id: String
    let kind = ChartKind.neighbours
    let authorityID: String?
    let indicatorID: String?
    /// The measure drawn.
    let indicator: Indicator
    let title: String
    let subtitle: String
    let statements: ChartStatements
    let source: ChartSource
    let description: String
    let table: ChartTable
    let partner: Line
    let neighbours: [Line]
    let median: Line
    let england: Line?
    let partnership: Partnership?
    let indexed: Bool
    let unit: Unit
    let periods: [Period]
    let base: Period

    var drawingInputs: String {
        let text = { (line: Line) in line.name + ":" + line.points.map { "\($0.period.notation)=\($0.y)" }.joined(separator: ",") }
        return ([partner, median] + neighbours + [england].compactMap { $0 }).map(text).joined(separator: "\n")
            + "\n\(partnership?.firstDay.description ?? "-")|\(partnership?.lastDay?.description ?? "-")|\(indexed)"
    }

    /// The chart of a partner's official figures beside its counted neighbours', or `nil` without a neighbour comparison.
    init?(authority: Authority, comparison row: IndicatorComparison, england englandSeries: Series?) {
        guard let comparison = row.neighbours, let change = row.change, comparison.counted.count >= 2,
            let kind = change.from.period.comparability
        else { return nil }
        let indicator = row.indicator
        let unit = indicator.unit
        let base = change.from.period
        let indexed = unit != .percent
        func line(_ name: String, _ series: Series?) -> Line? {
            let figures = (series?.officialFigures ?? []).filter {
                $0.period.comparability == kind && $0.period.anchor != nil
            }
            guard !figures.isEmpty else { return nil }
            if !indexed {
                return Line(name: name, points: figures.map { Point2(period: $0.period, value: $0.value, y: $0.value, observation: $0) })
            }
            guard let baseValue = figures.first(where: { $0.period == base })?.value, baseValue != 0 else { return nil }
            return Line(
                name: name,
                points: figures.map {
                    Point2(
                        period: $0.period, value: $0.value, y: Change.clean($0.value / abs(baseValue) * ComparisonRules.indexBase),
                        observation: $0)
                })
        }
        guard let partner = line(authority.shortName, authority.series(for: indicator.id)) else { return nil }
        let neighbours = comparison.counted.compactMap { peer in
            line(
                peer.followedBackTo.map { "\(peer.name) (\($0.shortName)'s figures)" } ?? peer.name,
                peer.figuresOf?.series(for: indicator.id))
        }
        guard neighbours.count >= 2 else { return nil }
        let periods = Array(Set((neighbours + [partner]).flatMap { $0.points.map(\.period) })).sorted()
        // The median of the neighbours with a figure each year, and how many there were.
        let medianPoints = periods.compactMap { period -> Point2? in
            let values = neighbours.compactMap { $0.y(at: period) }.sorted()
            guard values.count >= 2, let middle = ComparisonRules.median(values) else { return nil }
            return Point2(period: period, value: middle, y: middle)
        }
        let median = Line(name: "Neighbours' median", points: medianPoints)
        // England is drawn, and named, only where it has a figure in the years drawn.
        let england = line("England", englandSeries).map { line in
            Line(name: line.name, points: line.points.filter { point in periods.contains(point.period) })
        }.flatMap { $0.points.isEmpty ? nil : $0 }
        self.partner = partner
        self.neighbours = neighbours
        self.median = median
        self.england = england
        self.periods = periods
        self.base = base
        self.indexed = indexed
        self.unit = unit
        partnership = authority.partnership
        authorityID = authority.id
        indicatorID = indicator.id
        self.indicator = indicator
        id = "\(authority.id)-\(indicator.id)-neighbours"
        let measure = comparison.measure
        let stated = { (value: Double) in UKFormat.change(value, kind: measure, unit: unit) }
        let model = PeerWords.modelName(comparison.model)
        let years = "from \(change.from.period.label) to \(change.to.period.label)"
        title =
            "\(indicator.title): \(authority.shortName) \(ChartWords.movement(change, unit: unit)) \(years), against a median of \(comparison.median.map(stated) ?? "—") among its statistical neighbours"
        statements = ChartStatements(
            title: [.change(change, unit: unit)], subtitle: england == nil ? [] : [.names(area: "England")])
        let scale = indexed ? "Index: each council's \(base.label) = 100." : "Per cent."
        subtitle =
            "\(scale) \(authority.shortName) beside \(neighbours.count == comparison.peers.count ? "all \(neighbours.count)" : "\(neighbours.count) of its \(comparison.peers.count)") statistical neighbours in DfE's \(model) (grey, their median dashed)\(england == nil ? "" : " and England (dotted)")\(partnership == nil ? "" : "; the partnership is shaded")."
        source = ChartWords.source([(nil, [change.from, change.to])])
        let others = comparison.peers.filter { !$0.counted }.map { "\($0.name) (\($0.exclusion?.kind ?? "left out"))" }
        var words =
            "Line chart of \(indicator.noun)\(indexed ? ", indexed to \(base.label) = 100 for each council," : "") for \(authority.shortName) and \(neighbours.count) statistical neighbours in DfE's \(model), \(periods.first?.label ?? "") to \(periods.last?.label ?? ""). "
        words +=
            "\(authority.shortName) \(ChartWords.movement(change, unit: unit)) \(years) (\(stated(change.value(in: measure) ?? 0))). The neighbours' changes over the same years: "
            + comparison.counted.compactMap { peer in peer.change?.value(in: measure).map { "\(peer.name) \(stated($0))" } }.joined(
                separator: ", ") + "; median \(comparison.median.map(stated) ?? "—")."
        if let england = row.england?.change.value(in: measure) { words += " England: \(stated(england))." }
        if !others.isEmpty { words += " Not drawn: \(UKFormat.list(others))." }
        description = words
        let columns = [partner, median] + [england].compactMap { $0 } + neighbours
        table = ChartTable(
            caption:
                "\(indicator.title): \(authority.shortName), its statistical neighbours (DfE's \(model))\(england == nil ? "" : " and England"), \(indexed ? "index, \(base.label) = 100" : "per cent")",
            header: ["Period"] + columns.map(\.name),
            rows: periods.map { period in
                [.text(period.label)]
                    + columns.map { line in
                        guard let point = line.points.first(where: { $0.period == period }) else { return .empty }
                        return indexed ? .index(point.y) : .value(point.value, unit: unit)
                    }
            })
    }

    func draw(on canvas: Canvas) {
        let frame = ChartFrame.draw(on: canvas, title: title, subtitle: subtitle, source: source)
        let all = ([partner, median] + neighbours + [england].compactMap { $0 }).flatMap { $0.points.map(\.y) }
        guard let lowest = all.min(), let highest = all.max(), let firstDay = periods.first?.start, let lastDay = periods.last?.end
        else { return }
        let ticks = LinearScale.niceTicks(minimum: min(0, lowest), maximum: highest, count: 7)
        guard let top = ticks.last, let bottom = ticks.first else { return }
        let plot = Rect(x: frame.plot.x + 90, y: frame.plot.y + 40, width: frame.plot.width - 90 - 270, height: frame.plot.height - 80)
        let y = LinearScale(domain: bottom...top, range: plot.y...plot.maxY, inverted: true)
        let x = TimeScale(first: firstDay, last: lastDay, range: plot.x...plot.maxX)
        if let partnership {
            let start = max(plot.x, x.position(partnership.firstDay))
            let end = min(plot.maxX, partnership.lastDay.map { x.position($0.adding(days: 1)) } ?? plot.maxX)
            if end > start {
                canvas.fill(Rect(x: start, y: plot.y, width: end - start, height: plot.height), color: ChartStyle.band)
                canvas.text("Partnership", at: Point(start + 6, plot.y + 24), style: canvas.format.note, color: ChartStyle.text)
            }
        }
        for tick in ticks {
            let position = y.position(tick)
            canvas.stroke(
                [Point(plot.x, position), Point(plot.maxX, position)],
                style: LineStyle(color: tick == 0 ? ChartStyle.axis : ChartStyle.gridline, width: tick == 0 ? 2 : 1))
            let label = indexed ? UKFormat.number(tick) : UKFormat.number(tick) + "%"
            let metrics = canvas.measure(label, canvas.format.axisLabel)
            canvas.text(
                label, at: Point(plot.x - 12 - metrics.width, position + metrics.ascent / 2 - 1), style: canvas.format.axisLabel,
                color: ChartStyle.secondaryText)
        }
        canvas.text(
            indexed ? "Index, each council's \(base.label) = 100" : "Per cent",
            at: Point(frame.plot.x, frame.plot.y + 22), style: canvas.format.axisTitle, color: ChartStyle.text)
        // Financial years (or 31 March counts) labelled under their own middle, thinned to fit.
        let step = max(1, Int((Double(periods.count) / 8).rounded(.up)))
        for (index, period) in periods.enumerated() where index % step == 0 {
            guard let anchor = period.anchor else { continue }
            let position = x.position(anchor)
            canvas.stroke([Point(position, plot.maxY), Point(position, plot.maxY + 8)], style: LineStyle(color: ChartStyle.axis, width: 2))
            let label = period.shortLabel
            let width = canvas.measure(label, canvas.format.axisLabel).width
            canvas.text(
                label, at: Point(position - width / 2, plot.maxY + 32), style: canvas.format.axisLabel, color: ChartStyle.secondaryText)
        }
        func draw(_ line: Line, color: Color, width: Double, dash: [Double]) -> Double? {
            var run: [Point] = []
            var previous: Period?
            for point in line.points {
                guard let anchor = point.period.anchor else { continue }
                if let previous, let index = periods.firstIndex(of: previous), index + 1 < periods.count, periods[index + 1] != point.period
                {
                    // A missing year breaks the line rather than bridging it.
                    if run.count > 1 { canvas.stroke(run, style: LineStyle(color: color, width: width, dash: dash)) }
                    run = []
                }
                run.append(Point(x.position(anchor), y.position(point.y)))
                previous = point.period
            }
            if run.count > 1 { canvas.stroke(run, style: LineStyle(color: color, width: width, dash: dash)) }
            if run.count == 1, let only = run.first {
                canvas.marker(.circle, at: only, radius: 4, fill: color, outline: color)
            }
            return line.points.last.map { y.position($0.y) }
        }
        for neighbour in neighbours { _ = draw(neighbour, color: ChartStyle.muted, width: 2, dash: []) }
        var labels: [(text: String, y: Double, color: Color)] = []
        if let england, let last = draw(england, color: ChartStyle.threshold, width: 3, dash: ChartStyle.dashes[2]) {
            labels.append(("England", last, ChartStyle.threshold))
        }
        if let last = draw(median, color: ChartStyle.region, width: 4, dash: ChartStyle.dashes[1]) {
            labels.append(("Neighbours' median", last, ChartStyle.region))
        }
        if let last = draw(partner, color: ChartStyle.primary, width: 5, dash: []) {
            labels.append((partner.name, last, ChartStyle.primary))
        }
        let height = canvas.measure("Ag", canvas.format.directLabel)
        let placed = LabelStack.place(labels.map(\.y), height: height.ascent + height.descent + 4, within: plot.y...plot.maxY)
        for (label, position) in zip(labels, placed) {
            canvas.text(
                label.text, at: Point(plot.maxX + 14, position + height.ascent / 2 - 2), style: canvas.format.directLabel,
                color: ChartStyle.labelColor(for: label.color))
        }
    }
}
