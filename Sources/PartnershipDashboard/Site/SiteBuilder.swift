// Builds the whole site: every page, chart, download and asset, each handed to a sink as it is made.

import Foundation

/// What a build made.
struct BuildSummary: Sendable {
    let fileCount: Int
    let chartCount: Int
    /// Charts drawn in this build; the rest came from the cache unchanged.
    let chartsDrawn: Int
    /// Images whose cache entry failed its SHA-256 check, and so were drawn again.
    var damagedInCache = 0
    /// Downloads (briefing packs, each area's figures) whose cache entry was damaged, and so were made again.
    var damagedDownloads = 0
    /// Areas with downloads of their own, and how many of those were made in this build rather
    /// than taken from the cache.
    var areaCount = 0
    var areasMade = 0
    /// For a rebuild after only narratives changed: the authorities whose pages were made again,
    /// every other file being kept from the previous build.
    var pagesOnly: [String]? = nil
    /// The key each council page with one was made from (see ``PageKeys``), by path, for the next
    /// build; and how many of those pages were kept from the last build rather than made.
    var pageKeys: [String: String] = [:]
    var pagesKept = 0
}

enum SiteBuilder {
    /// Builds every file of the site in memory.
    static func build(_ dataset: Dataset, cache: ChartCache? = nil) throws -> SiteFiles {
        let files = SiteFiles()
        let summary = try build(Analysis(dataset), into: files, cache: cache)
        files.chartCount = summary.chartCount
        files.chartsDrawn = summary.chartsDrawn
        return files
    }

    /// Builds every file of the site from the analysis of a dataset that loaded without errors,
    /// handing each to `sink` as soon as it is made. Throws a ``BuildError`` naming its step for
    /// problems in the data or a chart that cannot be drawn, and whatever the sink throws if a file
    /// cannot be stored. `progress` is told what is
    /// happening, for terminals.
    /// `areaKeys` gives, by area id, the key of that area's own downloads in the cache
    /// (``BuildManifest/InputDigests/areas``); an area without one has them made. With `reuse`, a
    /// council page whose key (``PageKeys``) is the one the last build made it from is kept, if the
    /// sink still holds that build's file, instead of being made again.
    static func build(
        _ analysis: Analysis, into sink: SiteSink, cache: ChartCache? = nil, areaKeys: [String: String] = [:],
        reuse: PageReuse? = nil, progress: (String) -> Void = { _ in }
    ) throws -> BuildSummary {
        if let problem = ChartRenderer.problem {
            throw BuildError(.drawing, problems: [Problem(severity: .error, file: "charts", message: problem)])
        }
        // Drafts are checked like any file but not published.
        let analysis = analysis.published
        let dataset = analysis.dataset
        let comparisons = analysis.comparisons
        progress("Laying out charts")
        let catalogue = ChartCatalogue(analysis)

        var problems: [Problem] = []
        var narratives: [String: SanitisedHTML] = [:]
        for (comparison, filled) in zip(comparisons, comparisons.concurrentMap { AuthorityPage.narrative(of: $0, analysis: analysis) }) {
            switch filled {
            case .success(let filled): narratives[comparison.authority.id] = filled
            case .failure(let failure): problems += failure.problems
            }
        }
        // No chart whose words claim more than it draws is published.
        problems += catalogue.charts.concurrentMap { chart in
            ChartClaims.problems(chart).map {
                Problem(
                    severity: .error, file: Route.chart(chart.id).path,
                    message: "\($0). This is a fault in the tool's words, not in the data"
                )
            }
        }.flatMap { $0 }
        guard problems.isEmpty else { throw BuildError(.layingOut, problems: problems) }

        progress("Drawing \(catalogue.charts.count) charts")
        let pngs: [ChartRenderer.Rendered]
        do {
            pngs = try ChartRenderer.renderAll(catalogue.charts, credit: dataset.settings.credit, cache: cache)
        } catch {
            throw BuildError(
                .drawing, problems: [Problem(severity: .error, file: Route.chart(error.chartID).path, message: "\(error.failure)")])
        }
        let out = Output(sink)
        // Charts stay in memory until the briefing packs, which hold them, are made.
        var chartFiles: [String: Data] = [:]
        var chartSizes: [String: ChartSizes] = [:]
        let chartCSVs = catalogue.charts.concurrentMap { Data($0.figuresCSV.text.utf8) }
        for ((chart, image), csv) in zip(zip(catalogue.charts, pngs), chartCSVs) {
            chartFiles[Route.chart(chart.id).path] = image.png
            chartFiles[Route.chartData(chart.id).path] = csv
            chartSizes[chart.id] = ChartSizes(png: ChartSizes.Image(png: image.png), csv: csv.count)
        }
        // Stored on every core: each is compared with the previous build's file and linked when the same.
        let stored = chartFiles.sorted(by: { $0.key < $1.key }).concurrentMap { path, data in Result { try out.put(path, data) } }
        for result in stored { try result.get() }
        let dataDate = SiteContext.dataDate(of: dataset)
        let site = SiteContext(
            analysis: analysis, charts: catalogue, chartSizes: chartSizes, dataDate: dataDate)

        progress("Writing downloads and pages")
        // Every download and every page but the downloads page (which gives the others' sizes) is
        // independent of the rest: all are made concurrently, the longest first so that no core
        // waits at the end on one large file, and each goes to the sink as soon as it is made.
        let charts = chartFiles
        let report = CompareReport(comparisons: comparisons, englandClaims: Comparer(dataset: dataset).englandClaims())
        let areas = Downloads.allAuthorities(dataset)
        let (areaFiles, areasMade, areasDamaged) = AreaDownloads.all(areas, keys: areaKeys, cache: cache)
        let sourcesCSV = Downloads.joinedSourcesCSV(areaFiles.map(\.sourcesCSV))
        var jobs: [@Sendable () throws -> Made] = [
            {
                // Every figure together in one ZIP, joined from the areas' own.
                try out.put(
                    Route.figuresZIP,
                    try Downloads.figuresZIP(
                        csv: Downloads.joinedCSV(areaFiles.map(\.figuresCSV)),
                        json: Downloads.figuresJSON(areas: areaFiles.map(\.json), indicators: dataset.indicators), sources: sourcesCSV,
                        dated: dataDate))
                return .download(packKey: nil)
            },
            {
                try out.put(Route.comparisonsJSON, Data(report.render(.json).utf8))
                return .download(packKey: nil)
            },
            {
                try out.put(Route.comparisonsCSV, Data(report.render(.csv).utf8))
                return .download(packKey: nil)
            },
        ]
        for comparison in comparisons where comparison.authority.hasBriefingPack {
            jobs.append {
                let pack = try Downloads.briefingPack(comparison, files: charts, site: site, cache: cache)
                try out.put(Route.briefingPack(comparison.authority.id), pack.zip)
                return .download(packKey: pack.key, damaged: pack.damaged)
            }
        }
        jobs.append {
            try out.put(Route.sourcesCSV, Data(sourcesCSV.utf8))
            return .download(packKey: nil)
        }
        // Each area's figures on their own, linked from its page.
        jobs += zip(areas, areaFiles).map { authority, files in
            { @Sendable in
                try out.put(Route.areaFigures(authority.id), Data(files.figuresCSV.utf8))
                return .download(packKey: nil)
            }
        }
        // Only each page's path and date (and a council page's key) are kept once its HTML is stored.
        @Sendable func store(_ page: Page, key: String? = nil) throws -> Made {
            let changed = site.lastChange(of: page)
            try out.put(page.path, Data(page.document(site: site, lastChange: changed)))
            return .page(path: page.path, changed: changed, key: key)
        }
        var pageJobs: [@Sendable () throws -> Made] = [{ try store(OverviewPage.page(site: site)) }]
        for comparison in comparisons {
            let narrative = narratives[comparison.authority.id]
            pageJobs.append {
                let route = Route.authority(comparison.authority.id)
                let key = reuse.flatMap { PageKeys.key(of: comparison, narrative: narrative, site: site, inputs: $0.inputs) }
                if let key, reuse?.previous[route.path] == key, out.reuse(route.path) {
                    return .page(path: route.path, changed: site.lastChange(of: route), key: key, kept: true)
                }
                return try store(AuthorityPage.page(comparison, narrative: narrative, site: site), key: key)
            }
        }
        let shown = dataset.indicators.filter { indicator in
            comparisons.contains { $0.comparison(for: indicator.id) != nil }
        }
        var otherPages: [@Sendable () -> Page] = shown.map { indicator in { IndicatorPage.page(indicator, site: site) } }
        otherPages += [
            { InformationPages.methodology(site: site) }, { InformationPages.accessibility(site: site) },
            { InformationPages.notFound(settings: dataset.settings) }, { ChangesPage.page(site: site) },
        ]
        if !dataset.agencies.isEmpty {
            otherPages.append { AgencyPages.index(site: site) }
            if let national = AgencyPages.national(site: site) { otherPages.append { national } }
            otherPages += dataset.agencies.map { agency in { AgencyPages.page(agency, site: site) } }
        }
        jobs += pageJobs + otherPages.map { job in { try store(job()) } }
        var made = try jobs.concurrentMap { job in Result { try job() } }.map { try $0.get() }
        chartFiles = [:]
        cache?.prune(.packs, keeping: Set(made.compactMap(\.packKey)))
        made.append(try store(DownloadsPage.page(site: site, sizes: out.sizes)))
        let pages = made.compactMap(\.page)

        try out.put(Route.stylesheet, Data(Stylesheet.css.utf8))
        try out.put(Route.robots, Data(Sitemap.robots(settings: dataset.settings).utf8))
        if let sitemap = Sitemap.xml(
            pages: pages.filter { $0.path != Route.notFound.path }.map { ($0.path, $0.changed) }, settings: dataset.settings)
        {
            try out.put(Route.sitemap, Data(sitemap.utf8))
        }
        progress("Built \(out.count) files")
        var pageKeys: [String: String] = [:]
        for case .page(let path, _, let key?, _) in made { pageKeys[path] = key }
        return BuildSummary(
            fileCount: out.count, chartCount: catalogue.charts.count, chartsDrawn: pngs.filter(\.drawn).count,
            damagedInCache: pngs.filter(\.damagedInCache).count,
            damagedDownloads: areasDamaged + made.filter(\.packDamaged).count, areaCount: areas.count, areasMade: areasMade,
            pageKeys: pageKeys, pagesKept: made.filter(\.kept).count)
    }

    /// Rebuilds after only narratives changed: makes again the pages of `authorityIDs` (the only
    /// files that read a narrative) and keeps every other file of the previous build, which the
    /// staging folder's output holds unchanged since that build wrote it (the caller has checked its
    /// files' sizes, times and inodes, `stamps`, and each kept file is checked against its stamp
    /// again once linked). The same data gives the same files, so the result is byte for byte what a
    /// clean build writes; a test and the benchmark compare them. Returns `nil`, having written
    /// nothing, if the previous build lacks a file these pages need; throws
    /// ``StagingFolder/OutputChanged`` if the output changed meanwhile.
    static func rebuildPages(
        of authorityIDs: Set<String>, _ analysis: Analysis, into sink: StagingFolder, stamps: [String: [Int]],
        progress: (String) -> Void = { _ in }
    ) throws -> BuildSummary? {
        let analysis = analysis.published
        let comparisons = analysis.comparisons.filter { authorityIDs.contains($0.authority.id) }
        var problems: [Problem] = []
        var pages: [(AuthorityComparison, SanitisedHTML?)] = []
        for comparison in comparisons {
            switch AuthorityPage.narrative(of: comparison, analysis: analysis) {
            case .success(let narrative): pages.append((comparison, narrative))
            case .failure(let failure): problems += failure.problems
            }
        }
        guard problems.isEmpty else { throw BuildError(.layingOut, problems: problems) }
        progress("Laying out the charts of \(comparisons.count) page\(comparisons.count == 1 ? "" : "s")")
        let catalogue = ChartCatalogue(analysis, onlyAuthorities: authorityIDs)
        var chartSizes: [String: ChartSizes] = [:]
        for chart in catalogue.charts {
            guard let png = sink.previousContents(Route.chart(chart.id).path),
                let csv = sink.previousContents(Route.chartData(chart.id).path)
            else { return nil }
            chartSizes[chart.id] = ChartSizes(png: ChartSizes.Image(png: png), csv: csv.count)
        }
        let dataDate = SiteContext.dataDate(of: analysis.dataset)
        let site = SiteContext(analysis: analysis, charts: catalogue, chartSizes: chartSizes, dataDate: dataDate)
        let made = pages.map { comparison, narrative in AuthorityPage.page(comparison, narrative: narrative, site: site) }
        let previous = sink.previousPaths
        let kept = previous.subtracting(made.map(\.path))
        guard made.allSatisfy({ previous.contains($0.path) }), kept.allSatisfy({ stamps[$0] != nil }) else { return nil }
        progress("Writing \(made.count) page\(made.count == 1 ? "" : "s") and keeping \(kept.count) files")
        for page in made {
            try sink.put(page.path, Data(page.document(site: site, lastChange: site.lastChange(of: page))))
        }
        // Two system calls a file, for about two thousand files: on every core at once.
        for result in kept.sorted().concurrentMap({ path in Result { try sink.keep(path, stamp: stamps[path] ?? []) } }) {
            try result.get()
        }
        let charts = kept.filter { path in
            if case .chart = Route(path: path) { return true } else { return false }
        }.count
        return BuildSummary(
            fileCount: kept.count + made.count, chartCount: charts, chartsDrawn: 0, pagesOnly: comparisons.map(\.authority.id).sorted())
    }
}

/// What one job of a build made: a download (a briefing pack says its cache key) or a page (a
/// council page says its key, and whether it was kept from the last build).
private enum Made: Sendable {
    case download(packKey: String?, damaged: Bool = false)
    case page(path: String, changed: PartialDate?, key: String? = nil, kept: Bool = false)

    var packKey: String? {
        if case .download(let key, _) = self { return key }
        return nil
    }

    /// Whether a briefing pack was made again because its cache entry was damaged.
    var packDamaged: Bool {
        if case .download(_, let damaged) = self { return damaged }
        return false
    }

    var page: (path: String, changed: PartialDate?)? {
        if case .page(let path, let changed, _, _) = self { return (path, changed) }
        return nil
    }

    var kept: Bool {
        if case .page(_, _, _, let kept) = self { return kept }
        return false
    }
}

/// Hands files to the sink and remembers how big each was, for the downloads page.
private final class Output: Sendable {
    private let sink: SiteSink
    private let stored = Locked<[String: Int]>([:])

    init(_ sink: SiteSink) { self.sink = sink }

    func put(_ route: Route, _ data: Data) throws { try put(route.path, data) }

    func put(_ path: String, _ data: Data) throws {
        try sink.put(path, data)
        stored.withLock { $0[path] = data.count }
    }

    /// Keeps the file the last build wrote at `path` (see ``SiteSink/reuse(_:)``); false when it cannot be kept.
    func reuse(_ path: String) -> Bool {
        guard let size = sink.reuse(path) else { return false }
        stored.withLock { $0[path] = size }
        return true
    }

    var sizes: [String: Int] { stored.value }

    var count: Int { sizes.count }
}
