// The benchmark's parts: its synthetic data and the one edit it makes, its check of what a chart
// carries, and its report against the targets.

import Foundation
import Testing

@testable import DashboardBenchmark
@testable import PartnershipDashboard

@Suite("Benchmark")
struct BenchmarkTests {
    @Test("the revision raises one authority's latest children-adopted figure by one, and changes nothing else")
    func revision() throws {
        let folder = try TestFolder()
        let nation = SyntheticNation(authorities: 3)
        try nation.write(to: folder.url, catalogue: Project.authorities.appendingPathComponent("indicators.json"))
        let before = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "synthetic").dataset)
        let untouched = try folder.read("synthetic-001.json")
        try nation.writeRevision(of: 2, to: folder.url)
        let after = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "synthetic").dataset)
        #expect(try folder.read("synthetic-001.json") == untouched)
        for id in ["synthetic-001", "synthetic-002", "synthetic-003"] {
            for series in try #require(before.authority(id)).series {
                let indicator = series.indicator.id
                let old = series.observations.map(\.value)
                let new = try #require(after.authority(id)?.series(for: indicator)).observations.map(\.value)
                if id == "synthetic-002" && indicator == "children-adopted" {
                    #expect(Array(new.dropLast()) == Array(old.dropLast()))
                    #expect(new.last! == old.last! + 1)
                } else {
                    #expect(new == old, "\(id) \(indicator)")
                }
            }
        }
    }

    @Test("every synthetic authority and source says it is synthetic")
    func labelled() throws {
        let folder = try TestFolder()
        try SyntheticNation(authorities: 2).write(to: folder.url, catalogue: Project.authorities.appendingPathComponent("indicators.json"))
        let dataset = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "synthetic").dataset)
        for authority in dataset.authorities {
            #expect(authority.name.contains("(synthetic benchmark data)"))
            #expect(authority.sources.allSatisfy { $0.title.contains("not real data") })
        }
    }

    @Test("the over-time chart is checked for each thing the peer's carries, and a missing one is caught")
    func contents() throws {
        let folder = try TestFolder()
        try SyntheticNation(authorities: 2).write(to: folder.url, catalogue: Project.authorities.appendingPathComponent("indicators.json"))
        let dataset = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "synthetic").dataset)
        let charts = ChartCatalogue(Analysis(dataset)).charts
        let full = try #require(charts.first { $0.id == "synthetic-001-a1-entry-to-move-in-days-over-time" } as? OverTimeChart)
        let found = ChartContents.elements(of: full, measurer: ChartTests.measurer)
        #expect(found.count == 10)
        #expect(found.filter { !$0.drawn }.isEmpty, "\(found.filter { !$0.drawn })")
        // Kent's adoptions chart has no threshold: the check must say so.
        let kent = try #require(ChartTests.catalogue.charts.first { $0.id == "kent-children-adopted-over-time" } as? OverTimeChart)
        let kentFound = ChartContents.elements(of: kent, measurer: ChartTests.measurer)
        #expect(kentFound.first { $0.element == "threshold line" }?.drawn == false)
        #expect(kentFound.first { $0.element == "title stating the message" }?.drawn == true)
    }

    @Test("the report states each figure, the peer's ratios, and says plainly which targets are not met")
    func report() {
        var figures = Benchmark.Figures()
        figures.authorities = 150
        figures.indicators = 8
        figures.years = 20
        figures.cores = 2
        figures.charts = 1364
        figures.overTimeCharts = 1200
        figures.chartSeconds = 6.82
        figures.medianChartMilliseconds = 8.24
        figures.meanChartMilliseconds = 9.1
        figures.medianChartBytes = 27_672
        figures.medianOverTimeBytes = 27_366
        figures.cleanBuild = Benchmark.Measured(seconds: 16.2, peakMegabytes: 240)
        figures.noChange = Benchmark.Measured(seconds: 0.05, peakMegabytes: 12)
        figures.oneChange = Benchmark.Measured(seconds: 1.5, peakMegabytes: 230)
        figures.chartsRedrawn = 1
        figures.identicalToCleanBuild = true
        figures.peer = Benchmark.Peer(
            charts: 40, chartsPerSecond: 7.0, medianBytes: 104_637, meanMilliseconds: 143.3, width: 1600, height: 900)
        let report = figures.report
        #expect(report.contains("| Charts per second | 200 (2 cores) | 7.0 | at least 10 × the peer's | 29 ×: yes |"))
        #expect(
            report.contains(
                "| Median PNG, over-time chart (the peer's kind; ours 1200 × 675, the peer's 1600 × 900) | 27,366 bytes | 104,637 bytes | at most ¼ of the peer's | peer ÷ ours = 3.82: **no** |"
            ))
        // Ours has 56% of the peer's pixels, so the same bytes per million pixels are shown beside it.
        #expect(
            report.contains(
                "| The same, per million pixels | 33,785 bytes | 72,665 bytes |  | peer ÷ ours = 2.15 |"))
        #expect(report.contains("| Full national build | 16.2 s |  | 15 s or less | **no** |"))
        #expect(report.contains("| Peak memory, full build | 252 MB |  | 300 MB or less | yes |"))
        #expect(report.contains("| Rebuild, nothing changed | 0.05 s |  | 1 s or less | yes |"))
        #expect(report.contains("| Rebuild, one authority's file changed | 1.5 s (1 chart redrawn) |  | 2 s or less | yes |"))
        #expect(report.contains("| …its output against a clean build | byte-identical |  | byte-identical | yes |"))
    }
}
