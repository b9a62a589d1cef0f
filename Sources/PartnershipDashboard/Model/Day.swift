// A calendar day, the unit every period and partnership date is placed on.

/// A day in the Gregorian calendar, comparable and countable.
package struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    /// The day, or `nil` when the month or day does not exist (2014-02-30, 9999-99-99).
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, in: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day, with a month outside 1–12 or a day outside the month moved to the nearest that
    /// exists: for days made from parts already checked, or from constants such as 1 April.
    init(clampingYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = min(12, max(1, month))
        self.day = min(Day.length(ofMonth: self.month, in: year), max(1, day))
    }

    /// Days since 1 January 1970; differences between two days are exact.
    var ordinal: Int {
        // Howard Hinnant's days-from-civil algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day a number of days later (or earlier, when negative).
    func adding(days: Int) -> Day {
        Day(ordinal: ordinal + days)
    }

    /// The day with the given ordinal (days since 1 January 1970).
    init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// `2014-03-31`, the form the data files use.
    package var description: String {
        "\(Day.digits(year, 4))-\(Day.digits(month, 2))-\(Day.digits(day, 2))"
    }

    /// "31 March 2014", the form people read.
    var label: String { "\(day) \(Day.monthNames[month - 1]) \(year)" }

    package static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
