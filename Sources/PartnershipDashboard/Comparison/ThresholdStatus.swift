// Whether a figure met the national threshold in force for its period.

/// The threshold in force for one figure, and whether the figure met it.
struct ThresholdStatus: Sendable {
    let threshold: Threshold
    /// Other sources' thresholds for the same period, where they disagree.
    let alternatives: [Threshold]
    let value: Double
    let met: Bool
}

/// Finds the threshold in force for a period, by the rule in ``ComparisonRules``.
struct ThresholdBook: Sendable {
    private let thresholds: [Threshold]

    init(_ thresholds: [Threshold]) { self.thresholds = thresholds }

    /// Every preferred (or only) threshold for an indicator, sorted by period.
    func schedule(for indicator: Indicator) -> [Threshold] {
        let mine = thresholds.filter { $0.indicator.id == indicator.id }
        let byPeriod = Dictionary(grouping: mine, by: \.period)
        return byPeriod.values.map { $0.first(where: \.preferred) ?? $0[0] }.sorted { $0.period < $1.period }
    }

    /// The thresholds in force for a period: the same period first, else one ending on the same day.
    func inForce(for indicator: Indicator, in period: Period) -> [Threshold] {
        let mine = thresholds.filter { $0.indicator.id == indicator.id }
        let exact = mine.filter { $0.period == period }
        if !exact.isEmpty { return exact }
        guard let end = period.end, period.comparability != .unstated else { return [] }
        return mine.filter { $0.period.end == end }
    }

    /// Whether `observation` met the threshold in force for its period, if there is one.
    func status(of observation: Observation, for indicator: Indicator) -> ThresholdStatus? {
        let candidates = inForce(for: indicator, in: observation.period)
        guard let chosen = candidates.first(where: \.preferred) ?? candidates.first else { return nil }
        let met: Bool
        switch indicator.polarity {
        case .lowerIsBetter: met = observation.value <= chosen.value
        case .higherIsBetter: met = observation.value >= chosen.value
        case .neither: return nil
        }
        let alternatives = candidates.filter { $0.provenance != chosen.provenance && $0.value != chosen.value }
        return ThresholdStatus(threshold: chosen, alternatives: alternatives, value: observation.value, met: met)
    }
}
