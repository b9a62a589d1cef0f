// How a council's share compares with England's and its neighbours', allowing for chance: the
// Fingertips method, in which a council differs from a benchmark only when the benchmark lies outside
// the Wilson interval around the council's own share.

/// Where a council stands against a benchmark.
enum Standing: String, Sendable {
    case better, similar, worse
    /// For a measure without a better direction.
    case higher, lower

    /// The area's interval (as proportions) against a benchmark proportion.
    static func of(_ interval: ClosedRange<Double>, against benchmark: Double, polarity: Polarity) -> Standing {
        if interval.contains(benchmark) { return .similar }
        let above = interval.lowerBound > benchmark
        switch polarity {
        case .higherIsBetter: return above ? .better : .worse
        case .lowerIsBetter: return above ? .worse : .better
        case .neither: return above ? .higher : .lower
        }
    }
}

/// One council's share in one year, with its interval and where it stands.
struct ShareStanding: Sendable {
    let period: Period
    /// Children adopted, and all who left care, that year.
    let count: Double
    let total: Double
    /// The council's share and the interval around it, in per cent.
    let share: Double
    let interval: ClosedRange<Double>
    /// The level of the interval: 95, or 99.8 where many councils are compared at once.
    let level: Double
    let england: (share: Double, standing: Standing)?
    /// The neighbours' share taken together (all their adoptions over all who left their care), how
    /// many of them it covers, and the model.
    let neighbours: (share: Double, standing: Standing, counted: Int, of: Int, model: StatisticalNeighbours)?
}

extension Chance {
    /// Where a council's change between two counts stands against a benchmark's change over the same
    /// two periods (England without the council, or its neighbours taken together). Had the council
    /// changed as the benchmark did, the later count would be the benchmark's share of the two
    /// together; the council's change differs only when that share lies outside the Wilson interval
    /// of the council's own, as ``countsDiffer(_:_:z:)`` tests a change against none. `nil` for
    /// figures that are not counts of children or a benchmark with nothing in the earlier period.
    static func changeStanding(
        _ change: Change, against benchmark: (from: Double, to: Double), polarity: Polarity, z: Double = z95
    ) -> Standing? {
        guard change.testedAgainstChance, benchmark.from > 0, benchmark.to >= 0,
            let interval = wilson(change.to.value, of: change.from.value + change.to.value, z: z)
        else { return nil }
        return Standing.of(interval, against: benchmark.to / (benchmark.from + benchmark.to), polarity: polarity)
    }

    /// The normal quantile for a two-sided 99.8% interval, used where the site compares many councils at once.
    static let z998 = 3.090232306167813

    /// The council's share adopted of all who left care in `period` (its latest year by default),
    /// against England's and its statistical neighbours', at 95% (or 99.8% with `z998`).
    static func adoptedShareStanding(
        of authority: Authority, in dataset: Dataset, period: Period? = nil, z: Double = z95
    ) -> ShareStanding? {
        guard let parts = ComparisonRules.shareParts[OfficialMeasure.adoptedShare],
            let indicator = dataset.indicator(OfficialMeasure.adoptedShare)
        else { return nil }
        func counts(_ area: Authority, _ period: Period) -> (count: Double, total: Double)? {
            func figure(_ measure: String) -> Double? {
                area.series(for: measure)?.officialFigure(in: period)?.value
            }
            guard let count = figure(parts.numerator), let total = figure(parts.denominator), total > 0, count <= total else { return nil }
            return (count, total)
        }
        let years = authority.series(for: parts.denominator)?.officialFigures.map(\.period) ?? []
        guard let year = period ?? years.last(where: { counts(authority, $0) != nil }), let own = counts(authority, year),
            let interval = wilson(own.count, of: own.total, z: z)
        else { return nil }
        let polarity = indicator.polarity
        let england = dataset.england.flatMap { counts($0, year) }.map { england -> (Double, Standing) in
            let share = england.count / england.total
            return (share * 100, Standing.of(interval, against: share, polarity: polarity))
        }
        var neighbours: (Double, Standing, Int, Int, StatisticalNeighbours)?
        if let model = StatisticalNeighbours.nearest(to: year, in: authority.official?.neighbours ?? []) {
            // Each neighbour once, without the council itself, and without any with a partnership of its own that year.
            var seen: Set<String> = [authority.id]
            let councils = model.nearest.compactMap { $0.authorityID.flatMap(dataset.authority) }.filter { council in
                guard seen.insert(council.id).inserted else { return false }
                guard let own = council.partnership, let first = year.start, let last = year.end else { return true }
                return !own.overlaps(first, last)
            }
            let found = councils.compactMap { counts($0, year) }
            let count = found.map(\.count).reduce(0, +)
            let total = found.map(\.total).reduce(0, +)
            if total > 0 {
                neighbours = (
                    count / total * 100, Standing.of(interval, against: count / total, polarity: polarity), found.count,
                    model.nearest.count,
                    model
                )
            }
        }
        return ShareStanding(
            period: year, count: own.count, total: own.total, share: own.count / own.total * 100,
            interval: (interval.lowerBound * 100)...(interval.upperBound * 100), level: z == z95 ? 95 : 99.8, england: england,
            neighbours: neighbours)
    }
}
