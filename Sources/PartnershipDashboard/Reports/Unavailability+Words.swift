// Why a measure is not compared, in words.

extension Unavailability {
    /// The reason as a clause: "no figure from before the partnership".
    var words: String {
        switch self {
        case .noPartnership: return "no partnership is recorded, so there is no before and during"
        case .officialStartsAfter(let period):
            return
                "the official figures start with \(period.label), after the partnership began, and reported figures from before it are not compared with official ones"
        case .noDuringOfSameKind: return "no figure during the partnership of the same kind of period as one before it"
        case .noBefore: return "no figure from before the partnership"
        }
    }
}
