// `dashboard new`: a valid starter that validates, and never overwriting.

import Testing

@testable import PartnershipDashboard

@Suite("dashboard new")
struct NewAuthorityTests {
    @Test("writes a starter file and narrative that validate without errors")
    func starterIsValid() throws {
        let folder = try Project.minimalFolder()
        let result = NewAuthority.run(id: "redbridge", name: "London Borough of Redbridge", authorities: folder.url, display: "Authorities")
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("Wrote Authorities/redbridge.json and Authorities/redbridge.md."))
        #expect(try folder.read("redbridge.json").contains("\"name\": \"London Borough of Redbridge\""))
        let validation = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: true)
        #expect(validation.exitCode == 0, "\(validation.errors)")
        #expect(validation.errors.contains("Authorities/redbridge.json: warning: no \"partnership\" yet"))
    }

    @Test("a new authority is a draft the site leaves out, saying so, until it is marked ready; its starter text cannot be published")
    func draftsStayOut() throws {
        let folder = try Project.minimalFolder()
        #expect(
            NewAuthority.run(id: "redbridge", name: "London Borough of Redbridge", authorities: folder.url, display: "Authorities").exitCode
                == 0)
        #expect(try folder.read("redbridge.json").contains("\"draft\": true"))
        let dataset = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").dataset)
        #expect(dataset.authority("redbridge")?.isDraft == true)
        let site = try SiteBuilder.build(dataset)
        #expect(site.files["authorities/redbridge.html"] == nil, "no page for a draft")
        #expect(site.files["downloads/redbridge-briefing-pack.zip"] == nil)
        let output = try TestFolder()
        let built = Build.run(
            authorities: folder.url, display: "Authorities", output: output.url.appendingPathComponent("Site"), outputDisplay: "Site",
            check: false, progress: false, cache: output.url.appendingPathComponent("cache"))
        #expect(built.exitCode == 0, "\(built.errors)")
        #expect(
            built.output.contains(". Left out 1 draft (redbridge): remove \"draft\": true from its file when it is ready."),
            "\(built.output)")
        let overview = String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        #expect(!overview.contains("Redbridge") && !overview.contains("Write, in your own words"))
        // Marked ready with the starter narrative still in it: an error naming the file and the line.
        try folder.write(
            "redbridge.json", try folder.read("redbridge.json").replacingOccurrences(of: "\"draft\": true", with: "\"draft\": false"))
        let validation = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(validation.exitCode == 1)
        #expect(
            validation.errors.contains(
                "Authorities/redbridge.json: error: redbridge.md still holds the starter text from `dashboard new` (line 3: \"Write, in your own words…\"); replace it with your own evaluation, or keep \"draft\": true until it is written"
            ), "\(validation.errors)")
    }

    @Test("a name too long for a chart's label asks for --short-name, and with one the starter validates")
    func longNameNeedsShortName() throws {
        let folder = try Project.minimalFolder()
        let long = "Royal Borough of Windsor and Maidenhead Council"
        let refused = NewAuthority.run(id: "windsor", name: long, authorities: folder.url, display: "Authorities")
        #expect(refused.exitCode == 1)
        #expect(
            refused.errors
                == "error: --name has 47 characters, too many to label a chart's line; add --short-name with 40 or fewer, e.g. --short-name \"Windsor and Maidenhead\"; nothing was written.\n"
        )
        #expect(!folder.exists("windsor.json") && !folder.exists("windsor.md"))
        let tooLong = NewAuthority.run(id: "windsor", name: long, shortName: long, authorities: folder.url, display: "Authorities")
        #expect(tooLong.exitCode == 1)
        #expect(tooLong.errors.hasPrefix("error: --short-name must be 1 to 40 characters"))
        let written = NewAuthority.run(
            id: "windsor", name: long, shortName: " Windsor and Maidenhead ", authorities: folder.url, display: "Authorities")
        #expect(written.exitCode == 0, "\(written.errors)")
        #expect(try folder.read("windsor.json").contains("\"shortName\": \"Windsor and Maidenhead\""))
        let validation = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(validation.exitCode == 0, "\(validation.errors)")
    }

    @Test("refuses to overwrite an existing authority, writing nothing")
    func refusesToOverwrite() throws {
        let folder = try Project.minimalFolder()
        let before = try folder.read("testshire.json")
        let result = NewAuthority.run(id: "testshire", name: "Other", authorities: folder.url, display: "Authorities")
        #expect(result.exitCode == 1)
        #expect(result.errors == "error: Authorities/testshire.json already exists; nothing was written. Edit it, or choose another id.\n")
        #expect(try folder.read("testshire.json") == before)
    }

    @Test("refuses a bad id, suggesting a good one")
    func badID() throws {
        let folder = try Project.minimalFolder()
        let result = NewAuthority.run(id: "../Evil Town", name: "Evil", authorities: folder.url, display: "Authorities")
        #expect(result.exitCode == 1)
        #expect(
            result.errors
                == "error: \"../Evil Town\" is not an id: use lowercase letters, digits and single hyphens, starting with a letter; write \"evil-town\"\n"
        )
        #expect(!folder.exists("../Evil Town.json"))
    }
}
