// What every page needs to know about the whole site while it is being built.

import Foundation

/// The dataset, its comparisons and charts, and facts about the whole site.
struct SiteContext: Sendable {
    /// The dataset and every comparison of it, computed once per build.
    let analysis: Analysis
    let charts: ChartCatalogue
    /// PNG and CSV sizes by chart id, for download links.
    let chartSizes: [String: ChartSizes]
    /// The latest publication date of any source: the site's "last updated", taken from the data,
    /// not the clock; `nil` when no source is dated.
    let dataDate: PartialDate?
    /// For each measure, the latest publication date among the sources of its figures, for its
    /// page's "last updated": worked out once, not once per page.
    let indicatorDates: [String: PartialDate]
    init(analysis: Analysis, charts: ChartCatalogue, chartSizes: [String: ChartSizes], dataDate: PartialDate?) {
        self.analysis = analysis
        self.charts = charts
        self.chartSizes = chartSizes
        self.dataDate = dataDate
        var dates: [String: [PartialDate]] = [:]
        for authority in Downloads.allAuthorities(analysis.dataset) {
            for series in authority.series {
                var seen: Set<String> = []
                for observation in series.observations where !seen.contains(observation.sourceID) {
                    seen.insert(observation.sourceID)
                    if let published = observation.source.published { dates[series.indicator.id, default: []].append(published) }
                }
            }
        }
        indicatorDates = dates.compactMapValues(SiteContext.latest)
    }

    var dataset: Dataset { analysis.dataset }
    var comparisons: [AuthorityComparison] { analysis.comparisons }
    /// Each council's joining of its regional adoption agency and DfE's figures compared around it.
    var joiningIndex: JoiningIndex { analysis.joiningIndex }

    /// How the site describes itself (site.json).
    var settings: SiteSettings { dataset.settings }

    /// "12 June 2023", or a phrase saying no source is dated.
    var dataDateLabel: String { dataDate?.label ?? "no source is dated" }

    /// The site's "last updated": the latest publication date of any source an area cites.
    static func dataDate(of dataset: Dataset) -> PartialDate? {
        latest(Downloads.allAuthorities(dataset).flatMap(\.citedSources).compactMap(\.published))
    }

    /// The latest of some publication dates, comparing each by the last day it could be.
    /// Each date's last day is worked out once, and its notation only to break a tie: the site's
    /// date is taken from thousands of citations.
    static func latest(_ dates: [PartialDate]) -> PartialDate? {
        var best: (date: PartialDate, last: Day)?
        for date in dates {
            let last = date.lastDay
            guard let current = best else {
                best = (date, last)
                continue
            }
            if last > current.last || (last == current.last && date.description > current.date.description) { best = (date, last) }
        }
        return best?.date
    }

    func comparison(for authorityID: String) -> AuthorityComparison? { analysis.comparison(of: authorityID) }
}

extension SiteContext {
    /// The latest publication date among the sources a page draws on.
    func lastChange(of page: Page) -> PartialDate? { lastChange(of: page.route) }

    /// The same, for the page at `route`.
    func lastChange(of route: Route) -> PartialDate? {
        if case .authority(let id) = route, let authority = dataset.authority(id) {
            return SiteContext.latest(authority.citedSources.compactMap(\.published))
        }
        if case .indicator(let id) = route, let indicator = dataset.indicator(id) {
            return SiteContext.latest([indicatorDates[indicator.id], indicator.definitionSource.published].compactMap { $0 })
        }
        return dataDate
    }
}

/// A chart's downloads: its PNG, with its bytes and pixels, and the bytes of its CSV.
package struct ChartSizes: Sendable {
    package struct Image: Sendable {
        let bytes: Int
        package let width: Int
        package let height: Int

        /// Reads the pixel size from the PNG's header (the IHDR chunk that must come first).
        package init(png: Data) {
            bytes = png.count
            func number(at offset: Int) -> Int {
                guard png.count >= offset + 4 else { return 0 }
                return png[(png.startIndex + offset)..<(png.startIndex + offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            }
            width = number(at: 16)
            height = number(at: 20)
        }
    }

    let png: Image
    let csv: Int
}
