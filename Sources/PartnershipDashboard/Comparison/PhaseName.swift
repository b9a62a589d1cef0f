// Where a figure falls relative to a partnership.

/// Where a figure's period falls relative to a partnership's dates.
enum PhaseName: String, Sendable, CaseIterable {
    case before
    case during
    case after
    /// Crosses the partnership's first day.
    case spanningStart = "spanning-start"
    /// Crosses the partnership's last day.
    case spanningEnd = "spanning-end"
    /// The period cannot be placed (its start is not stated and it ends after the partnership began).
    case unknown
}

extension Partnership {
    /// The phase of a period, by the rule in ``ComparisonRules``.
    func phase(of period: Period) -> PhaseName {
        let first = firstDay
        guard let end = period.end else { return .unknown }
        guard let start = period.start else { return end < first ? .before : .unknown }
        if end < first { return .before }
        if start < first { return .spanningStart }
        guard let last = lastDay else { return .during }
        if start > last { return .after }
        if end > last { return .spanningEnd }
        return .during
    }

    /// Whether the partnership ran on any day from `first` to `last`.
    func overlaps(_ first: Day, _ last: Day) -> Bool {
        firstDay <= last && (lastDay.map { $0 >= first } ?? true)
    }

    /// The phase of the partnership that was running on a day, if any.
    func runningPhase(on day: Day) -> Phase? {
        guard day >= firstDay, lastDay.map({ day <= $0 }) ?? true else { return nil }
        return phases.last { $0.start.date.firstDay <= day } ?? phases.first
    }
}
