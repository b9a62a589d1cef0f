// Which charts the data allows: every kind, for every authority and indicator that has the figures.

/// Builds every chart the dataset supports, in a stable order.
package struct ChartCatalogue: Sendable {
    package let charts: [Chart]
    /// Councils lined up on their own joining of an agency, against those not yet in one.
    let national: NationalJoining?
    private let byAuthority: [String: [Chart]]
    private let byIndicator: [String: [Chart]]

    package init(_ analysis: Analysis) { self.init(analysis, onlyAuthorities: nil) }

    /// `onlyAuthorities`: lay out only the charts of these authorities' pages, and none of the charts
    /// that compare every authority, for a rebuild that makes only those pages again.
    init(_ analysis: Analysis, onlyAuthorities: Set<String>?) {
        let dataset = analysis.dataset
        let comparisons = analysis.comparisons.filter { onlyAuthorities?.contains($0.authority.id) ?? true }
        let thresholds = ThresholdBook(dataset.thresholds)
        // Each authority's charts are independent of the others', so they are built concurrently.
        let perAuthority: [[Chart]] = comparisons.concurrentMap { comparison in
            let authority = comparison.authority
            var charts: [Chart] = []
            if let chart = BeforeAfterChart(comparison) { charts.append(chart) }
            // A council's region is drawn beside it; a region is drawn beside England alone.
            let region = dataset.region(of: authority)
            for row in comparison.indicators where authority.charts(row.indicator.id) {
                if let chart = OverTimeChart(
                    authority: authority, comparison: row, england: dataset.england?.series(for: row.indicator.id),
                    region: region.flatMap { region in region.series(for: row.indicator.id).map { (region.name, $0) } },
                    thresholds: thresholds)
                {
                    charts.append(chart)
                }
            }
            // Where the partner's change falls among every council's: totals only, as in the key figures.
            for row in comparison.indicators where !OfficialMeasure.components.contains(row.indicator.id) {
                if let chart = NeighbourChart(
                    authority: authority, comparison: row, england: dataset.england?.series(for: row.indicator.id))
                {
                    charts.append(chart)
                }
                if let chart = RankChart(authority: authority, comparison: row) { charts.append(chart) }
            }
            return charts
        }
        let perIndicator: [[Chart]] = (onlyAuthorities == nil ? dataset.indicators : []).concurrentMap { indicator in
            var charts: [Chart] = []
            if let chart = SideBySideChart(indicator: indicator, comparisons: comparisons) { charts.append(chart) }
            if let chart = EventTimeChart(indicator: indicator, comparisons: comparisons) { charts.append(chart) }
            return charts
        }
        national = onlyAuthorities == nil ? NationalJoining.make(index: analysis.joiningIndex) : nil
        let nationalCharts: [Chart] = national.flatMap { JoiningChart($0, dataset: dataset) }.map { [$0] } ?? []
        charts = perAuthority.flatMap { $0 } + perIndicator.flatMap { $0 } + nationalCharts
        byAuthority = Dictionary(grouping: perAuthority.flatMap { $0 }, by: { $0.authorityID ?? "" })
        byIndicator = Dictionary(grouping: perIndicator.flatMap { $0 } + nationalCharts, by: { $0.indicatorID ?? "" })
    }

    /// The charts about one authority, in a stable order.
    func charts(for authorityID: String) -> [Chart] { byAuthority[authorityID] ?? [] }

    /// The charts that compare authorities on one indicator.
    func charts(forIndicator indicatorID: String) -> [Chart] { byIndicator[indicatorID] ?? [] }
}
