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
                // The image opens at full size, for small screens and for copying.
                el(
                    "a", ["href": page.link(Route.chart(chart.id)), "class": "chart-image"],
                    el(
                        "img",
                        [
                            "src": page.link(Route.chart(chart.id)), "alt": altText(chart),
                            "width": String(sizes?.png.width ?? ChartFormat.standard.width),
                            "height": String(sizes?.png.height ?? ChartFormat.standard.height),
                            "loading": "lazy", "aria-describedby": "description-\(chart.id)",
                        ])),
                el("figcaption", ["id": "description-\(chart.id)"], el("strong", "Description: "), .text(chart.description))),
            dataTable(chart, numeric: numeric),
            el(
                "ul", ["class": "downloads"],
                el(
                    "li",
                    el(
                        "a", ["href": page.link(Route.chart(chart.id)), "download": "\(chart.id).png"],
                        .text("Download the chart for a slide or print (\(imageWords(sizes?.png)))"))),
                el(
                    "li",
                    el(
                        "a", ["href": page.link(Route.chartData(chart.id)), "download": "\(chart.id).csv"],
                        .text("Download its data (CSV\(sizes.map { ", \(Blocks.size($0.csv))" } ?? ""))")))),
            el("p", ["class": "citation"], el("strong", "Cite as: "), .text(citation(chart, on: page.path, site: site))))
    }

    /// "PNG, 1200 × 675 pixels, 38 kB".
    static func imageWords(_ image: ChartSizes.Image?) -> String {
        guard let image else { return "PNG" }
        return "PNG, \(UKFormat.number(Double(image.width))) × \(UKFormat.number(Double(image.height))) pixels, \(Blocks.size(image.bytes))"
    }

    /// Tables longer than this are folded away behind a "show" control, so long pages stay readable.
    static let foldedRows = 40

    static func dataTable(_ chart: Chart, numeric: Set<Int>) -> HTMLNode {
        let table = chart.table
        let html = Blocks.table(
            caption: "Data behind the chart: \(table.caption)", header: table.header,
            rows: table.rows.map { $0.map { HTMLNode.text($0.display) } }, numeric: numeric, cards: false)
        guard table.rows.count > foldedRows else { return html }
        return el("details", el("summary", .text("Show the data behind the chart (\(table.rows.count) rows)")), html)
    }

    /// The short text alternative: the kind of chart, its measures and every area drawn (or how
    /// many, on a chart of every council), pointing to the full description, which the image's
    /// `aria-describedby` names. Never the title, and never the description again.
    static func altText(_ chart: Chart) -> String {
        // A chart works out its figures each time it is asked: once here.
        let figures = chart.figures
        let areas = figures.map(\.area).uniqued()
        let measures = figures.map(\.measure.noun).uniqued()
        let periods = figures.map(\.observation.period)
        let span =
            periods.min().map { first in
                let last = periods.max() ?? first
                return first == last ? " in \(first.label)" : ", \(first.label) to \(last.label)"
            } ?? ""
        let who = areas.count > 6 ? "\(areas.count) areas" : UKFormat.list(areas)
        let what = measures.count > 2 ? "\(measures.count) measures" : UKFormat.list(measures)
        return "\(chart.kind.form) of \(what) for \(who)\(span). The full description follows the chart."
    }

    /// A ready citation line for a brief: the chart's title, the site, its publisher and release, the
    /// chart's address (when the site's is set), how recent its figures are, and its sources.
    static func citation(_ chart: Chart, on path: String, site: SiteContext) -> String {
        let settings = site.settings
        let sources = chart.source.publishers
        let publisher = settings.publisher.map { ", \($0)" } ?? ""
        let released = settings.released.map { ", released \($0.label)" } ?? ""
        let address = settings.address(of: path).map { "\($0)#chart-\(chart.id)" } ?? "Chart \(chart.id)"
        return
            "“\(chart.title)”. \(settings.title)\(publisher)\(released). \(address). \(site.dataDate.map { "Figures published up to \($0.label)." } ?? "No source is dated.") Sources: \(sources)"
    }
}
