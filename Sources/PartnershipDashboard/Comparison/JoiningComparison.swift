// A council's official figures before and after it joined a regional adoption agency, beside
// England and beside the councils that had not yet joined one over the same years.

/// What changed after a council joined its regional adoption agency, as far as DfE's yearly
/// counts can show: from the last full year before joining to the second full year after it.
struct JoiningComparison: Sendable {
    /// One measure: the council's change, England's, and the not-yet-joined councils' together.
    struct Row: Sendable {
        let indicator: Indicator
        let change: Change
        /// England without the council, over the same two years.
        let restOfEngland: (from: Double, to: Double, standing: Standing?)?
        /// The councils that had not joined an agency by the end of the later year, added together.
        let notYetJoined: (councils: Int, from: Double, to: Double, standing: Standing?)?
        /// The council's statistical neighbours over the same two years.
        let neighbours: Neighbours?
    }

    /// The council's statistical neighbours in DfE's model nearest the later year: each one's
    /// change in per cent, and the median of those whose own joining does not fall between the
    /// two years (a neighbour that joined in the same years changed for the same reason, if any).
    struct Neighbours: Sendable {
        struct Peer: Sendable {
            let listed: ListedCouncil
            let authorityID: String?
            /// The change from the earlier year to the later, in per cent; `nil` without both figures.
            let change: Double?
            /// Why it is left out of the median, if it is.
            let leftOut: LeftOut?
        }

        /// Why a neighbour is left out of the median.
        enum LeftOut: Sendable, Equatable {
            /// The list names a council the site has no file for.
            case noFile
            case noFigures
            case joiningUnknown
            /// It joined an agency between the same two years, so it changed for the same reason, if any.
            case joinedBetween
        }

        let model: StatisticalNeighbours
        let peers: [Peer]
        var counted: [Peer] { peers.filter { $0.leftOut == nil } }
        var median: Double? { ComparisonRules.median(counted.compactMap(\.change).sorted()) }
    }

    let agency: Agency
    let joined: PartialDate
    /// The last financial year wholly before joining, and the second wholly after it.
    let before: Period
    let after: Period
    let rows: [Row]

    /// The measures compared: counts over a year, so that the years line up with joining.
    static let measures = [OfficialMeasure.adopted, OfficialMeasure.specialGuardianship]

    /// What a council's joining gives: a comparison, or the gap that stops one.
    enum Outcome: Sendable {
        case compared(JoiningComparison)
        case notCompared(JoiningGap)
    }

    /// A comparison where DfE has figures for both years in at least one measure, or else the gap
    /// (which years are missing, and why); `nil` when the joining date cannot split the council's
    /// years (not stated by a source, or known only to the year). ``Analysis`` makes one for every
    /// council, from one index.
    static func make(for authority: Authority, index: JoiningIndex) -> Outcome? {
        let dataset = index.dataset
        guard let (agency, member, _) = dataset.firstJoining(of: authority.id), let joined = agency.joining(of: member).date,
            let years = years(around: joined)
        else { return nil }
        let waitingCouncils = index.notYetJoined(by: years.after, excluding: authority.id)
        var rows: [Row] = []
        var gaps: [JoiningGap.Measure] = []
        for id in measures {
            guard let indicator = dataset.indicator(id) else { continue }
            let figures = [years.before, years.after].map { (period: $0, figure: official(authority, id, $0)) }
            guard let from = figures[0].figure, let to = figures[1].figure else {
                // A measure without both years has no row; why each is missing is kept for the page.
                let missing = figures.filter { $0.figure == nil }.map(\.period)
                gaps.append(
                    JoiningGap.Measure(
                        indicator: indicator,
                        missing: missing.map {
                            JoiningGap.Missing(period: $0, reason: JoiningGap.reason(authority, id, $0, dataset: dataset))
                        }
                    ))
                continue
            }
            let change = Change(from: from, to: to, unit: indicator.unit, polarity: indicator.polarity)
            let rest = dataset.england.flatMap { england -> (Double, Double, Standing?)? in
                guard let all = index.value(england.id, id, years.before), let later = index.value(england.id, id, years.after) else {
                    return nil
                }
                let benchmark = (from: all - from.value, to: later - to.value)
                return (benchmark.from, benchmark.to, Chance.changeStanding(change, against: benchmark, polarity: indicator.polarity))
            }
            let waiting = waitingCouncils.compactMap { council -> (Double, Double)? in
                guard let a = index.value(council, id, years.before), let b = index.value(council, id, years.after) else {
                    return nil
                }
                return (a, b)
            }
            let pooled = waiting.reduce((0.0, 0.0)) { ($0.0 + $1.0, $0.1 + $1.1) }
            rows.append(
                Row(
                    indicator: indicator, change: change, restOfEngland: rest,
                    notYetJoined: waiting.isEmpty
                        ? nil
                        : (
                            waiting.count, pooled.0, pooled.1,
                            Chance.changeStanding(change, against: (pooled.0, pooled.1), polarity: indicator.polarity)
                        ),
                    neighbours: neighbours(of: authority, id, years: years, index: index)))
        }
        if !rows.isEmpty {
            return .compared(JoiningComparison(agency: agency, joined: joined, before: years.before, after: years.after, rows: rows))
        }
        return gaps.isEmpty
            ? nil : .notCompared(JoiningGap(agency: agency, joined: joined, before: years.before, after: years.after, measures: gaps))
    }

    /// The last financial year ending on or before the joining day, and the second that starts on
    /// or after it. Joining on 1 November 2020: 2019-20 and 2022-23; on 1 April 2019: 2018-19 and 2020-21.
    static func years(around joined: PartialDate) -> (before: Period, after: Period)? {
        guard joined.precision != .year else { return nil }
        // A date known to the month could be any day of it: the years chosen hold for every one.
        let earliest = joined.firstDay
        let latest = joined.lastDay
        let beforeStart = earliest.month >= 4 ? earliest.year - 1 : earliest.year - 2
        let onOrBeforeFirstOfApril = latest.month < 4 || (latest.month == 4 && latest.day == 1)
        let firstAfterStart = onOrBeforeFirstOfApril ? latest.year : latest.year + 1
        return (.financialYear(beforeStart), .financialYear(firstAfterStart + 1))
    }

    /// Councils with official figures that had joined no agency by the end of `period`.
    static func notYetJoined(by period: Period, dataset: Dataset, excluding id: String) -> [Authority] {
        JoiningIndex(dataset).notYetJoined(by: period, excluding: id).compactMap(dataset.authority)
    }

    /// The neighbours' changes in a measure over the two years; `nil` without a model of neighbours.
    static func neighbours(of authority: Authority, _ id: String, years: (before: Period, after: Period), index: JoiningIndex)
        -> Neighbours?
    {
        guard let model = StatisticalNeighbours.nearest(to: years.after, in: authority.official?.neighbours ?? []),
            let gapStart = years.before.end, let gapEnd = years.after.start
        else { return nil }
        let peers = model.nearest.map { neighbour -> Neighbours.Peer in
            guard let peerID = neighbour.authorityID, let council = index.dataset.authority(peerID) else {
                return Neighbours.Peer(
                    listed: .code(neighbour.dfeCode), authorityID: nil, change: nil, leftOut: .noFile)
            }
            let change: Double? = index.value(peerID, id, years.before).flatMap { from in
                index.value(peerID, id, years.after).flatMap { to in from > 0 ? (to - from) / from * 100 : nil }
            }
            let leftOut: Neighbours.LeftOut?
            if change == nil {
                leftOut = .noFigures
            } else if index.unplaced.contains(peerID) {
                leftOut = .joiningUnknown
            } else if let joined = index.joined[peerID], joined > gapStart, joined < gapEnd.adding(days: 1) {
                leftOut = .joinedBetween
            } else {
                leftOut = nil
            }
            return Neighbours.Peer(listed: .named(council.shortName), authorityID: peerID, change: change, leftOut: leftOut)
        }
        return Neighbours(model: model, peers: peers)
    }

    static func official(_ area: Authority, _ id: String, _ period: Period) -> Observation? {
        area.series(for: id)?.officialFigure(in: period)
    }
}

/// What the joining comparisons look up again and again, built once: each council's first joining
/// day that splits its years, the councils whose joining cannot be placed, and DfE's figures for
/// the measures compared, by council, measure and year.
struct JoiningIndex: Sendable {
    let dataset: Dataset
    /// The first day of the earliest joining that splits a council's years.
    let joined: [String: Day]
    /// Councils in an agency whose joining date is not known well enough to place them.
    let unplaced: Set<String>
    /// The ids of councils (not regions) with official figures.
    let councils: [String]
    private let figures: [String: [String: [Period: Double]]]

    init(_ dataset: Dataset, measures: [String] = JoiningComparison.measures) {
        self.dataset = dataset
        var joined: [String: Day] = [:]
        var unplaced: Set<String> = []
        for member in Set(dataset.agencies.flatMap { $0.members.map(\.authorityID) }) {
            if let first = dataset.firstJoining(of: member) { joined[member] = first.day } else { unplaced.insert(member) }
        }
        self.joined = joined
        self.unplaced = unplaced
        councils = dataset.authorities.filter { $0.type != .region && $0.official != nil }.map(\.id)
        var figures: [String: [String: [Period: Double]]] = [:]
        for area in dataset.authorities + (dataset.england.map { [$0] } ?? []) {
            for measure in measures {
                guard let series = area.series(for: measure) else { continue }
                var byPeriod: [Period: Double] = [:]
                for observation in series.officialFigures {
                    byPeriod[observation.period] = observation.value
                }
                figures[area.id, default: [:]][measure] = byPeriod
            }
        }
        self.figures = figures
    }

    /// DfE's figure for an area, measure and year.
    func value(_ area: String, _ measure: String, _ period: Period) -> Double? { figures[area]?[measure]?[period] }

    /// The ids of councils with official figures that had joined no agency by the end of `period`:
    /// their joining date is sourced and later, or they are in no agency. Councils whose joining date
    /// is not known are left out, since they cannot be placed.
    func notYetJoined(by period: Period, excluding id: String) -> [String] {
        guard let end = period.end else { return [] }
        return councils.filter { council in
            guard council != id, !unplaced.contains(council) else { return false }
            return joined[council].map { $0 > end } ?? true
        }
    }
}
