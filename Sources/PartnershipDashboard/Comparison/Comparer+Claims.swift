// Checks claims (changes sources state in words) against the changes the data gives.

extension Comparer {
    /// The checks of every claim about this indicator, or set beside its figures.
    func claimChecks(for indicator: Indicator, in authority: Authority, comparison: IndicatorComparison) -> [ClaimCheck] {
        authority.claims.compactMap { claim in
            if claim.indicator.id == indicator.id {
                return check(claim, against: indicator, in: authority, comparison: comparison)
            }
            if claim.presentedWith?.id == indicator.id {
                return check(claim, against: indicator, in: authority, comparison: comparison)
            }
            return nil
        }
    }

    /// Checks one claim against one measure's figures: over the claim's own periods when it names
    /// them, else over the partnership's baseline and outcome.
    func check(_ claim: Claim, against indicator: Indicator, in authority: Authority, comparison: IndicatorComparison?) -> ClaimCheck {
        let measuresDiffer = indicator.id != claim.indicator.id
        let change: Change?
        if let from = claim.from, let to = claim.to {
            let series = authority.series(for: indicator.id)
            let figures = series?.preferredObservations ?? []
            // A claim is checked against the figures its own source gives for both years; else
            // against DfE's, as first published (a change stated from first-published figures is
            // not wrong because they were revised); else against the figures the site uses.
            let own = { (period: Period) in series?.observations.first { $0.period == period && $0.source.id == claim.source.id } }
            let official = { (period: Period) in
                series?.observations.first { $0.period == period && $0.official && $0.status == .published }
            }
            let used = { (period: Period) in own(period) ?? figures.first { $0.period == period } }
            let pair =
                [own, official, used].lazy.compactMap { find -> (Observation, Observation)? in
                    guard let first = find(from), let last = find(to) else { return nil }
                    return (first, last)
                }.first
            if let (first, last) = pair {
                change = Change(from: first, to: last, unit: indicator.unit, polarity: indicator.polarity, laterFigures: figures)
            } else {
                change = nil
            }
        } else {
            change = comparison?.change
        }
        guard let change, let computed = change.value(in: claim.change) else {
            return ClaimCheck(
                claim: claim, checkedAgainst: indicator, change: nil, computed: nil, verdict: .cannotCheck,
                measuresDiffer: measuresDiffer)
        }
        let agrees = abs(computed - claim.value) <= claim.tolerance + 1e-9
        return ClaimCheck(
            claim: claim, checkedAgainst: indicator, change: change, computed: computed,
            verdict: agrees ? .agrees : .differs, measuresDiffer: measuresDiffer)
    }
}
