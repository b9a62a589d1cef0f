// After joining, nationally: each year around joining a regional adoption agency, the geometric
// mean of the joined councils' counts relative to the councils not yet in one, with its 95%
// interval and the councils behind it.

import Foundation

/// The national picture (``NationalJoining``) as a chart: one point per year from joining, a whisker
/// for its interval, a line at 100 (changed as the councils not yet joined did) and, under each
/// year, how many councils it rests on.
struct JoiningChart: Chart {
    let id: String
    let kind = ChartKind.joining
    let authorityID: String? = nil
    let indicatorID: String?
    let title: String
    let subtitle: String
    /// Its words state each year's index against the councils not yet in an agency (100), which is
    /// the chart's own reference line, and set no two periods side by side.
    let statements = ChartStatements()
    let source: ChartSource
    let description: String
    let table: ChartTable
    let figures: [ChartFigure]
    let years: [NationalJoining.Year]

    var drawingInputs: String {
        years.map { year in
            "\(year.offset):\(year.points.count):\(year.mean.map { String($0) } ?? "-"):\(year.interval.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-")"
        }.joined(separator: ",")
    }

    /// The chart, or `nil` when no year has a mean (fewer than two councils in every year).
    init?(_ picture: NationalJoining, dataset: Dataset) {
        let drawn = picture.years.filter { $0.mean != nil }
        guard !drawn.isEmpty else { return nil }
        years = picture.years
        let indicator = picture.measure
        id = "\(indicator.id)-after-joining"
        indicatorID = indicator.id
        let higher = drawn.filter { $0.reading == .higher }
        let lower = drawn.filter { $0.reading == .lower }
        func yearsWords(_ list: [NationalJoining.Year]) -> String {
            "\(list.count == 1 ? "year" : "years") \(UKFormat.list(list.map(\.label)))"
        }
        let subject = "Adoptions after joining a regional agency"
        if higher.isEmpty && lower.isEmpty {
            title =
                "\(subject): no clear difference from councils not yet in one, in any year from \(drawn[0].label) to \(drawn[drawn.count - 1].label)"
        } else {
            let parts =
                (higher.isEmpty ? [] : ["higher than in councils not yet in one in \(yearsWords(higher))"])
                + (lower.isEmpty ? [] : ["\(higher.isEmpty ? "lower than in councils not yet in one" : "lower") in \(yearsWords(lower))"])
            // A difference found against few councils moves with each of them: the title says so.
            let few = (higher + lower).filter(\.restsOnFewCouncils)
            let caution =
                few.isEmpty
                ? ""
                : few.count == higher.count + lower.count
                    ? ", but some councils there are set against fewer than \(NationalJoining.fewCouncils)"
                    : ", but in \(yearsWords(few)) some are set against fewer than \(NationalJoining.fewCouncils)"
            title = "\(subject): \(parts.joined(separator: ", "))\(caution)"
        }
        subtitle =
            "Joined councils' \(indicator.noun), indexed to each one's last full year before joining, divided by the same index for councils not yet in an agency over the same years. Geometric mean of \(picture.joiners) councils; whiskers: 95% intervals; n: councils behind each point."
        // The CSV holds each council's own DfE figures behind the points: its base year once, then
        // each year it is drawn in. The councils not yet joined are every other council's figures.
        var figures: [ChartFigure] = []
        var bases: Set<String> = []
        for year in picture.years {
            for point in year.points {
                guard let council = dataset.authority(point.authorityID) else { continue }
                if !bases.contains(council.id), let base = JoiningComparison.official(council, indicator.id, point.base) {
                    bases.insert(council.id)
                    figures.append(
                        ChartFigure(
                            area: council.name, measure: indicator, observation: base, index: 100, role: "last full year before joining"))
                }
                if let figure = JoiningComparison.official(council, indicator.id, point.year) {
                    figures.append(
                        ChartFigure(
                            area: council.name, measure: indicator, observation: figure, index: point.index,
                            role: "year \(year.label) from joining"))
                }
            }
        }
        self.figures = figures
        source = ChartWords.source([(nil, figures.map(\.observation))])
        description =
            "Chart of points with whiskers: for each year from 4 before joining to 4 after (leaving out the year of joining and the base year), the geometric mean of councils' \(indicator.noun) relative to the councils not yet in an agency, with its 95% interval. "
            + drawn.map { year in
                "Year \(year.label): \(UKFormat.number(year.mean ?? 0, decimals: 0))"
                    + (year.interval.map {
                        " (\(UKFormat.number($0.lowerBound, decimals: 0)) to \(UKFormat.number($0.upperBound, decimals: 0)))"
                    }
                        ?? "") + ", \(UKFormat.counted(year.points.count, "council")), \(year.reading.words)"
            }.joined(separator: "; ") + "."
        table = ChartTable(
            caption:
                "\(indicator.title): councils aligned on their own joining, relative to the councils not yet in an agency (100 = changed as they did)",
            header: ["Years since joining", "Councils", "Relative (geometric mean)", "95% interval, from", "95% interval, to", "Reading"],
            rows: picture.years.map { year in
                [
                    .text(year.label), ChartTable.Cell(String(year.points.count), raw: .number(Double(year.points.count))),
                    .index(year.mean), .index(year.interval?.lowerBound), .index(year.interval?.upperBound), .text(year.reading.words),
                ]
            })
    }

    func draw(on canvas: Canvas) {
        let frame = ChartFrame.draw(on: canvas, title: title, subtitle: subtitle, source: source)
        let drawn = years.filter { $0.mean != nil }
        let values: [Double] =
            drawn.flatMap { year -> [Double] in [year.mean, year.interval?.lowerBound, year.interval?.upperBound].compactMap { $0 } } + [
                100
            ]
        guard let lowest = values.min(), let highest = values.max() else { return }
        // An index around 100, not a count: the axis spans the points and whiskers, not from zero.
        let shift = ((lowest - 2) / 10).rounded(.down) * 10
        let ticks = LinearScale.niceTicks(minimum: 0, maximum: highest + 2 - shift, count: 6).map { $0 + shift }
        guard let bottom = ticks.first, let top = ticks.last else { return }
        let countHeight = canvas.measure("Ag", canvas.format.note)
        // Room under the axis for the years and, under them, the councils behind each.
        let below = 2 * (countHeight.ascent + countHeight.descent) + 24
        let axisWidth = ticks.map { canvas.measure(UKFormat.number($0), canvas.format.axisLabel).width }.max() ?? 0
        let plot = Rect(
            x: frame.plot.x + axisWidth + 16, y: frame.plot.y + 40, width: frame.plot.width - axisWidth - 16,
            height: frame.plot.height - 40 - below)
        let y = LinearScale(domain: bottom...top, range: plot.y...plot.maxY, inverted: true)
        // Nine slots, −4 … +4; the base year (−1) and the year of joining (0) hold no point.
        let slot = plot.width / 9
        func x(_ offset: Int) -> Double { plot.x + slot * (Double(offset + 4) + 0.5) }
        canvas.text(
            "Relative index, 100 = changed as councils not yet joined did", at: Point(frame.plot.x, frame.plot.y + 22),
            style: canvas.format.axisTitle, color: ChartStyle.text)
        for tick in ticks {
            let position = y.position(tick)
            canvas.stroke(
                [Point(plot.x, position), Point(plot.maxX, position)],
                style: LineStyle(color: tick == 100 ? ChartStyle.threshold : ChartStyle.gridline, width: tick == 100 ? 2 : 1))
            let label = UKFormat.number(tick)
            let metrics = canvas.measure(label, canvas.format.axisLabel)
            canvas.text(
                label, at: Point(plot.x - 12 - metrics.width, position + metrics.ascent / 2 - 1), style: canvas.format.axisLabel,
                color: ChartStyle.secondaryText)
        }
        if !ticks.contains(100) {
            canvas.stroke(
                [Point(plot.x, y.position(100)), Point(plot.maxX, y.position(100))],
                style: LineStyle(color: ChartStyle.threshold, width: 2, dash: ChartStyle.dashes[2]))
        }
        // The year of joining, shaded: it spans the day, so it is neither before nor after.
        canvas.fill(Rect(x: x(0) - slot / 2, y: plot.y, width: slot, height: plot.height), color: ChartStyle.band)
        let joined = canvas.measure("Joined", canvas.format.note)
        canvas.text(
            "Joined", at: Point(x(0) - joined.width / 2, plot.y + 6 + joined.ascent), style: canvas.format.note, color: ChartStyle.text)
        let lineHeight = countHeight.ascent + countHeight.descent
        for offset in -4...4 {
            let year = years.first { $0.offset == offset }
            let label = offset == 0 ? "0" : (offset > 0 ? "+\(offset)" : "−\(-offset)")
            let width = canvas.measure(label, canvas.format.axisLabel).width
            canvas.text(
                label, at: Point(x(offset) - width / 2, plot.maxY + 30), style: canvas.format.axisLabel, color: ChartStyle.secondaryText)
            let under: String
            if offset == -1 {
                under = "base"
            } else if let year, year.mean != nil {
                under = "n=\(year.points.count)"
            } else {
                under = offset == 0 ? "" : "–"
            }
            let underWidth = canvas.measure(under, canvas.format.note).width
            canvas.text(
                under, at: Point(x(offset) - underWidth / 2, plot.maxY + 30 + lineHeight + 6), style: canvas.format.note,
                color: ChartStyle.secondaryText)
        }
        // The base year is 100 by definition: a hollow marker on the line.
        canvas.marker(.circle, at: Point(x(-1), y.position(100)), radius: 7, fill: ChartStyle.background, outline: ChartStyle.primary)
        for year in drawn {
            guard let mean = year.mean else { continue }
            let centre = Point(x(year.offset), y.position(mean))
            if let interval = year.interval {
                let cap = 10.0
                let low = y.position(interval.lowerBound)
                let high = y.position(interval.upperBound)
                let style = LineStyle(color: ChartStyle.primary, width: 3)
                canvas.stroke([Point(centre.x, low), Point(centre.x, high)], style: style)
                canvas.stroke([Point(centre.x - cap, low), Point(centre.x + cap, low)], style: style)
                canvas.stroke([Point(centre.x - cap, high), Point(centre.x + cap, high)], style: style)
            }
            canvas.marker(.circle, at: centre, radius: 8, fill: ChartStyle.primary, outline: ChartStyle.background)
            let label = UKFormat.number(mean, decimals: 0)
            canvas.text(
                label, at: Point(centre.x + 18, centre.y + canvas.measure(label, canvas.format.valueLabel).ascent / 2 - 1),
                style: canvas.format.valueLabel, color: ChartStyle.text)
        }
    }
}
