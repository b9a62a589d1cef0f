// downloads.html: every download, with its size.

enum DownloadsPage {
    static func page(site: SiteContext, sizes: [String: Int]) -> Page {
        let shell = Page(route: Route.downloads, title: "Downloads", description: "", body: [])
        func row(_ route: Route, _ what: String, _ format: String) -> [HTMLNode] {
            [Blocks.link(shell.link(route), what), .text(format), .text(Blocks.size(sizes[route.path] ?? 0))]
        }
        var rows = [
            row(
                Route.figuresZIP,
                "Every figure of every area, with its period, status and source (figures.csv), the sources (sources.csv), and the same figures as JSON with the indicator definitions, each area's sources listed once and cited by id (figures.json)",
                "ZIP"),
            row(Route.sourcesCSV, "Every source the figures cite: title, publisher, address and date", "CSV"),
            row(Route.comparisonsCSV, "Every comparison: baseline, outcome, change, threshold, England", "CSV"),
            row(Route.comparisonsJSON, "Every comparison, with claims and caveats", "JSON"),
        ]
        for comparison in site.comparisons where comparison.authority.hasBriefingPack {
            rows.append(
                row(
                    Route.briefingPack(comparison.authority.id),
                    "\(comparison.authority.name): briefing pack (charts, their data, citations, one-page summary)", "ZIP"))
        }
        let body: [HTMLNode] = [
            Blocks.heading(1, "Downloads"),
            Blocks.paragraph(
                "The figures behind the site, free to reuse with their sources. Each chart's own data is also downloadable beside the chart.",
                className: "lead"),
            Blocks.table(caption: "Files to download", header: ["File", "Format", "Size"], rows: rows, numeric: [2]),
            Blocks.paragraph(
                "Each area's own figures are also a CSV file, linked from the area's page, with the same columns as figures.csv; sources.csv names the publication behind each source_id."
            ),
            Blocks.paragraph(
                "The comparisons files follow the shape documented in the project's README, under “The JSON from dashboard compare”."),
            Blocks.heading(2, "Licence"),
            el(
                "ul",
                children: site.settings.licences.map { licence in
                    el("li", .text("\(licence.covers.sentenceCased): "), Blocks.link(licence.url, licence.name), .text("."))
                }),
            Blocks.paragraph(
                "Figures reported by a partner, a council or the press are quoted from their publishers, who hold the rights in them; each names its source. Credit the sources and this site when you reuse the figures."
            ),
            Blocks.heading(2, "What each column holds"),
            columnGuide("figures.csv, and each area's CSV", Downloads.figuresColumns),
            columnGuide("sources.csv", Downloads.sourcesColumns),
            columnGuide("comparisons.csv", CompareReport.csvColumns),
            columnGuide("Each chart's CSV, one row per figure drawn", ChartFigures.columns),
        ]
        return Page(
            route: shell.route, title: "Downloads",
            description: "Every figure and comparison as CSV and JSON, and a briefing pack per authority.", body: body)
    }

    /// A file's columns as a table: each name and what it holds.
    static func columnGuide(_ file: String, _ columns: [(name: String, meaning: String)]) -> HTMLNode {
        Blocks.table(
            caption: "Columns of \(file)", header: ["Column", "What it holds"],
            rows: columns.map { [el("code", .text($0.name)), .text($0.meaning)] }, cards: false)
    }
}
