// Text from the data always reaches the page as text: script, quotes and raw HTML in every kind of field.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Escaping")
struct EscapingTests {
    static let hostile = "<script>alert(\"x\")</script> 'quoted' & \"double\""

    @Test("script and quotes in every text field of the data come out as text on every page")
    func hostileData() throws {
        let folder = try Project.minimalFolder()
        var text = try folder.read("testshire.json")
        let escapedJSON = Self.hostile.replacingOccurrences(of: "\"", with: "\\\"")
        for (old, new) in [
            // A name this long needs a short name for the charts' labels: that carries markup too.
            (
                "\"name\": \"Testshire Council (synthetic test data)\"",
                "\"name\": \"Testshire \(escapedJSON)\", \"shortName\": \"Short <script>x</script> & 'q'\""
            ),
            ("\"region\": \"Nowhere\"", "\"region\": \"\(escapedJSON)\""),
            ("\"partner\": \"Test Agency\"", "\"partner\": \"Agency \(escapedJSON)\""),
            ("\"name\": \"Phase one\"", "\"name\": \"Phase \(escapedJSON)\""),
            ("\"wording\": \"April 2012\"", "\"wording\": \"April 2012 <b>\""),
            ("\"title\": \"Synthetic test source\"", "\"title\": \"Source \(escapedJSON)\""),
            ("\"publisher\": \"The test suite\"", "\"publisher\": \"Publisher \(escapedJSON)\""),
            ("\"url\": \"https://example.org/s1\"", "\"url\": \"https://example.org/s1?a=1&b=\\\"><script>\""),
            (
                "{ \"period\": \"2011-12\", \"value\": 10, \"source\": \"s1\", \"status\": \"published\" }",
                "{ \"period\": \"2011-12\", \"value\": 10, \"source\": \"s1\", \"status\": \"published\", \"note\": \"Note \(escapedJSON)\" }"
            ),
            ("\"statement\": \"The source says adoptions doubled.\"", "\"statement\": \"Claim \(escapedJSON)\""),
            (
                "\"keyFacts\": []",
                "\"keyFacts\": [ { \"id\": \"f\", \"statement\": \"Fact \(escapedJSON)\", \"value\": 1, \"unit\": \"pounds\", \"period\": \"unstated\", \"source\": \"s1\", \"status\": \"reported-claim\", \"note\": \"Fact note \(escapedJSON)\" } ]"
            ),
        ] {
            #expect(text.contains(old), "fixture changed: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try folder.write("testshire.json", text)
        try folder.write(
            "testshire.md",
            """
            # Narrative <script>alert(1)</script>

            Raw HTML: <script>alert("x")</script> <img src=x onerror="alert(1)"> <iframe src="https://evil.example"></iframe>

            [a javascript link](javascript:alert(1)) and [a data link](data:text/html;base64,PHNjcmlwdD4=) and [vb](vbscript:msgbox)

            Token: {{children-adopted.change}}

            """)
        // Validation rejects this markup (see the hostile-input tests); loading with it allowed
        // checks the site's second line of defence, its escaping.
        let strict = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        #expect(strict.dataset == nil)
        let result = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities", rejectingMarkup: false)
        let dataset = try #require(result.dataset, "\(result.errors)")
        let site = try SiteBuilder.build(dataset)
        for path in site.paths where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let html = String(decoding: site.files[path]!, as: UTF8.self)
            #expect(!html.contains("<script"), "\(path) has a script element")
            #expect(!html.contains("<iframe"), "\(path) has an iframe")
            #expect(!html.contains("onerror="), "\(path) has an event handler attribute")
            #expect(!html.contains("javascript:"), "\(path) has a javascript: link")
            #expect(!html.contains("vbscript:"), "\(path) has a vbscript: link")
            #expect(!html.contains("href=\"data:"), "\(path) has a data: link")
            #expect(!html.contains("<b>"), "\(path) has markup from the data")
        }
        let page = String(decoding: site.files["authorities/testshire.html"]!, as: UTF8.self)
        #expect(page.contains("Testshire &lt;script&gt;alert(\"x\")&lt;/script&gt; 'quoted' &amp; \"double\""))
        #expect(page.contains("href=\"https://example.org/s1?a=1&amp;b=&quot;&gt;&lt;script&gt;\""))
        #expect(page.contains("Note &lt;script&gt;"))
        #expect(page.contains("Fact &lt;script&gt;"))
        #expect(page.contains("Claim &lt;script&gt;"))
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(page.contains("+10 (+100%)"))
    }

    @Test("the HTML node escapes text and attribute values by construction")
    func nodeEscaping() {
        let node = el("a", ["href": "x\"><script>", "title": "it's"], .text("<b>&</b>"))
        #expect(node.rendered == "<a href=\"x&quot;&gt;&lt;script&gt;\" title=\"it&#39;s\">&lt;b&gt;&amp;&lt;/b&gt;</a>")
    }

    @Test("Markdown is rendered in safe mode, with headings moved under the page's")
    func markdownSafeMode() throws {
        let html = try MarkdownRenderer.html(from: "# Title\n\n<div>raw</div>\n\n[x](javascript:alert(1))\n").html
        #expect(html.contains("<h2>Title</h2>"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(!html.contains("<div>"))
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test("CSV downloads guard against spreadsheet formulas in the data")
    func csvFormulas() {
        #expect(CSVTable.field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
        #expect(CSVTable.field("@SUM(1)") == "'@SUM(1)")
    }
}
