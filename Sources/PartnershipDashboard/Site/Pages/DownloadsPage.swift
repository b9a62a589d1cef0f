// downloads.html: every download, with its size.

enum DownloadsPage {
    static func page(site: SiteContext, sizes: [String: Int]) -> Page {
        let shell = Page(path: "downloads.html", title: "Downloads", description: "", body: [])
        func row(_ path: String, _ what: String, _ format: String) -> [HTMLNode] {
            [Blocks.link(shell.link(path), what), .text(format), .text(Blocks.size(sizes[path] ?? 0))]
        }
        var rows = [
            row(
                "downloads/figures.zip",
                "Every figure of every area, with its period, status and source (figures.csv), and with the indicator definitions (figures.json)",
                "ZIP"),
            row("downloads/comparisons.csv", "Every comparison: baseline, outcome, change, threshold, England", "CSV"),
            row("downloads/comparisons.json", "Every comparison, with claims and caveats", "JSON"),
        ]
        for comparison in site.comparisons where comparison.authority.hasBriefingPack {
            rows.append(
                row(
                    "downloads/\(comparison.authority.id)-briefing-pack.zip",
                    "\(comparison.authority.name): briefing pack (charts, their data, citations, one-page summary)", "ZIP"))
        }
        let body: [HTMLNode] = [
            Blocks.heading(1, "Downloads"),
            Blocks.paragraph(
                "The figures behind the site, free to reuse with their sources. Each chart's own data is also downloadable beside the chart.",
                className: "lead"),
            Blocks.table(caption: "Files to download", header: ["File", "Format", "Size"], rows: rows, numeric: [2]),
            Blocks.paragraph(
                "Each area's own figures are also a CSV file, linked from the area's page, with the same columns as figures.csv."),
            Blocks.paragraph(
                "The comparisons files follow the shape documented in the project's README, under “The JSON from dashboard compare”."),
        ]
        return Page(
            path: shell.path, title: "Downloads",
            description: "Every figure and comparison as CSV and JSON, and a briefing pack per authority.", body: body)
    }
}
