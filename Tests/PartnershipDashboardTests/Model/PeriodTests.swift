// The period notation: every form reads, writes back, places in time and explains its mistakes.

import Testing

@testable import PartnershipDashboard

@Suite("Periods")
struct PeriodTests {
    @Test(
        "reads every accepted form and writes it back unchanged",
        arguments: [
            "2014-15", "2014", "2012-13..2014-15", "2010..2012", "2019-03-31", "2013-04-01..2013-11-30",
            "..2015-10-21", "2007-03-01..", "unstated", "1999-00",
        ])
    func roundTrip(_ text: String) throws {
        let period = try Period.parse(text).get()
        #expect(period.notation == text)
    }

    @Test("a year read by the quick path is the year the full parser reads, with the same errors, from 1890 to 2110")
    func quickYearsAgreeWithTheFullParser() {
        for year in 1890...2110 {
            let next = (year + 1) % 100
            for text in ["\(year)", "\(year)-\(next < 10 ? "0" : "")\(next)", "\(year)-\(next < 9 ? "0" : "")\(next + 1)"] {
                // A leading space sends the same text through the full parser, which ignores the space.
                let quick = Period.parse(text)
                let full = Period.parse(" " + text)
                #expect((try? quick.get()) == (try? full.get()), "\(text)")
                if case .failure(let error) = quick, case .failure(let other) = full {
                    #expect(error.advice == other.advice, "\(text)")
                }
            }
        }
        #expect((try? Period.parse("2014-15").get()) == .financialYear(2014))
        #expect((try? Period.parse("\t2014\u{00A0}").get()) == .calendarYear(2014))
        #expect((try? Period.parse("2014-15\n").get()) == nil, "a line break is not ignored")
    }

    @Test("places a financial year from 1 April to 31 March")
    func financialYearDays() throws {
        let period = try Period.parse("2014-15").get()
        #expect(period.start?.description == "2014-04-01")
        #expect(period.end?.description == "2015-03-31")
        #expect(period.label == "2014-15")
    }

    @Test(
        "labels periods the way people read them",
        arguments: [
            ("2012-13..2014-15", "2012-13 to 2014-15"),
            ("2019-03-31", "31 March 2019"),
            ("2013-04-01..2013-11-30", "April to November 2013 (part of 2013-14)"),
            ("2013-04-01..2014-01-17", "1 April 2013 to 17 January 2014 (part of 2013-14)"),
            ("..2015-09-30", "an unstated period ending by 30 September 2015"),
            ("2007-03-01..", "from 1 March 2007"),
            ("unstated", "period not stated"),
        ])
    func labels(_ text: String, _ label: String) throws {
        #expect(try Period.parse(text).get().label == label)
    }

    @Test(
        "explains a bad period and says what to write",
        arguments: [
            ("2014/5", "\"2014/5\" is not a period; write \"2014-15\" for a financial year"),
            ("2014/15", "\"2014/15\" is not a period; write \"2014-15\" for a financial year"),
            ("2014-2015", "\"2014-2015\" is not a period; write \"2014-15\" for a financial year"),
            ("FY2014-15", "\"FY2014-15\" is not a period; write \"2014-15\" for a financial year"),
            (
                "2012-15",
                "\"2012-15\" is not a period; a financial year runs one year (\"2012-13\"); for the years April 2012 to March 2015 write \"2012-13..2014-15\""
            ),
            ("9999-99", "\"9999-99\" is not a period; the year 9999 is outside 1900–2100"),
            ("2019-02-30", "\"2019-02-30\" is not a period; February 2019 has no day 30; it has 28 days"),
            ("2019-13-01", "\"2019-13-01\" is not a period; month 13 does not exist; months run from 01 to 12"),
            ("31/03/2019", "\"31/03/2019\" is not a period; write days as year-month-day: \"2019-03-31\""),
            (
                "2014-15..2012-13",
                "\"2014-15..2012-13\" is not a period; it ends (2012-13) before it starts (2014-15); write 2012-13..2014-15"
            ),
            (
                "2013-11-30..2013-04-01",
                "\"2013-11-30..2013-04-01\" is not a period; it ends (2013-04-01) before it starts (2013-11-30); write the earlier day first"
            ),
            (
                "2014-03",
                "\"2014-03\" is not a period; for a month write its days, e.g. \"2014-03-01..2014-03-31\"; \(Period.acceptedForms)"
            ),
        ])
    func badPeriods(_ text: String, _ message: String) {
        guard case .failure(let error) = Period.parse(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(error.message == message)
    }

    @Test("only compares periods of the same kind")
    func comparability() throws {
        let year = try Period.parse("2011-12").get().comparability!
        #expect(year.isComparable(with: try Period.parse("2014-15").get().comparability!))
        #expect(!year.isComparable(with: try Period.parse("2012-13..2014-15").get().comparability!))
        #expect(!year.isComparable(with: try Period.parse("2012").get().comparability!))
        let part = try Period.parse("2013-04-01..2013-11-30").get().comparability!
        #expect(part.isComparable(with: try Period.parse("2012-04-01..2012-11-30").get().comparability!))
        #expect(!part.isComparable(with: try Period.parse("2012-04-01..2012-09-30").get().comparability!))
        #expect(try Period.parse("..2015-09-30").get().comparability!.isComparable(with: year))
        #expect(try Period.parse("unstated").get().comparability == nil)
    }

    @Test("counts days exactly across leap years")
    func dayArithmetic() {
        let start = Day(year: 2012, month: 2, day: 28)!
        #expect(start.adding(days: 1).description == "2012-02-29")
        #expect(start.adding(days: 2).description == "2012-03-01")
        #expect(Day(year: 2015, month: 3, day: 31)!.ordinal - Day(year: 2014, month: 4, day: 1)!.ordinal == 364)
        #expect(Day(ordinal: 0).description == "1970-01-01")
    }
}
