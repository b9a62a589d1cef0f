// Authorities side by side: each authority's change over its own partnership, beside England's over the same years.

/// One indicator: every authority's change during its partnership, each with England's change over the same two periods.
struct SideBySideChart: Chart {
    struct Entry: Sendable {
        let authority: Authority
        let change: Change
        let value: Double
        let england: EnglandComparison?
    }

    let id: String
    let kind = ChartKind.sideBySide
    let authorityID: String? = nil
    let indicatorID: String?
    /// The measure drawn.
    let indicator: Indicator
    let title: String
    let subtitle: String
    let statements: ChartStatements
    let source: ChartSource
    let description: String
    let table: ChartTable
    /// Every authority with a change, for the table.
    let entries: [Entry]
    /// The authorities drawn: all of them, or the largest and smallest changes when there are many.
    let shown: [Entry]
    let unit: Unit
    let measure: ChangeKind

    /// At most this many authorities are drawn; the table has them all.
    static let maximumShown = 12

    var drawingInputs: String {
        "\(measure.rawValue)|\(unit.rawValue)\n"
            + shown.map { entry in
                "\(entry.authority.shortName)|\(entry.change.from.period.label)|\(entry.change.to.period.label)|\(entry.value)|\(entry.england.flatMap { $0.change.value(in: measure) }.map { "\($0)" } ?? "-")"
            }.joined(separator: "\n")
    }

    /// The chart for an indicator, or `nil` when no authority has a change in it; at most `maximumShown`
    /// authorities are drawn.
    init?(indicator: Indicator, comparisons: [AuthorityComparison], maximumShown: Int = SideBySideChart.maximumShown) {
        let measure = ComparisonRules.headlineMeasure(for: indicator.unit)
        let entries = comparisons.compactMap { comparison -> Entry? in
            guard let row = comparison.comparison(for: indicator.id), let change = row.change, let value = change.value(in: measure) else {
                return nil
            }
            return Entry(authority: comparison.authority, change: change, value: value, england: row.england)
        }
        self.init(indicator: indicator, entries: entries, maximumShown: maximumShown)
    }

    /// The chart of these entries, each with its change in the indicator's headline measure.
    init?(indicator: Indicator, entries: [Entry], maximumShown: Int = SideBySideChart.maximumShown) {
        let measure = ComparisonRules.headlineMeasure(for: indicator.unit)
        self.entries = entries
        guard !entries.isEmpty else { return nil }
        if entries.count > maximumShown {
            let ranked = entries.sorted { ($0.value, $0.authority.id) > ($1.value, $1.authority.id) }
            // An odd number shown gives the largest changes the extra row.
            let smallest = maximumShown / 2
            shown = Array(ranked.prefix(maximumShown - smallest)) + Array(ranked.suffix(smallest))
        } else {
            shown = entries
        }
        self.measure = measure
        unit = indicator.unit
        id = "\(indicator.id)-side-by-side"
        indicatorID = indicator.id
        self.indicator = indicator
        let unit = indicator.unit
        func stated(_ value: Double) -> String { UKFormat.change(value, kind: measure, unit: unit) }

        var claims = ChartStatements()
        if entries.count == 1, let only = entries.first {
            var text =
                "\(indicator.title): \(only.authority.shortName) \(ChartWords.movement(only.change, unit: unit)) during its partnership"
            if let england = only.england?.change { text += "; England \(ChartWords.movement(england, unit: unit)) over the same years" }
            title = text
            claims.title = [.change(only.change, unit: unit)] + (only.england == nil ? [] : [.names(area: "England")])
        } else {
            // Only a change clear of chance, and in the better direction where there is one, can be "most".
            let clear = entries.filter { entry in
                entry.change.isClear && (indicator.polarity == .neither || entry.change.direction == .improving)
            }
            let best = clear.max { a, b in
                indicator.polarity == .lowerIsBetter ? a.value > b.value : a.value < b.value
            }
            let verb = indicator.polarity == .neither ? "changed most" : "improved most"
            // England is named only where England's figures are drawn: on the rows shown, not those only in the table.
            let beside = shown.contains { $0.england != nil } ? ", beside England over the same years" : ""
            if !beside.isEmpty { claims.title.append(.names(area: "England")) }
            if let best, shown.contains(where: { $0.authority.id == best.authority.id }) {
                claims.title.append(.change(best.change, unit: unit))
                title = "\(indicator.title): \(best.authority.shortName) \(verb) during its partnership (\(stated(best.value)))\(beside)"
            } else if best != nil {
                // The largest clear change is in the table but not among the bars drawn, so the title names no one.
                title = "\(indicator.title): each partnership's change\(beside)"
            } else {
                title =
                    "\(indicator.title): each partnership's change, none clearly \(indicator.polarity == .neither ? "beyond chance" : "better")\(beside)"
            }
        }
        let measureWords = ChartWords.measureWords(measure, unit: unit)
        // One row drawn is the largest change alone: "1 largest and 0 smallest" would say nothing true.
        let selection: String
        if shown.count == entries.count {
            selection = ""
        } else if shown.count == 1 {
            selection = " Only the largest of \(entries.count) authorities' changes is drawn; the table has them all."
        } else {
            selection =
                " The \(shown.count - shown.count / 2) largest and \(shown.count / 2) smallest of \(entries.count) authorities are drawn; the table has them all."
        }
        subtitle =
            "\(indicator.title): \(measureWords) from the last figure before each partnership to the latest during it, \(SideBySideChart.englandWords(shown)).\(selection)"
        if shown.contains(where: { $0.england != nil }) { claims.subtitle.append(.names(area: "England")) }
        statements = claims
        source = ChartWords.source([
            (nil, entries.flatMap { [$0.change.from, $0.change.to] }),
            ("England", entries.compactMap(\.england).flatMap { [$0.change.from, $0.change.to] }),
        ])
        let drawn =
            selection.isEmpty
            ? ""
            : shown.count == 1
                ? ", for the authority with the largest change of \(entries.count)"
                : ", for the \(shown.count) authorities with the largest and smallest changes of \(entries.count)"
        description =
            "Bar chart of the \(measureWords) in \(indicator.noun) during each partnership\(drawn). "
            + shown.map { entry in
                var text = "\(entry.authority.shortName): \(stated(entry.value)) (\(ChartWords.pair(entry.change, unit: unit)))"
                if let england = entry.england, let theirs = england.change.value(in: measure) {
                    text += "; England \(stated(theirs)) over the same periods"
                    if let difference = england.difference {
                        text += ", a difference of \(UKFormat.difference(difference, measure: measure, unit: unit))"
                    }
                } else {
                    text += "; no England figures for the same periods"
                }
                return text + "."
            }.joined(separator: " ")
        table = ChartTable(
            caption: "\(indicator.title): change during each partnership and England over the same years",
            header: ["Authority", "From", "To", "Change", "England's change", "Difference"],
            rows: entries.map { entry in
                let theirs = entry.england.flatMap { $0.change.value(in: measure) }
                return [
                    .text(entry.authority.name),
                    .text("\(UKFormat.value(entry.change.from.value, unit: unit)), \(entry.change.from.period.label)"),
                    .text("\(UKFormat.value(entry.change.to.value, unit: unit)), \(entry.change.to.period.label)"),
                    ChartTable.Cell(stated(entry.value), raw: .number(CompareReport.twoPlaces(entry.value))),
                    theirs.map { ChartTable.Cell(stated($0), raw: .number(CompareReport.twoPlaces($0))) } ?? .empty,
                    entry.england?.difference.map {
                        ChartTable.Cell(UKFormat.difference($0, measure: measure, unit: unit), raw: .number(CompareReport.twoPlaces($0)))
                    } ?? .empty,
                ]
            })
    }

    /// A chart of several partnerships is drawn taller than 675 pixels rather than crowd them:
    /// each needs room for its name, however many lines that wraps onto, and England's row under it.
    func height(in format: ChartFormat, measurer: TextMeasurer) -> Int {
        let probe = RecordingCanvas(format: format, measurer: measurer)
        let plot = ChartFrame.layout(on: probe, title: title, subtitle: subtitle, source: source).plot
        let width = SideBySideChart.labelWidth(plot)
        let tallestName =
            shown.map { probe.fit(SideBySideChart.name($0), style: format.rowLabel, width: width, maxLines: format.rowLabelLines).height }
            .max() ?? 0
        let group = max(2 * (format.rowLabel.size * 1.22).rounded(), tallestName) + (format.valueLabel.size * 1.22).rounded() + 20
        return format.height + max(0, Int((Double(shown.count) * group - (plot.height - 40)).rounded(.up)))
    }

    /// The width partnerships' names wrap within, at the left of the plot.
    static func labelWidth(_ plot: Rect) -> Double { min(360, (plot.width * 0.3).rounded()) }

    /// A partnership's row name: "Kent, 2011-12 to 2014-15".
    static func name(_ entry: Entry) -> String {
        "\(entry.authority.shortName), \(rowWords(entry.change.from.period)) to \(rowWords(entry.change.to.period))"
    }

    func draw(on canvas: Canvas) {
        let frame = ChartFrame.draw(on: canvas, title: title, subtitle: subtitle, source: source)
        let labelWidth = SideBySideChart.labelWidth(frame.plot)
        let values = shown.flatMap { [$0.value] + [$0.england.flatMap { $0.change.value(in: measure) }].compactMap { $0 } }
        // Room beside the bars for the widest value label on each side they reach.
        func room(_ side: [Double]) -> Double {
            side.map { canvas.measure(UKFormat.change($0, kind: measure, unit: unit), canvas.format.valueLabel).width + 16 }.max() ?? 0
        }
        let leftRoom = max(40, room(values.filter { $0 < 0 }))
        let rightRoom = max(40, room(values.filter { $0 >= 0 }))
        let left = frame.plot.x + labelWidth + 24 + leftRoom
        let axisWidth = frame.plot.width - labelWidth - 24 - leftRoom - rightRoom
        let ticks = canvas.ticksThatFit(
            minimum: min(0, (values.min() ?? 0) * 1.15), maximum: max(0, (values.max() ?? 0) * 1.15), width: axisWidth,
            label: { ChartWords.changeTick($0, measure: measure, unit: unit) })
        let area = Rect(x: left, y: frame.plot.y, width: axisWidth, height: frame.plot.height - 40)
        let scale = LinearScale(ticks: ticks, range: area.x...area.maxX, inverted: false)
        for tick in ticks {
            let x = scale.position(tick)
            canvas.stroke(
                [Point(x, area.y), Point(x, area.maxY)],
                style: LineStyle(color: tick == 0 ? ChartStyle.axis : ChartStyle.gridline, width: tick == 0 ? 2 : 1))
            let label = ChartWords.changeTick(tick, measure: measure, unit: unit)
            let width = canvas.measure(label, canvas.format.axisLabel).width
            canvas.text(label, at: Point(x - width / 2, area.maxY + 30), style: canvas.format.axisLabel, color: ChartStyle.secondaryText)
        }
        let groupHeight = min(170, area.height / Double(shown.count))
        let barHeight = min(44, groupHeight * 0.3)
        let blockTop = area.y + (area.height - groupHeight * Double(shown.count)) / 2
        for (index, entry) in shown.enumerated() {
            let top = blockTop + Double(index) * groupHeight + (groupHeight - 2 * barHeight - 12) / 2
            let name = canvas.fit(
                SideBySideChart.name(entry), style: canvas.format.rowLabel, width: labelWidth, maxLines: canvas.format.rowLabelLines)
            let nameBottom = canvas.draw(
                name, x: frame.plot.x, top: max(top - 4, top + barHeight / 2 - name.height / 2 + 2), color: ChartStyle.primary)
            drawBar(on: canvas, value: entry.value, top: top, height: barHeight, scale: scale, color: ChartStyle.primary)
            let englandTop = top + barHeight + 12
            // England's row is named level with its bar, or under a long name that reaches down past it.
            let englandBaseline = max(englandTop + barHeight * 0.7, nameBottom + canvas.measure("Ag", canvas.format.valueLabel).ascent + 2)
            if let theirs = entry.england?.change.value(in: measure) {
                canvas.text(
                    "England, same years", at: Point(frame.plot.x, englandBaseline), style: canvas.format.valueLabel,
                    color: ChartStyle.text)
                drawBar(on: canvas, value: theirs, top: englandTop, height: barHeight, scale: scale, color: ChartStyle.comparator)
            } else {
                canvas.text(
                    "England: no figures for these years", at: Point(frame.plot.x, englandBaseline),
                    style: canvas.format.valueLabel, color: ChartStyle.secondaryText)
            }
        }
    }

    private func drawBar(on canvas: Canvas, value: Double, top: Double, height: Double, scale: LinearScale, color: Color) {
        let zero = scale.position(0)
        let end = scale.position(value)
        canvas.fill(Rect(x: min(zero, end), y: top, width: max(2, abs(end - zero)), height: height), color: color)
        let label = UKFormat.change(value, kind: measure, unit: unit)
        let metrics = canvas.measure(label, canvas.format.valueLabel)
        let x = value >= 0 ? end + 10 : end - 10 - metrics.width
        canvas.text(label, at: Point(x, top + height / 2 + metrics.ascent / 2 - 2), style: canvas.format.valueLabel, color: ChartStyle.text)
    }

    /// A period as a row's name gives it: a day as "Mar 2012", anything else in full.
    static func rowWords(_ period: Period) -> String {
        if case .snapshot = period { return period.shortLabel }
        return period.label
    }

    /// What the subtitle says of England: its change over the same periods, where it has figures.
    static func englandWords(_ entries: [Entry]) -> String {
        let with = entries.filter { $0.england != nil }.count
        if with == entries.count { return "with England's change over the same two periods" }
        if with == 0 { return "with no England figures for these periods, so none is drawn" }
        return "with England's change over the same two periods where England has figures"
    }
}
