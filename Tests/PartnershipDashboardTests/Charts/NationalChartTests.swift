// Charts at national scale, on synthetic data: crowded rows, many authorities on one chart.

import Foundation
import Testing

@testable import DashboardBenchmark
@testable import PartnershipDashboard

@Suite("Charts at national scale (synthetic data)")
struct NationalChartTests {
    /// Twelve synthetic authorities, each with all eight measures.
    static let analysis: Analysis = {
        do {
            let folder = try TestFolder()
            try SyntheticNation(authorities: 12).write(
                to: folder.url, catalogue: Project.authorities.appendingPathComponent("indicators.json"))
            guard let analysis = DatasetLoader.load(from: folder.url, displayPrefix: "synthetic").analysis else {
                fatalError("the synthetic nation does not load")
            }
            return analysis
        } catch {
            fatalError("the synthetic nation could not be written: \(error)")
        }
    }()
    static let charts: [Chart] = ChartCatalogue(analysis).charts

    func recording(_ chart: Chart) -> RecordingCanvas {
        let canvas = RecordingCanvas(format: .standard, measurer: ChartTests.measurer)
        chart.draw(on: canvas)
        return canvas
    }

    @Test("before-and-after charts with eight measures: no label overlaps another, or crosses a row's rule")
    func crowdedBeforeAndAfter() throws {
        let crowded = Self.charts.compactMap { $0 as? BeforeAfterChart }.filter { $0.rows.count == 8 }
        #expect(crowded.count >= 10)
        for chart in crowded {
            // Eight rows do not fit in 675 pixels at this type size: the chart grows taller.
            let canvas = chart.recordingCanvas(.standard, measurer: ChartTests.measurer)
            #expect(canvas.height > ChartFormat.standard.height)
            chart.draw(on: canvas)
            // Row rules are the full-width gridlines drawn between rows.
            let rules = canvas.calls.compactMap { call -> Double? in
                guard case .line(let points, let style) = call, style == LineStyle(color: ChartStyle.gridline, width: 1),
                    let first = points.first, (first.x * 10).rounded() == 360, let last = points.last
                else { return nil }
                return last.y
            }
            #expect(rules.count == 7, "\(chart.id): \(rules.count) rules")
            let texts = canvas.texts
            for (index, a) in texts.enumerated() {
                for rule in rules {
                    #expect(!(a.box.y < rule && a.box.maxY > rule), "\(chart.id): \"\(a.text)\" crosses the rule at \(rule)")
                }
                for b in texts.dropFirst(index + 1) {
                    let overlap = a.box.x < b.box.maxX && b.box.x < a.box.maxX && a.box.y < b.box.maxY && b.box.y < a.box.maxY
                    #expect(!overlap, "\(chart.id): \"\(a.text)\" overlaps \"\(b.text)\"")
                }
            }
        }
    }

    @Test("the event-time chart of many authorities draws each in grey and their median, and says how many the median covers")
    func manyAuthoritiesEventTime() throws {
        let chart = try #require(Self.charts.first { $0.id == "children-adopted-event-time" } as? EventTimeChart)
        let last = try #require(chart.median.last)
        #expect(chart.lines.count == 12)
        let covered = last.authorities == 12 ? "all 12" : "the \(last.authorities) of 12"
        #expect(
            chart.title
                == "Children adopted from care: \(EventTimeChart.yearsLabel(last.years)) their partnerships began, the median of \(covered) authorities with a figure then was \(UKFormat.number(last.index.rounded())) (last year before = 100)"
        )
        let canvas = recording(chart)
        #expect(canvas.lines.filter { $0.hasPrefix("line \(ChartStyle.muted) ") }.count >= 12, "a grey line per authority")
        #expect(canvas.texts.contains { $0.text == "Median" })
    }

    @Test("a side-by-side chart that draws only the largest and smallest changes names no authority it does not draw")
    func sideBySideNamesOnlyWhatItDraws() throws {
        var named = 0
        // The synthetic nation's largest changes are clear of chance; the real site's few partnerships include
        // large changes from small counts that are not.
        for analysis in [Self.analysis, Project.analysis] {
            for shown in [1, 2, 3, 4, 5, 6] {
                for indicator in analysis.dataset.indicators {
                    guard let chart = SideBySideChart(indicator: indicator, comparisons: analysis.comparisons, maximumShown: shown),
                        chart.entries.count > shown
                    else { continue }
                    #expect(chart.shown.count == shown, "\(chart.id)")
                    #expect(
                        chart.subtitle.contains(
                            shown == 1
                                ? "Only the largest of \(chart.entries.count) authorities' changes is drawn"
                                : "The \(shown - shown / 2) largest and \(shown / 2) smallest of \(chart.entries.count) authorities are drawn"
                        ),
                        "\(chart.subtitle)")
                    #expect(!chart.description.contains(" 0 smallest") && !chart.subtitle.contains(" 0 smallest"), "\(chart.subtitle)")
                    let drawn = Set(chart.shown.map(\.authority.shortName))
                    for entry in chart.entries where !drawn.contains(entry.authority.shortName) {
                        #expect(!chart.title.contains(": \(entry.authority.shortName) "), "\(chart.title) names an authority not drawn")
                    }
                    if drawn.contains(where: { chart.title.contains(": \($0) ") }) { named += 1 }
                }
            }
        }
        #expect(named > 0, "no title names an authority")
        // A case the data above does not hold: the largest change clear of chance lies between the largest
        // and smallest changes, which are not clear. The values are made up (synthetic) from real changes.
        let chart = try #require(ChartTests.catalogue.charts.compactMap { $0 as? SideBySideChart }.first { $0.entries.count >= 3 })
        let indicator = chart.indicator
        let unclear = try #require(chart.entries.first { !$0.change.isClear }, "\(chart.id) has no change unclear of chance")
        let clear = try #require(
            chart.entries.first {
                $0.change.isClear && (indicator.polarity == .neither || $0.change.direction == .improving)
            }, "\(chart.id) has no clear change in the better direction")
        let entries = [
            SideBySideChart.Entry(authority: unclear.authority, change: unclear.change, value: 1_000, england: nil),
            SideBySideChart.Entry(authority: clear.authority, change: clear.change, value: 0, england: nil),
            SideBySideChart.Entry(authority: unclear.authority, change: unclear.change, value: -1_000, england: nil),
        ]
        let hidden = try #require(SideBySideChart(indicator: indicator, entries: entries, maximumShown: 2))
        #expect(hidden.title == "\(indicator.title): each partnership's change", "\(hidden.title)")
        #expect(hidden.statements.title.isEmpty)
        let drawn = try #require(SideBySideChart(indicator: indicator, entries: entries, maximumShown: 3))
        #expect(drawn.title.hasPrefix("\(indicator.title): \(clear.authority.shortName) "), "\(drawn.title)")
    }
}
