// indicators/<id>.html: a measure's definition, polarity and thresholds, and every authority compared on it.

enum IndicatorPage {
    static func page(_ indicator: Indicator, site: SiteContext) -> Page {
        let shell = Page(route: Route.indicator(indicator.id), title: indicator.title, description: "", body: [])
        var body: [HTMLNode] = [
            Blocks.heading(1, indicator.title),
            Blocks.paragraph(indicator.definition, className: "lead"),
        ]
        let polarity: String
        switch indicator.polarity {
        case .higherIsBetter: polarity = "Higher is better"
        case .lowerIsBetter: polarity = "Lower is better"
        case .neither: polarity = "Neither higher nor lower is better in itself"
        }
        let source = indicator.definitionSource
        body.append(
            el(
                "dl", ["class": "facts"],
                el("dt", "Unit"), el("dd", .text(indicator.unit.rawValue)),
                el("dt", "Which way is better"), el("dd", .text("\(polarity). \(indicator.polarityReason)")),
                el("dt", "Definition from"),
                el("dd", children: Blocks.citation(source))))
        if let note = indicator.note { body.append(Blocks.paragraph(note)) }

        let rows: [[HTMLNode]] = site.comparisons.compactMap { comparison in
            guard let row = comparison.comparison(for: indicator.id) else { return nil }
            let unit = indicator.unit
            let name = Blocks.link(shell.link(Route.authority(comparison.authority.id)), comparison.authority.name)
            let before =
                row.baseline.map { HTMLNode.text("\(UKFormat.value($0.observation.value, unit: unit)) (\($0.observation.period.label))") }
                ?? "—"
            let during =
                row.outcome.map { HTMLNode.text("\(UKFormat.value($0.observation.value, unit: unit)) (\($0.observation.period.label))") }
                ?? "—"
            let change =
                row.change.map { HTMLNode.text(UKFormat.change($0, unit: unit)) }
                ?? HTMLNode.text("Not compared: \(row.unavailable?.words ?? "")")
            let direction = row.change.map(Blocks.direction) ?? ""
            let england = row.england.map { HTMLNode.text(UKFormat.change($0.change, unit: unit)) } ?? "—"
            let threshold =
                (row.outcomeThreshold ?? row.baselineThreshold).map {
                    HTMLNode.text("\(UKFormat.value($0.threshold.value, unit: unit)), \($0.label)")
                } ?? "—"
            return [name, before, during, change, direction, england, threshold]
        }
        if !rows.isEmpty {
            body.append(Blocks.heading(2, "Authorities compared"))
            body.append(
                Blocks.table(
                    caption: "\(indicator.title): last figure before each partnership, latest during it, and England over the same periods",
                    header: ["Authority", "Before", "During", "Change", "Direction", "England, same periods", "Threshold"], rows: rows))
        }
        body += everyCouncil(indicator, dataset: site.dataset, page: shell)
        let schedule = ThresholdBook(site.dataset.thresholds)
        let thresholds = site.dataset.thresholds.filter { $0.indicator.id == indicator.id }.sorted {
            ($0.period, $0.source.id) < ($1.period, $1.source.id)
        }
        if !thresholds.isEmpty {
            let used = Set(schedule.schedule(for: indicator).map(\.provenance))
            body.append(Blocks.heading(2, "National thresholds"))
            body.append(
                Blocks.paragraph(
                    "The threshold in force for a figure is the one for the same period, or else for a period ending on the same day. Where sources disagree, the site uses one and shows the other."
                ))
            body.append(
                Blocks.table(
                    caption: "\(indicator.title): national thresholds by period, with their sources",
                    header: ["Period", "Threshold", "Source", "Used", "Note"],
                    rows: thresholds.map { threshold in
                        [
                            .text(threshold.period.label), .text(UKFormat.value(threshold.value, unit: indicator.unit)),
                            Blocks.link(threshold.source.url, threshold.source.citation),
                            .text(used.contains(threshold.provenance) ? "yes" : "no, another source is preferred"),
                            .text(threshold.note ?? ""),
                        ]
                    }, numeric: [1]))
        }
        if let england = site.dataset.england?.series(for: indicator.id) {
            body.append(Blocks.heading(2, "England"))
            body.append(
                Blocks.table(
                    caption: "\(indicator.title), England, every figure with its source",
                    header: ["Period", "Value", "Status", "Source", "Note"],
                    rows: england.observations.sorted { ($0.period, $0.source.id) < ($1.period, $1.source.id) }.map { observation in
                        [
                            .text(observation.period.label), .text(UKFormat.value(observation.value, unit: indicator.unit)),
                            .text(observation.status.label),
                            Blocks.link(observation.source.url, observation.source.citation),
                            .text(observation.note ?? ""),
                        ]
                    }, numeric: [1]))
        }
        let charts = site.charts.charts(forIndicator: indicator.id)
        if !charts.isEmpty {
            body.append(Blocks.heading(2, "Charts"))
            for chart in charts { body.append(ChartSection.html(chart, page: shell, site: site)) }
        }
        return Page(
            route: shell.route, title: indicator.title,
            description: "\(indicator.title): definition, thresholds and every authority compared.", body: body)
    }

    /// Every council's latest share against England's, at 99.8% because many councils are compared
    /// at once: for a share whose counts DfE publishes.
    static func everyCouncil(_ indicator: Indicator, dataset: Dataset, page: Page) -> [HTMLNode] {
        guard indicator.id == OfficialMeasure.adoptedShare, let england = dataset.england,
            let latest = Chance.adoptedShareStanding(of: england, in: dataset)?.period
        else { return [] }
        let standings = dataset.authorities.filter { $0.type != .region && $0.type != .country }.compactMap { council in
            Chance.adoptedShareStanding(of: council, in: dataset, period: latest, z: Chance.z998).map { (council, $0) }
        }.sorted { ($1.1.share, $0.0.id) < ($0.1.share, $1.0.id) }
        guard let first = standings.first, let englandShare = first.1.england?.share else { return [] }
        let whole = { (value: Double) in UKFormat.number(value, decimals: 0) + "%" }
        let counts = Dictionary(grouping: standings.compactMap { $0.1.england?.standing }, by: { $0 }).mapValues(\.count)
        let summary = [Standing.better, .similar, .worse, .higher, .lower].compactMap { standing in
            counts[standing].map { "\($0) \(standing.rawValue)" }
        }
        let rows: [[HTMLNode]] = standings.map { council, standing in
            [
                Blocks.link(page.link(Route.authority(council.id)), council.name), .text(UKFormat.number(standing.count)),
                .text(UKFormat.number(standing.total)), .text(whole(standing.share)),
                .text("\(whole(standing.interval.lowerBound)) to \(whole(standing.interval.upperBound))"),
                .text(standing.england.map { $0.standing.rawValue } ?? ""),
            ]
        }
        return [
            Blocks.heading(2, "Every council against England, \(latest.label)", id: "every-council"),
            Blocks.paragraph(
                "England's share in \(latest.label) was \(whole(englandShare)). Of the \(standings.count) councils with DfE's counts for that year, against England: \(summary.joined(separator: ", ")). A council differs from England only where England's share lies outside the 99.8% Wilson interval around the council's own. The wider 99.8% interval is used because so many councils are compared at once: at 95%, about one council in twenty would look different by chance alone. Each council's own page uses 95%, as it compares that council alone, so a council marked better or worse there may be similar here."
            ),
            Blocks.table(
                caption:
                    "\(indicator.title), \(latest.label): every council, highest share first, with its 99.8% interval and where it stands against England",
                header: ["Council", "Adopted", "Left care", "Share", "99.8% interval", "Against England"], rows: rows, numeric: [1, 2, 3]),
        ]
    }
}
