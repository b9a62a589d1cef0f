// Why a council whose joining date splits its years has no before-and-after comparison.

/// The years a joining comparison needs and, for each measure, the years DfE gives no figure for,
/// each with why. ``JoiningComparison/make(for:index:)`` returns one where no measure has both
/// years; `Reports/` words it.
struct JoiningGap: Sendable {
    /// Why DfE gives no figure for a measure in a year, checked in this order.
    enum Reason: Sendable {
        /// DfE printed a symbol in its place.
        case marked(SuppressedFigure)
        /// The year ended before the council began; it took over from these councils.
        case beforeExisted(began: PartialDate, predecessors: [Authority])
        /// The year started after the council ended.
        case afterEnded(PartialDate)
        /// The year is after the latest England has a figure for.
        case notYetPublished
        /// None of these.
        case unexplained
    }

    struct Missing: Sendable {
        let period: Period
        let reason: Reason
    }

    /// One measure and the years missing from it (one or both).
    struct Measure: Sendable {
        let indicator: Indicator
        let missing: [Missing]
    }

    let agency: Agency
    let joined: PartialDate
    /// The two years the comparison needs, as in ``JoiningComparison``.
    let before: Period
    let after: Period
    let measures: [Measure]

    static func reason(_ authority: Authority, _ id: String, _ period: Period, dataset: Dataset) -> Reason {
        if let cell = authority.series(for: id)?.suppression(in: period).first { return .marked(cell) }
        if let began = authority.official?.began, let end = period.end, end < began.firstDay {
            return .beforeExisted(began: began, predecessors: (authority.official?.predecessors ?? []).compactMap { dataset.authority($0) })
        }
        if let ended = authority.official?.ended, let start = period.start, start > ended.lastDay { return .afterEnded(ended) }
        if let latest = dataset.england?.series(for: id)?.officialFigures.last?.period, period > latest { return .notYetPublished }
        return .unexplained
    }
}
