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
