// The site with every council: the overview's lists, each council's words, its region beside it,
// the councils before and after a reorganisation, and reported figures set against DfE's.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Every council on the site")
struct EveryCouncilTests {
    func page(_ path: String) throws -> String {
        String(decoding: try #require(SiteTests.site.files[path], "no \(path)"), as: UTF8.self)
    }

    /// The text of the list after a heading, up to the next heading.
    func section(_ html: String, after heading: String) throws -> String {
        let start = try #require(html.range(of: heading), "no \(heading)")
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<h", options: [], range: rest.index(after: rest.startIndex)..<rest.endIndex)?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test("the overview lists every council A to Z and by region, as plain links, with the partnerships first in each region")
    func overviewLists() throws {
        let html = try page("index.html")
        let councils = Project.dataset.authorities.filter { $0.type != .region && $0.type != .country }
        #expect(councils.count == 160)
        for council in councils {
            // Each council is linked twice: once A to Z and once under its region.
            let links = html.components(separatedBy: "href=\"authorities/\(council.id).html\"").count - 1
            #expect(links >= 2, "\(council.id) is linked \(links) times")
        }
        #expect(!html.contains("<script"), "the lists work without JavaScript")
        #expect(html.contains("<a href=\"#letter-k\">K</a>"))
        let london = try section(html, after: "<h4 id=\"region-london\">")
        let harrow = try #require(london.range(of: "authorities/harrow.html"))
        let barnet = try #require(london.range(of: "authorities/barnet.html"))
        #expect(harrow.lowerBound < barnet.lowerBound, "Harrow, a partnership, comes before Barnet in London")
        #expect(london.contains("Coram partnership, September 2006 onwards"))
        #expect(html.contains("Northamptonshire</a> (until 31 March 2021)"))
        // The partnerships' table holds the four partnerships only.
        let table = try section(html, after: "<h2 id=\"the-partnerships\">The partnerships</h2>")
        #expect(table.components(separatedBy: "<tr>").count - 2 == 4)
    }

    @Test("a council without a partnership gets words from its latest official year, beside its region and England")
    func councilSummary() throws {
        let html = try page("authorities/barnet.html")
        #expect(html.contains("On 31 March 2025, Barnet looked after 343 children."))
        #expect(html.contains("In 2024-25, 150 children left care: 11 were adopted and 11 left through a special guardianship order."))
        #expect(html.contains("Of the children who left care in 2024-25, 7% were adopted, against 4% in London and 9% in England."))
        // No phase column where there is no partnership.
        #expect(!html.contains("cannot be placed"))
        let region = try page("authorities/south-west.html")
        #expect(region.contains("They count the region's councils together."))
    }

    @Test("each council's charts draw its region and England beside it")
    func regionOnCharts() throws {
        // The areas and their roles on each chart, from its CSV's first two columns.
        func drawn(_ id: String) throws -> Set<String> {
            let csv = String(
                decoding: try #require(SiteTests.site.files["charts/\(id)-looked-after-children-over-time.csv"]), as: UTF8.self)
            return Set(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") })
        }
        #expect(try drawn("barnet") == ["Barnet,figure", "London,region", "England,England"])
        // A region's own chart sets it beside England alone.
        #expect(try drawn("london") == ["London,figure", "England,England"])
    }

    @Test("a partnership older than DfE's series says so, and compares nothing official across its start")
    func seriesStartsAfterPartnership() throws {
        let html = try page("authorities/harrow.html")
        #expect(
            html.contains(
                "DfE's figures for Harrow here start with 2009-10, after the partnership began (1 September 2006), so no official figure is compared across its start"
            ))
        #expect(try !page("authorities/kent.html").contains("here start with"), "Kent's series starts before its partnership")
    }

    @Test("pages link the councils before and after a reorganisation; a new code for the same council is not one")
    func reorganisations() throws {
        let northamptonshire = try page("authorities/northamptonshire.html")
        #expect(
            northamptonshire.contains(
                "Northamptonshire ended on 31 March 2021; its area's figures continue under <a href=\"../authorities/north-northamptonshire.html\">North Northamptonshire</a> and <a href=\"../authorities/west-northamptonshire.html\">West Northamptonshire</a>."
            ))
        let dataset = Project.dataset
        // Barnsley and Sheffield took new GSS codes in 2025; neither became the other.
        #expect(dataset.authority("barnsley")?.official?.successors == [])
        #expect(dataset.authority("sheffield")?.official?.predecessors == [])
        // The 2019 order: Dorset Council from Dorset county alone; BCP from Bournemouth, Poole and part of the county.
        #expect(dataset.authority("dorset-from-2019")?.official?.predecessors == ["dorset"])
        #expect(
            Set(dataset.authority("bournemouth-christchurch-and-poole")?.official?.predecessors ?? []) == [
                "bournemouth", "poole", "dorset",
            ])
        #expect(dataset.authority("bournemouth")?.official?.successors == ["bournemouth-christchurch-and-poole"])
    }

    @Test("the national figures CSV joined from each area's is byte for byte the one made in one pass")
    func joinedFiguresCSV() {
        let dataset = Project.dataset
        let areas = Downloads.allAuthorities(dataset).map { Downloads.figuresCSV($0) }
        let joined = Downloads.joinedCSV(areas)
        #expect(joined == Downloads.figuresCSV(dataset))
        #expect(joined.split(separator: "\n").count > 18_000)
    }

    @Test("a reported figure is shown beside DfE's for the same year, with the difference")
    func reportedAgainstOfficial() throws {
        let html = try page("authorities/kent.html")
        #expect(html.contains("not used; DfE published 181, so this differs by +1"))
        #expect(html.contains("not used; DfE published 59, so this differs by −2"))
        #expect(html.contains("agrees with DfE's 70"))
    }
}
