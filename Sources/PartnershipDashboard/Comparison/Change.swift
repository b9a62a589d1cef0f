// The change between two figures of one measure: absolute, relative, in points, with its direction.

/// Which way a change went, named by whether the measure has a better direction (its words are
/// the wording layer's `label`).
enum Direction: String, Sendable {
    case improving, worsening, increasing, decreasing
    case noChange = "no-change"
    /// Two counts, or two of DfE's shares, whose difference chance could explain (see ``Chance``).
    case noClearChange = "no-clear-change"

    init(change: Double, polarity: Polarity) {
        if change == 0 {
            self = .noChange
            return
        }
        switch polarity {
        case .higherIsBetter: self = change > 0 ? .improving : .worsening
        case .lowerIsBetter: self = change < 0 ? .improving : .worsening
        case .neither: self = change > 0 ? .increasing : .decreasing
        }
    }
}

/// A change from a base figure to a later one of the same measure and kind of period.
struct Change: Sendable {
    let from: Observation
    let to: Observation
    /// `to − from`, in the measure's unit.
    let absolute: Double
    /// Per cent of the base, for measures that are not percentages; `nil` when there is no non-zero base.
    let relative: Double?
    /// The figure the relative change is divided by: `from`, or the first later non-zero figure.
    let relativeBase: Observation?
    /// For percentage measures: the difference in percentage points.
    let percentagePoints: Double?
    var direction: Direction
    /// Whether chance was tested: counts of children are, and DfE's share adopted is, from its
    /// counts; other percentages and lengths of time come without the numbers behind them.
    var testedAgainstChance: Bool

    /// A rise or fall that was tested and that chance does not explain: the only kind called one.
    var isClear: Bool { testedAgainstChance && direction != .noClearChange && absolute != 0 }

    /// A change in a figure that could not be tested against chance.
    var isUntested: Bool { !testedAgainstChance && absolute != 0 }

    /// The change from `from` to `to`; `laterFigures` supplies a base when `from` is zero.
    init(from: Observation, to: Observation, unit: Unit, polarity: Polarity, laterFigures: [Observation] = []) {
        self.from = from
        self.to = to
        let absolute = Change.clean(to.value - from.value)
        self.absolute = absolute
        // A change between counts is called a rise or fall only when chance would not explain it.
        let differ = unit == .count ? Chance.countsDiffer(from.value, to.value) : nil
        testedAgainstChance = differ != nil
        if absolute != 0, differ == false {
            direction = .noClearChange
        } else {
            direction = Direction(change: absolute, polarity: polarity)
        }
        if unit == .percent {
            percentagePoints = absolute
            relative = nil
            relativeBase = nil
            return
        }
        percentagePoints = nil
        let base =
            from.value != 0
            ? from
            : laterFigures.first { $0.value != 0 && from.period < $0.period && $0.period < to.period }
        relativeBase = base
        relative = base.map { Change.clean((to.value - $0.value) / abs($0.value) * 100) }
    }

    /// The change stated the way this unit states it best (see ``ComparisonRules/headlineMeasure(for:)``).
    func value(in kind: ChangeKind) -> Double? {
        switch kind {
        case .absolute: return absolute
        case .relative: return relative
        case .percentagePoints: return percentagePoints
        }
    }

    /// Removes binary floating-point noise (16.6 − 9 = 7.600000000000001) without losing real digits.
    static func clean(_ value: Double) -> Double {
        let scale = 1e9
        let cleaned = (value * scale).rounded() / scale
        return cleaned == 0 ? 0 : cleaned
    }
}
