// A partnership's briefing pack: its charts with their data and citations, and a one-page summary,
// in one ZIP, kept in the chart cache between builds.

import Foundation

extension Downloads {
    /// A ZIP of an authority's charts, their CSVs, citations and a one-page summary; entries sorted,
    /// dated from the data, so the same data gives the same bytes.
    static func briefingPack(_ comparison: AuthorityComparison, files: [String: Data], site: SiteContext, cache: ChartCache? = nil) throws
        -> (
            zip: Data, key: String?, damaged: Bool
        )
    {
        let authority = comparison.authority
        let charts = site.charts.charts(for: authority.id)
        let citations = charts.map {
            "\($0.id).png\n\(ChartSection.citation($0, on: Route.authority(comparison.authority.id).path, site: site))\n"
        }.joined(separator: "\n")
        let summary = BriefingSummary.html(comparison, charts: charts, site: site)
        // A pack is made again only when something in it changed: its key covers every chart's
        // key (and so its pixels), the citations, the summary and the date inside the ZIP.
        let key = cache.map { cache in
            SHA256.hex(
                ([cache.version, site.dataDateLabel, citations, summary]
                    + charts.map { cache.key(for: $0, credit: site.settings.credit) })
                    .joined(separator: "\u{1}"))
        }
        var damaged = false
        if let cache, let key {
            switch cache.load(key, from: .packs) {
            case .found(let packed): return (packed, key, false)
            case .damaged: damaged = true
            case .missing: break
            }
        }
        let packed = try makePack(
            charts: charts, files: files, citations: citations, summary: summary, site: site, route: .briefingPack(authority.id))
        if let cache, let key { cache.store(packed, as: key, on: .packs) }
        return (packed, key, damaged)
    }

    private static func makePack(
        charts: [Chart], files: [String: Data], citations: String, summary: String, site: SiteContext, route: Route
    ) throws -> Data {
        var entries: [String: Data] = [:]
        for chart in charts {
            entries["\(chart.id).png"] = files[Route.chart(chart.id).path]
            entries["\(chart.id).csv"] = files[Route.chartData(chart.id).path]
        }
        entries["citation.txt"] = Data("How to cite these charts\n\n\(citations)".utf8)
        entries["summary.html"] = Data(summary.utf8)
        return try zip(entries, dated: site.dataDate, route: route)
    }
}
