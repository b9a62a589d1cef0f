// Warnings a reader needs beside a comparison.

/// Something a reader should know before trusting a comparison.
struct Caveat: Sendable, Hashable {
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

    let kind: Kind
    let text: String
}
