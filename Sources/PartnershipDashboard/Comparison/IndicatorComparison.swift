// The result of comparing one authority's figures for one indicator.

/// A figure with the phase of the partnership it falls in.
public struct PlacedObservation: Sendable {
    public let observation: Observation
    public let phase: PhaseName
}

/// A figure indexed to the baseline (baseline = 100).
public struct IndexedPoint: Sendable {
    public let period: Period
    public let value: Double
    public let index: Double
}

/// England's change over the same two periods, and how the authority's change differs from it.
public struct EnglandComparison: Sendable {
    public let change: Change
    /// How the difference is measured: relative change (points), percentage points, or the unit.
    public let measure: ChangeKind
    /// The authority's change minus England's, in ``measure``; `nil` when either is unavailable.
    public let difference: Double?
    /// England's series indexed to 100 at the same baseline period.
    public let indexed: [IndexedPoint]
    /// For counts of DfE's: England less the authority itself over the same two periods, and its relative change.
    public internal(set) var without: (from: Double, to: Double, relative: Double)? = nil
    /// Where the authority's change stands against England's without it, allowing for chance at 95%
    /// (``Chance/changeStanding(_:against:polarity:z:)``); counts of DfE's only.
    public internal(set) var standing: Standing? = nil
}

/// A claim set against the change computed from the data.
public struct ClaimCheck: Sendable {
    public enum Verdict: String, Sendable {
        case agrees
        case differs
        /// No pair of figures to check it against.
        case cannotCheck = "cannot-check"
    }

    public let claim: Claim
    /// The measure whose figures it was checked against.
    public let checkedAgainst: Indicator
    public let change: Change?
    /// The computed change in the claim's own terms.
    public let computed: Double?
    public let verdict: Verdict
    /// The claim is about one measure and checked against another.
    public let measuresDiffer: Bool
    /// One sentence saying what was compared and what was found.
    public let explanation: String
}

/// Everything the engine says about one authority's figures for one indicator.
public struct IndicatorComparison: Sendable {
    public let indicator: Indicator
    public let observations: [PlacedObservation]
    public let baseline: PlacedObservation?
    public let outcome: PlacedObservation?
    /// The latest figure after the partnership ended, of the baseline's kind.
    public let after: PlacedObservation?
    public let change: Change?
    public let afterChange: Change?
    public let baselineThreshold: ThresholdStatus?
    public let outcomeThreshold: ThresholdStatus?
    public let afterThreshold: ThresholdStatus?
    public let england: EnglandComparison?
    public let englandAfter: EnglandComparison?
    public let claims: [ClaimCheck]
    public let caveats: [Caveat]
    /// The authority's figures of the baseline's kind, indexed to 100 at the base.
    public let indexed: [IndexedPoint]
    /// Why there is no change, when there is none.
    public let unavailableReason: String?
    /// The change beside the council's statistical neighbours' and every council's over the same
    /// periods (official figures only).
    public internal(set) var neighbours: NeighbourComparison? = nil
    public internal(set) var rank: CouncilRank? = nil
    /// The same for the change from before to after the partnership.
    public internal(set) var neighboursAfter: NeighbourComparison? = nil
    public internal(set) var rankAfter: CouncilRank? = nil
    /// From the latest figure during the partnership to the latest after it, beside the neighbours
    /// and every council over the same years.
    public internal(set) var sinceDuring: Change? = nil
    public internal(set) var neighboursSinceDuring: NeighbourComparison? = nil
    public internal(set) var rankSinceDuring: CouncilRank? = nil
}

/// Everything the engine says about one authority.
public struct AuthorityComparison: Sendable {
    public let authority: Authority
    public let indicators: [IndicatorComparison]

    public func comparison(for indicatorID: String) -> IndicatorComparison? {
        indicators.first { $0.indicator.id == indicatorID }
    }

    /// The headline indicator's comparison, or the first with a change.
    public var headline: IndicatorComparison? {
        authority.headline.flatMap { comparison(for: $0.id) } ?? indicators.first { $0.change != nil }
    }
}
