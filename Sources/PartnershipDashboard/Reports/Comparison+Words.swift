// The words for what the engine finds: directions of change, phases, standings, threshold statuses and the
// national picture's readings, as the pages, charts and downloads print them.

extension Direction {
    /// "improving", "no change", "no clear change".
    var label: String {
        switch self {
        case .noChange: return "no change"
        case .noClearChange: return "no clear change"
        default: return rawValue
        }
    }
}

extension Change {
    /// "improving", "no clear change", "improving (chance not tested)".
    var directionWords: String { direction.label + (isUntested ? " (chance not tested)" : "") }

    /// The same for a chart's narrow column, whose subtitle says what "untested" means.
    var directionShortWords: String { direction.label + (isUntested ? " (untested)" : "") }

    /// An arrow for the direction of the number itself (up for a rise), so words and arrow agree for any polarity.
    var arrow: String { absolute > 0 ? "↑" : (absolute < 0 ? "↓" : "→") }
}

extension PhaseName {
    /// "before", "spans the start", "cannot be placed".
    var label: String {
        switch self {
        case .before: return "before"
        case .during: return "during"
        case .after: return "after"
        case .spanningStart: return "spans the start"
        case .spanningEnd: return "spans the end"
        case .unknown: return "cannot be placed"
        }
    }
}

extension Standing {
    /// "similar to", "better than", "higher than".
    var relation: String { self == .similar ? "similar to" : "\(rawValue) than" }
}

extension ThresholdStatus {
    /// "met", "not met".
    var label: String { met ? "met" : "not met" }
}

extension NationalJoining.Year {
    /// "+2", "−4".
    var label: String { offset > 0 ? "+\(offset)" : "−\(-offset)" }
}

extension NationalJoining.Reading {
    /// "higher than the councils not yet in an agency", "too few councils to say".
    var words: String {
        switch self {
        case .higher: return "higher than the councils not yet in an agency"
        case .lower: return "lower than the councils not yet in an agency"
        case .noClearDifference: return "no clear difference: chance could explain it"
        case .tooFew: return "too few councils to say"
        }
    }
}
