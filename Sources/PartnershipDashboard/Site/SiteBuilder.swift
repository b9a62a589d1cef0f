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
    /// Charts drawn in this build; the rest came from the cache unchanged.
    public let chartsDrawn: Int

    public var paths: [String] { files.keys.sorted() }
}

public enum SiteBuilder {
    /// Builds every file of the site from a dataset that loaded without errors.
    /// `progress` is told what is happening, for terminals.
    public static func build(_ dataset: Dataset, cache: ChartCache? = nil, progress: (String) -> Void = { _ in }) throws(SiteBuildError)
        -> SiteFiles
    {
        if let problem = ChartRenderer.problem {
            throw SiteBuildError(problems: [Problem(severity: .error, file: "charts", message: problem)])
        }
        progress("Comparing")
        let comparisons = Comparer(dataset: dataset).compareAll()
        progress("Laying out charts")
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
        let pngs = ChartRenderer.renderAll(catalogue.charts, cache: cache)
        var files: [String: Data] = [:]
        var chartSizes: [String: (png: Int, csv: Int)] = [:]
        for (chart, rendered) in zip(catalogue.charts, pngs) {
            let csv = Data(chart.table.csv.text.utf8)
            files["charts/\(chart.id).png"] = rendered.png
            files["charts/\(chart.id).csv"] = csv
            chartSizes[chart.id] = (rendered.png.count, csv.count)
        }
        let dataDate = SiteContext.latest(Downloads.allAuthorities(dataset).flatMap(\.sources).compactMap(\.published))
        let site = SiteContext(dataset: dataset, comparisons: comparisons, charts: catalogue, chartSizes: chartSizes, dataDate: dataDate)

        progress("Writing downloads")
        // Every download, then every page, is independent of the others: each set is made concurrently.
        let chartFiles = files
        let report = CompareReport(comparisons: comparisons, englandClaims: Comparer(dataset: dataset).englandClaims())
        var downloadJobs: [@Sendable () throws -> (path: String, data: Data, key: String?)] = [
            { ("downloads/figures.csv", Data(Downloads.figuresCSV(dataset).utf8), nil) },
            { ("downloads/figures.json", Data(Downloads.figuresJSON(dataset).utf8), nil) },
            { ("downloads/comparisons.csv", Data(report.render(.csv).utf8), nil) },
            { ("downloads/comparisons.json", Data(report.render(.json).utf8), nil) },
        ]
        for comparison in comparisons {
            downloadJobs.append {
                let pack = try Downloads.briefingPack(comparison, files: chartFiles, site: site, cache: cache)
                return ("downloads/\(comparison.authority.id)-briefing-pack.zip", pack.zip, pack.key)
            }
        }
        let downloads = downloadJobs.concurrentMap { job in Result { try job() } }
        var packKeys: Set<String> = []
        for result in downloads {
            switch result {
            case .success(let download):
                files[download.path] = download.data
                if let key = download.key { packKeys.insert(key) }
            case .failure(let error):
                throw SiteBuildError(problems: [
                    Problem(severity: .error, file: "downloads", message: "could not make a download: \(error)")
                ])
            }
        }
        cache?.prunePacks(keeping: packKeys)

        progress("Writing pages")
        let sizes = files.mapValues(\.count)
        var pageJobs: [@Sendable () -> Page] = [{ OverviewPage.page(site: site) }]
        for comparison in comparisons {
            let narrative = narratives[comparison.authority.id]
            pageJobs.append { AuthorityPage.page(comparison, narrative: narrative, site: site) }
        }
        let shown = dataset.indicators.filter { indicator in
            comparisons.contains { $0.comparison(for: indicator.id) != nil }
        }
        pageJobs += shown.map { indicator in { IndicatorPage.page(indicator, site: site) } }
        pageJobs += [
            { InformationPages.methodology(site: site) }, { DownloadsPage.page(site: site, sizes: sizes) },
            { InformationPages.accessibility(site: site) }, { InformationPages.notFound() },
        ]
        let rendered = pageJobs.concurrentMap { job -> (page: Page, html: Data) in
            let page = job()
            return (page, Data(page.html(site: site).utf8))
        }
        for (page, html) in rendered { files[page.path] = html }
        let pages = rendered.map(\.page)

        files["assets/site.css"] = Data(Stylesheet.css.utf8)
        files["robots.txt"] = Data(Sitemap.robots.utf8)
        let sitemapPages: [(String, PartialDate?)] = pages.filter { $0.path != "404.html" }.map { page in
            (page.path, lastChange(of: page, site: site))
        }
        files["sitemap.xml"] = Data(Sitemap.xml(pages: sitemapPages).utf8)
        progress("Built \(files.count) files in memory")
        return SiteFiles(files: files, chartCount: catalogue.charts.count, chartsDrawn: pngs.filter(\.drawn).count)
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
