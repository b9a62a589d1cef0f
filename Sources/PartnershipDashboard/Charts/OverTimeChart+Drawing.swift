// Drawing the over-time chart: band, gridlines, axes, threshold steps, series and direct labels.

extension OverTimeChart {
    /// Where the plot, its scales and its ticks go on a canvas; drawing uses exactly this.
    struct Layout: Sendable {
        let plot: Rect
        let x: TimeScale
        let y: LinearScale
        let ticks: [Double]
        let frame: Rect
        let tickLabels: [String]
    }

    func layout(on canvas: Canvas) -> Layout {
        let frame = ChartFrame.layout(on: canvas, title: title, subtitle: subtitle, source: source).plot
        let allY = authorityFigures.map(\.y) + englandFigures.map(\.y) + regionFigures.map(\.y) + thresholds.map(\.value)
        let ticks = LinearScale.niceTicks(minimum: 0, maximum: (allY.max() ?? 1) * 1.08, count: ChartStyle.maximumGridlines)
        let tickLabels = ticks.map(axisLabel)
        let labelWidth = tickLabels.map { canvas.measure($0, canvas.format.axisLabel).width }.max() ?? 0
        let seriesNames =
            [authorityName] + (englandFigures.isEmpty ? [] : ["England"]) + (regionName.map { [$0] } ?? [])
            + (thresholds.isEmpty ? [] : ["Threshold"])
        let rightLabelWidth = seriesNames.map { canvas.measure($0, canvas.format.directLabel).width }.max() ?? 0
        let plot = Rect(
            x: frame.x + labelWidth + 14, y: frame.y + 2 * OverTimeChart.stripHeight,
            width: frame.width - labelWidth - 14 - rightLabelWidth - 28,
            height: frame.height - 2 * OverTimeChart.stripHeight - 40)
        return Layout(
            plot: plot, x: TimeScale(first: first, last: last, range: plot.x...plot.maxX),
            y: LinearScale(ticks: ticks, range: plot.y...plot.maxY, inverted: true), ticks: ticks, frame: frame,
            tickLabels: tickLabels)
    }

    static let stripHeight = 34.0

    package func draw(on canvas: Canvas) {
        _ = ChartFrame.draw(on: canvas, title: title, subtitle: subtitle, source: source)
        let layout = layout(on: canvas)
        let plot = layout.plot
        let xScale = layout.x
        let yScale = layout.y
        let area = layout.frame
        let phaseNames = drawBand(on: canvas, plot: plot, xScale: xScale, stripTop: area.y + OverTimeChart.stripHeight)
        for (tick, label) in zip(layout.ticks, layout.tickLabels) {
            let y = yScale.position(tick)
            canvas.stroke(
                [Point(plot.x, y), Point(plot.maxX, y)],
                style: LineStyle(color: tick == 0 ? ChartStyle.axis : ChartStyle.gridline, width: tick == 0 ? 2 : 1))
            let metrics = canvas.measure(label, canvas.format.axisLabel)
            canvas.text(
                label, at: Point(plot.x - 12 - metrics.width, y + metrics.ascent / 2 - 1), style: canvas.format.axisLabel,
                color: ChartStyle.secondaryText)
        }
        canvas.text(axisTitle, at: Point(area.x, area.y + 22), style: canvas.format.axisTitle, color: ChartStyle.text)
        // Financial-year figures get financial-year labels, each under the middle of its year, with
        // ticks where the years meet; anything else is labelled by calendar year at 1 January.
        let financial = authorityFigures.allSatisfy {
            switch $0.observation.period {
            case .financialYear: return true
            case .days: return $0.observation.period.label.contains("(part of ")
            default: return false
            }
        }
        // As many labels as fit with room between them, and none drawn over the one before it.
        let room = canvas.measure(financial ? "2024-25" : "2024", canvas.format.axisLabel).width + 24
        let most = max(2, min(financial ? 8 : 12, Int(plot.width / room)))
        var labelledTo = -Double.infinity
        // The axis runs to the end of a calendar year, so it can reach into a financial year that
        // holds nothing (2025-26, after figures that end on 31 March 2025): that year gets no label or tick.
        let lastShown = (authorityFigures.compactMap(\.observation.period.end) + [partnership?.lastDay].compactMap { $0 }).max() ?? last
        for year in xScale.yearTicks(maximum: most, startingIn: financial ? 10 : 1)
        where !financial || Day(clampingYear: year, month: 4, day: 1) <= lastShown {
            let tick = xScale.position(Day(clampingYear: year, month: financial ? 4 : 1, day: 1))
            let middle = financial ? xScale.position(Day(clampingYear: year, month: 10, day: 1)) : tick
            if tick >= plot.x {
                canvas.stroke([Point(tick, plot.maxY), Point(tick, plot.maxY + 8)], style: LineStyle(color: ChartStyle.axis, width: 2))
            }
            let label = financial ? Period.financialYear(year).label : String(year)
            let width = canvas.measure(label, canvas.format.axisLabel).width
            let left = min(middle - width / 2, plot.maxX - width)
            guard left >= labelledTo + 8 else { continue }
            canvas.text(label, at: Point(left, plot.maxY + 32), style: canvas.format.axisLabel, color: ChartStyle.secondaryText)
            labelledTo = left + width
        }

        var endLabels: [(text: String, y: Double, color: Color)] = []
        if let last = drawThresholds(on: canvas, xScale: xScale, yScale: yScale, plot: plot) {
            endLabels.append(("Threshold", last, ChartStyle.threshold))
        }
        if let last = drawSeries(
            englandFigures, on: canvas, xScale: xScale, yScale: yScale, color: ChartStyle.comparator, dash: ChartStyle.dashes[1],
            marker: .square)
        {
            endLabels.append(("England", last, ChartStyle.comparator))
        }
        if let regionName,
            let last = drawSeries(
                regionFigures, on: canvas, xScale: xScale, yScale: yScale, color: ChartStyle.region, dash: ChartStyle.dashes[2],
                marker: .diamond)
        {
            endLabels.append((regionName, last, ChartStyle.region))
        }
        if let last = drawSeries(
            authorityFigures, on: canvas, xScale: xScale, yScale: yScale, color: ChartStyle.primary, dash: [], marker: .circle)
        {
            endLabels.append((authorityName, last, ChartStyle.primary))
        }
        drawValueLabels(on: canvas, xScale: xScale, yScale: yScale, plot: plot, avoiding: phaseNames)

        let height = canvas.measure("Ag", canvas.format.directLabel)
        let placed = LabelStack.place(endLabels.map(\.y), height: height.ascent + height.descent + 4, within: plot.y...plot.maxY)
        for (label, y) in zip(endLabels, placed) {
            canvas.text(
                label.text, at: Point(plot.maxX + 14, y + height.ascent / 2 - 2), style: canvas.format.directLabel,
                color: ChartStyle.labelColor(for: label.color))
        }
    }

    private var axisTitle: String {
        switch mode {
        case .index(let base): return "Index, \(base.label) = 100"
        case .values:
            switch unit {
            case .count: return authorityFigures.count > 0 ? "Number" : ""
            case .percent: return "Per cent"
            case .days: return "Days"
            case .pounds: return "Pounds"
            default: return ""
            }
        }
    }

    private func axisLabel(_ value: Double) -> String {
        switch (mode, unit) {
        case (.values, .percent): return UKFormat.number(value) + "%"
        case (.values, .pounds): return UKFormat.pounds(value)
        default: return UKFormat.number(value)
        }
    }

    /// Shades the partnership and names it and its phases; returns where the phases' names went.
    private func drawBand(on canvas: Canvas, plot: Rect, xScale: TimeScale, stripTop: Double) -> [Rect] {
        guard let partnership else { return [] }
        let start = max(plot.x, xScale.position(partnership.firstDay))
        let end = min(plot.maxX, partnership.lastDay.map { xScale.position($0.adding(days: 1)) } ?? plot.maxX)
        guard end > start else { return [] }
        canvas.fill(Rect(x: start, y: plot.y, width: end - start, height: plot.height), color: ChartStyle.band)
        let edge = LineStyle(color: ChartStyle.bandEdge, width: 1.5, dash: [6, 5])
        canvas.stroke([Point(start, plot.y), Point(start, plot.maxY)], style: edge)
        if partnership.lastDay != nil { canvas.stroke([Point(end, plot.y), Point(end, plot.maxY)], style: edge) }
        // Each phase is named at the foot of the plot beside its line: on one line to the right if it
        // fits, else to the left, else wrapped on the roomier side; a name that would cover an
        // earlier one moves up above it.
        var named: [Rect] = []
        for phase in partnership.phases.dropFirst() {
            let x = xScale.position(phase.start.date.firstDay)
            guard x > start, x < end else { continue }
            canvas.stroke([Point(x, plot.y), Point(x, plot.maxY)], style: LineStyle(color: ChartStyle.bandEdge, width: 1.5, dash: [2, 5]))
            let full = "\(phase.shortName), \(phase.start.wording)"
            let fullWidth = canvas.measure(full, canvas.format.note).width
            let rightRoom = plot.maxX - 4 - (x + 6)
            let leftRoom = x - 6 - (plot.x + 4)
            let onRight = fullWidth <= rightRoom || (fullWidth > leftRoom && rightRoom >= leftRoom)
            let fitted = canvas.fit(full, style: canvas.format.note, width: max(40, onRight ? rightRoom : leftRoom), maxLines: 2)
            let width = fitted.lines.map { canvas.measure($0, fitted.style).width }.max() ?? 0
            let metrics = canvas.measure("Ag", fitted.style)
            var box = Rect(
                x: onRight ? x + 6 : x - 6 - width, y: plot.maxY - 12 - metrics.ascent - Double(fitted.lines.count - 1) * fitted.lineHeight,
                width: width, height: Double(fitted.lines.count - 1) * fitted.lineHeight + metrics.ascent + metrics.descent)
            while named.contains(where: { $0.intersects(box) }) { box.y -= box.height + 4 }
            named.append(box)
            for (line, text) in fitted.lines.enumerated() {
                canvas.text(
                    text,
                    at: Point(
                        onRight ? box.x : box.maxX - canvas.measure(text, fitted.style).width,
                        box.y + metrics.ascent + Double(line) * fitted.lineHeight), style: fitted.style, color: ChartStyle.text)
            }
        }
        // The label sits in a strip above the plot, starting at the band and kept inside the image.
        let label = "\(partnership.partner) partnership: \(partnership.datesLabel)"
        let text = canvas.shorten(label, style: canvas.format.note, width: plot.width)
        let width = canvas.measure(text, canvas.format.note).width
        canvas.text(
            text, at: Point(max(plot.x, min(start, plot.maxX - width)), stripTop + 24), style: canvas.format.note, color: ChartStyle.text)
        return named
    }

    /// Draws the threshold as steps, one per year it applies to; returns the height of its last step.
    /// A step's value is left out where it would cover the note of an unstated baseline.
    private func drawThresholds(on canvas: Canvas, xScale: TimeScale, yScale: LinearScale, plot: Rect) -> Double? {
        let note = unstatedNote(on: canvas, plot: plot)?.box
        guard !thresholds.isEmpty else { return nil }
        let style = LineStyle(color: ChartStyle.threshold, width: 2.5, dash: [12, 7])
        var previous: (end: Day, y: Double)?
        for threshold in thresholds {
            guard let end = threshold.period.end else { continue }
            // A year back from the end: from 29 February, the 28th of the year before.
            let start = Day(clampingYear: end.year - 1, month: end.month, day: end.day).adding(days: 1)
            let y = yScale.position(threshold.value)
            var points = [Point(xScale.position(max(start, first)), y), Point(xScale.position(end), y)]
            if let previous, previous.end.adding(days: 1) == start {
                points.insert(Point(xScale.position(start), previous.y), at: 0)
            }
            canvas.stroke(points, style: style)
            // Only the first and last steps carry their values; the table has every one.
            if threshold.period == thresholds.first?.period || threshold.period == thresholds.last?.period {
                let label = UKFormat.number(threshold.value)
                let metrics = canvas.measure(label, canvas.format.note)
                let labelWidth = metrics.width
                let left = xScale.position(max(start, first))
                let right = xScale.position(end)
                let box = Rect(
                    x: right - labelWidth, y: y - 8 - metrics.ascent, width: labelWidth, height: metrics.ascent + metrics.descent)
                if right - left >= labelWidth + 6, note?.intersects(box) != true {
                    canvas.text(label, at: Point(right - labelWidth, y - 8), style: canvas.format.note, color: ChartStyle.threshold)
                }
            }
            previous = (end, y)
        }
        return previous?.y
    }

    /// Draws a series: spans for multi-year periods, lines only between consecutive periods, a marker
    /// at every figure. Returns the height of the latest figure.
    private func drawSeries(
        _ figures: [PlottedFigure], on canvas: Canvas, xScale: TimeScale, yScale: LinearScale, color: Color, dash: [Double],
        marker: MarkerShape
    ) -> Double? {
        guard !figures.isEmpty else { return nil }
        let sorted = figures.sorted { $0.observation.period < $1.observation.period }
        var run: [Point] = []
        var previous: PlottedFigure?
        func flush() {
            canvas.strokeSeries(run, color: color, dash: dash)
            run = []
        }
        // Whole years are joined across a part of a year drawn between them: the part-year stands
        // apart, hollow, and neither joins the line nor breaks it.
        for figure in sorted where !OverTimeChart.isPartYear(figure.observation.period) {
            guard let anchor = figure.observation.period.anchor else { continue }
            let point = Point(xScale.position(anchor), yScale.position(figure.y))
            if let previous, !OverTimeChart.consecutive(previous.observation.period, figure.observation.period) { flush() }
            run.append(point)
            previous = figure
        }
        flush()
        for figure in sorted {
            let period = figure.observation.period
            guard let anchor = period.anchor else { continue }
            let y = yScale.position(figure.y)
            if let start = period.start, let end = period.end,
                end.ordinal - start.ordinal > 400 || period.comparability.map(OverTimeChart.isPartYear) == true
            {
                let a = xScale.position(start)
                let b = xScale.position(end.adding(days: 1))
                canvas.stroke([Point(a, y), Point(b, y)], style: LineStyle(color: color, width: 2.5))
                canvas.stroke([Point(a, y - 9), Point(a, y + 9)], style: LineStyle(color: color, width: 2.5))
                canvas.stroke([Point(b, y - 9), Point(b, y + 9)], style: LineStyle(color: color, width: 2.5))
            }
            let hollow = isHollow(figure.observation)
            canvas.marker(
                marker, at: Point(xScale.position(anchor), y), radius: 8, fill: hollow ? ChartStyle.background : color,
                outline: color)
        }
        return sorted.last.map { yScale.position($0.y) }
    }

    /// The baseline and outcome carry their values (and, on an index axis, their index), so the chart
    /// can be read without the table. Each label goes above, below or beside its marker: where it
    /// covers none of the boxes in `avoiding` (the phases' names), the note of an unstated baseline or
    /// the other label, hides the fewest markers, and keeps furthest from England's figure and the
    /// threshold there.
    private func drawValueLabels(on canvas: Canvas, xScale: TimeScale, yScale: LinearScale, plot: Rect, avoiding: [Rect]) {
        // Labels already placed are avoided too, so the baseline's and the outcome's never overlap.
        var taken = avoiding + (unstatedNote(on: canvas, plot: plot).map { [$0.box] } ?? [])
        let marked = authorityFigures.filter { $0.observation.period == baselinePeriod || $0.observation.period == outcomePeriod }
        let latest = authorityFigures.max { $0.observation.period < $1.observation.period }
        let labelled = marked.isEmpty ? (latest.map { [$0] } ?? []) : marked
        let markers = (authorityFigures + englandFigures + regionFigures).compactMap { figure in
            figure.observation.period.anchor.map { Point(xScale.position($0), yScale.position(figure.y)) }
        }
        for figure in labelled {
            // On an index axis the label gives the figure and where it sits: "181 (index 259)".
            var text = UKFormat.value(figure.observation.value, unit: unit)
            if case .index = mode { text += " (index \(UKFormat.number(figure.y.rounded())))" }
            let metrics = canvas.measure(text, canvas.format.valueLabel)
            guard let anchor = figure.observation.period.anchor else { continue }
            let x = xScale.position(anchor)
            let markerY = yScale.position(figure.y)
            var obstacles = (englandFigures + regionFigures).filter { $0.observation.period == figure.observation.period }.map {
                yScale.position($0.y)
            }
            for threshold in thresholds {
                guard let end = threshold.period.end else { continue }
                let start = Day(clampingYear: end.year - 1, month: end.month, day: end.day).adding(days: 1)
                if anchor >= start && anchor <= end { obstacles.append(yScale.position(threshold.value)) }
            }
            func clearance(_ baseline: Double) -> Double {
                let middle = baseline - metrics.ascent / 2
                return obstacles.map { abs($0 - middle) }.min() ?? .infinity
            }
            // Above or below the marker, centred on it, or else beside it: the first place inside
            // the plot that covers no phase name, hides the fewest other figures' markers, and
            // keeps furthest from England's figure and the threshold.
            let centred = min(max(plot.x, x - metrics.width / 2), plot.maxX - metrics.width)
            let beside = markerY + metrics.ascent / 2 - 2
            let places: [(left: Double, baseline: Double)] = [
                (centred, markerY - 18), (centred, markerY + 18 + metrics.ascent), (x + 16, beside), (x - 16 - metrics.width, beside),
            ]
            func box(_ place: (left: Double, baseline: Double), margin: Double = 0) -> Rect {
                Rect(
                    x: place.left - margin, y: place.baseline - metrics.ascent - margin, width: metrics.width + 2 * margin,
                    height: metrics.ascent + metrics.descent + 2 * margin)
            }
            func inside(_ place: (left: Double, baseline: Double)) -> Bool {
                let area = box(place)
                return area.x >= plot.x && area.maxX <= plot.maxX && area.y >= plot.y && place.baseline <= plot.maxY - 4
            }
            func hidden(_ place: (left: Double, baseline: Double)) -> Int {
                let area = box(place, margin: 12)
                return markers.filter { area.contains($0) && !($0.x == x && $0.y == markerY) }.count
            }
            func covers(_ place: (left: Double, baseline: Double)) -> Bool { taken.contains { $0.intersects(box(place)) } }
            let ranked = places.enumerated().filter { inside($0.element) }.min { a, b in
                (covers(a.element) ? 1 : 0, hidden(a.element), -clearance(a.element.baseline), a.offset)
                    < (covers(b.element) ? 1 : 0, hidden(b.element), -clearance(b.element.baseline), b.offset)
            }
            let place = ranked?.element ?? places[0]
            let left = place.left
            let y = place.baseline
            taken.append(box(place, margin: 4))
            canvas.fill(
                Rect(x: left - 4, y: y - metrics.ascent - 3, width: metrics.width + 8, height: metrics.ascent + metrics.descent + 6),
                color: ChartStyle.background)
            canvas.text(text, at: Point(left, y), style: canvas.format.valueLabel, color: ChartStyle.text)
        }
        if let note = unstatedNote(on: canvas, plot: plot) {
            canvas.text(note.text, at: Point(note.box.x, plot.y + 26), style: canvas.format.note, color: ChartStyle.text)
        }
    }

    /// A baseline whose period the source does not state cannot be drawn, so it is written in at
    /// the top of the plot: its words and the room they take.
    private func unstatedNote(on canvas: Canvas, plot: Rect) -> (text: String, box: Rect)? {
        guard let baseline = baselinePeriod, baseline.comparability == .unstated, let value = unstatedBaselineValue else { return nil }
        let text = canvas.shorten(
            "Before the partnership (period not stated by the source): \(UKFormat.value(value, unit: unit))", style: canvas.format.note,
            width: plot.width - 16)
        let metrics = canvas.measure(text, canvas.format.note)
        return (text, Rect(x: plot.x + 8, y: plot.y + 26 - metrics.ascent, width: metrics.width, height: metrics.ascent + metrics.descent))
    }

    /// Two periods of the same kind a year apart are joined by a line; anything else is a gap.
    static func consecutive(_ a: Period, _ b: Period) -> Bool {
        guard let kindA = a.comparability, kindA == b.comparability, let startA = a.start, let startB = b.start else { return false }
        if isPartYear(kindA) { return false }
        let gap = startB.ordinal - startA.ordinal
        return gap >= 365 && gap <= 366
    }

    static func isPartYear(_ period: Period) -> Bool { period.comparability.map(isPartYear) ?? false }

    /// Whether a figure is drawn hollow: part of a year, or a period that spans the partnership's
    /// first or last day, which is neither before nor during (nor during nor after).
    func isHollow(_ observation: Observation) -> Bool { OverTimeChart.isHollow(observation, in: partnership) }

    static func isHollow(_ observation: Observation, in partnership: Partnership?) -> Bool {
        if isPartYear(observation.period) { return true }
        let phase = partnership?.phase(of: observation.period)
        return phase == .spanningStart || phase == .spanningEnd
    }

    static func isPartYear(_ kind: Period.Comparability) -> Bool {
        if case .sameDaysOfYear = kind { return true }
        return false
    }
}
