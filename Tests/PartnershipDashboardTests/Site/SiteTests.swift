// The built site: golden pages, links that resolve, alt text, escaping, safe writing, determinism, --check.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Site", .serialized)
struct SiteTests {
    static let site: SiteFiles = {
        do { return try SiteBuilder.build(Project.dataset) } catch { fatalError("the real site does not build: \(error)") }
    }()

    /// What the pages of the real site know about it, for the pieces tested on their own.
    static let context = SiteContext(
        analysis: Project.analysis, charts: ChartTests.catalogue, chartSizes: [:],
        dataDate: SiteContext.latest(Downloads.allAuthorities(Project.dataset).flatMap(\.citedSources).compactMap(\.published)))

    func page(_ path: String) throws -> String {
        String(decoding: try #require(Self.site.files[path], "no \(path)"), as: UTF8.self)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { fatalError("not a regular expression: \(pattern)") }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("the overview and Kent's page match their golden files")
    func goldenPages() throws {
        try expectSnapshot(try page("index.html"), named: "Site/index.html")
        try expectSnapshot(try page("authorities/kent.html"), named: "Site/kent.html")
    }

    @Test("the site has every page, chart, download and asset")
    func everyFile() {
        let paths = Set(Self.site.paths)
        for path in [
            "index.html", "methodology.html", "downloads.html", "accessibility.html", "404.html", "robots.txt",
            "assets/site.css", "authorities/kent.html", "authorities/harrow.html", "authorities/thurrock.html",
            "authorities/cambridgeshire.html", "indicators/children-adopted.html", "downloads/figures.zip", "downloads/figures/kent.csv",
            "downloads/figures/england.csv",
            "downloads/comparisons.csv", "downloads/comparisons.json", "downloads/kent-briefing-pack.zip",
            "charts/kent-children-adopted-over-time.png", "charts/kent-children-adopted-over-time.csv",
        ] {
            #expect(paths.contains(path), "missing \(path)")
        }
    }

    @Test("every href and src in every page resolves to a file in the site, and every #fragment to an id")
    func linksResolve() throws {
        let paths = Set(Self.site.paths)
        for path in paths where path.hasSuffix(".html") {
            let html = try page(path)
            let folder = URL(fileURLWithPath: "/site/" + path).deletingLastPathComponent()
            for target in Self.matches("(?:href|src)=\"([^\"]*)\"", in: html) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") { continue }
                // The "not found" page is served at any depth, so its links start from the host's root.
                if path == "404.html" && !target.hasPrefix("#") {
                    #expect(target.hasPrefix("/") && paths.contains(String(target.dropFirst())), "404.html: \(target)")
                    continue
                }
                #expect(!target.hasPrefix("/"), "\(path): \(target) is not relative")
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var file = path
                if !parts[0].isEmpty {
                    let resolved = URL(fileURLWithPath: parts[0], relativeTo: folder).standardizedFileURL.path
                    file = String(resolved.dropFirst("/site/".count))
                    #expect(paths.contains(file), "\(path): \(target) does not resolve (\(file))")
                }
                if parts.count == 2, !parts[1].isEmpty, file.hasSuffix(".html"), paths.contains(file) {
                    #expect(try page(file).contains("id=\"\(parts[1])\""), "\(path): \(target) has no such id")
                }
            }
        }
    }

    @Test("every image has alt text, and it is not the chart's title")
    func altText() throws {
        let titles = Set(ChartTests.catalogue.charts.map(\.title))
        for path in Self.site.paths where path.hasSuffix(".html") {
            let html = try page(path)
            for image in Self.matches("(<img [^>]*>)", in: html) {
                let alt = try #require(Self.matches("alt=\"([^\"]*)\"", in: image).first, "\(path): image without alt: \(image)")
                #expect(alt.count > 40, "\(path): alt text too short: \(alt)")
                #expect(!titles.contains(alt), "\(path): alt text is the title")
                // Short, pointing to the full description, which the image names.
                if let described = Self.matches("aria-describedby=\"([^\"]*)\"", in: image).first {
                    #expect(html.contains("<figcaption id=\"\(described)\">"), "\(path): \(described) is not on the page")
                    #expect(alt.hasSuffix("The full description follows the chart."))
                } else {
                    #expect(path == "index.html" || !image.contains("charts/"), "\(path): a chart without its description named: \(image)")
                }
            }
        }
    }

    @Test("pages are in English (UK), have one h1, headings in order, and a skip link")
    func pageStructure() throws {
        for path in Self.site.paths where path.hasSuffix(".html") {
            let html = try page(path)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"))
            let levels = Self.matches("<h([1-6])", in: html).compactMap(Int.init)
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, "\(path): one h1 first")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "\(path): heading jumps from h\(previous) to h\(next)")
            }
            #expect(!html.contains("<script"), "\(path): no JavaScript")
        }
    }

    @Test("two builds give byte-identical files")
    func deterministic() throws {
        let again = try SiteBuilder.build(Project.dataset)
        #expect(again.paths == Self.site.paths)
        for path in Self.site.paths { #expect(again.files[path] == Self.site.files[path], "\(path) differs between builds") }
    }

    @Test("a build that fails midway leaves the old site byte-identical and no staging folder")
    func failedWriteKeepsOldSite() throws {
        let folder = try TestFolder()
        let output = folder.url.appendingPathComponent("Site")
        let smaller = SiteFiles()
        for path in Self.site.paths.prefix(20) { smaller.put(path, Self.site.files[path] ?? Data()) }
        try SiteWriter.write(smaller, to: output)
        let before = FileTree.files(in: output).mapValues { FileManager.default.contents(atPath: $0.path) }
        #expect(throws: (any Error).self) { try SiteWriter.write(Self.site, to: output, failAfter: 10) }
        #expect(FileTree.files(in: output).mapValues { FileManager.default.contents(atPath: $0.path) } == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(leftovers == ["Site"])
        try SiteWriter.write(Self.site, to: output)
        #expect(SiteWriter.differences(between: Self.site, and: output).isEmpty)
    }

    @Test("a build stopped by bad data writes nothing and says the site is unchanged")
    func badDataKeepsOldSite() throws {
        let folder = try Project.minimalFolder()
        let outputs = try TestFolder()
        let output = outputs.url.appendingPathComponent("Site")
        let build = {
            Build.run(authorities: folder.url, display: "Authorities", output: output, outputDisplay: "Site", check: false, progress: false)
        }
        #expect(build().exitCode == 0)
        let before = try outputs.read("Site/index.html")
        try folder.write("testshire.md", "# Testshire\n\nAdoptions: {{children-adoptd.change}}.\n")
        let result = build()
        #expect(result.exitCode == 1)
        #expect(
            result.errors.contains(
                "Authorities/testshire.md:3:12: error: unknown token {{children-adoptd.change}}; did you mean \"children-adopted.change\"?")
        )
        #expect(result.errors.contains("the site was not built and Site is unchanged"))
        #expect(try outputs.read("Site/index.html") == before)
    }

    @Test("--check passes on a fresh build and catches a changed figure")
    func check() throws {
        let folder = try Project.minimalFolder()
        let outputs = try TestFolder()
        let output = outputs.url.appendingPathComponent("Site")
        let build = { (check: Bool) in
            Build.run(authorities: folder.url, display: "Authorities", output: output, outputDisplay: "Site", check: check, progress: false)
        }
        #expect(build(false).exitCode == 0)
        let clean = build(true)
        #expect(clean.exitCode == 0)
        #expect(clean.output.hasPrefix("Site is up to date"))
        try folder.write(
            "testshire.json", try folder.read("testshire.json").replacingOccurrences(of: "\"value\": 20,", with: "\"value\": 21,"))
        let stale = build(true)
        #expect(stale.exitCode == 1)
        #expect(stale.errors.contains("differs: authorities/testshire.html"))
        #expect(stale.errors.contains("differs: downloads/figures/testshire.csv"))
        #expect(stale.errors.contains("differs: downloads/figures.zip"))
        #expect(stale.errors.hasSuffix("Run `dashboard build` and commit Site.\n"))
    }

    @Test("the committed Site/ is what the data builds")
    func committedSiteIsCurrent() {
        let differences = SiteWriter.differences(between: Self.site, and: Project.root.appendingPathComponent("Site"))
        #expect(differences.isEmpty, "Site/ is stale; run `swift run dashboard build`: \(differences.prefix(10))")
    }

    @Test("every file the site holds is named by a route, whose path gives the same route back")
    func routes() throws {
        for path in Self.site.paths {
            let route = try #require(Route(path: path), "\(path) has no route")
            #expect(route.path == path)
        }
        #expect(Route(path: "authorities/kent.html") == .authority("kent"))
        #expect(Route(path: "downloads/kent-briefing-pack.zip") == .briefingPack("kent"))
        #expect(Route(path: "downloads/figures/kent.csv") == .areaFigures("kent"))
        #expect(Route(path: "downloads/figures.zip") == .figuresZIP)
        #expect(Route(path: "authorities/.html") == nil)
        #expect(Route(path: "authorities/a/b.html") == nil)
        #expect(Route(path: "elsewhere.html") == nil)
    }

    @Test("the sitemap's dates come from the data, and every page is in it")
    func sitemap() throws {
        let settings = SiteSettings(
            title: "Adoption partnerships dashboard", publisher: nil, baseURL: "https://example.org/", released: nil, contact: nil,
            licences: [], accessibilityTested: nil)
        let pages = try Self.site.paths.filter { $0.hasSuffix(".html") }.map { path in
            (
                path,
                Self.context.lastChange(of: Page(route: try #require(Route(path: path)), title: "", description: "", body: []))
            )
        }
        let sitemap = try #require(Sitemap.xml(pages: pages, settings: settings))
        // The latest release a page's figures cite: LAIT's copy of April 2026 holds 2024-25.
        #expect(sitemap.contains("<url><loc>https://example.org/authorities/kent.html</loc><lastmod>2026-04</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/authorities/barnet.html</loc><lastmod>2026-04</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/index.html</loc><lastmod>2026-04</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/indicators/children-adopted.html</loc><lastmod>2026-04</lastmod></url>"))
        #expect(
            sitemap.contains("<url><loc>https://example.org/indicators/placed-within-12-months-share.html</loc></url>"),
            "no date where no source is dated")
    }

    @Test("each key figure says whose figures it compares: official statistics, or a partner's own report")
    func keyFigureEvidence() throws {
        let html = try page("authorities/kent.html")
        #expect(html.contains("<p class=\"figure-evidence\">Official statistics (Department for Education).</p>"))
        #expect(html.contains("<p class=\"figure-evidence\">Reported by Coram, not official statistics.</p>"))
    }

    @Test("the downloads page states the licences and explains every column of every CSV")
    func downloadsGuide() throws {
        let html = try page("downloads.html")
        #expect(
            html.contains(
                "The Department for Education's figures: <a href=\"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\">Open Government Licence v3.0</a>"
            ))
        #expect(html.contains("Creative Commons Attribution 4.0 International"))
        for column in Downloads.figuresHeader + CompareReport.csvHeader + ChartFigures.header {
            #expect(html.contains("<code>\(column)</code>"), "no guide to \(column)")
        }
    }

    @Test("every page says when it was last updated, from the figures it draws on and the release in site.json")
    func lastUpdated() throws {
        #expect(
            try page("authorities/kent.html").contains(
                "Last updated with figures published up to April 2026, in the release of this site of 3 December 2026."))
        for path in Self.site.paths where path.hasSuffix(".html") {
            let html = try page(path)
            #expect(
                html.contains("Last updated with figures published up to") || html.contains("No figure on this page is dated"), "\(path)")
        }
    }

    @Test("briefing packs hold the authority's charts, their CSVs, citations and a summary, dated from the data")
    func briefingPack() throws {
        let zip = try #require(Self.site.files["downloads/kent-briefing-pack.zip"])
        let names = Self.zipEntryNames(zip)
        #expect(names.contains("citation.txt"))
        #expect(names.contains("summary.html"))
        #expect(names.contains("kent-children-adopted-over-time.png"))
        #expect(names.contains("kent-children-adopted-over-time.csv"))
        #expect(names.filter { $0.hasSuffix(".png") }.allSatisfy { $0.hasPrefix("kent-") }, "only Kent's own charts")
        #expect(names == names.sorted())
    }

    @Test("the one-page summary: the headline chart, three key figures with their status, each caveat once, England's sources, the date")
    func briefingSummary() throws {
        let kent = try #require(Project.dataset.authority("kent"))
        let comparison = Comparer(dataset: Project.dataset).compare(kent)
        let summary = BriefingSummary.html(comparison, charts: ChartTests.catalogue.charts(for: "kent"), site: Self.context)
        #expect(summary.contains("<img src=\"kent-before-and-after.png\""))
        #expect(
            BriefingSummary.keyFigures(comparison).map(\.indicator.id) == [
                "children-adopted", "children-placed-for-adoption", "adopters-approved",
            ])
        #expect(summary.contains("Status: official statistics (Department for Education)."))
        #expect(summary.contains("Status: reported by Coram, not official statistics."))
        #expect(summary.contains("England over the same years: +1,890 (+54%)"))
        #expect(summary.contains("Figures published up to April 2026. From Adoption partnerships dashboard, released 3 December 2026."))
        // A caveat shared by two measures is said once, naming both.
        let shared = "At least one figure is reported by the partnership, a council or the press, not read in official statistics."
        #expect(summary.components(separatedBy: shared).count == 2)
        #expect(summary.contains("Children placed for adoption and adopters approved: " + shared))
        #expect(!summary.contains("Charts in this pack"), "no list of every chart to push it onto a second page")
    }

    @Test("every figure is in one ZIP, and each area's figures in a CSV of its own that its page links to")
    func figureDownloads() throws {
        let zip = try #require(Self.site.files["downloads/figures.zip"])
        #expect(Self.zipEntryNames(zip) == ["figures.csv", "figures.json", "sources.csv"])
        let kent = String(decoding: try #require(Self.site.files["downloads/figures/kent.csv"]), as: UTF8.self)
        #expect(kent.hasPrefix(Downloads.figuresHeader.joined(separator: ",") + "\n"))
        let rows = kent.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix("kent,Kent County Council,E10000016,") })
        #expect(try page("authorities/kent.html").contains("href=\"../downloads/figures/kent.csv\""))
        // Each source_id a row cites is named, with its publisher, in sources.csv.
        let idColumn = try #require(Downloads.figuresHeader.firstIndex(of: "source_id"))
        let kentRows = try CSVReader.rows(Array(kent.utf8)).dropFirst().map { $0.map(\.text) }
        let cited = Set(kentRows.map { $0[idColumn] })
        let sources = try CSVReader.rows(Array(try #require(Self.site.files["downloads/sources.csv"])))
        #expect(sources.first?.map(\.text) == Downloads.sourcesColumns.map(\.name))
        let named = Set(
            sources.dropFirst().map { $0.map(\.text) }.filter { $0[0] == "kent" && !$0[2].isEmpty && !$0[3].isEmpty }.map { $0[1] })
        #expect(!cited.isEmpty && cited == named, "cited \(cited.sorted()), named \(named.sorted())")
    }

    /// Names of the entries in a ZIP's central directory.
    static func zipEntryNames(_ data: Data) -> [String] {
        let bytes = [UInt8](data)
        var names: [String] = []
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 {
                let length = Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8
                names.append(String(decoding: bytes[index + 46..<index + 46 + length], as: UTF8.self))
                index += 46 + length
            } else {
                index += 1
            }
        }
        return names
    }
}
