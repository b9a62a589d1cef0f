// A table of broken files and the exact message each must produce, through `dashboard validate`.

import Foundation
import Testing

@testable import PartnershipDashboard

/// One way to break the minimal dataset, and the message a person must then see.
struct BrokenFile: CustomTestStringConvertible, Sendable {
    let name: String
    /// Replacements applied to testshire.json (or to `file`).
    let replacements: [(String, String)]
    var file = "testshire.json"
    /// Extra action on the folder after the replacements.
    var action: (@Sendable (TestFolder) throws -> Void)? = nil
    let message: String

    var testDescription: String { name }
}

@Suite("Broken files")
struct BrokenFileTests {
    static let cases: [BrokenFile] = [
        BrokenFile(
            name: "bad JSON syntax",
            replacements: [("\"region\": \"Nowhere\",", "\"region\": \"Nowhere\"")],
            message: "Authorities/testshire.json:7:3: error: expected , or } after the value of \"region\", found '\"'; is a comma missing?"
        ),
        BrokenFile(
            name: "a name too long to label a chart, with no short name",
            replacements: [
                (
                    "\"name\": \"Testshire Council (synthetic test data)\"",
                    "\"name\": \"Testshire Metropolitan Borough Council (synthetic test data)\""
                )
            ],
            message:
                "Authorities/testshire.json:3:11: error: name: the name has 60 characters, too many to label a chart's line: add a \"shortName\" of 40 characters or fewer, e.g. \"Testshire\""
        ),
        BrokenFile(
            name: "misspelt key",
            replacements: [
                (
                    "\"observations\": [\n        { \"period\": \"2011-12\", \"value\": 10",
                    "\"observatons\": [\n        { \"period\": \"2011-12\", \"value\": 10"
                )
            ],
            message:
                "Authorities/testshire.json:22:7: error: indicators[0].observatons: unknown key \"observatons\"; did you mean \"observations\"?"
        ),
        BrokenFile(
            name: "missing field",
            replacements: [
                (
                    "{ \"period\": \"2013-14\", \"value\": 20, \"source\": \"s1\", \"status\": \"published\" }",
                    "{ \"period\": \"2013-14\", \"value\": 20, \"status\": \"published\" }"
                )
            ],
            message:
                "Authorities/testshire.json:24:9: error: indicators[0].observations[1]: missing \"source\"; name the source of this figure: one of the ids under \"sources\""
        ),
        BrokenFile(
            name: "unknown indicator",
            replacements: [("\"id\": \"children-adopted\",\n      \"unit\"", "\"id\": \"children-adoptd\",\n      \"unit\"")],
            message:
                "Authorities/testshire.json:20:13: error: indicators[0].id: unknown indicator \"children-adoptd\"; did you mean \"children-adopted\"? (or define it there first)"
        ),
        BrokenFile(
            name: "wrong unit",
            replacements: [
                ("\"id\": \"children-adopted\",\n      \"unit\": \"count\"", "\"id\": \"children-adopted\",\n      \"unit\": \"percent\"")
            ],
            message:
                "Authorities/testshire.json:21:15: error: indicators[0].unit: \"percent\" does not match the indicator \"children-adopted\", which is measured in count; write \"count\" and check the values are in count"
        ),
        BrokenFile(
            name: "duplicate period for one indicator and source",
            replacements: [("\"period\": \"2013-14\", \"value\": 20", "\"period\": \"2011-12\", \"value\": 10")],
            message:
                "Authorities/testshire.json:24:9: error: indicators[0].observations[1]: children adopted for 2011-12 from \"s1\" is listed twice (first at line 23); keep one"
        ),
        BrokenFile(
            name: "negative count",
            replacements: [("\"value\": 20,", "\"value\": -20,")],
            message:
                "Authorities/testshire.json:24:41: error: indicators[0].observations[1].value: -20 is impossible here: a count cannot be negative"
        ),
        BrokenFile(
            name: "fractional count",
            replacements: [("\"value\": 20,", "\"value\": 20.5,")],
            message:
                "Authorities/testshire.json:24:41: error: indicators[0].observations[1].value: 20.5 is impossible here: a count is a whole number"
        ),
        BrokenFile(
            name: "percent over 100",
            replacements: [("\"value\": 12.5", "\"value\": 125")],
            message:
                "Authorities/testshire.json:31:41: error: indicators[1].observations[0].value: 125 is impossible here: a percentage runs from 0 to 100; write 16.6 for 16.6%"
        ),
        BrokenFile(
            name: "NaN",
            replacements: [("\"value\": 12.5", "\"value\": NaN")],
            message:
                "Authorities/testshire.json:31:41: error: NaN is not a number JSON allows; write the figure, or leave the observation out if it is not known"
        ),
        BrokenFile(
            name: "number written as text",
            replacements: [("\"value\": 20,", "\"value\": \"20\",")],
            message:
                "Authorities/testshire.json:24:41: error: indicators[0].observations[1].value: expected a number, found the text \"20\"; write 20 without quotes"
        ),
        BrokenFile(
            name: "bad period",
            replacements: [("\"period\": \"2013-14\", \"value\": 20", "\"period\": \"2014/5\", \"value\": 20")],
            message:
                "Authorities/testshire.json:24:21: error: indicators[0].observations[1].period: \"2014/5\" is not a period; write \"2014-15\" for a financial year"
        ),
        BrokenFile(
            name: "impossible date",
            replacements: [("\"date\": \"2012-04-01\"", "\"date\": \"2012-02-30\"")],
            message:
                "Authorities/testshire.json:11:49: error: partnership.phases[0].start.date: \"2012-02-30\" is not a date; February 2012 has no day 30; it has 29 days"
        ),
        BrokenFile(
            name: "partnership ending before it starts",
            replacements: [("\"date\": \"2016-03-31\"", "\"date\": \"2010-03-31\"")],
            message:
                "Authorities/testshire.json:13:12: error: partnership.end.date: the partnership ends (2010-03-31) before its last phase starts (2012-04-01); check the dates"
        ),
        BrokenFile(
            name: "missing source",
            replacements: [("\"value\": 20, \"source\": \"s1\"", "\"value\": 20, \"source\": \"s2\"")],
            message:
                "Authorities/testshire.json:24:55: error: indicators[0].observations[1].source: no source has the id \"s2\"; did you mean \"s1\"?"
        ),
        BrokenFile(
            name: "source without a web address",
            replacements: [("\"url\": \"https://example.org/s1\"", "\"url\": \"javascript:alert(1)\"")],
            message:
                "Authorities/testshire.json:16:91: error: sources[0].url: \"javascript:alert(1)\" is not a web address; write the full address starting https:// (or http://)"
        ),
        BrokenFile(
            name: "bad id",
            replacements: [("\"id\": \"doubled\"", "\"id\": \"Doubled Claim\"")],
            message:
                "Authorities/testshire.json:45:13: error: claims[0].id: \"Doubled Claim\" is not an id: use lowercase letters, digits and single hyphens, starting with a letter; write \"doubled-claim\""
        ),
        BrokenFile(
            name: "id that does not match the file name",
            replacements: [("\"id\": \"testshire\"", "\"id\": \"testshyre\"")],
            message:
                "Authorities/testshire.json:2:9: error: id: the id \"testshyre\" does not match the file name testshire.json; write \"testshire\" or rename the file to testshyre.json"
        ),
        BrokenFile(
            name: "id of another file, which a rename would replace",
            replacements: [("\"id\": \"testshire\"", "\"id\": \"england\"")],
            message:
                "Authorities/testshire.json:2:9: error: id: the id \"england\" does not match the file name testshire.json; write \"testshire\" (england.json is another file already, so renaming this one to it would replace it)"
        ),
        BrokenFile(
            name: "missing narrative",
            replacements: [],
            action: { try $0.remove("testshire.md") },
            message:
                "Authorities/testshire.json: error: no narrative: write the evaluation in testshire.md beside this file (`dashboard new` writes a starter)"
        ),
        BrokenFile(
            name: "file name that is not an id",
            replacements: [],
            action: { folder in try folder.write("Test Shire.json", "{}") },
            message:
                "Authorities/Test Shire.json: error: the file name is not a valid id: \"Test Shire\" is not an id: use lowercase letters, digits and single hyphens, starting with a letter; write \"test-shire\"; if it is a data file, give it a new id that no other file uses, and if it is not, move it out of this folder"
        ),
        BrokenFile(
            name: "duplicate key",
            replacements: [("\"region\": \"Nowhere\",", "\"region\": \"Nowhere\",\n  \"region\": \"Elsewhere\",")],
            message:
                "Authorities/testshire.json:7:3: error: the key \"region\" appears twice in one object (first at line 6, column 3); keep one"
        ),
        BrokenFile(
            name: "sources disagree with none preferred",
            replacements: [
                (
                    "\"period\": \"2013-14\", \"value\": 20, \"source\": \"s1\"",
                    "\"period\": \"2011-12\", \"value\": 11, \"source\": \"s2\""
                ),
                (
                    "\"url\": \"https://example.org/s1\" }",
                    "\"url\": \"https://example.org/s1\" },\n    { \"id\": \"s2\", \"title\": \"Second\", \"publisher\": \"Other\", \"url\": \"https://example.org/s2\" }"
                ),
            ],
            message:
                "Authorities/testshire.json:24:9: error: indicators[0].observations[0]: sources disagree on children adopted for 2011-12 (10 from \"s1\", 11 from \"s2\"); mark exactly one with \"preferred\": true — the one the site should use"
        ),
        BrokenFile(
            name: "a year-only start with no comparison start",
            replacements: [("\"date\": \"2012-04-01\"", "\"date\": \"2012\"")],
            message:
                "Authorities/testshire.json:11:7: error: partnership.phases[0].start.date: the partnership's start (2012) gives only a year, so figures cannot be placed before or during it; add \"comparisonStart\": { \"date\": \"YYYY-MM-DD\", \"reason\": …, \"source\": … } with the first day figures count as during, and why"
        ),
        BrokenFile(
            name: "a count on the wrong day",
            replacements: [
                (
                    "\"id\": \"children-adopted\",\n      \"unit\": \"count\",\n      \"observations\": [\n        { \"period\": \"2011-12\"",
                    "\"id\": \"looked-after-children\",\n      \"unit\": \"count\",\n      \"observations\": [\n        { \"period\": \"2011-09-30\""
                ),
                (
                    "{ \"period\": \"2013-14\", \"value\": 20, \"source\": \"s1\", \"status\": \"published\" }",
                    "{ \"period\": \"2013-03-31\", \"value\": 20, \"source\": \"s1\", \"status\": \"published\" }"
                ),
            ],
            message:
                "Authorities/testshire.json:23:21: error: indicators[0].observations[0].period: \"2011-09-30\" is not 31 March: children looked after are counted on that day each year; write \"2011-03-31\" or record the figure as a key fact"
        ),
        BrokenFile(
            name: "HTML in a text field",
            replacements: [("\"region\": \"Nowhere\"", "\"region\": \"<script>alert(1)</script>\"")],
            message:
                "Authorities/testshire.json:6:13: error: region: \"<script\" looks like HTML, but this field is plain text shown exactly as written; remove the markup (write \"less than\" for <)"
        ),
        BrokenFile(
            name: "raw HTML in a narrative",
            replacements: [],
            action: { try $0.write("testshire.md", "# Testshire\n\nSome <iframe src=\"x\"></iframe> text.\n") },
            message:
                "Authorities/testshire.md:3:6: error: raw HTML (\"<iframe\") is not allowed in a narrative: the site would drop it; write Markdown instead"
        ),
        BrokenFile(
            name: "a javascript: link in a narrative",
            replacements: [],
            action: {
                try $0.write("testshire.md", "# Testshire\n\n[click](javascript:alert(1)) and <https://example.org> and `<b>` in code.\n")
            },
            message:
                "Authorities/testshire.md:3:1: error: a link to \"javascript:…\" is not allowed in a narrative: link to an https:// address instead"
        ),
        BrokenFile(
            name: "an id with dots and slashes",
            replacements: [("\"id\": \"doubled\"", "\"id\": \"../../etc/passwd\"")],
            message:
                "Authorities/testshire.json:45:13: error: claims[0].id: \"../../etc/passwd\" is not an id: use lowercase letters, digits and single hyphens, starting with a letter; write \"etc-passwd\""
        ),
    ]

    @Test("gives each broken file its exact message and exit 1", arguments: cases)
    func brokenFile(_ broken: BrokenFile) throws {
        let folder = try Project.minimalFolder()
        var text = try folder.read(broken.file)
        for (old, new) in broken.replacements {
            #expect(text.contains(old), "the fixture no longer contains \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try folder.write(broken.file, text)
        try broken.action?(folder)
        let result = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(result.exitCode == 1)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.contains(broken.message), "got:\n\(result.errors)")
    }

    @Test(
        "the short name suggested for a long name is the place, cut after a whole word",
        arguments: [
            ("Royal Borough of Windsor and Maidenhead Council", "Windsor and Maidenhead"),
            ("Testshire Metropolitan Borough Council (synthetic test data)", "Testshire"),
            ("Council of the Isles of Scilly", "Isles of Scilly"),
            ("City of London", "City of London"),
            ("Council", "Council"),
            ("The London Borough of Harrow and its Adoption Partnership Council", "Harrow and its Adoption Partnership"),
            ("Northshire and Southshire and the Eastshire Combined", "Northshire and Southshire"),
            ("Northshire and Southshire and Eastshire and Westshire Combined Authority", "Northshire and Southshire and Eastshire"),
            ("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Town", "Llanfairpwllgwyngyllgogerychwyrndrobwlll"),
        ])
    func suggestedShortName(_ name: String, _ suggestion: String) {
        let suggested = AuthorityReader.suggestedShortName(for: name)
        #expect(suggested == suggestion)
        #expect(suggested.count <= AuthorityReader.shortNameLength)
    }

    @Test("the unbroken minimal dataset is clean, with a one-line summary")
    func minimalIsClean() throws {
        let folder = try Project.minimalFolder()
        let result = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output == "Authorities: 4 files valid — 1 authority and England, 18 indicators, 7 figures; no warnings.\n")
        #expect(result.errors.isEmpty)
    }

    @Test("reports every problem in every file in one run")
    func everyProblemAtOnce() throws {
        let folder = try Project.minimalFolder()
        var text = try folder.read("testshire.json")
        text = text.replacingOccurrences(of: "\"value\": 20,", with: "\"value\": -20,")
            .replacingOccurrences(of: "\"value\": 12.5", with: "\"value\": 125")
            .replacingOccurrences(
                of: "\"observations\": [\n        { \"period\": \"2011-12\", \"value\": 200",
                with: "\"observatons\": [\n        { \"period\": \"2011-12\", \"value\": 200")
        try folder.write("testshire.json", text)
        try folder.write(
            "england.json",
            try folder.read("england.json").replacingOccurrences(
                of: "\"status\": \"published\" },\n        { \"period\": \"2013-14\"",
                with: "\"status\": \"official\" },\n        { \"period\": \"2013-14\""))
        let result = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(result.exitCode == 1)
        let errors = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 4, "\(result.errors)")
        #expect(
            result.errors.contains(
                "Authorities/england.json:14:80: error: indicators[0].observations[0].status: \"official\" is not allowed here; the values allowed are \"published\", \"revised\", \"provisional\", \"reported-claim\""
            ))
        #expect(
            result.errors.hasSuffix(
                "Authorities: 4 errors and 1 warning (--warnings lists them); fix the errors above and run `dashboard validate` again.\n"))
        #expect(!result.errors.contains(": warning: "), "warnings are left out so the errors stand out")
        let everything = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: true)
        #expect(everything.errors.split(separator: "\n").filter { $0.contains(": warning: ") }.count == 1)
        #expect(
            everything.errors.hasSuffix("Authorities: 4 errors and 1 warning; fix the errors above and run `dashboard validate` again.\n"))
    }

    @Test("a figure that fails to load is reported once, not again by each narrative token that needs it")
    func noCascadeIntoTokens() throws {
        let folder = try Project.minimalFolder()
        try folder.write(
            "testshire.md", "# Testshire (synthetic test data)\n\nAdoptions: {{children-adopted.change}}; {{children-adoptd.change}}.\n")
        let clean = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(clean.errors.split(separator: "\n").filter { $0.contains(": error: ") }.count == 1, "\(clean.errors)")

        let text = try folder.read("testshire.json")
        try folder.write(
            "testshire.json",
            text.replacingOccurrences(
                of: "\"observations\": [\n        { \"period\": \"2011-12\", \"value\": 10,",
                with: "\"observatons\": [\n        { \"period\": \"2011-12\", \"value\": 10,"))
        let broken = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        let errors = broken.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(broken.errors)")
        #expect(errors.contains { $0.contains("unknown key \"observatons\"; did you mean \"observations\"?") })
        #expect(errors.contains { $0.contains("unknown token {{children-adoptd.change}}") }, "a misspelt token is still reported")
        #expect(!broken.errors.contains("has no value"))

        // With the data fixed, a token the data cannot fill is an error again.
        try folder.write(
            "testshire.json",
            text.replacingOccurrences(of: "{ \"period\": \"2011-12\", \"value\": 10,", with: "{ \"period\": \"2013-14\", \"value\": 10,")
                .replacingOccurrences(of: "{ \"period\": \"2013-14\", \"value\": 20,", with: "{ \"period\": \"2014-15\", \"value\": 20,"))
        try folder.write("testshire.md", "# Testshire (synthetic test data)\n\nAdoptions: {{children-adopted.change}}.\n")
        let unfilled = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(
            unfilled.errors.contains("Authorities/testshire.md:3:12: error: {{children-adopted.change}} has no value"), "\(unfilled.errors)"
        )
    }

    @Test("warns, without failing, about small counts, spanning periods and disagreeing sources")
    func warnings() throws {
        let folder = try Project.minimalFolder()
        var text = try folder.read("testshire.json")
        text = text.replacingOccurrences(of: "\"value\": 10,", with: "\"value\": 4,")
            .replacingOccurrences(of: "{ \"period\": \"2011-12\", \"value\": 200", with: "{ \"period\": \"2012\", \"value\": 200")
        try folder.write("testshire.json", text)
        let result = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: true)
        #expect(result.exitCode == 0)
        #expect(
            result.errors.contains(
                "Authorities/testshire.json:23:41: warning: indicators[0].observations[0].value: 4 is a small number (5 or fewer): the site flags it, and changes from it are shown with a caveat"
            ))
        #expect(
            result.errors.contains(
                "Authorities/testshire.json:38:9: warning: indicators[2].observations[0].period: 2012 spans the partnership's first day (1 April 2012)"
            ))
    }

    @Test("fails clearly on an empty folder and on a missing one")
    func emptyAndMissingFolders() throws {
        let folder = try TestFolder()
        let empty = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(empty.exitCode == 1)
        #expect(empty.errors.contains("Authorities: error: no authority files: add one per council"))
        #expect(empty.errors.contains("Authorities/indicators.json: error: missing: the indicator catalogue defines every measure"))
        let missing = Validate.run(authorities: folder.url.appendingPathComponent("nope"), display: "Nope", listWarnings: false)
        #expect(missing.exitCode == 1)
        #expect(missing.errors.hasPrefix("Nope: error: there is no folder here; run from the project folder or pass --authorities"))
    }
}
