// A chart on a page: its title, subtitle, image with alt text, visible description, data table,
// downloads and a citation line.

enum ChartSection {
    static func html(_ chart: Chart, page: Page, site: SiteContext, headingLevel: Int = 3) -> HTMLNode {
        let headingID = "chart-\(chart.id)"
        let sizes = site.chartSizes[chart.id]
        let table = chart.table
        let numeric = Set(
            table.rows.first.map { row in row.indices.filter { if case .number = row[$0].raw { return true } else { return false } } } ?? []
        )
        return el(
            "section", ["class": "chart", "aria-labelledby": headingID],
            Blocks.heading(headingLevel, chart.title, id: headingID),
            Blocks.paragraph(chart.subtitle, className: "chart-subtitle"),
            el(
                "figure",
                el(
                    "img",
                    [
                        "src": page.link("charts/\(chart.id).png"), "alt": altText(chart), "width": "1600", "height": "900",
                        "loading": "lazy",
                    ]),
                el("figcaption", el("strong", "Description: "), .text(chart.description))),
            dataTable(chart, numeric: numeric),
            el(
                "ul", ["class": "downloads"],
                el(
                    "li",
                    el(
                        "a", ["href": page.link("charts/\(chart.id).png"), "download": "\(chart.id).png"],
                        .text("Download the chart (PNG\(sizes.map { ", \(Blocks.size($0.png))" } ?? ""))"))),
                el(
                    "li",
                    el(
                        "a", ["href": page.link("charts/\(chart.id).csv"), "download": "\(chart.id).csv"],
                        .text("Download its data (CSV\(sizes.map { ", \(Blocks.size($0.csv))" } ?? ""))")))),
            el("p", ["class": "citation"], el("strong", "Cite as: "), .text(citation(chart, site: site))))
    }

    /// Tables longer than this are folded away behind a "show" control, so long pages stay readable.
    static let foldedRows = 40

    static func dataTable(_ chart: Chart, numeric: Set<Int>) -> HTMLNode {
        let table = chart.table
        let html = Blocks.table(
            caption: "Data behind the chart: \(table.caption)", header: table.header,
            rows: table.rows.map { $0.map { HTMLNode.text($0.display) } }, numeric: numeric)
        guard table.rows.count > foldedRows else { return html }
        return el("details", el("summary", .text("Show the data behind the chart (\(table.rows.count) rows)")), html)
    }

    /// The text alternative: what the chart shows with its numbers (never just the title).
    static func altText(_ chart: Chart) -> String {
        let sentences = chart.description.split(separator: ". ", omittingEmptySubsequences: true)
        let kept = sentences.prefix(2).joined(separator: ". ")
        return kept.hasSuffix(".") ? kept : kept + "."
    }

    /// A ready citation line for a brief.
    static func citation(_ chart: Chart, site: SiteContext) -> String {
        let sources = chart.source.hasPrefix("Source: ") ? String(chart.source.dropFirst(8)) : chart.source
        return "“\(chart.title)”. \(SiteContext.name), chart \(chart.id), data as of \(site.dataDateLabel). Sources: \(sources)"
    }
}
