// The comparison engine: pure code from a Dataset to comparisons, no I/O.

/// Compares each authority's figures before, during and after its partnership, against England.
struct Comparer: Sendable {
    let dataset: Dataset
    private let thresholds: ThresholdBook

    init(dataset: Dataset) {
        self.dataset = dataset
        thresholds = ThresholdBook(dataset.thresholds)
    }

    /// Comparisons for every authority, in id order.
    func compareAll() -> [AuthorityComparison] { dataset.authorities.map(compare) }

    /// Comparisons for every indicator an authority has figures for.
    func compare(_ authority: Authority) -> AuthorityComparison {
        AuthorityComparison(authority: authority, indicators: authority.series.map { compare($0, of: authority) })
    }

    /// England's own claims, checked over the periods they name.
    func englandClaims() -> [ClaimCheck] {
        guard let england = dataset.england else { return [] }
        return england.claims.map { check($0, against: $0.indicator, in: england, comparison: nil) }
    }

    func compare(_ series: Series, of authority: Authority) -> IndicatorComparison {
        let indicator = series.indicator
        let figures = series.preferredObservations
        guard let partnership = authority.partnership else {
            let placed = figures.map { PlacedObservation(observation: $0, phase: .unknown) }
            return unavailable(indicator, placed, authority, .noPartnership)
        }
        let placed = figures.map { PlacedObservation(observation: $0, phase: partnership.phase(of: $0.period)) }
        // Where DfE's series cannot give a pair (it starts after the partnership began), reported
        // figures may still be compared with one another, never with DfE's.
        let officialPair = choosePair(placed)
        let reported =
            officialPair == nil && placed.contains(where: \.observation.official)
            ? series.preferredObservations { !$0.official }.map {
                PlacedObservation(observation: $0, phase: partnership.phase(of: $0.period))
            }
            : []
        let reportedPair = reported.isEmpty ? nil : choosePair(reported)
        guard let (baseline, outcome) = officialPair ?? reportedPair else {
            let officialStart = placed.first { $0.observation.official }
            let reason: Unavailability
            if let officialStart, !placed.contains(where: { $0.observation.official && $0.phase == .before }),
                placed.contains(where: { !$0.observation.official && $0.phase == .before })
            {
                reason = .officialStartsAfter(officialStart.observation.period)
            } else {
                reason = placed.contains { $0.phase == .before } ? .noDuringOfSameKind : .noBefore
            }
            let shell = unavailable(indicator, placed, authority, reason)
            // Without a pair there is no change, but the latest figures on each side still say something.
            let lone = latestBefore(placed)
            let latest = placed.last { $0.phase == .during && $0.observation.period.comparability != .unstated }
            return IndicatorComparison(
                indicator: indicator, observations: placed, baseline: lone, outcome: latest, after: nil, change: nil,
                afterChange: nil, baselineThreshold: lone.flatMap { thresholds.status(of: $0.observation, for: indicator) },
                outcomeThreshold: latest.flatMap { thresholds.status(of: $0.observation, for: indicator) },
                afterThreshold: nil, england: nil, englandAfter: nil, claims: shell.claims, caveats: shell.caveats,
                indexed: [], unavailable: reason)
        }
        // A pair is only ever made of periods that have a kind.
        let kind = baseline.observation.period.comparability ?? .unstated
        let sameKind = (reportedPair == nil ? placed : reported).map(\.observation).filter {
            kind == .unstated
                ? $0.period == baseline.observation.period || $0.period == outcome.observation.period : $0.period.comparability == kind
        }
        let change = judged(
            Change(
                from: baseline.observation, to: outcome.observation, unit: indicator.unit, polarity: indicator.polarity,
                laterFigures: sameKind), indicator, authority)
        let after = placed.last { $0.phase == .after && $0.observation.period.comparability.map { kind.isComparable(with: $0) } == true }
        let afterChange = after.map {
            judged(
                Change(
                    from: baseline.observation, to: $0.observation, unit: indicator.unit, polarity: indicator.polarity,
                    laterFigures: sameKind), indicator, authority)
        }
        let england = compareEngland(indicator, change)
        let englandAfter = afterChange.flatMap { compareEngland(indicator, $0) }
        let indexed =
            change.relativeBase.map { base in
                sameKind.filter { !($0.period < base.period) }.map {
                    IndexedPoint(
                        period: $0.period, value: $0.value, index: Change.clean($0.value / abs(base.value) * ComparisonRules.indexBase))
                }
            } ?? []
        let partial = IndicatorComparison(
            indicator: indicator, observations: placed, baseline: baseline, outcome: outcome, after: after,
            change: change, afterChange: afterChange,
            baselineThreshold: thresholds.status(of: baseline.observation, for: indicator),
            outcomeThreshold: thresholds.status(of: outcome.observation, for: indicator),
            afterThreshold: after.flatMap { thresholds.status(of: $0.observation, for: indicator) },
            england: england, englandAfter: englandAfter, claims: [], caveats: [], indexed: indexed, unavailable: nil)
        let claims = claimChecks(for: indicator, in: authority, comparison: partial)
        var caveats = caveats(for: partial, series: series, claims: claims)
        if reportedPair != nil, let officialStart = placed.first(where: \.observation.official) {
            caveats.append(.officialStartsLater(officialStart.observation.period))
        }
        var compared = partial.with(claims: claims, caveats: caveats)
        compared.neighbours = neighbours(of: authority, indicator, change)
        compared.rank = rank(of: authority, indicator, change)
        compared.neighboursAfter = afterChange.flatMap { neighbours(of: authority, indicator, $0) }
        compared.rankAfter = afterChange.flatMap { rank(of: authority, indicator, $0) }
        if let after {
            let since = judged(
                Change(
                    from: outcome.observation, to: after.observation, unit: indicator.unit, polarity: indicator.polarity,
                    laterFigures: sameKind), indicator, authority)
            compared.sinceDuring = since
            compared.neighboursSinceDuring = neighbours(of: authority, indicator, since)
            compared.rankSinceDuring = rank(of: authority, indicator, since)
        }
        return compared
    }

    private func unavailable(_ indicator: Indicator, _ placed: [PlacedObservation], _ authority: Authority, _ reason: Unavailability)
        -> IndicatorComparison
    {
        let shell = IndicatorComparison(
            indicator: indicator, observations: placed, baseline: nil, outcome: nil, after: nil, change: nil,
            afterChange: nil, baselineThreshold: nil, outcomeThreshold: nil, afterThreshold: nil, england: nil,
            englandAfter: nil, claims: [], caveats: [], indexed: [], unavailable: reason)
        let claims = claimChecks(for: indicator, in: authority, comparison: shell)
        let spanning = placed.filter { $0.phase == .spanningStart || $0.phase == .spanningEnd }
        var caveats: [Caveat] = []
        if !spanning.isEmpty { caveats.append(.spanningFigures(spanning.map(\.observation.period))) }
        return shell.with(claims: claims, caveats: caveats)
    }

    private func latestBefore(_ placed: [PlacedObservation]) -> PlacedObservation? {
        placed.last { $0.phase == .before && $0.observation.period.comparability != .unstated }
            ?? placed.last { $0.phase == .before }
    }

    /// A change in an official percentage whose numerator and denominator DfE also publishes is
    /// tested against chance from those counts; where chance could explain it, it is no clear change.
    func judged(_ change: Change, _ indicator: Indicator, _ authority: Authority) -> Change {
        guard change.from.official, change.to.official, change.absolute != 0,
            let parts = ComparisonRules.shareParts[indicator.id]
        else { return change }
        func count(_ measure: String, _ period: Period) -> Double? {
            authority.series(for: measure)?.officialFigure(in: period)?.value
        }
        guard let x1 = count(parts.numerator, change.from.period), let n1 = count(parts.denominator, change.from.period),
            let x2 = count(parts.numerator, change.to.period), let n2 = count(parts.denominator, change.to.period),
            let differ = Chance.proportionsDiffer(x1, of: n1, x2, of: n2)
        else { return change }
        var judged = change
        judged.testedAgainstChance = true
        if !differ { judged.direction = .noClearChange }
        return judged
    }

    /// Baseline and outcome by the rule in ``ComparisonRules``: stated periods first, then a
    /// period the source does not state, then a period spanning the start.
    func choosePair(_ placed: [PlacedObservation]) -> (PlacedObservation, PlacedObservation)? {
        let during = placed.filter { $0.phase == .during }
        let tiers: [(PlacedObservation) -> Bool] = [
            { $0.phase == .before && $0.observation.period.comparability != .unstated },
            { $0.phase == .before && $0.observation.period.comparability == .unstated },
            { $0.phase == .spanningStart },
        ]
        for tier in tiers {
            for candidate in placed.filter(tier).reversed() {
                guard let kind = candidate.observation.period.comparability else { continue }
                // Official statistics are compared with official statistics, reported figures with
                // reported ones: never a partner's figure from before against DfE's from during.
                let match = during.last { figure in
                    guard let other = figure.observation.period.comparability,
                        figure.observation.official == candidate.observation.official
                    else { return false }
                    return kind == .unstated ? other != .unstated : other == kind
                }
                if let match { return (candidate, match) }
            }
        }
        return nil
    }

    private func compareEngland(_ indicator: Indicator, _ change: Change) -> EnglandComparison? {
        guard let englandArea = dataset.england, let england = englandArea.series(for: indicator.id) else { return nil }
        let figures = england.preferredObservations
        guard let from = figures.first(where: { $0.period == change.from.period }),
            let to = figures.first(where: { $0.period == change.to.period })
        else { return nil }
        let kind = from.period.comparability
        let sameKind = figures.filter { $0.period.comparability == kind }
        let englandChange = judged(
            Change(from: from, to: to, unit: indicator.unit, polarity: indicator.polarity, laterFigures: sameKind), indicator, englandArea)
        let measure = ComparisonRules.headlineMeasure(for: indicator.unit)
        let difference: Double? = {
            guard let mine = change.value(in: measure), let theirs = englandChange.value(in: measure) else { return nil }
            return Change.clean(mine - theirs)
        }()
        let base = englandChange.relativeBase ?? from
        let indexed =
            base.value == 0
            ? []
            : sameKind.filter { !($0.period < base.period) }.map {
                IndexedPoint(
                    period: $0.period, value: $0.value, index: Change.clean($0.value / abs(base.value) * ComparisonRules.indexBase))
            }
        var comparison = EnglandComparison(change: englandChange, measure: measure, difference: difference, indexed: indexed)
        // England without the authority: the rest of the country's own change, for DfE's counts.
        if indicator.unit == .count, change.from.official, change.to.official, from.official, to.official {
            let rest = (from: from.value - change.from.value, to: to.value - change.to.value)
            if rest.from > 0, rest.to >= 0 {
                comparison.without = (rest.from, rest.to, Change.clean((rest.to - rest.from) / rest.from * 100))
                comparison.standing = Chance.changeStanding(change, against: (rest.from, rest.to), polarity: indicator.polarity)
            }
        }
        return comparison
    }
}

extension IndicatorComparison {
    func with(claims: [ClaimCheck], caveats: [Caveat]) -> IndicatorComparison {
        IndicatorComparison(
            indicator: indicator, observations: observations, baseline: baseline, outcome: outcome, after: after,
            change: change, afterChange: afterChange, baselineThreshold: baselineThreshold,
            outcomeThreshold: outcomeThreshold, afterThreshold: afterThreshold, england: england,
            englandAfter: englandAfter, claims: claims, caveats: caveats, indexed: indexed,
            unavailable: unavailable)
    }

    /// The same figures with nothing compared: what a chart of DfE's series shows when the change
    /// before and during was worked out from reported figures it does not draw.
    func withoutChange() -> IndicatorComparison {
        IndicatorComparison(
            indicator: indicator, observations: observations, baseline: nil, outcome: nil, after: nil, change: nil,
            afterChange: nil, baselineThreshold: nil, outcomeThreshold: nil, afterThreshold: nil, england: nil,
            englandAfter: nil, claims: claims, caveats: caveats, indexed: [], unavailable: unavailable)
    }
}
