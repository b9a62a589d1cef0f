// Builds the whole site in memory: every page, chart, download and asset, keyed by path.

import Foundation

/// Why the site could not be built; nothing has been written.
public struct SiteBuildError: Error, Sendable {
    public let problems: [Problem]
}

/// The site as files: relative path to bytes. The same data gives the same files, byte for byte.
public struct SiteFiles: Sendable {
    public let files: [String: Data]
    public let chartCount: Int

    public var paths: [String] { files.keys.sorted() }
}

public enum SiteBuilder {
    /// Builds every file of the site from a dataset that loaded without errors.
    /// `progress` is told what is happening, for terminals.
    public static func build(_ dataset: Dataset, progress: (String) -> Void = { _ in }) throws(SiteBuildError) -> SiteFiles {
        if let problem = ChartRenderer.problem {
            throw SiteBuildError(problems: [Problem(severity: .error, file: "charts", message: problem)])
        }
        let comparisons = Comparer(dataset: dataset).compareAll()
        let catalogue = ChartCatalogue(dataset: dataset, comparisons: comparisons)

        var problems: [Problem] = []
        var narratives: [String: SanitisedHTML] = [:]
        for comparison in comparisons {
            guard let text = comparison.authority.narrative else { continue }
            let file = String(comparison.authority.file.dropLast(5)) + ".md"
            switch NarrativeTokens(comparison).fill(text, file: file) {
            case .success(let filled): narratives[comparison.authority.id] = MarkdownRenderer.html(from: filled)
            case .failure(let failure): problems += failure.problems
            }
        }
        guard problems.isEmpty else { throw SiteBuildError(problems: problems) }

        progress("Drawing \(catalogue.charts.count) charts")
        let pngs = ChartRenderer.renderAll(catalogue.charts)
        var files: [String: Data] = [:]
        var chartSizes: [String: (png: Int, csv: Int)] = [:]
        for (chart, encoding) in zip(catalogue.charts, pngs) {
            let csv = Data(chart.table.csv.text.utf8)
            files["charts/\(chart.id).png"] = encoding.png
            files["charts/\(chart.id).csv"] = csv
            chartSizes[chart.id] = (encoding.png.count, csv.count)
        }
        let dataDate = SiteContext.latest(Downloads.allAuthorities(dataset).flatMap(\.sources).compactMap(\.published))
        let site = SiteContext(dataset: dataset, comparisons: comparisons, charts: catalogue, chartSizes: chartSizes, dataDate: dataDate)

        progress("Writing downloads")
        let report = CompareReport(comparisons: comparisons, englandClaims: Comparer(dataset: dataset).englandClaims())
        files["downloads/figures.csv"] = Data(Downloads.figuresCSV(dataset).utf8)
        files["downloads/figures.json"] = Data(Downloads.figuresJSON(dataset).utf8)
        files["downloads/comparisons.csv"] = Data(report.render(.csv).utf8)
        files["downloads/comparisons.json"] = Data(report.render(.json).utf8)
        for comparison in comparisons {
            do {
                files["downloads/\(comparison.authority.id)-briefing-pack.zip"] = try Downloads.briefingPack(
                    comparison, files: files, site: site)
            } catch {
                throw SiteBuildError(problems: [
                    Problem(
                        severity: .error, file: "downloads",
                        message: "could not make the briefing pack for \(comparison.authority.id): \(error)")
                ])
            }
        }

        progress("Writing pages")
        var pages: [Page] = [OverviewPage.page(site: site)]
        for comparison in comparisons {
            pages.append(AuthorityPage.page(comparison, narrative: narratives[comparison.authority.id], site: site))
        }
        let shown = dataset.indicators.filter { indicator in
            comparisons.contains { $0.comparison(for: indicator.id) != nil }
        }
        pages += shown.map { IndicatorPage.page($0, site: site) }
        pages.append(InformationPages.methodology(site: site))
        pages.append(DownloadsPage.page(site: site, sizes: files.mapValues(\.count)))
        pages.append(InformationPages.accessibility(site: site))
        pages.append(InformationPages.notFound())
        for page in pages { files[page.path] = Data(page.html(site: site).utf8) }

        files["assets/site.css"] = Data(Stylesheet.css.utf8)
        files["robots.txt"] = Data(Sitemap.robots.utf8)
        let sitemapPages: [(String, PartialDate?)] = pages.filter { $0.path != "404.html" }.map { page in
            (page.path, lastChange(of: page, site: site))
        }
        files["sitemap.xml"] = Data(Sitemap.xml(pages: sitemapPages).utf8)
        progress("Built \(files.count) files")
        return SiteFiles(files: files, chartCount: catalogue.charts.count)
    }

    /// The latest publication date among the sources a page draws on.
    static func lastChange(of page: Page, site: SiteContext) -> PartialDate? {
        let parts = page.path.split(separator: "/").map(String.init)
        if parts.count == 2, parts[0] == "authorities", let authority = site.dataset.authority(String(parts[1].dropLast(5))) {
            return SiteContext.latest(authority.sources.compactMap(\.published))
        }
        if parts.count == 2, parts[0] == "indicators", let indicator = site.dataset.indicator(String(parts[1].dropLast(5))) {
            let sources = Downloads.allAuthorities(site.dataset).flatMap { $0.series(for: indicator.id)?.observations.map(\.source) ?? [] }
            return SiteContext.latest((sources + [indicator.definitionSource]).compactMap(\.published))
        }
        return site.dataDate
    }
}
