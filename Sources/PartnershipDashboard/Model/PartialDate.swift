// A date known to the year, the month or the day, as sources give partnership milestones.

/// A date known only as precisely as its source gives it: `2012`, `2006-09` or `2007-03-01`.
struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    enum Precision: Sendable { case year, month, day }

    let year: Int
    let month: Int?
    let day: Int?

    var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    /// The first day the date could be.
    var firstDay: Day { Day(clampingYear: year, month: month ?? 1, day: day ?? 1) }

    /// The last day the date could be.
    var lastDay: Day {
        let month = self.month ?? 12
        return Day(clampingYear: year, month: month, day: day ?? Day.length(ofMonth: month, in: year))
    }

    var description: String {
        var text = Day.digits(year, 4)
        if let month { text += "-" + Day.digits(month, 2) }
        if let day { text += "-" + Day.digits(day, 2) }
        return text
    }

    /// "2012", "September 2006", "1 March 2007".
    var label: String {
        switch precision {
        case .year: return String(year)
        case .month: return "\(Day.monthNames[min(12, max(1, month ?? 1)) - 1]) \(year)"
        case .day: return firstDay.label
        }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or explains what is wrong.
    static func parse(_ text: String) -> Result<PartialDate, PeriodError> {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(pieces.count),
            zip(pieces, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCIIDigit) })
        else {
            return .failure(
                PeriodError(
                    text: text, advice: "write a date as 2012 (year known), 2006-09 (month known) or 2007-03-01 (day known)"))
        }
        let numbers = pieces.map { Int($0) ?? 0 }
        let year = numbers[0]
        guard Period.plausibleYears.contains(year) else {
            return .failure(
                PeriodError(
                    text: text,
                    advice: "the year \(year) is outside \(Period.plausibleYears.lowerBound)–\(Period.plausibleYears.upperBound)"))
        }
        if numbers.count >= 2, !(1...12).contains(numbers[1]) {
            return .failure(PeriodError(text: text, advice: "month \(pieces[1]) does not exist; months run from 01 to 12"))
        }
        if numbers.count == 3, Day(year: year, month: numbers[1], day: numbers[2]) == nil {
            return .failure(
                PeriodError(
                    text: text,
                    advice:
                        "\(Day.monthNames[numbers[1] - 1]) \(year) has no day \(numbers[2]); it has \(Day.length(ofMonth: numbers[1], in: year)) days"
                ))
        }
        return .success(
            PartialDate(
                year: year, month: numbers.count >= 2 ? numbers[1] : nil, day: numbers.count == 3 ? numbers[2] : nil))
    }
}

extension PeriodError {
    /// The message for a bad date rather than a bad period.
    var dateMessage: String { "\"\(text)\" is not a date; \(advice)" }
}
