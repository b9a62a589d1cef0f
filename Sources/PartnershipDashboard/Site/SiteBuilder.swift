// Builds the whole site: every page, chart, download and asset, each handed to a sink as it is made.

import Foundation

/// Why the site could not be built; nothing has been written.
public struct SiteBuildError: Error, Sendable {
    public let problems: [Problem]
}

/// What a build made.
public struct BuildSummary: Sendable {
    public let fileCount: Int
    public let chartCount: Int
    /// Charts drawn in this build; the rest came from the cache unchanged.
    public let chartsDrawn: Int
    /// Images whose cache entry failed its SHA-256 check, and so were drawn again.
    public var damagedInCache = 0
}

public enum SiteBuilder {
    /// Builds every file of the site in memory.
    public static func build(_ dataset: Dataset, cache: ChartCache? = nil) throws -> SiteFiles {
        let files = SiteFiles()
        let summary = try build(dataset, into: files, cache: cache)
        files.chartCount = summary.chartCount
        files.chartsDrawn = summary.chartsDrawn
        return files
    }

    /// Builds every file of the site from a dataset that loaded without errors, handing each to
    /// `sink` as soon as it is made. Throws ``SiteBuildError`` for problems in the data, and
    /// whatever the sink throws if a file cannot be stored. `progress` is told what is happening, for terminals.
    public static func build(_ dataset: Dataset, into sink: SiteSink, cache: ChartCache? = nil, progress: (String) -> Void = { _ in })
        throws
        -> BuildSummary
    {
        if let problem = ChartRenderer.problem {
            throw SiteBuildError(problems: [Problem(severity: .error, file: "charts", message: problem)])
        }
        // Drafts are checked like any file but not published.
        let dataset = dataset.published
        progress("Comparing")
        let comparisons = Comparer(dataset: dataset).compareAll()
        progress("Laying out charts")
        let catalogue = ChartCatalogue(dataset: dataset, comparisons: comparisons)

        var problems: [Problem] = []
        var narratives: [String: SanitisedHTML] = [:]
        for comparison in comparisons {
            guard let text = comparison.authority.narrative else { continue }
            let file = String(comparison.authority.file.dropLast(5)) + ".md"
            let joining = JoiningComparison.make(for: comparison.authority, index: catalogue.joiningIndex)
            switch NarrativeTokens(comparison, joining: joining).fill(text, file: file) {
            case .success(let filled): narratives[comparison.authority.id] = MarkdownRenderer.html(from: filled)
            case .failure(let failure): problems += failure.problems
            }
        }
        // No chart whose words claim more than it draws is published.
        for chart in catalogue.charts {
            problems += ChartClaims.problems(chart).map {
                Problem(
                    severity: .error, file: "charts/\(chart.id).png", message: "\($0). This is a fault in the tool's words, not in the data"
                )
            }
        }
        guard problems.isEmpty else { throw SiteBuildError(problems: problems) }

        progress("Drawing \(catalogue.charts.count) charts")
        let pngs = ChartRenderer.renderAll(catalogue.charts, credit: dataset.settings.credit, cache: cache)
        let out = Output(sink)
        // Charts stay in memory until the briefing packs, which hold them, are made.
        var chartFiles: [String: Data] = [:]
        var chartSizes: [String: ChartSizes] = [:]
        for (chart, image) in zip(catalogue.charts, pngs) {
            let csv = Data(chart.figuresCSV.text.utf8)
            chartFiles["charts/\(chart.id).png"] = image.png
            chartFiles["charts/\(chart.id).csv"] = csv
            chartSizes[chart.id] = ChartSizes(png: ChartSizes.Image(png: image.png), csv: csv.count)
        }
        for (path, data) in chartFiles.sorted(by: { $0.key < $1.key }) { try out.put(path, data) }
        let dataDate = SiteContext.latest(Downloads.allAuthorities(dataset).flatMap(\.citedSources).compactMap(\.published))
        let site = SiteContext(
            dataset: dataset, comparisons: comparisons, charts: catalogue, chartSizes: chartSizes, dataDate: dataDate)

        progress("Writing downloads")
        // Every download, then every page, is independent of the others: each set is made
        // concurrently, and each file goes to the sink as soon as it is made.
        let charts = chartFiles
        let report = CompareReport(comparisons: comparisons, englandClaims: Comparer(dataset: dataset).englandClaims())
        // Each job returns its briefing pack's cache key, if it made one.
        var tables: [(path: String, text: @Sendable () -> String)] = [
            ("downloads/comparisons.csv", { report.render(.csv) }),
            ("downloads/comparisons.json", { report.render(.json) }),
        ]
        // Each area's figures on their own, linked from its page; every figure together in one ZIP,
        // its CSV joined from the areas' own.
        let areas = Downloads.allAuthorities(dataset)
        let areaCSVs = areas.concurrentMap { Downloads.figuresCSV($0) }
        for (authority, csv) in zip(areas, areaCSVs) {
            tables.append(("downloads/figures/\(authority.id).csv", { csv }))
        }
        var downloadJobs: [@Sendable () throws -> String?] = tables.map { table in
            {
                try out.put(table.path, Data(table.text().utf8))
                return nil
            }
        }
        let sourcesCSV = Downloads.sourcesCSV(dataset)
        downloadJobs.append {
            try out.put("downloads/sources.csv", Data(sourcesCSV.utf8))
            try out.put(
                "downloads/figures.zip",
                try Downloads.figuresZIP(dataset, csv: Downloads.joinedCSV(areaCSVs), sources: sourcesCSV, dated: dataDate))
            return nil
        }
        for comparison in comparisons where comparison.authority.hasBriefingPack {
            downloadJobs.append {
                let pack = try Downloads.briefingPack(comparison, files: charts, site: site, cache: cache)
                try out.put("downloads/\(comparison.authority.id)-briefing-pack.zip", pack.zip)
                return pack.key
            }
        }
        var packKeys: Set<String> = []
        for result in downloadJobs.concurrentMap({ job in Result { try job() } }) {
            if let key = try result.get() { packKeys.insert(key) }
        }
        chartFiles = [:]
        cache?.prunePacks(keeping: packKeys)

        progress("Writing pages")
        let sizes = out.sizes
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
            { InformationPages.accessibility(site: site) }, { InformationPages.notFound(settings: dataset.settings) },
            { ChangesPage.page(site: site) },
        ]
        if !dataset.agencies.isEmpty {
            pageJobs.append { AgencyPages.index(site: site) }
            if let national = AgencyPages.national(site: site) { pageJobs.append { national } }
            pageJobs += dataset.agencies.map { agency in { AgencyPages.page(agency, site: site) } }
        }
        // Only each page's path and date are kept once its HTML is stored.
        let pages = try pageJobs.concurrentMap { job in
            Result { () throws -> (path: String, changed: PartialDate?) in
                let page = job()
                try out.put(page.path, Data(page.html(site: site).utf8))
                return (page.path, lastChange(of: page, site: site))
            }
        }.map { try $0.get() }

        try out.put("assets/site.css", Data(Stylesheet.css.utf8))
        try out.put("robots.txt", Data(Sitemap.robots(settings: dataset.settings).utf8))
        if let sitemap = Sitemap.xml(
            pages: pages.filter { $0.path != "404.html" }.map { ($0.path, $0.changed) }, settings: dataset.settings)
        {
            try out.put("sitemap.xml", Data(sitemap.utf8))
        }
        progress("Built \(out.count) files")
        return BuildSummary(
            fileCount: out.count, chartCount: catalogue.charts.count, chartsDrawn: pngs.filter(\.drawn).count,
            damagedInCache: pngs.filter(\.damagedInCache).count)
    }

    /// The latest publication date among the sources a page draws on.
    static func lastChange(of page: Page, site: SiteContext) -> PartialDate? {
        let parts = page.path.split(separator: "/").map(String.init)
        if parts.count == 2, parts[0] == "authorities", let authority = site.dataset.authority(String(parts[1].dropLast(5))) {
            return SiteContext.latest(authority.citedSources.compactMap(\.published))
        }
        if parts.count == 2, parts[0] == "indicators", let indicator = site.dataset.indicator(String(parts[1].dropLast(5))) {
            let sources = Downloads.allAuthorities(site.dataset).flatMap { $0.series(for: indicator.id)?.observations.map(\.source) ?? [] }
            return SiteContext.latest((sources + [indicator.definitionSource]).compactMap(\.published))
        }
        return site.dataDate
    }
}

/// Hands files to the sink and remembers how big each was, for the downloads page.
private final class Output: @unchecked Sendable {
    private let sink: SiteSink
    private let lock = NSLock()
    private var stored: [String: Int] = [:]

    init(_ sink: SiteSink) { self.sink = sink }

    func put(_ path: String, _ data: Data) throws {
        try sink.put(path, data)
        lock.withLock { stored[path] = data.count }
    }

    var sizes: [String: Int] { lock.withLock { stored } }

    var count: Int { sizes.count }
}
