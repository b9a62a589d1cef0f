// A council's official figures before and after it joined a regional adoption agency, beside
// England and beside the councils that had not yet joined one over the same years.

/// What changed after a council joined its regional adoption agency, as far as DfE's yearly
/// counts can show: from the last full year before joining to the second full year after it.
public struct JoiningComparison: Sendable {
    /// One measure: the council's change, England's, and the not-yet-joined councils' together.
    public struct Row: Sendable {
        public let indicator: Indicator
        public let change: Change
        /// England without the council, over the same two years.
        public let restOfEngland: (from: Double, to: Double, standing: Standing?)?
        /// The councils that had not joined an agency by the end of the later year, added together.
        public let notYetJoined: (councils: Int, from: Double, to: Double, standing: Standing?)?
    }

    public let agency: Agency
    public let joined: PartialDate
    /// The last financial year wholly before joining, and the second wholly after it.
    public let before: Period
    public let after: Period
    public let rows: [Row]

    /// The measures compared: counts over a year, so that the years line up with joining.
    public static let measures = [OfficialMeasure.adopted, OfficialMeasure.specialGuardianship]

    /// The comparison for a council's membership, or `nil` when the joining date cannot split its
    /// years (not stated by a source, or known only to the year) or DfE has no figures for both years.
    public static func make(for authority: Authority, dataset: Dataset) -> JoiningComparison? {
        guard let (agency, member) = dataset.memberships(of: authority.id).first(where: { $0.agency.joining(of: $0.member).splitsPeriods }),
            let joined = agency.joining(of: member).date, let years = years(around: joined)
        else { return nil }
        let rows = measures.compactMap { id -> Row? in
            guard let indicator = dataset.indicator(id), let from = official(authority, id, years.before),
                let to = official(authority, id, years.after)
            else { return nil }
            let change = Change(from: from, to: to, unit: indicator.unit, polarity: indicator.polarity)
            let rest = dataset.england.flatMap { england -> (Double, Double, Standing?)? in
                guard let all = official(england, id, years.before)?.value, let later = official(england, id, years.after)?.value else {
                    return nil
                }
                let benchmark = (from: all - from.value, to: later - to.value)
                return (benchmark.from, benchmark.to, Chance.changeStanding(change, against: benchmark, polarity: indicator.polarity))
            }
            let waiting = notYetJoined(by: years.after, dataset: dataset, excluding: authority.id).compactMap {
                council -> (Double, Double)? in
                guard let a = official(council, id, years.before)?.value, let b = official(council, id, years.after)?.value else {
                    return nil
                }
                return (a, b)
            }
            let pooled = waiting.reduce((0.0, 0.0)) { ($0.0 + $1.0, $0.1 + $1.1) }
            return Row(
                indicator: indicator, change: change, restOfEngland: rest,
                notYetJoined: waiting.isEmpty
                    ? nil
                    : (
                        waiting.count, pooled.0, pooled.1,
                        Chance.changeStanding(change, against: (pooled.0, pooled.1), polarity: indicator.polarity)
                    ))
        }
        guard !rows.isEmpty else { return nil }
        return JoiningComparison(agency: agency, joined: joined, before: years.before, after: years.after, rows: rows)
    }

    /// The last financial year ending on or before the joining day, and the second that starts on
    /// or after it. Joining on 1 November 2020: 2019-20 and 2022-23; on 1 April 2019: 2018-19 and 2020-21.
    public static func years(around joined: PartialDate) -> (before: Period, after: Period)? {
        guard joined.precision != .year else { return nil }
        // A date known to the month could be any day of it: the years chosen hold for every one.
        let earliest = joined.firstDay
        let latest = joined.lastDay
        let beforeStart = earliest.month >= 4 ? earliest.year - 1 : earliest.year - 2
        let onOrBeforeFirstOfApril = latest.month < 4 || (latest.month == 4 && latest.day == 1)
        let firstAfterStart = onOrBeforeFirstOfApril ? latest.year : latest.year + 1
        return (.financialYear(beforeStart), .financialYear(firstAfterStart + 1))
    }

    /// Councils with official figures that had joined no agency by the end of `period`: their
    /// joining date is sourced and later, or they are in no agency. Councils whose joining date
    /// is not known are left out, since they cannot be placed.
    static func notYetJoined(by period: Period, dataset: Dataset, excluding id: String) -> [Authority] {
        guard let end = period.end else { return [] }
        return dataset.authorities.filter { council in
            guard council.id != id, council.type != .region, council.official != nil else { return false }
            let memberships = dataset.memberships(of: council.id)
            if memberships.isEmpty { return true }
            return memberships.allSatisfy { membership in
                let date = membership.agency.joining(of: membership.member)
                guard date.splitsPeriods, let first = date.date?.firstDay else { return false }
                return first > end
            }
        }
    }

    static func official(_ area: Authority, _ id: String, _ period: Period) -> Observation? {
        area.series(for: id)?.preferredObservations.first { $0.official && $0.period == period }
    }
}
