// Every council's change over a partnership's years, largest first, with the partner highlighted and
// its rank, its statistical neighbours' median and England's change marked.

/// One measure: every council's change between the partner's two periods, sorted, the partner in
/// the Analysis Function's dark blue and every other council in grey.
struct RankChart: Chart {
    let id: String
    let kind = ChartKind.rank
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
    let rank: CouncilRank
    let partnerID: String
    let partnerLabel: String
    let median: Double?
    let england: Double?
    /// England's change over the same years, whose figures the CSV gives beside the councils'.
    let englandChange: Change?
    let unit: Unit

    /// Fewer councils than this make no ranking worth drawing.
    static let minimumCouncils = 10

    var drawingInputs: String {
        "\(rank.measure.rawValue)|\(unit.rawValue)|\(partnerID)|\(partnerLabel)|\(median.map { "\($0)" } ?? "-")|\(england.map { "\($0)" } ?? "-")\n"
            + rank.changes.map { "\($0.authority.id)|\($0.value)" }.joined(separator: "\n")
    }

    /// The chart of a partner's change among every council's, or `nil` when it was not ranked.
    init?(authority: Authority, comparison row: IndicatorComparison) {
        guard let rank = row.rank, let change = row.change, rank.of >= RankChart.minimumCouncils,
            let mine = change.value(in: rank.measure)
        else { return nil }
        let indicator = row.indicator
        let unit = indicator.unit
        let measure = rank.measure
        self.rank = rank
        self.unit = unit
        partnerID = authority.id
        authorityID = authority.id
        indicatorID = indicator.id
        self.indicator = indicator
        id = "\(authority.id)-\(indicator.id)-rank"
        median = row.neighbours?.median
        england = row.england?.change.value(in: measure)
        englandChange = row.england?.change
        let stated = { (value: Double) in UKFormat.change(value, kind: measure, unit: unit) }
        let position = PeerWords.position(rank, change: change)
        partnerLabel =
            "\(authority.shortName) \(UKFormat.change(mine, kind: measure, unit: unit, short: true)): \(position.hasPrefix("the ") ? String(position.dropFirst(4)) : position)"
        let years = "from \(change.from.period.label) to \(change.to.period.label)"
        title =
            "\(indicator.title): \(authority.shortName) \(ChartWords.movement(change, unit: unit)) \(years), \(PeerWords.position(rank, change: change, among: rank.of))"
        // Title and subtitle alike set the council's two figures' years side by side.
        statements = ChartStatements(title: [.change(change, unit: unit)], subtitle: [.change(change, unit: unit)])
        let leftOut = rank.leftOut.map(\.count).reduce(0, +)
        subtitle =
            "\(ChartWords.measureWords(measure, unit: unit).sentenceCased) in \(indicator.noun) \(years), every council with DfE figures for both years, largest increase first\(leftOut > 0 ? " (\(leftOut) left out)" : "")."
        source = ChartWords.source([(nil, [change.from, change.to])])
        let top = rank.changes.first
        let bottom = rank.changes.last
        var words =
            "Sorted bar chart of the \(ChartWords.measureWords(measure, unit: unit)) in \(indicator.noun) \(years) for \(rank.of) councils, \(authority.shortName)'s bar highlighted: \(stated(mine)), \(position)."
        if let top, let bottom {
            words +=
                " The largest was \(top.authority.shortName)'s \(stated(top.value)) and the smallest \(bottom.authority.shortName)'s \(stated(bottom.value))."
        }
        if let median { words += " A line marks the median of \(authority.shortName)'s statistical neighbours, \(stated(median))." }
        if let england { words += " Another marks England's change over the same years, \(stated(england))." }
        if !rank.leftOut.isEmpty {
            words += " Left out: " + UKFormat.list(rank.leftOut.map { "\($0.count) (\($0.group.words))" }) + "."
        }
        description = words
        table = ChartTable(
            caption: "\(indicator.title) \(years): every council's change, largest first",
            header: ["Rank from the largest increase", "Council", change.from.period.label, change.to.period.label, "Change"],
            rows: RankChart.positions(rank.changes.map(\.value)).enumerated().map { index, position in
                let entry = rank.changes[index]
                return [
                    ChartTable.Cell(UKFormat.ordinal(position), raw: .number(Double(position))), .text(entry.authority.name),
                    .value(entry.change.from.value, unit: unit), .value(entry.change.to.value, unit: unit),
                    ChartTable.Cell(stated(entry.value), raw: .number(CompareReport.twoPlaces(entry.value))),
                ]
            })
    }

    /// Competition ranks of values sorted largest first: equal values share the place of the first.
    static func positions(_ sorted: [Double]) -> [Int] {
        var positions: [Int] = []
        for (index, value) in sorted.enumerated() {
            positions.append(index > 0 && sorted[index - 1] == value ? positions[index - 1] : index + 1)
        }
        return positions
    }

    /// Where the bars go in the plot: room on the left for the axis labels, on the right for the
    /// reference lines' labels, above for the partner's label and below for the axis title.
    static func bars(in plot: Rect) -> Rect {
        let labelRoom = 110.0
        let lineLabelRoom = 300.0
        return Rect(x: plot.x + labelRoom, y: plot.y + 40, width: plot.width - labelRoom - lineLabelRoom, height: plot.height - 90)
    }

    /// The rectangle the bars fill, for tests that check pixels against it.
    func barArea(on canvas: Canvas) -> Rect {
        RankChart.bars(in: ChartFrame.layout(on: canvas, title: title, subtitle: subtitle, source: source).plot)
    }

    func draw(on canvas: Canvas) {
        let frame = ChartFrame.draw(on: canvas, title: title, subtitle: subtitle, source: source)
        let values = rank.changes.map(\.value) + [median, england].compactMap { $0 }
        guard let lowest = values.min(), let highest = values.max() else { return }
        let ticks = LinearScale.niceTicks(minimum: min(0, lowest), maximum: max(0, highest), count: 7)
        guard let first = ticks.first, let last = ticks.last else { return }
        let area = RankChart.bars(in: frame.plot)
        let scale = LinearScale(domain: first...last, range: area.y...area.maxY, inverted: true)
        for tick in ticks {
            let y = scale.position(tick)
            canvas.stroke(
                [Point(area.x, y), Point(area.maxX, y)],
                style: LineStyle(color: tick == 0 ? ChartStyle.axis : ChartStyle.gridline, width: tick == 0 ? 2 : 1))
            let label = ChartWords.changeTick(tick, measure: rank.measure, unit: unit)
            let metrics = canvas.measure(label, canvas.format.axisLabel)
            canvas.text(
                label, at: Point(area.x - 14 - metrics.width, y + metrics.ascent / 2 - 2), style: canvas.format.axisLabel,
                color: ChartStyle.secondaryText)
        }
        let step = area.width / Double(rank.changes.count)
        let gap = step > 4 ? 1.0 : 0
        let zero = scale.position(0)
        var partnerBar: (x: Double, y: Double)?
        for (index, entry) in rank.changes.enumerated() {
            let x = area.x + Double(index) * step
            let y = scale.position(entry.value)
            let isPartner = entry.authority.id == partnerID
            canvas.fill(
                Rect(x: x, y: min(y, zero), width: max(1, step - gap), height: max(2, abs(y - zero))),
                color: isPartner ? ChartStyle.primary : ChartStyle.muted)
            if isPartner { partnerBar = (x + step / 2, y) }
        }
        let axisTitle = "\(rank.of) councils, largest increase first"
        canvas.text(axisTitle, at: Point(area.x, area.maxY + 40), style: canvas.format.axisTitle, color: ChartStyle.secondaryText)
        // Reference lines, labelled at the right; labels kept apart when the lines are close.
        var lines: [(value: Double, label: String, color: Color, dash: [Double])] = []
        let stated = { (value: Double) in UKFormat.change(value, kind: self.rank.measure, unit: self.unit, short: true) }
        if let median { lines.append((median, "Neighbours' median \(stated(median))", ChartStyle.region, [18, 9])) }
        if let england { lines.append((england, "England \(stated(england))", ChartStyle.threshold, [4, 7])) }
        var taken: [Double] = []
        for line in lines.sorted(by: { $0.value > $1.value }) {
            let y = scale.position(line.value)
            canvas.stroke([Point(area.x, y), Point(area.maxX, y)], style: LineStyle(color: line.color, width: 3, dash: line.dash))
            var labelY = y + 8
            while taken.contains(where: { abs($0 - labelY) < 30 }) { labelY += 30 }
            taken.append(labelY)
            canvas.text(
                line.label, at: Point(area.maxX + 12, labelY), style: canvas.format.valueLabel,
                color: ChartStyle.labelColor(for: line.color))
        }
        // The partner's bar, labelled above the plot, where no bar reaches, with a line down to the bar.
        if let partnerBar {
            let metrics = canvas.measure(partnerLabel, canvas.format.directLabel)
            let labelY = area.y - 16
            let right = partnerBar.x < area.x + area.width / 2
            let labelX =
                right ? min(partnerBar.x + 10, frame.plot.maxX - metrics.width) : max(frame.plot.x, partnerBar.x - 10 - metrics.width)
            canvas.stroke(
                [Point(partnerBar.x, min(partnerBar.y, zero) - 4), Point(partnerBar.x, labelY - metrics.ascent / 2)],
                style: LineStyle(color: ChartStyle.primary, width: 2))
            canvas.text(partnerLabel, at: Point(labelX, labelY), style: canvas.format.directLabel, color: ChartStyle.primary)
        }
    }
}
