// The site's own settings (site.json): what a citation, a chart's foot, the sitemap and the "not
// found" page say about where the site is and when it was released.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Site settings")
struct SiteSettingsTests {
    /// The minimal synthetic folder with a site.json of the test's own.
    static func load(_ settings: String) throws -> LoadResult {
        let folder = try Project.minimalFolder()
        try folder.write("site.json", settings)
        return DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
    }

    static let served = """
        {
          "title": "Adoption partnerships dashboard",
          "publisher": "A test publisher (synthetic)",
          "baseURL": "https://example.org/adoption",
          "released": "2026-12-03",
          "contact": "adoption-data@example.org",
          "accessibilityTested": "2026-12-01"
        }
        """

    @Test("site.json is read: the address gains its last slash, and DfE's licence is always listed")
    func read() throws {
        let result = try Self.load(Self.served)
        let settings = try #require(result.dataset?.settings, "\(result.errors)")
        #expect(settings.baseURL == "https://example.org/adoption/")
        #expect(settings.address(of: "authorities/testshire.html") == "https://example.org/adoption/authorities/testshire.html")
        #expect(settings.credit == "Adoption partnerships dashboard, released 3 December 2026, https://example.org/adoption/")
        #expect(settings.licences.map(\.name) == ["Open Government Licence v3.0"])
    }

    @Test("a bad address, a release that is not a day and a contact nobody can write to are errors naming the file, line and key")
    func badSettings() throws {
        let result = try Self.load(
            """
            {
              "title": "Adoption partnerships dashboard",
              "baseURL": "example.org/adoption",
              "released": "2026-12",
              "contact": "the data team",
              "licence": []
            }
            """)
        #expect(result.dataset == nil)
        let messages = result.errors.map(\.description)
        #expect(
            messages.contains(
                "Authorities/site.json:3:14: error: baseURL: \"example.org/adoption\" is not the address of a site; write where the site is served, starting https://, e.g. \"https://example.org/adoption/\""
            ), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Authorities/site.json:4:15: error: released: \"2026-12\" is not a day;") }, "\(messages)")
        #expect(
            messages.contains { $0.hasPrefix("Authorities/site.json:5:14: error: contact: \"the data team\" is neither") }, "\(messages)")
        #expect(
            messages.contains {
                $0.hasPrefix("Authorities/site.json:6:3: error: licence: unknown key \"licence\"; did you mean \"licences\"")
            }, "\(messages)")
    }

    @Test("with an address set: full addresses in the sitemap and robots.txt, a canonical link, and citations that can be followed")
    func withAddress() throws {
        let dataset = try #require(try Self.load(Self.served).dataset)
        let site = try SiteBuilder.build(dataset)
        let text = { (path: String) in String(decoding: site.files[path] ?? Data(), as: UTF8.self) }
        #expect(text("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/adoption/sitemap.xml\n")
        #expect(text("sitemap.xml").contains("<url><loc>https://example.org/adoption/authorities/testshire.html</loc>"))
        #expect(!text("sitemap.xml").contains("<loc>authorities/"), "no relative address")
        let page = text("authorities/testshire.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/adoption/authorities/testshire.html\">"))
        #expect(
            page.contains(
                "Adoption partnerships dashboard, A test publisher (synthetic), released 3 December 2026. https://example.org/adoption/authorities/testshire.html#chart-testshire-"
            ))
        // The "not found" page is served at any depth: its links and styles start from the site's address.
        let missing = text("404.html")
        #expect(missing.contains("<a href=\"https://example.org/adoption/index.html\">Go to the overview</a>"))
        #expect(missing.contains("<link rel=\"stylesheet\" href=\"https://example.org/adoption/assets/site.css\">"))
        let statement = text("accessibility.html")
        #expect(statement.contains("<a href=\"mailto:adoption-data@example.org\">adoption-data@example.org</a>"))
        #expect(statement.contains("The site was last tested on 1 December 2026"))
    }

    @Test("without an address: no sitemap (its protocol needs full addresses), robots.txt names none, and the 404 page carries its styles")
    func withoutAddress() throws {
        let folder = try Project.minimalFolder()
        let dataset = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").dataset)
        let site = try SiteBuilder.build(dataset)
        #expect(site.files["sitemap.xml"] == nil)
        #expect(String(decoding: try #require(site.files["robots.txt"]), as: UTF8.self) == "User-agent: *\nAllow: /\n")
        let missing = String(decoding: try #require(site.files["404.html"]), as: UTF8.self)
        #expect(missing.contains("<a href=\"/index.html\">Go to the overview</a>"))
        #expect(missing.contains("<style>:root { --text: #0b0c0c;"))
        // Escaping leaves the stylesheet as it is only while it holds none of these.
        #expect(!Stylesheet.css.contains { "&<>".contains($0) })
        // The inline copy leaves out only what the Nu checker's CSS validator rejects.
        #expect(!Stylesheet.inline.contains("text-underline-offset") && !Stylesheet.inline.contains("text-decoration-thickness"))
        #expect(Stylesheet.inline.contains("a { color: var(--link); text-decoration: underline; }"))
        let page = String(decoding: try #require(site.files["authorities/testshire.html"]), as: UTF8.self)
        #expect(!page.contains("rel=\"canonical\""))
        #expect(
            page.contains(
                "”. Adoption partnerships dashboard. Chart testshire-before-and-after. No source is dated. Sources: The test suite (figures it reported, not official statistics)."
            ), "no address and no release date claimed")
    }

    @Test("every chart's foot names the site and its release, under the source, which says whose figures they are")
    func chartFoot() throws {
        let catalogue = ChartTests.catalogue
        let chart = try #require(catalogue.charts.first { $0.id == "kent-before-and-after" })
        #expect(
            chart.source.line
                == "Source: Department for Education (official statistics); Coram (figures it reported, not official statistics).")
        let canvas = RecordingCanvas(format: .standard, measurer: ChartTests.measurer)
        chart.draw(on: canvas)
        let credit = Project.dataset.settings.credit
        #expect(credit == "Adoption partnerships dashboard, released 3 December 2026")
        ChartFrame.drawCredit(credit, on: canvas)
        let foot = try #require(canvas.texts.first { $0.text == credit })
        let source = try #require(canvas.texts.first { $0.text.hasPrefix("Source: ") })
        #expect(foot.box.y > source.box.maxY, "the credit is under the source")
        #expect(foot.box.maxY < Double(ChartFormat.standard.height) - 12, "and inside the image")
    }
}
