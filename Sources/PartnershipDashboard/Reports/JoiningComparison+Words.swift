// Why a neighbour is left out of the after-joining median, in words.

extension JoiningComparison.Neighbours.LeftOut {
    /// The reason as a page gives it in brackets: "joined an agency between the same two years".
    var words: String {
        switch self {
        case .noFile: return "no figures on this site"
        case .noFigures: return "no figures for both years"
        case .joiningUnknown: return "its joining date is not known"
        case .joinedBetween: return "joined an agency between the same two years"
        }
    }
}
