// What a chart's words may claim, checked against what it draws before anything is published.

/// A figure as a chart's words state it: "70 in 2011-12", "9% in 2008-09 to 2010-11".
struct StatedFigure: Sendable, Equatable {
    let value: Double
    let unit: Unit
    let period: Period

    /// The figure with its period, as a title writes it.
    var words: String { "\(UKFormat.value(value, unit: unit)) \(ChartWords.when(period))" }
}

extension StatedFigure {
    init(_ observation: Observation, unit: Unit) {
        self.init(value: observation.value, unit: unit, period: observation.period)
    }
}

/// One thing a title or subtitle claims, kept as data beside the words written from it, so that
/// the rules are checked on the figures and periods themselves, never read back out of a sentence.
enum ChartClaim: Sendable, Equatable {
    /// Two figures set side by side, earlier first: "70 in 2011-12 … against 59 in 2010-11",
    /// "from 70 in 2011-12 to 182 in 2014-15".
    case compares(StatedFigure, StatedFigure)
    /// An area named as a comparator ("England", a region), whose figures the chart must draw.
    case names(area: String)

    /// The claims of a change's two figures, as ``ChartWords/pair(_:unit:)`` writes them.
    static func change(_ change: Change, unit: Unit) -> ChartClaim {
        .compares(StatedFigure(change.from, unit: unit), StatedFigure(change.to, unit: unit))
    }
}

/// What a chart's title and subtitle claim, each list in the order its words make the claims.
package struct ChartStatements: Sendable, Equatable {
    var title: [ChartClaim] = []
    var subtitle: [ChartClaim] = []
}

/// The rules every chart title and subtitle keeps, so that nothing pasted into a brief claims more
/// than the chart shows: no figure set against itself, no part of a year set against a whole year
/// (nor any two periods that do not compare), no comparator named that has no figures on the chart.
enum ChartClaims {
    /// What is wrong with a chart's words, each as a sentence naming the rule; empty when nothing is.
    static func problems(_ chart: Chart) -> [String] {
        let areas = Set(chart.figures.map(\.area))
        var problems: [String] = []
        for (text, claims) in [(chart.title, chart.statements.title), (chart.subtitle, chart.statements.subtitle)] {
            for claim in claims {
                switch claim {
                case .compares(let first, let second):
                    if let problem = comparisonProblem(first, second) { problems.append("\"\(text)\" \(problem)") }
                case .names(let area) where !areas.contains(area):
                    problems.append("the words name \(area), but the chart draws no figure for \(area); leave \(area) out of its words")
                case .names:
                    continue
                }
            }
        }
        return problems
    }

    /// What is wrong with setting one figure against another, or nil when they compare.
    static func comparisonProblem(_ first: StatedFigure, _ second: StatedFigure) -> String? {
        if first.period == second.period {
            return "sets \(first.words) against itself; compare two different periods, or state the one figure alone"
        }
        // A period with no kind to compare by (from a date onwards, or none given at all) is never
        // one of a compared pair; an unstated period before a date stands beside any other, with a
        // caveat the page gives.
        guard let one = first.period.comparability, let other = second.period.comparability else {
            return
                "sets \(first.period.label) against \(second.period.label), and one of them is not a period that can be compared; state the figure alone"
        }
        guard !one.isComparable(with: other) else { return nil }
        if case .days = first.period, isWholeYear(second.period) {
            return
                "sets part of a year against a whole year (\(second.period.label)); compare the same part of each year, or say the part-year is not comparable"
        }
        if case .days = second.period, isWholeYear(first.period) {
            return
                "sets part of a year against a whole year (\(first.period.label)); compare the same part of each year, or say the part-year is not comparable"
        }
        return
            "sets \(first.period.label) (\(first.period.kindDescription)) against \(second.period.label) (\(second.period.kindDescription)); compare periods of one kind"
    }

    private static func isWholeYear(_ period: Period) -> Bool {
        switch period {
        case .financialYear, .calendarYear: return true
        default: return false
        }
    }
}
