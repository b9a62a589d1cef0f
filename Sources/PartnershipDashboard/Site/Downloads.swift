// The site's downloads: every figure as tidy CSV and JSON, the comparisons, and a briefing pack per authority.

import Foundation
import ZIPFoundation

enum Downloads {
    static let figuresHeader = [
        "authority_id", "authority", "gss", "indicator_id", "indicator", "unit", "period", "period_label", "value", "status",
        "preferred", "source_id", "source_title", "source_publisher", "source_url", "source_published", "note", "table", "column",
        "symbol", "symbol_meaning",
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
                        .text(observation.preferred ? "yes" : ""), .text(observation.source.id), .text(observation.source.title),
                        .text(observation.source.publisher), .text(observation.source.url),
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
                        .text(cell.period.label), .text(""), .text("suppressed"), .text(""), .text(cell.source.id),
                        .text(cell.source.title), .text(cell.source.publisher), .text(cell.source.url),
                        CSVTable.Cell(cell.source.published?.description), .text(""), CSVTable.Cell(cell.table), CSVTable.Cell(cell.column),
                        .text(cell.symbol), .text(cell.meaning),
                    ])
                }
            }
        }
        return table.text
    }

    static func figuresJSON(_ dataset: Dataset) -> String {
        let authorities = allAuthorities(dataset).map { authority -> JSONNode in
            .object([
                ("id", .string(authority.id)), ("name", .string(authority.name)), ("gss", authority.gss.map(JSONNode.string) ?? .null),
                (
                    "figures",
                    .array(
                        authority.series.flatMap { series in
                            series.observations.sorted(by: { ($0.period, $0.source.id) < ($1.period, $1.source.id) }).map { observation in
                                JSONNode.object([
                                    ("indicator", .string(series.indicator.id)), ("unit", .string(series.indicator.unit.rawValue)),
                                    ("period", .string(observation.period.notation)), ("label", .string(observation.period.label)),
                                    ("value", .number(observation.value)), ("status", .string(observation.status.rawValue)),
                                    ("preferred", .bool(observation.preferred)), ("note", observation.note.map(JSONNode.string) ?? .null),
                                    ("source", sourceJSON(observation.source)),
                                    ("table", observation.table.map(JSONNode.string) ?? .null),
                                    ("column", observation.column.map(JSONNode.string) ?? .null),
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
                                    ("indicator", .string(series.indicator.id)), ("period", .string(cell.period.notation)),
                                    ("label", .string(cell.period.label)), ("symbol", .string(cell.symbol)),
                                    ("meaning", .string(cell.meaning)),
                                    ("source", sourceJSON(cell.source)), ("table", cell.table.map(JSONNode.string) ?? .null),
                                    ("column", cell.column.map(JSONNode.string) ?? .null),
                                ])
                            }
                        })
                ),
            ])
        }
        let indicators = dataset.indicators.map { indicator -> JSONNode in
            .object([
                ("id", .string(indicator.id)), ("title", .string(indicator.title)), ("unit", .string(indicator.unit.rawValue)),
                ("polarity", .string(indicator.polarity.rawValue)), ("definition", .string(indicator.definition)),
            ])
        }
        return JSONWriter.write(.object([("indicators", .array(indicators)), ("authorities", .array(authorities))]))
    }

    static func sourceJSON(_ source: Source) -> JSONNode {
        .object([
            ("id", .string(source.id)), ("title", .string(source.title)), ("publisher", .string(source.publisher)),
            ("url", .string(source.url)), ("published", source.published.map { .string($0.description) } ?? .null),
        ])
    }

    static func allAuthorities(_ dataset: Dataset) -> [Authority] { dataset.authorities + (dataset.england.map { [$0] } ?? []) }

    /// A ZIP of an authority's charts, their CSVs, citations and a one-page summary; entries sorted,
    /// dated from the data, so the same data gives the same bytes.
    static func briefingPack(_ comparison: AuthorityComparison, files: [String: Data], site: SiteContext, cache: ChartCache? = nil) throws
        -> (
            zip: Data, key: String?
        )
    {
        let authority = comparison.authority
        let charts = site.charts.charts(for: authority.id)
        let citations = charts.map { "\($0.id).png\n\(ChartSection.citation($0, site: site))\n" }.joined(separator: "\n")
        let summary = BriefingSummary.html(comparison, charts: charts, site: site)
        // A pack is made again only when something in it changed: its key covers every chart's
        // key (and so its pixels), the citations, the summary and the date inside the ZIP.
        let key = cache.map { cache in
            SHA256.hex(
                ([cache.version, site.dataDateLabel, citations, summary] + charts.map { cache.key(for: $0) }).joined(separator: "\u{1}"))
        }
        if let cache, let key, case .found(let packed) = cache.loadPack(key) { return (packed, key) }
        let packed = try makePack(charts: charts, files: files, citations: citations, summary: summary, site: site)
        if let cache, let key { cache.storePack(packed, as: key) }
        return (packed, key)
    }

    private static func makePack(charts: [Chart], files: [String: Data], citations: String, summary: String, site: SiteContext) throws
        -> Data
    {
        var entries: [String: Data] = [:]
        for chart in charts {
            entries["\(chart.id).png"] = files["charts/\(chart.id).png"]
            entries["\(chart.id).csv"] = files["charts/\(chart.id).csv"]
        }
        entries["citation.txt"] = Data("How to cite these charts\n\n\(citations)".utf8)
        entries["summary.html"] = Data(summary.utf8)
        return try zip(entries, dated: site.dataDate)
    }

    /// Every figure as one ZIP, `figures.csv` and `figures.json`: with every council the two files
    /// are too large to serve alone, and compress to a small part of their size.
    static func figuresZIP(_ dataset: Dataset, dated date: PartialDate?) throws -> Data {
        try figuresZIP(dataset, csv: figuresCSV(dataset), dated: date)
    }

    /// The same, with the national CSV already made (see ``joinedCSV(_:)``).
    static func figuresZIP(_ dataset: Dataset, csv: String, dated date: PartialDate?) throws -> Data {
        try zip(["figures.csv": Data(csv.utf8), "figures.json": Data(figuresJSON(dataset).utf8)], dated: date)
    }

    /// The national CSV from each area's, in the same order: one header, then every area's rows.
    /// Byte for byte what ``figuresCSV(_:)-swift.type.method`` gives for the whole dataset, without a second pass.
    static func joinedCSV(_ areas: [String]) -> String {
        var joined = figuresHeader.map(CSVTable.field).joined(separator: ",") + "\n"
        for area in areas {
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
    static func zip(_ entries: [String: Data], dated date: PartialDate?) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let day = date?.firstDay ?? Day(year: 1980, month: 1, day: 1)!
        var components = DateComponents()
        components.year = day.year
        components.month = day.month
        components.day = day.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let modified = calendar.date(from: components)!
        for name in entries.keys.sorted() {
            let data = entries[name]!
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified, permissions: 0o644,
                compressionMethod: name.hasSuffix(".png") ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw FileFailure("make the ZIP", "", reason: "the archive library returned no data") }
        return data
    }
}

/// The one-page summary in a briefing pack: self-contained HTML that prints on a page.
enum BriefingSummary {
    static func html(_ comparison: AuthorityComparison, charts: [Chart], site: SiteContext) -> String {
        let authority = comparison.authority
        var body: [HTMLNode] = [Blocks.heading(1, "\(authority.name): briefing summary")]
        if let partnership = authority.partnership {
            body.append(
                Blocks.paragraph("\(partnership.partner) partnership, \(partnership.datesLabel). Data as of \(site.dataDateLabel)."))
        }
        let changes = comparison.indicators.filter { $0.change != nil }
        if !changes.isEmpty {
            body.append(Blocks.heading(2, "What changed"))
            body.append(
                el(
                    "ul",
                    children: changes.map { row in
                        let change = row.change!
                        let unit = row.indicator.unit
                        var text =
                            "\(row.indicator.title): \(ChartWords.pair(change, unit: unit)), \(UKFormat.change(change, unit: unit)), \(change.directionWords)"
                        if let england = row.england {
                            text += "; England \(UKFormat.change(england.change, unit: unit)) over the same periods"
                        }
                        return el("li", .text(text + "."))
                    }))
        }
        let caveats = comparison.indicators.flatMap { row in row.caveats.map { "\(row.indicator.title): \($0.text)" } }
        if !caveats.isEmpty {
            body.append(Blocks.heading(2, "Read with care"))
            body.append(el("ul", children: caveats.map { el("li", .text($0)) }))
        }
        body.append(Blocks.heading(2, "Charts in this pack"))
        body.append(el("ul", children: charts.map { el("li", .text("\($0.id).png: \($0.title)")) }))
        body.append(Blocks.heading(2, "Sources"))
        let sources = SourceList(authority: authority, england: site.dataset.england)
        body.append(
            el(
                "ol",
                children: sources.order.map { source in
                    el(
                        "li",
                        .text("\(source.publisher), “\(source.title)”\(source.published.map { ", \($0.label)" } ?? ""). \(source.url)"))
                }))
        let style =
            "body{font-family:Arial,'Liberation Sans',sans-serif;font-size:11pt;line-height:1.35;max-width:46em;margin:1.5em auto;color:#0b0c0c}h1{font-size:16pt}h2{font-size:12.5pt;margin-top:1.1em}li{margin:.2em 0}@page{margin:1.5cm}"
        let document = el(
            "html", ["lang": "en-GB"],
            el(
                "head", el("meta", ["charset": "utf-8"]), el("title", .text("\(authority.name): briefing summary")),
                el("style", .text(style))),
            el("body", children: body))
        return "<!DOCTYPE html>\n" + document.rendered
    }
}
