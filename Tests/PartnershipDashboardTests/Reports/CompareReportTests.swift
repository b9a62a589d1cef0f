// `dashboard compare` output: the documented JSON shape, CSV and table, as golden files of the real data.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Compare report")
struct CompareReportTests {
    func run(_ format: CompareReport.Format, _ ids: [String] = []) -> CommandResult {
        Compare.run(authorities: Project.authorities, display: "Authorities", format: format, ids: ids)
    }

    @Test("JSON for the real data matches the golden file, keys sorted")
    func jsonGolden() throws {
        let result = run(.json)
        #expect(result.exitCode == 0)
        // Without ids: the councils with a partnership, not the 160 without one.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let ids = (root["authorities"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["cambridgeshire", "harrow", "kent", "thurrock"])
        try expectSnapshot(result.output, named: "compare.json")
    }

    @Test("JSON gives Kent's and Thurrock's figures where the README says they are")
    func jsonShape() throws {
        let data = Data(run(.json, ["kent", "thurrock"]).output.utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let authorities = try #require(root["authorities"] as? [[String: Any]])
        #expect(authorities.map { $0["id"] as? String } == ["kent", "thurrock"])
        let kent = try #require((authorities[0]["indicators"] as? [[String: Any]])?.first)
        let change = try #require(kent["change"] as? [String: Any])
        #expect(change["absolute"] as? Double == 111)
        #expect(change["relative"] as? Double == 158.57)
        #expect(change["direction"] as? String == "improving")
        #expect((kent["england"] as? [String: Any])?["difference"] as? Double == 104.1)
        let claim = try #require((kent["claims"] as? [[String: Any]])?.first)
        #expect(claim["claimed"] as? Double == 150)
        #expect(claim["verdict"] as? String == "differs")
        let thurrock = try #require((authorities[1]["indicators"] as? [[String: Any]])?.first)
        #expect((thurrock["change"] as? [String: Any])?["absolute"] as? Double == -124)
        #expect(((thurrock["threshold"] as? [String: Any])?["outcome"] as? [String: Any])?["met"] as? Bool == true)
    }

    @Test("CSV has one row per authority and indicator, numbers unformatted")
    func csvGolden() throws {
        let result = run(.csv)
        #expect(result.output.hasPrefix(CompareReport.csvHeader.joined(separator: ",") + "\n"))
        #expect(
            result.output.contains(
                "kent,Kent County Council,children-adopted,Children adopted from care,count,higher-is-better,2011-12,70,before,2014-15,181,111,158.57,,improving,"
            ))
        try expectSnapshot(result.output, named: "compare.csv")
    }

    @Test("the table names each authority, its partnership and every indicator")
    func tableGolden() throws {
        let result = run(.table, ["kent"])
        #expect(result.output.hasPrefix("Kent County Council — Coram, early 2012 to 22 January 2016\n"))
        #expect(result.output.contains("+111 (+159%)"))
        try expectSnapshot(result.output, named: "compare-kent.txt")
    }

    @Test("an unknown authority id fails with a suggestion")
    func unknownID() {
        let result = run(.table, ["knet"])
        #expect(result.exitCode == 1)
        #expect(result.errors == "error: no authority \"knet\"; did you mean \"kent\"?\n")
    }

    @Test("CSV guards text against spreadsheet formulas and quotes commas")
    func csvEscaping() {
        var table = CSVTable(header: ["a", "b", "c"])
        table.append([.text("=HYPERLINK(\"x\")"), .text("one, two"), .number(-124)])
        #expect(table.text == "a,b,c\n\"'=HYPERLINK(\"\"x\"\")\",\"one, two\",-124\n")
        // Quotes are doubled wherever they fall, beside non-ASCII letters, and a line break forces quoting.
        var more = CSVTable(header: ["a", "b"])
        more.append([.text("\"Ynys Môn\" said \"no\""), .text("two\nlines")])
        #expect(more.text == "a,b\n\"\"\"Ynys Môn\"\" said \"\"no\"\"\",\"two\nlines\"\n")
    }
}
