// The time a figure covers, in one notation for every kind of period the sources use.

/// The time a figure covers.
///
/// Written in the data files as:
///
/// | notation | meaning |
/// |---|---|
/// | `2014-15` | financial year, 1 April 2014 to 31 March 2015 |
/// | `2014` | calendar year |
/// | `2012-13..2014-15` | several financial years, e.g. a 3-year scorecard average |
/// | `2010..2012` | several calendar years |
/// | `2019-03-31` | a single day, e.g. a count "at 31 March 2019" |
/// | `2013-04-01..2013-11-30` | part of a year |
/// | `..2015-10-21` | a period the source does not state, ending by that day |
/// | `2007-03-01..` | from a day onwards |
/// | `unstated` | the source gives no period at all |
package enum Period: Hashable, Sendable {
    case financialYear(Int)
    case calendarYear(Int)
    case financialYears(Int, Int)
    case calendarYears(Int, Int)
    case snapshot(Day)
    case days(Day, Day)
    case endingBy(Day)
    case startingOn(Day)
    case unstated

    /// The first day the period covers, when known.
    var start: Day? {
        switch self {
        case .financialYear(let year), .financialYears(let year, _): return Day(year: year, month: 4, day: 1)
        case .calendarYear(let year), .calendarYears(let year, _): return Day(year: year, month: 1, day: 1)
        case .snapshot(let day), .days(let day, _), .startingOn(let day): return day
        case .endingBy, .unstated: return nil
        }
    }

    /// The last day the period covers, when known.
    var end: Day? {
        switch self {
        case .financialYear(let year), .financialYears(_, let year): return Day(year: year + 1, month: 3, day: 31)
        case .calendarYear(let year), .calendarYears(_, let year): return Day(year: year, month: 12, day: 31)
        case .snapshot(let day), .days(_, let day), .endingBy(let day): return day
        case .startingOn, .unstated: return nil
        }
    }

    /// The day a chart places the period at: its middle, or its end when only the end is known.
    var anchor: Day? {
        guard let end else { return nil }
        guard let start else { return end }
        return Day(ordinal: (start.ordinal + end.ordinal) / 2)
    }

    /// Which periods a change can be computed between; `nil` for periods that cannot be placed.
    var comparability: Comparability? {
        switch self {
        case .financialYear: return .financialYear
        case .calendarYear: return .calendarYear
        case .financialYears(let first, let last): return .financialYears(last - first + 1)
        case .calendarYears(let first, let last): return .calendarYears(last - first + 1)
        case .snapshot(let day): return .snapshot(month: day.month, day: day.day)
        case .days(let first, let last):
            return .sameDaysOfYear(
                month: first.month, day: first.day, length: last.ordinal - first.ordinal)
        case .endingBy: return .unstated
        case .startingOn, .unstated: return nil
        }
    }

    /// How two periods relate for comparison: only periods of the same comparability are compared.
    enum Comparability: Hashable, Sendable {
        case financialYear
        case calendarYear
        case financialYears(Int)
        case calendarYears(Int)
        case snapshot(month: Int, day: Int)
        case sameDaysOfYear(month: Int, day: Int, length: Int)
        /// A period the source does not state; it can stand beside any other, with a caveat.
        case unstated

        /// Whether a change between periods of these two kinds means anything.
        func isComparable(with other: Comparability) -> Bool {
            self == other || self == .unstated || other == .unstated
        }
    }
}

extension Period: Comparable {
    /// Orders periods by end, then start; periods with no end come last.
    package static func < (lhs: Period, rhs: Period) -> Bool {
        let left = (lhs.end?.ordinal ?? Int.max, lhs.start?.ordinal ?? Int.min)
        let right = (rhs.end?.ordinal ?? Int.max, rhs.start?.ordinal ?? Int.min)
        if left != right { return left < right }
        return lhs != rhs && lhs.notation < rhs.notation
    }
}
