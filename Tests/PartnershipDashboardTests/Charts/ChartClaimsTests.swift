// The build refuses a chart whose words claim more than it draws: the cases a user found.

import Testing

@testable import PartnershipDashboard

@Suite("What a chart's words may claim")
struct ChartClaimsTests {
    /// A chart that is only words, what they claim, and figures, to put one sentence through the rules.
    struct Words: Chart {
        let id = "test-chart"
        let kind = ChartKind.overTime
        let authorityID: String? = nil
        let indicatorID: String? = nil
        let title: String
        var subtitle = "A subtitle."
        var statements = ChartStatements()
        let source = ChartSource(parts: [ChartSource.Part(label: nil, publishers: ["a test"])])
        let description = "A description."
        let table = ChartTable(caption: "", header: [], rows: [])
        let drawingInputs = ""
        var figures: [ChartFigure] = []
        func draw(on canvas: Canvas) {}
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) throws -> Day {
        try #require(Day(year: year, month: month, day: day))
    }

    @Test("a figure set against itself, as Kent's share once was, is refused")
    func againstItself() {
        let share = StatedFigure(value: 9, unit: .percent, period: .financialYears(2008, 2010))
        let chart = Words(
            title: "Kent: share of children leaving care who were adopted stood at \(share.words), against \(share.words)",
            statements: ChartStatements(title: [.compares(share, share)]))
        #expect(
            chart.title
                == "Kent: share of children leaving care who were adopted stood at 9% in 2008-09 to 2010-11, against 9% in 2008-09 to 2010-11"
        )
        #expect(
            ChartClaims.problems(chart) == [
                "\"\(chart.title)\" sets 9% in 2008-09 to 2010-11 against itself; compare two different periods, or state the one figure alone"
            ])
        let (from, to) = (
            StatedFigure(value: 59, unit: .count, period: .financialYear(2010)),
            StatedFigure(value: 70, unit: .count, period: .financialYear(2011))
        )
        let two = Words(
            title: "Kent: children adopted stood at \(to.words), against \(from.words)",
            statements: ChartStatements(title: [.compares(from, to)]))
        #expect(two.title == "Kent: children adopted stood at 70 in 2011-12, against 59 in 2010-11")
        #expect(ChartClaims.problems(two).isEmpty)
    }

    @Test("part of a year set against a whole year, or a day's count against a year's, is refused; the same part of two years is not")
    func partYear() throws {
        let part = StatedFigure(value: 13, unit: .count, period: .days(try Self.day(2012, 4, 1), try Self.day(2012, 12, 2)))
        let whole = StatedFigure(value: 26, unit: .count, period: .financialYear(2010))
        let chart = Words(
            title: "Kent: children placed for adoption stood at \(part.words), against \(whole.words)",
            statements: ChartStatements(title: [.compares(whole, part)]))
        #expect(chart.title.contains("13 in 1 April 2012 to 2 December 2012 (part of 2012-13), against 26 in 2010-11"))
        #expect(ChartClaims.problems(chart).count == 1)
        #expect(ChartClaims.problems(chart).first?.contains("sets part of a year against a whole year (2010-11)") == true)
        // In a subtitle too, whichever comes first.
        let subtitle = Words(title: "A title", statements: ChartStatements(subtitle: [.compares(part, whole)]))
        #expect(ChartClaims.problems(subtitle).first?.contains("sets part of a year against a whole year (2010-11)") == true)
        // The same days of two years compare.
        let earlier = StatedFigure(value: 9, unit: .count, period: .days(try Self.day(2011, 4, 1), try Self.day(2011, 12, 2)))
        #expect(ChartClaims.problems(Words(title: "A title", statements: ChartStatements(title: [.compares(earlier, part)]))).isEmpty)
        // A count on one day is not a year's count.
        let day = StatedFigure(value: 40, unit: .count, period: .snapshot(try Self.day(2012, 3, 31)))
        #expect(
            ChartClaims.problems(Words(title: "T", statements: ChartStatements(title: [.compares(whole, day)]))) == [
                "\"T\" sets 2010-11 (year ending 31 March 2011) against 31 March 2012 (count on one day); compare periods of one kind"
            ])
        // A span of years that ends in part of one reads as a span, not as two periods.
        #expect("\(Period.financialYear(2010).spanEndLabel) to \(part.period.spanEndLabel)" == "2010-11 to part of 2012-13")
    }

    @Test("England named where the chart draws no figure for England is refused; an area the chart draws is not")
    func comparatorWithoutFigures() throws {
        let kent = try #require(ChartTests.catalogue.charts.first { $0.id == "kent-before-and-after" })
        let figures = kent.figures
        #expect(!figures.contains { $0.area == "England" })
        #expect(
            ChartClaims.problems(
                Words(
                    title: "Kent: A1 improved, beside England over the same years",
                    statements: ChartStatements(title: [.names(area: "England")]), figures: figures)) == [
                    "the words name England, but the chart draws no figure for England; leave England out of its words"
                ])
        // Any area named, a region as much as England; and a chart that draws nothing names nothing.
        #expect(
            ChartClaims.problems(
                Words(
                    title: "Kent beside the South East", statements: ChartStatements(title: [.names(area: "South East")]), figures: figures)
            )
                == ["the words name South East, but the chart draws no figure for South East; leave South East out of its words"])
        #expect(ChartClaims.problems(Words(title: "T", statements: ChartStatements(title: [.names(area: "England")]))).count == 1)
        let drawn = try #require(figures.first?.area)
        #expect(
            ChartClaims.problems(
                Words(title: "\(drawn): A1 improved", statements: ChartStatements(subtitle: [.names(area: drawn)]), figures: figures)
            ).isEmpty)
    }

    @Test("a period with no kind is never compared, and two parts of a year of different lengths are not the same part")
    func periodsWithoutAKind() throws {
        let year = StatedFigure(value: 26, unit: .count, period: .financialYear(2010))
        let onwards = StatedFigure(value: 30, unit: .count, period: .startingOn(try Self.day(2012, 4, 1)))
        #expect(
            ChartClaims.problems(Words(title: "T", statements: ChartStatements(title: [.compares(year, onwards)]))) == [
                "\"T\" sets 2010-11 against from 1 April 2012, and one of them is not a period that can be compared; state the figure alone"
            ])
        let spring = StatedFigure(value: 5, unit: .count, period: .days(try Self.day(2011, 4, 1), try Self.day(2011, 6, 30)))
        let autumn = StatedFigure(value: 9, unit: .count, period: .days(try Self.day(2012, 4, 1), try Self.day(2012, 11, 30)))
        let problems = ChartClaims.problems(Words(title: "T", statements: ChartStatements(title: [.compares(spring, autumn)])))
        #expect(problems.count == 1)
        #expect(problems.first?.hasSuffix("(part of a year); compare periods of one kind") == true, "\(problems)")
        // Several years against one is not "part of a year against a whole year".
        let three = StatedFigure(value: 60, unit: .count, period: .financialYears(2008, 2010))
        #expect(
            ChartClaims.problems(Words(title: "T", statements: ChartStatements(title: [.compares(three, year)]))).first?.contains(
                "compare periods of one kind") == true)
    }

    @Test("every real chart keeps the rules, and the spans of part-years read as such")
    func realCharts() throws {
        for chart in ChartTests.catalogue.charts {
            #expect(ChartClaims.problems(chart).isEmpty, "\(chart.id)")
            // What the rules check is what the words say: each period compared and each area named is in them.
            for (text, claims) in [(chart.title, chart.statements.title), (chart.subtitle, chart.statements.subtitle)] {
                for claim in claims {
                    switch claim {
                    case .compares(let first, let second):
                        // A side-by-side chart's change is from before each partnership to during it.
                        let named = { (period: Period) in
                            text.contains(period.label) || text.contains(ChartWords.when(period))
                                || (chart.kind == .sideBySide && text.contains("during its partnership"))
                        }
                        #expect(named(first.period) && named(second.period), "\(chart.id): \(text)")
                    case .names(let area):
                        #expect(text.contains(area), "\(chart.id): \(text)")
                    }
                }
            }
        }
        // And the other way: words that name England, or set two years side by side, record it.
        for chart in ChartTests.catalogue.charts {
            for (text, claims) in [(chart.title, chart.statements.title), (chart.subtitle, chart.statements.subtitle)] {
                let england = text.replacingOccurrences(of: "no England figures", with: "")
                    .replacingOccurrences(of: "East of England", with: "").replacingOccurrences(of: "Adoption Central England", with: "")
                if england.contains("England") { #expect(claims.contains(.names(area: "England")), "\(chart.id): \(text)") }
                if text.contains(#/, against [0-9]/#) || text.contains(#/ from \d{4}-\d{2} to \d{4}-\d{2}/#) {
                    #expect(claims.contains { if case .compares = $0 { true } else { false } }, "\(chart.id): \(text)")
                }
            }
        }
        // Every kind of chart whose words set figures side by side says so.
        let comparing = Set(
            ChartTests.catalogue.charts.filter { chart in
                chart.statements.title.contains { if case .compares = $0 { true } else { false } }
            }.map(\.kind))
        #expect(comparing == [.overTime, .sideBySide, .neighbours, .rank], "\(comparing)")
        let harrow = try #require(ChartTests.catalogue.charts.first { $0.id == "harrow-children-placed-for-adoption-over-time" })
        #expect(harrow.subtitle.contains("2005-06 to part of 2006-07"))
        let sideBySide = try #require(ChartTests.catalogue.charts.first { $0.id == "a1-entry-to-move-in-days-side-by-side" })
        #expect(!sideBySide.title.contains("England") && sideBySide.subtitle.contains("with no England figures for these periods"))
    }

    @Test("a before-and-after chart with one measure judged states that measure's change in its title, and records its two figures")
    func beforeAfterWithOneJudgedMeasure() throws {
        // No real partnership has exactly one judged measure, so one is made from Kent's: a measure with a
        // better direction, tested against chance, and one without a better direction.
        let kent = try #require(Project.analysis.comparison(of: "kent"))
        let judged = try #require(
            kent.indicators.first { $0.indicator.polarity != .neither && $0.change?.testedAgainstChance == true })
        let other = try #require(kent.indicators.first { $0.indicator.polarity == .neither && $0.change != nil })
        let chart = try #require(BeforeAfterChart(AuthorityComparison(authority: kent.authority, indicators: [judged, other])))
        let change = try #require(judged.change)
        let unit = judged.indicator.unit
        #expect(
            chart.title
                == "Kent: \(judged.indicator.noun) \(ChartWords.movement(change, unit: unit)) during the Coram partnership, with one more measure shown"
        )
        #expect(chart.statements.title == [ChartClaim.change(change, unit: unit)])
        #expect(ChartClaims.problems(chart).isEmpty, "\(ChartClaims.problems(chart))")
        // With two measures judged, the title states no one measure's change.
        let both = try #require(BeforeAfterChart(AuthorityComparison(authority: kent.authority, indicators: [judged, judged])))
        #expect(both.statements.title.isEmpty && !both.title.contains(judged.indicator.noun), "\(both.title)")
    }
}
