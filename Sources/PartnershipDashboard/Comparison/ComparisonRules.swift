// Every rule the comparison engine follows, in one place.

/// The rules of the comparison, as constants the engine uses.
///
/// The methodology page (``Methodology``, in the wording layer) interpolates the same constants
/// the engine reads, so the page cannot disagree with the computation.
enum ComparisonRules {
    /// A relative change from a count at or below this carries a caveat.
    static let tinyBaseLimit = 10
    /// Whether a per cent change from `base` is left out of ranks (a base of ``tinyBaseLimit`` or fewer).
    static func tooSmallToRank(_ base: Double, measure: ChangeKind) -> Bool {
        measure == .relative && abs(base) <= Double(tinyBaseLimit)
    }

    /// The middle value of sorted `values` (the mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : Change.clean((values[middle - 1] + values[middle]) / 2)
    }

    /// The value a series is indexed to at its baseline.
    static let indexBase = 100.0

    /// How a change in this unit is best stated, and what England's change is compared in.
    static func headlineMeasure(for unit: Unit) -> ChangeKind {
        switch unit {
        case .percent: return .percentagePoints
        case .days, .months, .years, .rank: return .absolute
        case .count, .pounds: return .relative
        }
    }

    /// Percentages whose numerator and denominator DfE publishes as measures of their own, so a
    /// change in them can be tested against chance.
    static let shareParts: [String: (numerator: String, denominator: String)] = [
        "ceased-care-adopted-share": ("children-adopted", "ceased-care")
    ]
}
