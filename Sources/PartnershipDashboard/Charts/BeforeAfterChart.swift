// Before and after: for one authority, each measure's baseline and outcome as a dumbbell.

/// One authority's measures, each drawn from its last figure before the partnership to its latest during it.
///
/// Measures differ in unit, so each row has its own scale, starting at zero; both values and their
/// periods are labelled, and the direction is given in words and an arrow.
struct BeforeAfterChart: Chart {
    struct Row: Sendable {
        let indicator: Indicator
        let change: Change
        let threshold: ThresholdStatus?

        /// For counts of children, the 95% intervals around the two figures (exact Poisson below 10, Byar's from 10).
        var intervals: (from: ClosedRange<Double>, to: ClosedRange<Double>)? {
            guard indicator.unit == .count, let from = Chance.count(change.from.value), let to = Chance.count(change.to.value) else {
                return nil
            }
            return (from, to)
        }
    }

    let id: String
    let kind = ChartKind.beforeAndAfter
    let authorityID: String?
    let indicatorID: String? = nil
    let title: String
    let subtitle: String
    /// Its title sets one measure's two figures side by side when only one measure is judged;
    /// it names no comparator: each row is the council's own.
    let statements: ChartStatements
    let source: ChartSource
    let description: String
    let table: ChartTable
    let rows: [Row]
    /// The authority's full name, for the figures' download.
    let authorityName: String

    var drawingInputs: String {
        rows.map { row in
            "\(row.indicator.title)|\(row.indicator.unit.rawValue)|\(row.change.from.period.shortLabel)=\(row.change.from.value)|\(row.change.to.period.shortLabel)=\(row.change.to.value)|\(row.change.direction.rawValue)|\(row.change.relative.map { "\($0)" } ?? "-")|\(row.threshold.map { "\($0.threshold.value) \($0.met)" } ?? "-")"
        }.joined(separator: "\n")
    }

    /// The chart for an authority, or `nil` when no measure has figures both before and during.
    init?(_ comparison: AuthorityComparison) {
        let authority = comparison.authority
        rows = comparison.indicators.filter { !OfficialMeasure.components.contains($0.indicator.id) }.compactMap { row in
            row.change.map { Row(indicator: row.indicator, change: $0, threshold: row.outcomeThreshold) }
        }
        guard !rows.isEmpty, let partnership = authority.partnership else { return nil }
        id = "\(authority.id)-before-and-after"
        authorityID = authority.id
        authorityName = authority.name
        let name = authority.shortName

        // Only a change tested against chance counts as an improvement in the title.
        let judged = rows.filter { $0.indicator.polarity != .neither && $0.change.testedAgainstChance }
        let improved = judged.filter { $0.change.direction == .improving }.count
        let partner = partnership.partner
        let others = rows.count - judged.count
        let untested = rows.contains { $0.indicator.polarity != .neither && !$0.change.testedAgainstChance }
        let measures = others > 0 ? (untested ? "measures tested against chance" : "measures with a better direction") : "measures"
        var message: String
        var claims = ChartStatements()
        switch (judged.count, improved) {
        case (0, _): message = "\(name): how \(rows.count) measures moved during the \(partner) partnership"
        case (1, _):
            let row = judged[0]
            claims.title.append(.change(row.change, unit: row.indicator.unit))
            message =
                "\(name): \(row.indicator.noun) \(ChartWords.movement(row.change, unit: row.indicator.unit)) during the \(partner) partnership"
        case (2, 2): message = "\(name): both \(measures) improved during the \(partner) partnership"
        case (2, 0): message = "\(name): neither of the 2 \(measures) improved during the \(partner) partnership"
        case (let total, let count) where count == total:
            message = "\(name): all \(total) \(measures) improved during the \(partner) partnership"
        case (let total, 0): message = "\(name): none of the \(total) \(measures) improved during the \(partner) partnership"
        case (let total, let count):
            message = "\(name): \(count) of \(total) \(measures) improved during the \(partner) partnership"
        }
        if others > 0, !judged.isEmpty {
            message += others == 1 ? ", with one more measure shown" : ", with \(others) more measures shown"
        }
        title = message
        statements = claims
        let notes = [
            rows.contains { $0.intervals != nil } ? "Whiskers: 95% confidence intervals for counts." : nil,
            rows.contains { $0.change.isUntested }
                ? "Untested: no counts of children behind it to test chance with." : nil,
        ].compactMap { $0 }
        subtitle =
            "Last figure before the partnership (hollow) and latest during it (filled), \(authority.name); each row on its own scale from zero.\(notes.map { " \($0)" }.joined())"
        source = ChartWords.source([(nil, rows.flatMap { [$0.change.from, $0.change.to] })])
        description =
            "Dumbbell chart of \(rows.count) \(rows.count == 1 ? "measure" : "measures") for \(authority.name), comparing the last figure before the \(partnership.partner) partnership (\(partnership.datesLabel)) with the latest during it. "
            + rows.map { row in
                let unit = row.indicator.unit
                var text =
                    "\(row.indicator.title): \(ChartWords.pair(row.change, unit: unit)), \(UKFormat.change(row.change, unit: unit)), \(row.change.directionWords)"
                if let threshold = row.threshold { text += ", \(ChartWords.threshold(threshold, indicator: row.indicator))" }
                if let intervals = row.intervals {
                    text += " (95% intervals \(BeforeAfterChart.words(intervals.from)) and \(BeforeAfterChart.words(intervals.to)))"
                }
                return text + "."
            }.joined(separator: " ")
        table = ChartTable(
            caption: "Before and during the partnership, \(authority.name)",
            header: [
                "Measure", "Before: period", "Before", "Before: 95% interval", "During: period", "During", "During: 95% interval", "Change",
                "Direction", "Threshold",
            ],
            rows: rows.map { row in
                let unit = row.indicator.unit
                let interval = { (range: ClosedRange<Double>?) in range.map { ChartTable.Cell.text(BeforeAfterChart.words($0)) } ?? .empty }
                return [
                    .text(row.indicator.title), .text(row.change.from.period.label), .value(row.change.from.value, unit: unit),
                    interval(row.intervals?.from), .text(row.change.to.period.label), .value(row.change.to.value, unit: unit),
                    interval(row.intervals?.to),
                    ChartTable.Cell(UKFormat.change(row.change, unit: unit), raw: .number(row.change.absolute)),
                    .text(row.change.directionWords),
                    row.threshold.map {
                        ChartTable.Cell("\(UKFormat.value($0.threshold.value, unit: unit)) (\($0.label))", raw: .number($0.threshold.value))
                    } ?? .empty,
                ]
            })
    }

    /// A chart of many measures is drawn taller than 675 pixels rather than crowd its rows: each
    /// row needs room for the value labels above its track, the intervals below, and its name,
    /// however many lines that wraps onto.
    func height(in format: ChartFormat, measurer: TextMeasurer) -> Int {
        let probe = RecordingCanvas(format: format, measurer: measurer)
        let plot = ChartFrame.layout(on: probe, title: title, subtitle: subtitle, source: source).plot
        let width = BeforeAfterChart.labelWidth(plot)
        let tallestName =
            rows.map { probe.fit($0.indicator.title, style: format.rowLabel, width: width, maxLines: format.rowLabelLines).height }.max()
            ?? 0
        let row = max(BeforeAfterChart.smallestRow(format), (tallestName + 16).rounded(.up))
        return format.height + max(0, Int((Double(rows.count) * row - plot.height).rounded(.up)))
    }

    static func smallestRow(_ format: ChartFormat) -> Double { (format.valueLabel.size * 3.3).rounded() }

    /// The width the measures' names wrap within, at the left of the plot.
    static func labelWidth(_ plot: Rect) -> Double { min(430, (plot.width * 0.29).rounded()) }

    func draw(on canvas: Canvas) {
        let frame = ChartFrame.draw(on: canvas, title: title, subtitle: subtitle, source: source)
        let plot = frame.plot
        let labelWidth = BeforeAfterChart.labelWidth(plot)
        let resultWidth = min(300, rows.map { resultWidths($0, on: canvas) }.max() ?? 0)
        let trackStart = plot.x + labelWidth + 40
        let trackEnd = plot.maxX - resultWidth - 40
        let rowHeight = min(140, plot.height / Double(rows.count))
        let blockTop = plot.y + (plot.height - rowHeight * Double(rows.count)) / 2
        for (index, row) in rows.enumerated() {
            let top = blockTop + Double(index) * rowHeight
            let middle = top + rowHeight * 0.55
            let unit = row.indicator.unit
            if index > 0 {
                canvas.stroke([Point(plot.x, top), Point(plot.maxX, top)], style: LineStyle(color: ChartStyle.gridline, width: 1))
            }
            let name = canvas.fit(
                row.indicator.title, style: canvas.format.rowLabel, width: labelWidth, maxLines: canvas.format.rowLabelLines)
            canvas.draw(name, x: plot.x, top: middle - name.height / 2 - 4, color: ChartStyle.text)

            let largest = max(
                row.change.from.value, row.change.to.value, row.threshold?.threshold.value ?? 0, row.intervals?.from.upperBound ?? 0,
                row.intervals?.to.upperBound ?? 0)
            let scale = LinearScale(domain: 0...(largest * 1.12 == 0 ? 1 : largest * 1.12), range: trackStart...trackEnd, inverted: false)
            canvas.stroke([Point(trackStart, middle), Point(trackEnd, middle)], style: LineStyle(color: ChartStyle.gridline, width: 2))
            canvas.stroke(
                [Point(trackStart, middle - 8), Point(trackStart, middle + 8)], style: LineStyle(color: ChartStyle.axis, width: 2))
            canvas.text(
                "0", at: Point(trackStart - 6 - canvas.measure("0", canvas.format.axisLabel).width, middle + 7),
                style: canvas.format.axisLabel,
                color: ChartStyle.secondaryText)

            if let threshold = row.threshold {
                // The tick stops short of the value labels above the track. In a tall row its label
                // sits under the tick; in a short one, beside it, inside the row.
                let below = top + rowHeight - middle
                let tick = min(26, below - 6)
                let x = scale.position(threshold.threshold.value)
                canvas.stroke(
                    [Point(x, middle - 13), Point(x, middle + tick)],
                    style: LineStyle(color: ChartStyle.threshold, width: 2.5, dash: [6, 4]))
                let label = "threshold \(UKFormat.value(threshold.threshold.value, unit: unit))"
                let metrics = canvas.measure(label, canvas.format.note)
                let under = middle + tick + 6 + metrics.ascent
                if under + metrics.descent <= top + rowHeight {
                    canvas.text(
                        label, at: Point(min(max(trackStart, x - metrics.width / 2), trackEnd - metrics.width), under),
                        style: canvas.format.note,
                        color: ChartStyle.threshold)
                } else {
                    let beside = x + 8 + metrics.width <= trackEnd + 30 ? x + 8 : x - 8 - metrics.width
                    canvas.text(
                        label, at: Point(beside, top + rowHeight - metrics.descent - 3), style: canvas.format.note,
                        color: ChartStyle.threshold
                    )
                }
            }

            let from = scale.position(row.change.from.value)
            let to = scale.position(row.change.to.value)
            canvas.stroke([Point(from, middle), Point(to, middle)], style: LineStyle(color: ChartStyle.muted, width: 7))
            if abs(to - from) > 30 {
                let tip = to - (to > from ? 11 : -11)
                let back = tip - (to > from ? 16 : -16)
                canvas.fillPolygon([Point(tip, middle), Point(back, middle - 10), Point(back, middle + 10)], color: ChartStyle.muted)
            }
            if let intervals = row.intervals {
                // Under the track: the before figure's range, then the during figure's, each with end caps.
                for (range, offset, color) in [(intervals.from, 17.0, ChartStyle.axis), (intervals.to, 25.0, ChartStyle.primary)] {
                    let low = scale.position(range.lowerBound)
                    let high = scale.position(range.upperBound)
                    let y = middle + offset
                    let style = LineStyle(color: color, width: 2.5)
                    canvas.stroke([Point(low, y), Point(high, y)], style: style)
                    canvas.stroke([Point(low, y - 4), Point(low, y + 4)], style: style)
                    canvas.stroke([Point(high, y - 4), Point(high, y + 4)], style: style)
                }
            }
            canvas.marker(.circle, at: Point(from, middle), radius: 10, fill: ChartStyle.background, outline: ChartStyle.primary)
            canvas.marker(.circle, at: Point(to, middle), radius: 10, fill: ChartStyle.primary, outline: ChartStyle.primary)

            let fromText = "\(UKFormat.value(row.change.from.value, unit: unit)), \(row.change.from.period.shortLabel)"
            let toText = "\(UKFormat.value(row.change.to.value, unit: unit)), \(row.change.to.period.shortLabel)"
            drawEndLabels(on: canvas, from: (fromText, from), to: (toText, to), y: middle, track: trackStart...trackEnd)

            let changeText = UKFormat.change(row.change, unit: unit)
            let changeStyle = canvas.format.rowLabel
            let fittedChange = canvas.shorten(changeText, style: changeStyle, width: resultWidth)
            canvas.text(fittedChange, at: Point(plot.maxX - resultWidth, middle - 4), style: changeStyle, color: ChartStyle.text)
            let direction = "\(row.change.arrow) \(row.change.directionShortWords)"
            canvas.text(
                direction, at: Point(plot.maxX - resultWidth, middle + 24), style: canvas.format.valueLabel, color: ChartStyle.secondaryText
            )
        }
    }

    /// The room a row's change and its direction take in the right-hand column.
    private func resultWidths(_ row: Row, on canvas: Canvas) -> Double {
        let change = canvas.measure(UKFormat.change(row.change, unit: row.indicator.unit), canvas.format.rowLabel).width
        let direction = canvas.measure(
            "\(row.change.arrow) \(row.change.directionShortWords)", canvas.format.valueLabel
        ).width
        return max(change, direction) + 8
    }

    /// "49 to 80": an interval around a count, in whole children.
    static func words(_ range: ClosedRange<Double>) -> String {
        "\(UKFormat.number(range.lowerBound.rounded())) to \(UKFormat.number(range.upperBound.rounded()))"
    }

    /// Puts each value label above its marker, on its outer side, or centred when the outer side has
    /// no room; if the two would then overlap, they sit side by side above the pair, in the same
    /// left-to-right order as their markers (each names its period, so neither is mistaken).
    private func drawEndLabels(
        on canvas: Canvas, from: (text: String, x: Double), to: (text: String, x: Double), y: Double, track: ClosedRange<Double>
    ) {
        let style = canvas.format.valueLabel
        let gap = 18.0
        let lowest = track.lowerBound - 30
        let highest = track.upperBound + 30
        func box(_ label: (text: String, x: Double), outerLeft: Bool) -> Rect {
            let width = canvas.measure(label.text, style).width
            let outer = outerLeft ? label.x - gap - width : label.x + gap
            let fits = outerLeft ? outer >= lowest : outer + width <= highest
            let x = fits ? outer : min(max(lowest, label.x - width / 2), highest - width)
            return Rect(x: x, y: y - 20, width: width, height: 0)
        }
        let fromIsLeft = from.x <= to.x
        var fromBox = box(from, outerLeft: fromIsLeft)
        var toBox = box(to, outerLeft: !fromIsLeft)
        if fromBox.x < toBox.maxX + 8 && toBox.x < fromBox.maxX + 8 {
            let space = 16.0
            let total = fromBox.width + space + toBox.width
            let start = min(max(lowest, (from.x + to.x) / 2 - total / 2), highest - total)
            let leftWidth = fromIsLeft ? fromBox.width : toBox.width
            let leftX = start
            let rightX = start + leftWidth + space
            fromBox = Rect(x: fromIsLeft ? leftX : rightX, y: y - 20, width: fromBox.width, height: 0)
            toBox = Rect(x: fromIsLeft ? rightX : leftX, y: y - 20, width: toBox.width, height: 0)
        }
        canvas.text(from.text, at: Point(fromBox.x, fromBox.y), style: style, color: ChartStyle.text)
        canvas.text(to.text, at: Point(toBox.x, toBox.y), style: style, color: ChartStyle.text)
    }
}
