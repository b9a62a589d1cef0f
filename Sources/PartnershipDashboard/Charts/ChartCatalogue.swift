// Which charts the data allows: every kind, for every authority and indicator that has the figures.

/// Builds every chart the dataset supports.
public struct ChartCatalogue: Sendable {
    public let charts: [Chart]

    public init(dataset: Dataset, comparisons: [AuthorityComparison]) {
        let thresholds = ThresholdBook(dataset.thresholds)
        var charts: [Chart] = []
        for comparison in comparisons {
            let authority = comparison.authority
            if let chart = BeforeAfterChart(comparison) { charts.append(chart) }
            for row in comparison.indicators {
                if let chart = OverTimeChart(
                    authority: authority, comparison: row, england: dataset.england?.series(for: row.indicator.id), thresholds: thresholds)
                {
                    charts.append(chart)
                }
            }
        }
        for indicator in dataset.indicators {
            if let chart = SideBySideChart(indicator: indicator, comparisons: comparisons) { charts.append(chart) }
            if let chart = EventTimeChart(indicator: indicator, comparisons: comparisons) { charts.append(chart) }
        }
        self.charts = charts
    }

    /// The charts about one authority, in a stable order.
    public func charts(for authorityID: String) -> [Chart] { charts.filter { $0.authorityID == authorityID } }

    /// The charts that compare authorities on one indicator.
    public func charts(forIndicator indicatorID: String) -> [Chart] {
        charts.filter { $0.indicatorID == indicatorID && $0.authorityID == nil }
    }
}
