// Narrative tokens as people mistype them: each reported at its own line and column, none published as it stands.

import Testing

@testable import PartnershipDashboard

@Suite("Narrative tokens")
struct NarrativeTokenTests {
    static func problems(_ text: String) throws -> [String] {
        let (_, dataset) = try Synthetic.dataset(
            series: [("children-adopted", "count", [F(period: "2011-12", value: 40), F(period: "2013-14", value: 80)])])
        let tokens = NarrativeTokens(Comparer(dataset: dataset).compare(dataset.authorities[0]))
        switch tokens.fill(text, file: "Authorities/testshire.md") {
        case .success: return []
        case .failure(let failure): return failure.problems.map(\.description)
        }
    }

    @Test("a good token is filled; a misspelt one is reported at its own line and column")
    func lineAndColumn() throws {
        #expect(try Self.problems("# Testshire\n\nAdoptions went {{children-adopted.change}}.\n").isEmpty)
        #expect(
            try Self.problems("# Testshire\n\nAdoptions: {{children-adopted.change}} and {{children-adoptd.change}}.\n") == [
                "Authorities/testshire.md:3:44: error: unknown token {{children-adoptd.change}}; did you mean \"children-adopted.change\"?"
            ])
    }

    @Test("a token closed with one brace, one never closed, and one written with single braces are each reported plainly")
    func mistypedTokens() throws {
        #expect(
            try Self.problems("Adoptions {{children-adopted.change} rose.\n") == [
                "Authorities/testshire.md:1:11: error: the token {{children-adopted.change} is closed with one brace; close it with two: {{children-adopted.change}}"
            ])
        #expect(
            try Self.problems("Adoptions {{children-adopted.change rose.\nMore {{children-adopted.baseline}}.\n") == [
                "Authorities/testshire.md:1:11: error: a token opened with {{ is not closed with }} on the same line; write it as {{name.field}}, e.g. {{children-adopted.change}}"
            ])
        #expect(
            try Self.problems("Adoptions {children-adopted.change} rose.\n") == [
                "Authorities/testshire.md:1:11: error: a token needs two braces on each side: write {{children-adopted.change}}"
            ])
        // Braces that are not a token are text.
        #expect(try Self.problems("A set {a, b} and {x}.\n").isEmpty)
    }

    @Test("joining tokens are filled from Kent's figures around 1 November 2020, and say why where no date splits the years")
    func joiningTokens() throws {
        let dataset = Project.dataset
        let kent = try #require(dataset.authority("kent"))
        let joining = try #require(Analysis(dataset).joining(of: kent.id))
        let tokens = NarrativeTokens(Comparer(dataset: dataset).compare(kent), joining: joining)
        let adopted = try #require(joining.rows.first { $0.indicator.id == "children-adopted" })
        let waiting = try #require(adopted.notYetJoined)
        let text =
            "{{joining.agency}}; {{joining.date}}; {{joining.years}}; {{joining.children-adopted}}; {{joining.children-adopted-not-yet-joined}}"
        let filled = try tokens.fill(text, file: "Authorities/kent.md").get()
        let expected = [
            "Adoption Partnership South East", "1 November 2020", "2019-20 to 2022-23", UKFormat.change(adopted.change, unit: .count),
            "\(UKFormat.relative((waiting.to - waiting.from) / waiting.from * 100)) for the 2 councils not yet in an agency; the council's change is \(try #require(waiting.standing).relation) theirs",
        ].map(NarrativeTokens.escapeMarkdown).joined(separator: "; ")
        #expect(filled == expected)
        // Lambeth's agency has no sourced go-live: the token says why it has no value.
        let lambeth = try #require(dataset.authority("lambeth"))
        let none = NarrativeTokens(
            Comparer(dataset: dataset).compare(lambeth), joining: Analysis(dataset).joining(of: lambeth.id))
        guard case .failure(let failure) = none.fill("{{joining.date}}", file: "Authorities/lambeth.md") else {
            Issue.record("Lambeth's joining date was filled")
            return
        }
        #expect(
            failure.problems.map(\.message) == [
                "{{joining.date}} has no value: no sourced joining date, known to the month or day, splits the council's years (or DfE has no figures for both)"
            ])
    }
}

@Suite("Slips that stay inside the allowed range")
struct ScaleAndDateTests {
    @Test("a proportion among percentages, and a figure for a year that began after its source was published, are warned of at their place")
    func warnings() throws {
        let (folder, _) = try Synthetic.dataset(series: [
            (
                "ceased-care-adopted-share", "percent",
                [F(period: "2010-11", value: 9), F(period: "2011-12", value: 12), F(period: "2013-14", value: 0.09)]
            )
        ])
        let text = try folder.read("testshire.json").replacingOccurrences(
            of: "\"title\": \"Synthetic one\",", with: "\"title\": \"Synthetic one\", \"published\": \"2012-06\",")
        try folder.write("testshire.json", text)
        let warnings = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").warnings.map(\.description)
        #expect(
            warnings.contains {
                $0.hasSuffix(
                    "indicators[0].observations[2].value: 0.09 looks like a proportion among percentages (9 and 12, …): write 9 if the source says 9%"
                )
            }, "\(warnings)")
        #expect(
            warnings.contains {
                $0.hasSuffix(
                    "indicators[0].observations[2].period: 2013-14 began after its source \"s1\" was published (June 2012); check the period, or the source's \"published\" date"
                )
            }, "\(warnings)")
        #expect(!warnings.contains { $0.contains("observations[1].period") }, "2011-12 began before June 2012")
    }
}
