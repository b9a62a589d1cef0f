// Narratives are checked by the parser that renders them: what is code is never reported as HTML.

import Testing

@testable import PartnershipDashboard

@Suite("Narrative check")
struct NarrativeCheckTests {
    private func messages(_ text: String) -> [String] {
        NarrativeCheck.problems(in: text, file: "kent.md").map(\.description)
    }

    @Test("HTML inside code is code: an indented block, a longer fence holding a shorter one, a tilde fence, a code span")
    func codeIsNotHTML() {
        #expect(messages("# Kent\n\nThe table:\n\n    <div>inside an indented code block</div>\n\nMore prose.\n") == [])
        #expect(messages("Before.\n\n````\n```\n<div>still code</div>\n```\n````\n\nAfter.\n") == [])
        #expect(messages("~~~\n<script>x</script>\n~~~\n") == [])
        #expect(messages("Write `<b>` for bold, and ``a ` <i>`` too.\n") == [])
        #expect(messages("Links like <https://example.org/a?b=1> and <mailto:team@example.org> are Markdown.\n") == [])
    }

    @Test("raw HTML is reported once per element, at its line and column, as cmark parses it")
    func rawHTML() {
        #expect(
            messages("# Kent\n\nSome <iframe src=\"x\"></iframe> text.\n") == [
                "kent.md:3:6: error: raw HTML (\"<iframe\") is not allowed in a narrative: the site would drop it; write Markdown instead"
            ])
        #expect(
            messages("Prose.\n\n<div>\nA block.\n</div>\n") == [
                "kent.md:3:1: error: raw HTML (\"<div\") is not allowed in a narrative: the site would drop it; write Markdown instead"
            ])
        // After a fence of three backticks closes, what follows is prose again.
        #expect(
            messages("```\ncode\n```\n\nÉté <b>bold</b>.\n") == [
                "kent.md:5:5: error: raw HTML (\"<b\") is not allowed in a narrative: the site would drop it; write Markdown instead"
            ])
        #expect(messages("Text.\n\n<!-- a note to self -->\n").count == 1)
    }

    @Test("links and pictures whose address runs code or reaches outside the web are reported; https is not")
    func unsafeLinks() {
        #expect(
            messages("Read [this](javascript:alert(1)) or [that](https://example.org).\n") == [
                "kent.md:1:6: error: a link to \"javascript:…\" is not allowed in a narrative: link to an https:// address instead"
            ])
        #expect(
            messages("![chart](data:text/html;base64,AAAA)\n\n[file]: FILE:///etc/passwd\n\nSee [file].\n") == [
                "kent.md:1:1: error: a picture to \"data:…\" is not allowed in a narrative: link to an https:// address instead",
                "kent.md:5:5: error: a link to \"file:…\" is not allowed in a narrative: link to an https:// address instead",
            ])
        #expect(messages("`[x](javascript:alert(1))` is how not to link.\n") == [])
    }

    @Test("addresses are judged as cmark-gfm's safe mode judges them: by their first bytes, in either case; pictures in data: allowed")
    func schemesAsCmarkJudgesThem() {
        #expect(NarrativeCheck.unsafeScheme(of: "JavaScript:alert(1)") == "javascript:")
        #expect(NarrativeCheck.unsafeScheme(of: "data:image/png;base64,AAAA") == nil)
        #expect(NarrativeCheck.unsafeScheme(of: "DATA:text/html,x") == "data:")
        #expect(NarrativeCheck.unsafeScheme(of: "vbscript:x") == "vbscript:")
        #expect(NarrativeCheck.unsafeScheme(of: "https://example.org/javascript:") == nil)
        #expect(messages("![chart](data:image/png;base64,AAAA)\n") == [])
    }

    @Test("columns are counted in characters on every line of a file with Windows line endings")
    func windowsLineEndings() {
        #expect(
            messages("# Kent\r\n\r\nÀ <b>bold</b>\r\n") == [
                "kent.md:3:3: error: raw HTML (\"<b\") is not allowed in a narrative: the site would drop it; write Markdown instead"
            ])
    }

    @Test("a narrative full of HTML gets the first hundred findings and one line for the rest, quickly")
    func manyFindings() {
        let text = String(repeating: "<b>x</b>\n\n", count: 5_000)
        let found = messages(text)
        #expect(found.count == NarrativeCheck.limit + 1)
        #expect(found.last == "kent.md: error: 4,900 more raw HTML or unsafe links than the 100 reported; mend those and check again")
    }

    @Test("a narrative with raw HTML gets that error alone, not also one saying it has no narrative")
    func oneErrorPerProblem() throws {
        let folder = try Project.minimalFolder()
        try folder.write("testshire.md", "# Testshire\n\nSome <iframe src=\"x\"></iframe> text.\n")
        let result = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(result.exitCode == 1)
        let errors = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(
            errors == [
                "Authorities/testshire.md:3:6: error: raw HTML (\"<iframe\") is not allowed in a narrative: the site would drop it; write Markdown instead"
            ], "got:\n\(result.errors)")
    }
}
