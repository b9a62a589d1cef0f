// The result of comparing one authority's figures for one indicator.

/// A figure with the phase of the partnership it falls in.
struct PlacedObservation: Sendable {
    let observation: Observation
    let phase: PhaseName
}

/// A figure indexed to the baseline (baseline = 100).
struct IndexedPoint: Sendable {
    let period: Period
    let value: Double
    let index: Double
}

/// England's change over the same two periods, and how the authority's change differs from it.
struct EnglandComparison: Sendable {
    let change: Change
    /// How the difference is measured: relative change (points), percentage points, or the unit.
    let measure: ChangeKind
    /// The authority's change minus England's, in ``measure``; `nil` when either is unavailable.
    let difference: Double?
    /// England's series indexed to 100 at the same baseline period.
    let indexed: [IndexedPoint]
    /// For counts of DfE's: England less the authority itself over the same two periods, and its relative change.
    var without: (from: Double, to: Double, relative: Double)? = nil
    /// Where the authority's change stands against England's without it, allowing for chance at 95%
    /// (``Chance/changeStanding(_:against:polarity:z:)``); counts of DfE's only.
    var standing: Standing? = nil
}

/// A claim set against the change computed from the data.
struct ClaimCheck: Sendable {
    enum Verdict: String, Sendable {
        case agrees
        case differs
        /// No pair of figures to check it against.
        case cannotCheck = "cannot-check"
    }

    let claim: Claim
    /// The measure whose figures it was checked against.
    let checkedAgainst: Indicator
    let change: Change?
    /// The computed change in the claim's own terms.
    let computed: Double?
    let verdict: Verdict
    /// The claim is about one measure and checked against another.
    let measuresDiffer: Bool
}

/// Everything the engine says about one authority's figures for one indicator.
struct IndicatorComparison: Sendable {
    let indicator: Indicator
    let observations: [PlacedObservation]
    let baseline: PlacedObservation?
    let outcome: PlacedObservation?
    /// The latest figure after the partnership ended, of the baseline's kind.
    let after: PlacedObservation?
    let change: Change?
    let afterChange: Change?
    let baselineThreshold: ThresholdStatus?
    let outcomeThreshold: ThresholdStatus?
    let afterThreshold: ThresholdStatus?
    let england: EnglandComparison?
    let englandAfter: EnglandComparison?
    let claims: [ClaimCheck]
    let caveats: [Caveat]
    /// The authority's figures of the baseline's kind, indexed to 100 at the base.
    let indexed: [IndexedPoint]
    /// Why there is no change, when there is none.
    let unavailable: Unavailability?
    /// The change beside the council's statistical neighbours' and every council's over the same
    /// periods (official figures only).
    var neighbours: NeighbourComparison? = nil
    var rank: CouncilRank? = nil
    /// The same for the change from before to after the partnership.
    var neighboursAfter: NeighbourComparison? = nil
    var rankAfter: CouncilRank? = nil
    /// From the latest figure during the partnership to the latest after it, beside the neighbours
    /// and every council over the same years.
    var sinceDuring: Change? = nil
    var neighboursSinceDuring: NeighbourComparison? = nil
    var rankSinceDuring: CouncilRank? = nil
}

/// Everything the engine says about one authority.
struct AuthorityComparison: Sendable {
    let authority: Authority
    let indicators: [IndicatorComparison]

    func comparison(for indicatorID: String) -> IndicatorComparison? {
        indicators.first { $0.indicator.id == indicatorID }
    }

    /// The headline indicator's comparison, or the first with a change.
    var headline: IndicatorComparison? {
        authority.headline.flatMap { comparison(for: $0.id) } ?? indicators.first { $0.change != nil }
    }
}

/// Why a measure has no change from before a partnership to during it.
enum Unavailability: Sendable, Equatable {
    /// The council has no partnership, so nothing is before or during.
    case noPartnership
    /// DfE's figures start with this period, after the partnership began, and figures others
    /// reported from before it are not compared with DfE's.
    case officialStartsAfter(Period)
    /// Figures before the partnership, but none during it of the same kind of period.
    case noDuringOfSameKind
    /// No figure from before the partnership.
    case noBefore
}
