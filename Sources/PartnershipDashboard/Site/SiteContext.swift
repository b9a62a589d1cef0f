// What every page needs to know about the whole site while it is being built.

/// The dataset, its comparisons and charts, and facts about the whole site.
struct SiteContext: Sendable {
    let dataset: Dataset
    let comparisons: [AuthorityComparison]
    let charts: ChartCatalogue
    /// PNG and CSV sizes by chart id, for download links.
    let chartSizes: [String: (png: Int, csv: Int)]
    /// The latest publication date of any source: the site's "last updated", taken from the data,
    /// not the clock; `nil` when no source is dated.
    let dataDate: PartialDate?

    /// How the site describes itself (site.json).
    var settings: SiteSettings { dataset.settings }

    /// "12 June 2023", or a phrase saying no source is dated.
    var dataDateLabel: String { dataDate?.label ?? "no source is dated" }

    /// The latest of some publication dates, comparing each by the last day it could be.
    static func latest(_ dates: [PartialDate]) -> PartialDate? {
        dates.max { ($0.lastDay, $0.description) < ($1.lastDay, $1.description) }
    }

    func comparison(for authorityID: String) -> AuthorityComparison? { comparisons.first { $0.authority.id == authorityID } }
}
