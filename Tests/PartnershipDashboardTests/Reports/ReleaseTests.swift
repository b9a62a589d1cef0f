// Recording releases: what changed since the release before, the files that keep it, and the
// changes page made from them.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Releases")
struct ReleaseTests {
    typealias Key = FigureSnapshot.Key

    static func key(_ area: String, _ period: String, source: String = "s1") -> Key {
        Key(area: area, measure: "children-adopted", period: period, source: source)
    }

    @Test("the difference between two snapshots: areas added and removed, figures added, revised, newly suppressed and removed")
    func difference() throws {
        let before = FigureSnapshot(
            date: try PartialDate.parse("2026-01-10").get(),
            values: [
                Self.key("kent", "2011-12"): "70", Self.key("kent", "2012-13"): "120", Self.key("kent", "2013-14"): "150",
                Self.key("harrow", "2012-13"): "9", Self.key("oldshire", "2012-13"): "4",
            ])
        let after = FigureSnapshot(
            date: try PartialDate.parse("2026-02-10").get(),
            values: [
                Self.key("kent", "2011-12"): "70", Self.key("kent", "2012-13"): "121", Self.key("kent", "2014-15"): "181",
                Self.key("harrow", "2012-13"): "suppressed c", Self.key("harrow", "2014-15"): "12", Self.key("newshire", "2014-15"): "3",
            ])
        let release = after.release(since: before)
        #expect(!release.first)
        #expect(release.areas == 3 && release.figures == 5 && release.suppressed == 1)
        #expect(release.areasAdded == ["newshire"] && release.areasRemoved == ["oldshire"])
        // Figures of a new or vanished area are not listed one by one as well.
        #expect(release.added == [Release.Group(measure: "children-adopted", period: "2014-15", areas: ["harrow", "kent"])])
        #expect(release.removed == [Release.Group(measure: "children-adopted", period: "2013-14", areas: ["kent"])])
        #expect(
            release.revised == [
                Release.Revision(
                    area: "harrow", measure: "children-adopted", period: "2012-13", source: "s1", from: "9", to: "suppressed c"),
                Release.Revision(area: "kent", measure: "children-adopted", period: "2012-13", source: "s1", from: "120", to: "121"),
            ])
        // With no snapshot before it, a release is the first: nothing is listed as added.
        let first = after.release(since: nil)
        #expect(first.first && first.added.isEmpty && first.areasAdded.isEmpty && first.figures == 5)
        // The same figures from a second source are another figure, not a revision.
        let twoSources = FigureSnapshot(
            date: after.date, values: [Self.key("kent", "2011-12"): "70", Self.key("kent", "2011-12", source: "s2"): "71"])
        let sameDay = FigureSnapshot(date: before.date, values: [Self.key("kent", "2011-12"): "70"])
        #expect(twoSources.release(since: sameDay).revised.isEmpty)
    }

    @Test("a snapshot reads back as written, and a damaged one is refused with its line")
    func snapshotFile() throws {
        let snapshot = FigureSnapshot(
            date: try PartialDate.parse("2026-01-10").get(),
            values: [Self.key("kent", "2011-12"): "70", Self.key("kent", "2012-13"): "suppressed x"])
        #expect(try FigureSnapshot.parse(snapshot.text).get() == snapshot)
        #expect(snapshot.text.hasPrefix(FigureSnapshot.heading + "\n# released 2026-01-10\narea\tmeasure\tperiod\tsource\tvalue\n"))
        let damaged = snapshot.text.replacingOccurrences(of: "\t70\n", with: "\n")
        #expect(throws: SnapshotError(line: 4, message: "should have five tab-separated cells: area, measure, period, source and value")) {
            try FigureSnapshot.parse(damaged).get()
        }
        #expect(throws: SnapshotError.self) { try FigureSnapshot.parse("area\tmeasure\n").get() }
    }

    /// A synthetic dataset with children adopted of 10 (2011-12) and 12 (2012-13), released on `released`.
    static func folder(released: String, figures: [Synthetic.Figure]) throws -> TestFolder {
        let (folder, _) = try Synthetic.dataset(series: [("children-adopted", "count", figures)])
        try folder.write("site.json", "{ \"title\": \"Test site (synthetic test data)\", \"released\": \"\(released)\" }")
        return folder
    }

    @Test("dashboard release records the first release, then what the next changed, and the changes page lists it")
    func recordAndShow() throws {
        let folder = try Self.folder(
            released: "2026-01-10", figures: [.init(period: "2011-12", value: 10), .init(period: "2012-13", value: 12)])
        let unrecorded = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        #expect(unrecorded.warnings.contains { $0.message.contains("run `dashboard release`") })
        let first = RecordRelease.run(authorities: folder.url, display: "Authorities")
        #expect(first.exitCode == 0, "\(first.errors)")
        #expect(
            first.output.hasPrefix(
                "Recorded the release of 10 January 2026 in Authorities/releases.json: the first release recorded, with 2 areas and "))
        #expect(folder.exists(DatasetLoader.snapshotFile))
        // The same day again is refused, and nothing changes.
        let releases = try folder.read("releases.json")
        let again = RecordRelease.run(authorities: folder.url, display: "Authorities")
        #expect(again.exitCode == 1)
        #expect(
            again.errors.contains("already records a release of 10 January 2026; set \"released\" in Authorities/site.json to a later day"))
        #expect(try folder.read("releases.json") == releases)

        // The next release revises 2012-13, adds 2013-14 and drops 2011-12.
        let next = try Self.folder(
            released: "2026-02-10", figures: [.init(period: "2012-13", value: 13), .init(period: "2013-14", value: 15)])
        for name in ["releases.json", DatasetLoader.snapshotFile] { try next.write(name, try folder.read(name)) }
        let second = RecordRelease.run(authorities: next.url, display: "Authorities")
        #expect(second.exitCode == 0, "\(second.errors)")
        #expect(
            second.output
                == "Recorded the release of 10 February 2026 in Authorities/releases.json: 0 areas added, 0 areas removed, 1 figure added, 1 figure revised, 1 figure removed.\n"
        )
        let dataset = try #require(DatasetLoader.load(from: next.url, displayPrefix: "Authorities").dataset)
        #expect(dataset.releases.map(\.date.description) == ["2026-02-10", "2026-01-10"])
        let latest = try #require(dataset.releases.first)
        #expect(
            latest.revised == [
                Release.Revision(area: "testshire", measure: "children-adopted", period: "2012-13", source: "s1", from: "12", to: "13")
            ])
        #expect(latest.added == [Release.Group(measure: "children-adopted", period: "2013-14", areas: ["testshire"])])
        #expect(latest.removed == [Release.Group(measure: "children-adopted", period: "2011-12", areas: ["testshire"])])

        let page = ChangesPage.page(
            site: SiteContext(analysis: Analysis(dataset), charts: ChartCatalogue(Analysis(dataset)), chartSizes: [:], dataDate: nil))
        let html = page.body.map(\.rendered).joined().replacingOccurrences(of: "\n", with: "")
        #expect(html.contains("<h2 id=\"release-2026-02-10\">10 February 2026</h2>"))
        #expect(html.contains("Changes since the release of 10 January 2026:"))
        #expect(
            html.contains(
                "<th scope=\"row\">Testshire Council (synthetic test data)</th><td data-label=\"Measure\">Children adopted from care</td><td data-label=\"Period\">2012-13</td><td data-label=\"Source\">s1</td><td class=\"numeric\" data-label=\"Was\">12</td><td class=\"numeric\" data-label=\"Now\">13</td>"
            ))
        #expect(html.contains("<h2 id=\"release-2026-01-10\">10 January 2026</h2><p>The first release recorded."))
    }

    @Test("a damaged or missing snapshot, or a release day earlier than the last, is refused and nothing is written")
    func refusals() throws {
        let folder = try Self.folder(released: "2026-01-10", figures: [.init(period: "2011-12", value: 10)])
        #expect(RecordRelease.run(authorities: folder.url, display: "Authorities").exitCode == 0)
        let releases = try folder.read("releases.json")
        try folder.write("site.json", "{ \"title\": \"Test site (synthetic test data)\", \"released\": \"2026-03-01\" }")
        try folder.write(DatasetLoader.snapshotFile, "area,measure\n")
        let damaged = RecordRelease.run(authorities: folder.url, display: "Authorities")
        #expect(damaged.exitCode == 1)
        #expect(
            damaged.errors.contains(
                "Authorities/.dashboard-released-figures.tsv, line 1: does not start with the line `dashboard release` writes"))
        try folder.remove(DatasetLoader.snapshotFile)
        let missing = RecordRelease.run(authorities: folder.url, display: "Authorities")
        #expect(missing.errors.contains("Authorities/.dashboard-released-figures.tsv is missing"))
        #expect(try folder.read("releases.json") == releases)
        #expect(!folder.exists(DatasetLoader.snapshotFile))
        try folder.write("site.json", "{ \"title\": \"Test site (synthetic test data)\", \"released\": \"2025-12-01\" }")
        let earlier = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        #expect(
            earlier.errors.map(\.description).contains {
                $0.contains("2025-12-01 is before the latest release recorded in releases.json (2026-01-10)")
            })
        try folder.write(
            "releases.json", "{ \"releases\": [ { \"date\": \"2026-01-10\", \"areas\": -1, \"figures\": 2, \"suppressed\": 0 } ] }")
        let bad = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        #expect(bad.errors.map(\.description).contains { $0.contains("Authorities/releases.json") && $0.contains("-1 is not a count") })
    }
}
