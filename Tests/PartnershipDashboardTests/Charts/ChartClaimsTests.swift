// The build refuses a chart whose words claim more than it draws: the cases a user found.

import Testing

@testable import PartnershipDashboard

@Suite("What a chart's words may claim")
struct ChartClaimsTests {
    /// A chart that is only words and figures, to put one sentence through the rules.
    struct Words: Chart {
        let id = "test-chart"
        let kind = ChartKind.overTime
        let authorityID: String? = nil
        let indicatorID: String? = nil
        let title: String
        var subtitle = "A subtitle."
        let source = ChartSource(parts: [ChartSource.Part(label: nil, publishers: ["a test"])])
        let description = "A description."
        let table = ChartTable(caption: "", header: [], rows: [])
        let drawingInputs = ""
        var figures: [ChartFigure] = []
        func draw(on canvas: Canvas) {}
    }

    @Test("a figure set against itself, as Kent's share once was, is refused")
    func againstItself() {
        let chart = Words(
            title:
                "Kent: share of children leaving care who were adopted stood at 9% in 2008-09 to 2010-11, against 9% in 2008-09 to 2010-11")
        #expect(
            ChartClaims.problems(chart) == [
                "\"\(chart.title)\" sets 9% in 2008-09 to 2010-11 against itself; compare two different periods, or state the one figure alone"
            ])
        #expect(ChartClaims.problems(Words(title: "Kent: children adopted stood at 70 in 2011-12, against 59 in 2010-11")).isEmpty)
    }

    @Test("part of a year set against a whole year, in a title or a subtitle's span, is refused")
    func partYear() {
        let chart = Words(
            title:
                "Kent: children placed for adoption stood at 13 in 1 April 2012 to 2 December 2012 (part of 2012-13), against 26 in 2010-11"
        )
        #expect(ChartClaims.problems(chart).count == 1)
        #expect(ChartClaims.problems(chart).first?.contains("sets part of a year against a whole year (2010-11)") == true)
        let span = Words(
            title: "A title", subtitle: "Children placed for adoption, Kent, 2010-11 to 1 April 2012 to 2 December 2012 (part of 2012-13).")
        #expect(ChartClaims.problems(span).count == 1)
        #expect(ChartClaims.problems(Words(title: "Kent: 13 in 1 April 2012 to 2 December 2012 (part of 2012-13)")).isEmpty)
    }

    @Test("England named where the chart draws no figure for England is refused; saying England has none is not")
    func comparatorWithoutFigures() throws {
        let kent = try #require(ChartTests.catalogue.charts.first { $0.id == "kent-before-and-after" })
        let figures = kent.figures
        #expect(!figures.contains { $0.area == "England" })
        #expect(
            ChartClaims.problems(Words(title: "Kent: A1 improved, beside England over the same years", figures: figures)) == [
                "the words name England, but the chart draws no figure for England; leave England out of its words"
            ])
        #expect(
            ChartClaims.problems(
                Words(title: "Kent: A1 improved", subtitle: "With no England figures for these periods.", figures: figures)
            ).isEmpty)
    }

    @Test("every real chart keeps the rules, and the spans of part-years read as such")
    func realCharts() throws {
        for chart in ChartTests.catalogue.charts { #expect(ChartClaims.problems(chart).isEmpty, "\(chart.id)") }
        let harrow = try #require(ChartTests.catalogue.charts.first { $0.id == "harrow-children-placed-for-adoption-over-time" })
        #expect(harrow.subtitle.contains("2005-06 to part of 2006-07"))
        let sideBySide = try #require(ChartTests.catalogue.charts.first { $0.id == "a1-entry-to-move-in-days-side-by-side" })
        #expect(!sideBySide.title.contains("England") && sideBySide.subtitle.contains("with no England figures for these periods"))
    }
}
