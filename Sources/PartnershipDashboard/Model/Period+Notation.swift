// Reading and writing the period notation, with messages that say what would be right.

import Foundation

extension Period {
    /// The earliest and latest years a period may name.
    static let plausibleYears = 1900...2100

    /// One line listing every accepted form, for error messages and help.
    static let acceptedForms =
        "periods are written 2014-15 (a financial year), 2014 (a calendar year), "
        + "2012-13..2014-15 (several financial years), 2010..2012 (several calendar years), "
        + "2019-03-31 (one day), 2013-04-01..2013-11-30 (part of a year), "
        + "..2015-10-21 (an unstated period ending by that day), 2007-03-01.. (from that day) or unstated"

    /// The period in the data files' notation; parsing it gives the same period back.
    var notation: String {
        switch self {
        case .financialYear(let year): return Period.financialYearNotation(year)
        case .calendarYear(let year): return String(year)
        case .financialYears(let first, let last):
            return "\(Period.financialYearNotation(first))..\(Period.financialYearNotation(last))"
        case .calendarYears(let first, let last): return "\(first)..\(last)"
        case .snapshot(let day): return day.description
        case .days(let first, let last): return "\(first)..\(last)"
        case .endingBy(let day): return "..\(day)"
        case .startingOn(let day): return "\(day).."
        case .unstated: return "unstated"
        }
    }

    /// Reads a period, or explains what is wrong with the text and what to write instead.
    static func parse(_ text: String) -> Result<Period, PeriodError> {
        // Nearly every period is a financial year (`2014-15`) or a calendar year: read straight from the bytes.
        if let quick = plainYear(text) { return quick }
        // Spaces and tabs around the notation are ignored (line breaks are not).
        let blank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        let padded = text.first.map(blank) == true || text.last.map(blank) == true
        let trimmed = padded ? String(text.drop(while: blank).reversed().drop(while: blank).reversed()) : text
        if trimmed == "unstated" { return .success(.unstated) }
        if trimmed.utf8.contains(0x2E), let range = trimmed.firstRange(of: "..") {
            let first = String(trimmed[..<range.lowerBound])
            let last = String(trimmed[range.upperBound...])
            return parseRange(text, first: first, last: last)
        }
        if let year = fourDigitYear(trimmed) {
            return checkedYear(text, year).map { .calendarYear($0) }
        }
        if let year = financialYearStart(trimmed) {
            return checkedYear(text, year).map { .financialYear($0) }
        }
        if looksLikeDate(trimmed) {
            return parseDay(text, trimmed).map { .snapshot($0) }
        }
        return .failure(PeriodError(text: text, advice: suggestion(for: trimmed)))
    }

    package static func financialYearNotation(_ year: Int) -> String {
        "\(year)-\(Day.digits((year + 1) % 100, 2))"
    }

    private static func parseRange(_ text: String, first: String, last: String) -> Result<Period, PeriodError> {
        switch (first.isEmpty, last.isEmpty) {
        case (true, true):
            return .failure(PeriodError(text: text, advice: "a range needs at least one end; \(acceptedForms)"))
        case (true, false):
            return parseDay(text, last).map { .endingBy($0) }
        case (false, true):
            return parseDay(text, first).map { .startingOn($0) }
        case (false, false):
            break
        }
        if let a = fourDigitYear(first), let b = fourDigitYear(last) {
            return ordered(text, a, b, firstLabel: first, lastLabel: last).map { .calendarYears($0, $1) }
        }
        if let a = financialYearStart(first), let b = financialYearStart(last) {
            return ordered(text, a, b, firstLabel: first, lastLabel: last).map { .financialYears($0, $1) }
        }
        if looksLikeDate(first), looksLikeDate(last) {
            return parseDay(text, first).flatMap { start in
                parseDay(text, last).flatMap { end in
                    end < start
                        ? .failure(
                            PeriodError(text: text, advice: "it ends (\(end)) before it starts (\(start)); write the earlier day first"))
                        : .success(.days(start, end))
                }
            }
        }
        return .failure(
            PeriodError(
                text: text,
                advice: "both ends of a range must be the same kind: two financial years (2012-13..2014-15), "
                    + "two calendar years (2010..2012) or two days (2013-04-01..2013-11-30)"))
    }

    private static func ordered(
        _ text: String, _ first: Int, _ last: Int, firstLabel: String, lastLabel: String
    ) -> Result<(Int, Int), PeriodError> {
        checkedYear(text, first).flatMap { a in
            checkedYear(text, last).flatMap { b in
                if b < a {
                    return .failure(
                        PeriodError(
                            text: text, advice: "it ends (\(lastLabel)) before it starts (\(firstLabel)); write \(lastLabel)..\(firstLabel)"
                        ))
                }
                if b == a {
                    return .failure(PeriodError(text: text, advice: "a range of one year is just that year; write \(firstLabel)"))
                }
                return .success((a, b))
            }
        }
    }

    private static func checkedYear(_ text: String, _ year: Int) -> Result<Int, PeriodError> {
        plausibleYears.contains(year)
            ? .success(year)
            : .failure(
                PeriodError(text: text, advice: "the year \(year) is outside \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)"))
    }

    private static func parseDay(_ text: String, _ part: String) -> Result<Day, PeriodError> {
        let pieces = part.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
            let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2])
        else {
            return .failure(PeriodError(text: text, advice: "\"\(part)\" is not a day; write days as year-month-day, e.g. 2019-03-31"))
        }
        if case .failure(let error) = checkedYear(text, year) { return .failure(error) }
        guard (1...12).contains(month) else {
            return .failure(PeriodError(text: text, advice: "month \(pieces[1]) does not exist; months run from 01 to 12"))
        }
        guard let result = Day(year: year, month: month, day: day) else {
            return .failure(
                PeriodError(
                    text: text,
                    advice: "\(Day.monthNames[month - 1]) \(year) has no day \(day); it has \(Day.length(ofMonth: month, in: year)) days"))
        }
        return .success(result)
    }

    /// `2014-15` or `2014`, within the plausible years, with nothing around it; otherwise `nil`, and
    /// the full parser decides.
    private static func plainYear(_ text: String) -> Result<Period, PeriodError>? {
        let bytes = Array(text.utf8.prefix(8))
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (0x30...0x39).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard bytes.count == 4 || bytes.count == 7, let year = digits(0..<4), plausibleYears.contains(year) else { return nil }
        if bytes.count == 4 { return .success(.calendarYear(year)) }
        guard bytes[4] == 0x2D, let next = digits(5..<7), (year + 1) % 100 == next else { return nil }
        return .success(.financialYear(year))
    }

    private static func fourDigitYear(_ text: String) -> Int? {
        text.count == 4 && text.allSatisfy(\.isASCIIDigit) ? Int(text) : nil
    }

    /// `2014-15` gives 2014; anything else, including `2014-16`, gives nil.
    private static func financialYearStart(_ text: String) -> Int? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2,
            let year = Int(pieces[0]), let next = Int(pieces[1]), pieces[1].allSatisfy(\.isASCIIDigit),
            (year + 1) % 100 == next
        else { return nil }
        return year
    }

    private static func looksLikeDate(_ text: String) -> Bool {
        text.split(separator: "-", omittingEmptySubsequences: false).count == 3
    }

    /// Advice for text that is no period at all, guessing what was meant.
    private static func suggestion(for text: String) -> String {
        let normalised =
            text
            .replacingOccurrences(of: "FY", with: "")
            .replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-")
            .replacingOccurrences(of: "/", with: "-")
            .trimmingCharacters(in: .whitespaces)
        let pieces = normalised.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if let year = pieces.first.flatMap(fourDigitYear), !plausibleYears.contains(year) {
            return "the year \(year) is outside \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)"
        }
        if pieces.count == 2, let year = fourDigitYear(pieces[0]), let second = Int(pieces[1]),
            pieces[1].allSatisfy(\.isASCIIDigit)
        {
            let next = year + 1
            let matchesNext =
                (pieces[1].count == 1 && second == next % 10)
                || (pieces[1].count == 2 && second == next % 100)
                || (pieces[1].count == 4 && second == next)
            if matchesNext {
                return "write \"\(financialYearNotation(year))\" for a financial year"
            }
            let last = pieces[1].count == 4 ? second : (year / 100) * 100 + second
            if pieces[1].count == 2, last > next, last - year <= 10 {
                return "a financial year runs one year (\"\(financialYearNotation(year))\"); for the years "
                    + "April \(year) to March \(last) write \"\(financialYearNotation(year))..\(financialYearNotation(last - 1))\""
            }
            if pieces[1].count == 2, (1...12).contains(second) {
                return
                    "for a month write its days, e.g. \"\(year)-\(pieces[1])-01..\(year)-\(pieces[1])-\(Day.digits(Day.length(ofMonth: second, in: year), 2))\"; \(acceptedForms)"
            }
        }
        if pieces.count == 3, pieces[2].count == 4, let year = fourDigitYear(pieces[2]),
            let month = Int(pieces[1]), let day = Int(pieces[0]), Day(year: year, month: month, day: day) != nil
        {
            return "write days as year-month-day: \"\(Day(clampingYear: year, month: month, day: day))\""
        }
        return acceptedForms
    }
}

/// Why a text is not a period, in words for the person editing the file.
struct PeriodError: Error, Equatable, Sendable {
    let text: String
    let advice: String

    var message: String { "\"\(text)\" is not a period; \(advice)" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
