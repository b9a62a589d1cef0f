// Warnings a reader needs beside a comparison: what the engine found, as facts; the wording layer
// (Reports/Caveat+Words.swift) puts them into sentences.

/// Something a reader should know before trusting a comparison, with the figures it concerns.
enum Caveat: Sendable {
    /// A figure compared and the source it came from, as the words name it.
    struct Figure: Sendable, Hashable {
        let value: Double
        let source: String
    }

    /// Periods DfE printed one symbol for instead of a figure.
    struct Gap: Sendable, Hashable {
        let symbol: String
        let meaning: String
        let periods: [Period]
    }

    /// A compared count is a small number (1 to ``SmallCount/limit``).
    case smallNumbers
    /// The baseline is 0, so the relative change is measured from a later figure above zero.
    case measuredFromLater(value: Double, unit: Unit, period: Period)
    /// The relative change starts from a count of ``ComparisonRules/tinyBaseLimit`` or fewer.
    case tinyBase(value: Double, unit: Unit)
    /// No figure ends before the partnership began, so the baseline includes its first months.
    case baselineSpansStart(Period)
    /// The source does not say which period the earlier figure covers.
    case unstatedPeriod
    /// The two figures come from different publications: one publisher named when both are its own,
    /// otherwise both.
    case differentSources(publishers: [String])
    /// At least one figure was reported by a partner, a council or the press.
    case reportedFigures
    /// DfE's figures start after the partnership began, so the change is between reported figures.
    case officialStartsLater(Period)
    /// DfE revised a figure in a later release; the latest is used.
    case revisedFigures(period: Period, unit: Unit, latest: Figure, earlier: [Figure])
    /// DfE published no figure for some compared years.
    case suppressedFigures([Gap])
    /// Sources give other values for a compared figure (`others` name their publishers).
    case sourcesDisagree(period: Period, unit: Unit, used: Figure, others: [Figure])
    /// A claim about this change differs from the change computed from the figures.
    case claimDiffers(ClaimCheck)
    /// Figures that cross a boundary of the partnership are shown but not counted.
    case spanningFigures([Period])

    enum Kind: String, Sendable {
        case smallNumbers = "small-numbers"
        case tinyBase = "tiny-base"
        case baselineSpansStart = "baseline-spans-start"
        case unstatedPeriod = "unstated-period"
        case differentSources = "different-sources"
        case reportedFigures = "reported-figures"
        case sourcesDisagree = "sources-disagree"
        case claimDiffers = "claim-differs"
        case spanningFigures = "spanning-figures"
        case revisedFigures = "revised-figures"
        case suppressedFigures = "suppressed-figures"
    }

    var kind: Kind {
        switch self {
        case .smallNumbers: return .smallNumbers
        case .measuredFromLater, .tinyBase: return .tinyBase
        case .baselineSpansStart: return .baselineSpansStart
        case .unstatedPeriod: return .unstatedPeriod
        case .differentSources: return .differentSources
        case .reportedFigures, .officialStartsLater: return .reportedFigures
        case .revisedFigures: return .revisedFigures
        case .suppressedFigures: return .suppressedFigures
        case .sourcesDisagree: return .sourcesDisagree
        case .claimDiffers: return .claimDiffers
        case .spanningFigures: return .spanningFigures
        }
    }
}
