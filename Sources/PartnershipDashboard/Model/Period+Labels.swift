// How periods read on the site, in tables and on chart axes.

extension Period {
    /// The period as people read it: "2014-15", "31 March 2019", "April to November 2013 (part of 2013-14)".
    var label: String {
        switch self {
        case .financialYear(let year): return Period.financialYearNotation(year)
        case .calendarYear(let year): return String(year)
        case .financialYears(let first, let last):
            return "\(Period.financialYearNotation(first)) to \(Period.financialYearNotation(last))"
        case .calendarYears(let first, let last): return "\(first) to \(last)"
        case .snapshot(let day): return day.label
        case .days(let first, let last):
            let span = Period.spanLabel(first, last)
            let financialYear = first.month >= 4 ? first.year : first.year - 1
            let inside = Period.financialYear(financialYear)
            if let start = inside.start, let end = inside.end, first >= start, last <= end,
                !(first == start && last == end)
            {
                return "\(span) (part of \(inside.label))"
            }
            return span
        case .endingBy(let day): return "an unstated period ending by \(day.label)"
        case .startingOn(let day): return "from \(day.label)"
        case .unstated: return "period not stated"
        }
    }

    /// The period as one end of a span of years: as ``label``, except that part of a financial
    /// year reads "part of 2013-14", so "2010-11 to part of 2013-14" does not read as two spans.
    var spanEndLabel: String {
        guard case .days = self, let range = label.range(of: " (part of ") else { return label }
        return "part of " + label[range.upperBound...].dropLast()
    }

    /// A short form for chart axes and narrow table cells: "2014-15", "2012–15", "Mar 2019".
    var shortLabel: String {
        switch self {
        case .financialYear, .calendarYear: return label
        case .financialYears(let first, let last): return "\(first)–\(Day.digits((last + 1) % 100, 2))"
        case .calendarYears(let first, let last): return "\(first)–\(Day.digits(last % 100, 2))"
        case .snapshot(let day): return "\(Period.shortMonth(day.month)) \(day.year)"
        case .days(let first, let last):
            return "\(Period.shortMonth(first.month)) \(first.year)–\(Period.shortMonth(last.month)) \(last.year)"
        case .endingBy: return "before"
        case .startingOn(let day): return "from \(day.year)"
        case .unstated: return "n/a"
        }
    }

    /// What kind of period this is, for methodology notes and table headers.
    var kindDescription: String {
        switch self {
        case .financialYear(let year): return "year ending 31 March \(year + 1)"
        case .calendarYear: return "calendar year"
        case .financialYears(let first, let last): return "\(last - first + 1) financial years to 31 March \(last + 1)"
        case .calendarYears(let first, let last): return "\(last - first + 1) calendar years"
        case .snapshot: return "count on one day"
        case .days: return "part of a year"
        case .endingBy: return "period not stated by the source"
        case .startingOn: return "from a date onwards"
        case .unstated: return "period not stated by the source"
        }
    }

    static func shortMonth(_ month: Int) -> String { String(Day.monthNames[month - 1].prefix(3)) }

    /// "April to November 2013", "April 2013 to January 2014", or day-exact when not whole months.
    static func spanLabel(_ first: Day, _ last: Day) -> String {
        let wholeMonths = first.day == 1 && last.day == Day.length(ofMonth: last.month, in: last.year)
        guard wholeMonths else { return "\(first.label) to \(last.label)" }
        let firstMonth = Day.monthNames[first.month - 1]
        let lastMonth = Day.monthNames[last.month - 1]
        if first.year == last.year {
            return first.month == last.month ? "\(firstMonth) \(first.year)" : "\(firstMonth) to \(lastMonth) \(last.year)"
        }
        return "\(firstMonth) \(first.year) to \(lastMonth) \(last.year)"
    }
}
