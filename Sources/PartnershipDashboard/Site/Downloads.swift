// The site's downloads: every figure as tidy CSV and JSON, the comparisons, and a briefing pack per authority.

import Foundation

enum Downloads {
    static var figuresHeader: [String] { figuresColumns.map(\.name) }

    /// The columns of figures.csv (and each area's CSV), with what each holds, for the downloads page's guide.
    static let figuresColumns: [(name: String, meaning: String)] = [
        ("authority_id", "the area's id on this site (england, kent, …)"), ("authority", "the area's full name"),
        ("gss", "its ONS code"), ("indicator_id", "the measure's id"), ("indicator", "the measure's name"),
        ("unit", "count, percent, days or pounds"), ("period", "the period in the site's notation (2014-15, 2015-03-31, …)"),
        ("period_label", "the period in words"), ("value", "the figure; empty where DfE published a symbol instead"),
        ("status", "published, revised, provisional, or reported-claim for a figure not from official statistics"),
        ("preferred", "yes where sources disagree and this one is used"),
        ("source_id", "the source's id in the area's file; its title and publisher are in sources.csv"), ("source_url", "where to read it"),
        ("source_published", "when it was published"), ("note", "anything the figure needs said beside it"),
        ("table", "DfE's file the figure was read from"), ("column", "its column in that file"),
        ("symbol", "DfE's symbol where it published no figure (x, c, z, k, .., -)"), ("symbol_meaning", "what DfE says the symbol means"),
    ]

    /// Every figure, one row each: authority, indicator, period, value, unit, status and source; the
    /// dataset's England too, when it has one.
    static func figuresCSV(_ dataset: Dataset) -> String {
        var table = CSVTable(header: figuresHeader)
        for authority in allAuthorities(dataset) {
            for series in authority.series {
                for observation in series.observations.sorted(by: { ($0.period, $0.source.id) < ($1.period, $1.source.id) }) {
                    table.append([
                        .text(authority.id), .text(authority.name), CSVTable.Cell(authority.gss), .text(series.indicator.id),
                        .text(series.indicator.title), .text(series.indicator.unit.rawValue), .text(observation.period.notation),
                        .text(observation.period.label), .number(observation.value), .text(observation.status.rawValue),
                        .text(observation.preferred ? "yes" : ""), .text(observation.source.id), .text(observation.source.url),
                        CSVTable.Cell(observation.source.published?.description),
                        CSVTable.Cell(observation.note), CSVTable.Cell(observation.table), CSVTable.Cell(observation.column), .text(""),
                        .text(""),
                    ])
                }
                // Suppressed cells are rows too, with no value: DfE's symbol and what it means.
                for cell in series.suppressed.sorted(by: { ($0.period, $0.source.id) < ($1.period, $1.source.id) }) {
                    table.append([
                        .text(authority.id), .text(authority.name), CSVTable.Cell(authority.gss), .text(series.indicator.id),
                        .text(series.indicator.title), .text(series.indicator.unit.rawValue), .text(cell.period.notation),
                        .text(cell.period.label), .text(""), .text("suppressed"), .text(""), .text(cell.source.id), .text(cell.source.url),
                        CSVTable.Cell(cell.source.published?.description), .text(""), CSVTable.Cell(cell.table), CSVTable.Cell(cell.column),
                        .text(cell.symbol), .text(cell.meaning),
                    ])
                }
            }
        }
        return table.text
    }

    /// The columns of sources.csv: each source an area's figures cite, once per area.
    static let sourcesColumns: [(name: String, meaning: String)] = [
        ("authority_id", "the area whose figures cite it"), ("source_id", "its id, as in the source_id column of the figures"),
        ("title", "the publication"), ("publisher", "who published it"), ("url", "where to read it"),
        ("published", "when it was published"),
    ]

    /// Every source the figures cite, once per area, so the figures' rows need carry only its id and address.
    static func sourcesCSV(_ dataset: Dataset) -> String { joinedSourcesCSV(allAuthorities(dataset).map(sourcesCSV(of:))) }

    /// One area's part of sources.csv, with the header, so that areas can be made on every core and joined.
    static func sourcesCSV(of authority: Authority) -> String {
        var table = CSVTable(header: sourcesColumns.map(\.name))
        for source in figureSources(of: authority) {
            table.append([
                .text(authority.id), .text(source.id), .text(source.title), .text(source.publisher), .text(source.url),
                CSVTable.Cell(source.published?.description),
            ])
        }
        return table.text
    }

    /// sources.csv from each area's part, in the same order.
    static func joinedSourcesCSV(_ areas: [String]) -> String { joined(areas, header: sourcesColumns.map(\.name)) }

    /// The sources an area's figures and suppressed cells cite, each once, in the order its page lists them.
    static func figureSources(of authority: Authority) -> [Source] {
        let cited = Set(authority.series.flatMap { $0.observations.map(\.source.id) + $0.suppressed.map(\.source.id) })
        return authority.citedSources.filter { cited.contains($0.id) }
    }

    /// figures.json: every area's figures and suppressed cells, and the measures.
    static func figuresJSON(_ dataset: Dataset) -> [UInt8] {
        figuresJSON(areas: allAuthorities(dataset).concurrentMap(areaJSON), indicators: dataset.indicators)
    }

    /// figures.json from each area's object (``areaJSON(_:)``), in the same order.
    static func figuresJSON(areas: [[UInt8]], indicators: [Indicator]) -> [UInt8] {
        let measures = indicators.map { indicator -> JSONNode in
            .object([
                ("id", .string(indicator.id)), ("title", .string(indicator.title)), ("unit", .string(indicator.unit.rawValue)),
                ("polarity", .string(indicator.polarity.rawValue)), ("definition", .string(indicator.definition)),
            ])
        }
        return JSONWriter.object(
            [("indicators", JSONWriter.bytes(.array(measures), depth: 1)), ("authorities", JSONWriter.array(areas, depth: 1))], depth: 0)
    }

    /// One area's object in figures.json, written as the file nests it: made from that area alone.
    static func areaJSON(_ authority: Authority) -> [UInt8] {
        // Each source is written once per area and cited by its id, as in the CSV and sources.csv.
        let node = JSONNode.object([
            ("id", .string(authority.id)), ("name", .string(authority.name)), ("gss", authority.gss.map(JSONNode.string) ?? .null),
            ("sources", .array(figureSources(of: authority).map(sourceJSON))),
            (
                "figures",
                .array(
                    authority.series.flatMap { series in
                        series.observations.sorted(by: { ($0.period, $0.source.id) < ($1.period, $1.source.id) }).map { observation in
                            // In the order they are written (keys sorted), so nothing is moved to sort them.
                            JSONNode.object([
                                ("column", observation.column.map(JSONNode.string) ?? .null),
                                ("indicator", .string(series.indicator.id)), ("label", .string(observation.period.label)),
                                ("note", observation.note.map(JSONNode.string) ?? .null),
                                ("period", .string(observation.period.notation)), ("preferred", .bool(observation.preferred)),
                                ("source", .string(observation.source.id)), ("status", .string(observation.status.rawValue)),
                                ("table", observation.table.map(JSONNode.string) ?? .null),
                                ("unit", .string(series.indicator.unit.rawValue)), ("value", .number(observation.value)),
                            ])
                        }
                    })
            ),
            (
                "suppressed",
                .array(
                    authority.series.flatMap { series in
                        series.suppressed.sorted(by: { ($0.period, $0.source.id) < ($1.period, $1.source.id) }).map { cell in
                            JSONNode.object([
                                ("column", cell.column.map(JSONNode.string) ?? .null), ("indicator", .string(series.indicator.id)),
                                ("label", .string(cell.period.label)), ("meaning", .string(cell.meaning)),
                                ("period", .string(cell.period.notation)), ("source", .string(cell.source.id)),
                                ("symbol", .string(cell.symbol)), ("table", cell.table.map(JSONNode.string) ?? .null),
                            ])
                        }
                    })
            ),
        ])
        return JSONWriter.bytes(node, depth: 2)
    }

    static func sourceJSON(_ source: Source) -> JSONNode {
        .object([
            ("id", .string(source.id)), ("title", .string(source.title)), ("publisher", .string(source.publisher)),
            ("url", .string(source.url)), ("published", source.published.map { .string($0.description) } ?? .null),
        ])
    }

    static func allAuthorities(_ dataset: Dataset) -> [Authority] { dataset.authorities + (dataset.england.map { [$0] } ?? []) }

    /// Every figure as one ZIP, `figures.csv`, `figures.json` and `sources.csv`, each joined from
    /// the areas' own (``AreaDownloads``): with every council the figures are too large to serve
    /// alone, and compress to a small part of their size.
    static func figuresZIP(csv: String, json: [UInt8], sources: String, dated date: PartialDate?) throws -> Data {
        try zip(
            ["figures.csv": Data(csv.utf8), "figures.json": Data(json), "sources.csv": Data(sources.utf8)], dated: date,
            route: .figuresZIP)
    }

    /// The national CSV from each area's, in the same order: one header, then every area's rows.
    /// Byte for byte what ``figuresCSV(_:)-swift.type.method`` gives for the whole dataset, without a second pass.
    static func joinedCSV(_ areas: [String]) -> String { joined(areas, header: figuresHeader) }

    /// One header, then the rows of each of `parts` (CSV texts with that header) in order.
    private static func joined(_ parts: [String], header: [String]) -> String {
        var joined = CSVTable(header: header).text
        for area in parts {
            guard let firstBreak = area.utf8.firstIndex(of: 0x0A) else { continue }
            joined += area[area.utf8.index(after: firstBreak)...]
        }
        return joined
    }

    /// One area's figures as tidy CSV, with the same columns as the national file.
    static func figuresCSV(_ authority: Authority) -> String {
        figuresCSV(Dataset(indicators: [], authorities: [authority], england: nil))
    }

    /// A ZIP of `entries`, sorted by name and dated from the data (never the clock), so the same
    /// entries give the same bytes. PNGs are stored, everything else deflated.
    static func zip(_ entries: [String: Data], dated date: PartialDate?, route: Route) throws -> Data {
        try ZIPWriter.archive(entries, dated: date?.firstDay, store: { $0.hasSuffix(".png") }, named: route.path)
    }
}

/// The one-page summary in a briefing pack: the headline chart, three key figures with their
/// status, one merged list of what to read with care, the sources (England's too), the site's
/// address and the date. It is laid out to print on one A4 page, which the site's checks confirm.
enum BriefingSummary {
    /// How many measures the summary gives.
    static let keyFigureCount = 3

    /// The headline measure first, then the next measures with a change; totals only.
    static func keyFigures(_ comparison: AuthorityComparison) -> [IndicatorComparison] {
        let rows = comparison.indicators.filter { $0.change != nil && !OfficialMeasure.components.contains($0.indicator.id) }
        let headline = comparison.headline.flatMap { headline in rows.first { $0.indicator.id == headline.indicator.id } }
        return Array(((headline.map { [$0] } ?? []) + rows.filter { $0.indicator.id != headline?.indicator.id }).prefix(keyFigureCount))
    }

    /// The chart the summary shows: the before-and-after chart, or else the first.
    static func headlineChart(_ charts: [Chart]) -> Chart? { charts.first { $0.kind == .beforeAndAfter } ?? charts.first }

    static func html(_ comparison: AuthorityComparison, charts: [Chart], site: SiteContext) -> String {
        let authority = comparison.authority
        let settings = site.settings
        var sources: [Source] = []
        func cite(_ source: Source) -> String {
            if let index = sources.firstIndex(where: { $0.id == source.id && $0.url == source.url }) { return "[\(index + 1)]" }
            sources.append(source)
            return "[\(sources.count)]"
        }
        var body: [HTMLNode] = [Blocks.heading(1, "\(authority.name): briefing summary")]
        let released = settings.released.map { ", released \($0.label)" } ?? ""
        let address = settings.address(of: Route.authority(authority.id).path).map { " Full figures: \($0)." } ?? ""
        body.append(
            Blocks.paragraph(
                [
                    authority.partnership.map { "\($0.partner) partnership, \($0.datesLabel)." },
                    site.dataDate.map { "Figures published up to \($0.label)." },
                    "From \(settings.title)\(released).\(address)",
                ].compactMap { $0 }.joined(separator: " "), className: "meta"))
        if let chart = headlineChart(charts) {
            // The chart carries its own title, source and credit, so nothing is repeated under it; with
            // no description printed beside it, its text alternative is the full description.
            let image = site.chartSizes[chart.id]?.png
            body.append(
                el(
                    "img",
                    [
                        "src": "\(chart.id).png", "alt": chart.description, "width": String(image?.width ?? ChartFormat.standard.width),
                        "height": String(image?.height ?? ChartFormat.standard.height),
                    ]))
        }
        let rows = keyFigures(comparison)
        if !rows.isEmpty {
            body.append(Blocks.heading(2, "Key figures"))
            body.append(
                el(
                    "ul",
                    children: rows.compactMap { row -> HTMLNode? in
                        guard let change = row.change else { return nil }
                        let unit = row.indicator.unit
                        var text =
                            "\(row.indicator.title): \(ChartWords.pair(change, unit: unit)), \(UKFormat.change(change, unit: unit)), \(change.directionWords) \(cite(change.from.source))"
                        if change.to.source.id != change.from.source.id { text += cite(change.to.source) }
                        text += ". Status: \(ChartWords.evidence(change))."
                        if let england = row.england {
                            text +=
                                " England over the same years: \(UKFormat.change(england.change, unit: unit)) \(cite(england.change.to.source))."
                        }
                        return el("li", .text(text))
                    }))
        }
        // One list of what to read with care: each caveat once, naming the measures it applies to.
        var caveats: [(text: String, measures: [String])] = []
        for row in rows {
            for caveat in row.caveats {
                if let index = caveats.firstIndex(where: { $0.text == caveat.text }) {
                    caveats[index].measures.append(row.indicator.noun)
                } else {
                    caveats.append((caveat.text, [row.indicator.noun]))
                }
            }
        }
        if !caveats.isEmpty {
            body.append(Blocks.heading(2, "Read with care"))
            body.append(
                el("ul", children: caveats.map { el("li", .text("\(UKFormat.list($0.measures).sentenceCased): \($0.text)")) }))
        }
        body.append(
            Blocks.paragraph(
                "This pack also holds \(charts.count) \(charts.count == 1 ? "chart" : "charts"), each as PNG (NAME.png, sized for a slide and sharp in print) with its data as CSV, and how to cite each in citation.txt."
            ))
        body.append(Blocks.heading(2, "Sources"))
        body.append(
            el(
                "ol", ["class": "sources"],
                children: sources.map { source in el("li", children: Blocks.citation(source)) }))
        let style =
            "body{font-family:Arial,'Liberation Sans',sans-serif;font-size:9.5pt;line-height:1.3;max-width:48em;margin:0 auto;color:#0b0c0c}h1{font-size:15pt;margin:0 0 .2em}h2{font-size:11pt;margin:.7em 0 .2em}p{margin:.3em 0}ul,ol{margin:.2em 0;padding-left:1.4em}li{margin:.15em 0}.meta{color:#505a5f}img{display:block;width:88%;height:auto;margin:.4em auto}.sources{font-size:7.5pt;overflow-wrap:anywhere}@page{size:A4;margin:1.2cm}"
        let document = el(
            "html", ["lang": "en-GB"],
            el(
                "head", el("meta", ["charset": "utf-8"]), el("title", .text("\(authority.name): briefing summary")),
                el("style", .text(style))),
            el("body", children: body))
        return "<!DOCTYPE html>\n" + document.rendered
    }
}
