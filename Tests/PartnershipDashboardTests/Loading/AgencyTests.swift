// Regional adoption agencies: known answers from the real files, dates that may and may not split
// a council's years, broken agency files, and the pages.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Regional adoption agencies")
struct AgencyTests {
    func agency(_ id: String) throws -> Agency { try #require(Project.dataset.agencies.first { $0.id == id }, "no agency \(id)") }

    @Test("an agency's code, lead, go-live, the date a source disagrees on, and its members, from the real files")
    func knownAnswers() throws {
        let west = try agency("adopt-london-west")
        #expect(west.code == "RAA21" && west.lead == "ealing")
        #expect(west.goLive.date?.description == "2019-10-01" && west.goLive.status == .sourced && west.goLive.splitsPeriods)
        #expect(
            west.otherGoLives.map { $0.date?.description } == ["2019-09-01"], "Hammersmith and Fulham's September date is kept, not used")
        #expect(west.members.map(\.authorityID).sorted() == ["brent", "ealing", "hammersmith-and-fulham", "hounslow"])
        #expect(west.members.allSatisfy { if case .atGoLive = $0.joined { return true } else { return false } })

        let harrow = Project.dataset.memberships(of: "harrow")
        #expect(harrow.map(\.agency.id) == ["coram-ambitious-for-adoption"])
        #expect(harrow.first.map { $0.agency.joining(of: $0.member).date?.description } == "2019-06")
        let kent = Project.dataset.memberships(of: "kent")
        #expect(kent.map(\.agency.id) == ["adoption-partnership-south-east"])
        #expect(kent.first.map { $0.agency.joining(of: $0.member).words } == "1 November 2020")
        // Cornwall joined Adopt South West on its own day, years after the agency went live.
        let cornwall = try #require(Project.dataset.memberships(of: "cornwall").first)
        #expect(cornwall.agency.id == "adopt-south-west" && cornwall.agency.joining(of: cornwall.member).date?.description == "2024-04-01")
        // Every council is a current member of one agency at most.
        var seen: [String: String] = [:]
        for agency in Project.dataset.agencies {
            for member in agency.currentMembers {
                #expect(seen[member.authorityID] == nil, "\(member.authorityID) in \(seen[member.authorityID] ?? "") and \(agency.id)")
                seen[member.authorityID] = agency.id
            }
        }
        #expect(seen.count >= 140)
    }

    @Test("only a date a source states, known to the month or day, splits before from after")
    func whichDatesSplit() throws {
        let day = try PartialDate.parse("2019-10-01").get()
        let month = try PartialDate.parse("2017-07").get()
        let year = try PartialDate.parse("2019").get()
        #expect(AgencyDate(date: day, status: .sourced).splitsPeriods)
        #expect(AgencyDate(date: month, status: .sourced).splitsPeriods)
        #expect(!AgencyDate(date: year, status: .sourced).splitsPeriods)
        #expect(AgencyDate(date: year, status: .sourced).words == "2019 (year only)")
        #expect(!AgencyDate(date: day, status: .planned).splitsPeriods)
        #expect(AgencyDate(date: day, status: .planned).words == "planned for 1 October 2019")
        #expect(!AgencyDate(date: nil, status: .unknown).splitsPeriods)
        // From the files: a deadline, a day with no year, and no date at all.
        #expect(try agency("cambridgeshire-and-peterborough-adoption").goLive.status == .planned)
        #expect(try !agency("adoption-now").goLive.splitsPeriods)
        #expect(try !agency("adopt-london-south").goLive.splitsPeriods)
    }

    @Test("a council in an agency of unknown date before a sourced one is never split: North Lincolnshire")
    func unknownEarlierMembership() throws {
        let dataset = Project.dataset
        // One Adoption North and Humber (no date found), then Family Adoption Links (a sourced date).
        let memberships = dataset.memberships(of: "north-lincolnshire").map(\.agency.id)
        #expect(memberships == ["one-adoption-north-and-humber", "family-adoption-links"])
        #expect(dataset.firstJoining(of: "north-lincolnshire") == nil)
        let council = try #require(dataset.authority("north-lincolnshire"))
        #expect(Analysis(dataset).joining(of: council.id) == nil)
        let index = JoiningIndex(dataset)
        #expect(index.unplaced.contains("north-lincolnshire") && index.joined["north-lincolnshire"] == nil)
        #expect(
            NationalJoining.make(index: JoiningIndex(dataset))?.years.allSatisfy {
                $0.points.allSatisfy { $0.authorityID != "north-lincolnshire" }
            }
                == true)
        // Kent's one membership, with a sourced day, still splits.
        #expect(dataset.firstJoining(of: "kent")?.day.description == "2020-11-01")
    }

    @Test("the years around joining: the last full financial year before and the second full one after")
    func yearsAroundJoining() throws {
        func years(_ text: String) throws -> String? {
            try JoiningComparison.years(around: PartialDate.parse(text).get()).map { "\($0.before.label) \($0.after.label)" }
        }
        #expect(try years("2020-11-01") == "2019-20 2022-23")
        #expect(try years("2019-04-01") == "2018-19 2020-21", "joining on 1 April: the year that begins that day is wholly after")
        #expect(try years("2019-03-31") == "2017-18 2020-21")
        #expect(try years("2019-06") == "2018-19 2021-22", "a month: the years hold for any day of it")
        #expect(try years("2019") == nil, "a year alone cannot split the years")
    }

    @Test(
        "Kent before and after joining, computed by hand from DfE's figures; the councils not yet in an agency; no split on an unknown date"
    )
    func kentJoining() throws {
        let dataset = Project.dataset
        let kent = try #require(dataset.authority("kent"))
        let joining = try #require(Analysis(dataset).joining(of: kent.id))
        #expect(
            joining.agency.id == "adoption-partnership-south-east" && joining.before.label == "2019-20" && joining.after.label == "2022-23")
        func figure(_ area: String, _ measure: String, _ year: String) throws -> Double {
            let authority = try #require(area == "england" ? dataset.england : dataset.authority(area))
            let period = try Period.parse(year).get()
            return try #require(JoiningComparison.official(authority, measure, period)?.value, "\(area) \(measure) \(year)")
        }
        let adopted = try #require(joining.rows.first { $0.indicator.id == "children-adopted" })
        #expect(adopted.change.from.value == (try figure("kent", "children-adopted", "2019-20")))
        #expect(adopted.change.to.value == (try figure("kent", "children-adopted", "2022-23")))
        let rest = try #require(adopted.restOfEngland)
        #expect(rest.from == (try figure("england", "children-adopted", "2019-20")) - adopted.change.from.value)
        #expect(rest.to == (try figure("england", "children-adopted", "2022-23")) - adopted.change.to.value)
        // By 31 March 2023 every council with a known joining date had joined except Cornwall and the
        // Isles of Scilly (1 April 2024); Buckinghamshire is in no agency. Councils whose dates are
        // unknown cannot be placed and are left out.
        let waiting = JoiningComparison.notYetJoined(by: try Period.parse("2022-23").get(), dataset: dataset, excluding: "kent")
        let before = try Period.parse("2019-20").get()
        let after = try Period.parse("2022-23").get()
        let withFigures = waiting.filter { council in
            JoiningComparison.official(council, "children-adopted", before) != nil
                && JoiningComparison.official(council, "children-adopted", after) != nil
        }
        #expect(withFigures.map(\.id) == ["buckinghamshire", "cornwall"])
        let group = try #require(adopted.notYetJoined)
        #expect(group.councils == 2)
        #expect(
            group.from == (try figure("buckinghamshire", "children-adopted", "2019-20") + figure("cornwall", "children-adopted", "2019-20"))
        )
        #expect(!waiting.contains { $0.id == "lambeth" }, "Lambeth's joining date is not known, so it is not counted as not yet joined")
        // Lambeth's agency has no sourced go-live: its years are never split.
        let lambeth = try #require(dataset.authority("lambeth"))
        #expect(Analysis(dataset).joining(of: lambeth.id) == nil)
    }

    @Test("the national picture: Kent's year +2 computed by hand, and the same answer whatever the order of the files")
    func nationalPicture() throws {
        let dataset = Project.dataset
        let picture = try #require(NationalJoining.make(index: JoiningIndex(dataset)))
        #expect(picture.years.map(\.offset) == [-4, -3, -2, 1, 2, 3, 4])
        #expect(picture.joiners >= 100 && picture.joiners <= picture.members)
        let year = try #require(picture.years.first { $0.offset == 2 })
        let kent = try #require(year.points.first { $0.authorityID == "kent" })
        func adopted(_ id: String, _ period: String) throws -> Double {
            let area = try #require(dataset.authority(id))
            return try #require(JoiningComparison.official(area, "children-adopted", try Period.parse(period).get())).value
        }
        // Kent joined on 1 November 2020: its base is 2019-20 and its year +2 is 2022-23. The councils
        // not yet in an agency by 31 March 2023, with figures for both years: Buckinghamshire and Cornwall.
        #expect(abs(kent.index - (try adopted("kent", "2022-23")) / (try adopted("kent", "2019-20")) * 100) < 1e-9)
        let waitingBase = try adopted("buckinghamshire", "2019-20") + adopted("cornwall", "2019-20")
        let waitingLater = try adopted("buckinghamshire", "2022-23") + adopted("cornwall", "2022-23")
        #expect(kent.comparisonCouncils == 2)
        #expect(abs(kent.comparison - waitingLater / waitingBase * 100) < 1e-9)
        // The mean is the geometric mean of the councils' relative indices, and sits inside its interval.
        let mean = try #require(year.mean)
        let logs = year.points.map { log($0.relative / 100) }
        #expect(abs(mean - exp(logs.reduce(0, +) / Double(logs.count)) * 100) < 1e-9)
        #expect(try #require(year.interval).contains(mean))

        let reordered = Dataset(
            indicators: dataset.indicators.reversed(), authorities: dataset.authorities.reversed(), england: dataset.england,
            settings: dataset.settings, releases: dataset.releases, agencies: dataset.agencies.reversed())
        let again = try #require(NationalJoining.make(index: JoiningIndex(reordered)))
        #expect(again.years.map(\.points) == picture.years.map(\.points))
        #expect(again.years.map(\.mean) == picture.years.map(\.mean))
    }

    @Test(
        "the national chart: a point per year with its interval, a title that names only the years chance does not explain, and Kent's figures in its CSV"
    )
    func nationalChart() throws {
        let dataset = Project.dataset
        let picture = try #require(NationalJoining.make(index: JoiningIndex(dataset)))
        let chart = try #require(JoiningChart(picture, dataset: dataset))
        #expect(chart.id == "children-adopted-after-joining" && chart.kind == .joining)
        // The table: one row per year, the mean and interval as the picture has them.
        #expect(chart.table.rows.map { $0[0].display } == ["−4", "−3", "−2", "+1", "+2", "+3", "+4"])
        for (row, year) in zip(chart.table.rows, picture.years) {
            #expect(row[1].display == String(year.points.count))
            #expect(row[2].display == UKFormat.number(((year.mean ?? 0) * 10).rounded() / 10, decimals: 1))
            #expect(row[5].display == year.reading.words)
        }
        // The title names a year as higher or lower only when its interval leaves out 100.
        let differing = picture.years.filter { $0.interval.map { !$0.contains(100) } == true }
        for year in picture.years {
            let named = chart.title.contains(" \(year.label)")
            #expect(named == differing.contains { $0.offset == year.offset }, "\(year.label) in \"\(chart.title)\"")
        }
        if differing.contains(where: \.restsOnFewCouncils) { #expect(chart.title.contains("fewer than 10")) }
        // The points, whiskers and counts are drawn: a marker per year with a mean, "n=" under each.
        let canvas = chart.recordingCanvas(.standard, measurer: ChartTests.measurer)
        chart.draw(on: canvas)
        for year in picture.years where year.mean != nil {
            #expect(canvas.texts.contains { $0.text == "n=\(year.points.count)" }, "n=\(year.points.count)")
        }
        // Kent's base year (2019-20) at 100 and its year +2 (2022-23) at its own index, in the CSV.
        let csv = chart.figuresCSV.text
        let kentCouncil = try #require(dataset.authority("kent"))
        let baseYear = try Period.parse("2019-20").get()
        let kentBase = try #require(JoiningComparison.official(kentCouncil, "children-adopted", baseYear))
        #expect(
            csv.contains(
                "\nKent County Council,last full year before joining,Children adopted from care,2019-20,\(UKFormat.number(kentBase.value).replacingOccurrences(of: ",", with: "")),count,100,official statistics,Department for Education\n"
            ))
        #expect(csv.contains("\nKent County Council,year +2 from joining,Children adopted from care,2022-23,"))
        // The page shows the chart above its table.
        let site = SiteContext(analysis: Analysis(dataset), charts: ChartCatalogue(Analysis(dataset)), chartSizes: [:], dataDate: nil)
        let html = try #require(AgencyPages.national(site: site)).body.map(\.rendered).joined()
        #expect(html.contains("src=\"charts/children-adopted-after-joining.png\""))
    }

    /// The minimal folder with one synthetic agency file written into agencies/.
    static func load(_ agency: String, name: String = "test-agency") throws -> LoadResult {
        let folder = try Project.minimalFolder()
        try folder.write("agencies/\(name).json", agency)
        return DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
    }

    static let valid = """
        {
          "id": "test-agency", "name": "Test Agency (synthetic test data)",
          "goLive": { "date": "2019-10-01", "status": "sourced", "confidence": "high", "source": "s1" },
          "members": [ { "authority": "testshire", "joined": "go-live", "source": "s1" } ],
          "sources": [ { "id": "s1", "title": "Synthetic", "publisher": "Test suite", "url": "https://example.org/1" } ]
        }
        """

    @Test("a broken agency file is reported with its file, place and what to write instead")
    func brokenFiles() throws {
        let loaded = try Self.load(Self.valid)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.dataset?.agencies.map(\.id) == ["test-agency"])

        let unknownMember = try Self.load(
            Self.valid.replacingOccurrences(of: "\"authority\": \"testshire\"", with: "\"authority\": \"testshir\""))
        #expect(
            unknownMember.errors.map(\.description).contains {
                $0.hasPrefix(
                    "Authorities/agencies/test-agency.json:4:31: error: members[0].authority: no area file has the id \"testshir\"; did you mean \"testshire\""
                )
            }, "\(unknownMember.errors)")
        let unknownWithDate = try Self.load(
            Self.valid.replacingOccurrences(of: "\"status\": \"sourced\", \"confidence\": \"high\"", with: "\"status\": \"unknown\""))
        #expect(
            unknownWithDate.errors.map(\.description).contains {
                $0.contains("goLive.status: a date whose status is \"unknown\" has no date")
            })
        let noDate = try Self.load(Self.valid.replacingOccurrences(of: "\"date\": \"2019-10-01\", ", with: ""))
        #expect(noDate.errors.map(\.description).contains { $0.contains("goLive: missing \"date\"; give the date") })
        let wrongID = try Self.load(Self.valid, name: "other-agency")
        #expect(
            wrongID.errors.map(\.description).contains {
                $0.contains("the id \"test-agency\" differs from the file's name; write \"other-agency\"")
            })
        // A council in two agencies at once, neither saying it left.
        let folder = try Project.minimalFolder()
        try folder.write("agencies/test-agency.json", Self.valid)
        try folder.write("agencies/second-agency.json", Self.valid.replacingOccurrences(of: "test-agency", with: "second-agency"))
        let twice = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        #expect(
            twice.errors.map(\.description).contains {
                $0.contains("testshire is a current member of Test Agency (synthetic test data) and Test Agency (synthetic test data)")
            } || twice.errors.map(\.description).contains { $0.contains("testshire is a current member of") }, "\(twice.errors)")
    }

    @Test("every list of sources names a source one way: publisher, “title”, date or “date not known”, then its address as a link")
    func oneCitationForm() throws {
        let undated = Source(id: "s", title: "A report", publisher: "Coram", url: "https://example.org/a?b=1&c=2", published: nil)
        #expect(undated.citation == "Coram, “A report”, date not known")
        let dated = Source(
            id: "d", title: "Tables", publisher: "Department for Education", url: "https://example.org",
            published: try PartialDate.parse("2015-03").get())
        #expect(dated.citation == "Department for Education, “Tables”, March 2015")
        #expect(
            Blocks.citation(undated).map(\.rendered).joined()
                == "Coram, “A report”, date not known. <a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>")

        let dataset = Project.dataset
        let analysis = Analysis(dataset)
        let site = SiteContext(analysis: analysis, charts: ChartCatalogue(analysis), chartSizes: [:], dataDate: nil)
        let alw = try agency("adopt-london-west")
        let agencyPage = AgencyPages.page(alw, site: site).body.map(\.rendered).joined()
        for source in alw.sources {
            #expect(agencyPage.contains(Blocks.citation(source).map(\.rendered).joined()), "\(source.id) on the agency's page")
        }
        let indicator = try #require(dataset.indicator("children-adopted"))
        let indicatorPage = IndicatorPage.page(indicator, site: site).body.map(\.rendered).joined()
        #expect(indicatorPage.contains("<dd>" + Blocks.citation(indicator.definitionSource).map(\.rendered).joined() + "</dd>"))
    }

    @Test("every council whose joining date splits its years shows before and after it, or says which figure is missing and why")
    func everyJoiningShownOrExplained() throws {
        let dataset = Project.dataset
        let analysis = Project.analysis
        var tables = 0
        var explained: Set<String> = []
        for authority in dataset.authorities where dataset.firstJoining(of: authority.id) != nil {
            let reason = analysis.joiningGap(of: authority.id)?.words(for: authority)
            if analysis.joining(of: authority.id) != nil {
                tables += 1
                #expect(reason == nil, "\(authority.id) has a table and a reason")
            } else {
                explained.insert(authority.id)
                #expect(
                    reason?.hasPrefix("There is no before-and-after table. ") == true, "\(authority.id) has neither a table nor a reason")
            }
        }
        #expect(tables >= 100, "\(tables) tables")
        #expect(
            explained == [
                "bournemouth-christchurch-and-poole", "cornwall", "cumbria", "dorset-from-2019", "havering", "isle-of-wight",
                "isles-of-scilly", "rutland", "windsor-and-maidenhead", "wokingham",
            ], "\(explained.sorted())")
        // The reasons, as the pages give them: a year not yet published, a year after the council ended,
        // a year before it existed, and a year DfE suppressed.
        let cornwall = try #require(dataset.authority("cornwall"))
        #expect(
            analysis.joiningGap(of: "cornwall")?.words(for: cornwall)
                == "There is no before-and-after table. It needs DfE's figures for 2023-24, the last full year before Cornwall joined Adopt South West, and 2025-26, the second full year after, for children adopted and children who left care through a special guardianship order. DfE gives no figure for either measure for 2025-26 (not yet published)."
        )
        let cumbriaFile = try #require(dataset.authority("cumbria"))
        let cumbria = try #require(analysis.joiningGap(of: "cumbria")?.words(for: cumbriaFile))
        #expect(
            cumbria.hasSuffix("DfE gives no figure for either measure for 2023-24 (after Cumbria ended, on 31 March 2023)."), "\(cumbria)")
        let dorsetFile = try #require(dataset.authority("dorset-from-2019"))
        let dorset = try #require(analysis.joiningGap(of: "dorset-from-2019")?.words(for: dorsetFile))
        #expect(dorset.contains("for 2016-17 (before Dorset existed: it began on 1 April 2019, taking over from "), "\(dorset)")
        // On the council's page, under its own heading, with what the symbol means.
        let site = SiteContext(analysis: analysis, charts: ChartCatalogue(analysis, onlyAuthorities: []), chartSizes: [:], dataDate: nil)
        let havering = try #require(dataset.authority("havering"))
        let html = AgencyPages.councilSection(
            havering, site: site, page: Page(route: .authority("havering"), title: "", description: "", body: [])
        )
        .map(\.rendered).joined().replacingOccurrences(of: "\n", with: "")
        #expect(
            html.contains(
                "<h3>Before and after joining</h3><p>There is no before-and-after table. It needs DfE's figures for 2018-19, the last full year before Havering joined Adopt London East, and 2021-22, the second full year after, for children adopted and children who left care through a special guardianship order. DfE gives no figure for either measure for 2021-22 (marked \"-\"). Marked \"-\" by DfE, meaning suppressed or not available; where one council's figure is suppressed, the next smallest is hidden too.</p>"
            ), "\(html)")
    }

    @Test("an agency's page shows its go-live, the dates sources disagree on and each member's joining; a council's page names its agency")
    func pages() throws {
        let dataset = Project.dataset
        let site = SiteContext(analysis: Analysis(dataset), charts: ChartCatalogue(Analysis(dataset)), chartSizes: [:], dataDate: nil)
        let page = AgencyPages.page(try agency("adopt-london-west"), site: site)
        let html = page.body.map(\.rendered).joined().replacingOccurrences(of: "\n", with: "")
        #expect(html.contains("<p><strong>Went live: </strong>1 October 2019 (medium confidence)."))
        #expect(html.contains("<h2 id=\"other-dates-given\">Other dates given</h2><ul><li>1 September 2019 (high confidence): "))
        #expect(html.contains("<a href=\"../authorities/brent.html\">Brent</a>"))
        // The founding members' counts are added only when every one has both: Bexley's adoptions
        // are suppressed, so children adopted has no total, and special guardianship orders do.
        let southEast = AgencyPages.membersFigures(
            try agency("adoption-partnership-south-east"), dataset: dataset,
            page: Page(route: .agency("adoption-partnership-south-east"), title: "", description: "", body: [])
        ).map(\.rendered).joined().replacingOccurrences(of: "\n", with: "")
        let tables = southEast.components(separatedBy: "<table>").dropFirst()
        #expect(tables.count == 2)
        #expect(tables.first.map { !$0.contains("(computed)") && $0.contains("not published (") } == true)
        // Why there is no total, and what the symbol means, is said once under the table, not in each cell.
        let bexley = try #require(
            dataset.authority("bexley")?.series(for: OfficialMeasure.adopted)?.suppression(in: try Period.parse("2019-20").get()).first)
        #expect(
            tables.first.map {
                $0.contains("<td class=\"numeric\" data-label=\"2019-20\">not published (\"\(bexley.symbol)\")</td>")
                    && $0.contains(
                        "<ul class=\"table-notes\"><li>No total is given: not every founding member has a DfE figure for both years.</li><li>Marked \"\(bexley.symbol)\" by DfE, meaning \(bexley.meaning)"
                    )
            } == true, "\(tables.first ?? "")")
        #expect(tables.dropFirst().first.map { !$0.contains("No total is given") } == true)
        let year2019 = try Period.parse("2019-20").get()
        var sgo = 0.0
        for id in ["bexley", "kent", "medway"] {
            let council = try #require(dataset.authority(id))
            sgo += try #require(JoiningComparison.official(council, "ceased-care-sgo", year2019)).value
        }
        #expect(
            tables.last.map {
                $0.contains(
                    "<th scope=\"row\">Founding members together (computed)</th><td class=\"numeric\" data-label=\"2019-20\">\(UKFormat.number(sgo))</td>"
                )
            } == true,
            "\(tables.last ?? "")")
        // A member with no joining date is not said to have joined later.
        let coram = AgencyPages.membersFigures(
            try agency("coram-ambitious-for-adoption"), dataset: dataset,
            page: Page(route: .agency("coram-ambitious-for-adoption"), title: "", description: "", body: [])
        ).map(\.rendered).joined().replacingOccurrences(of: "\n", with: "")
        let hillingdon = try #require(
            coram.components(separatedBy: ">Hillingdon</a>").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(hillingdon.contains("joining date not found; not added in") && !hillingdon.contains("joined later"), "\(hillingdon)")
        let kent = try #require(dataset.authority("kent"))
        let section = AgencyPages.councilSection(
            kent, site: site, page: Page(route: .authority("kent"), title: "", description: "", body: [])
        )
        .map(\.rendered).joined().replacingOccurrences(of: "\n", with: "")
        #expect(
            section.hasPrefix(
                "<h2 id=\"regional-adoption-agency\">Regional adoption agency</h2><ul><li><a href=\"../agencies/adoption-partnership-south-east.html\">Adoption Partnership South East</a>, a member since it went live: 1 November 2020 (high confidence).</li></ul><h3>Before and after joining</h3>"
            ))
        #expect(section.contains("This cannot show that joining caused the change."))
        // Kent's neighbours, with those that joined between 2019-20 and 2022-23 left out of the median and named.
        let kentJoining = try #require(Analysis(dataset).joining(of: kent.id))
        let neighbours = try #require(kentJoining.rows.first?.neighbours)
        #expect(neighbours.peers.count == 10)
        let kentIndex = JoiningIndex(dataset)
        for peer in neighbours.peers {
            guard let id = peer.authorityID, let joined = kentIndex.joined[id], peer.change != nil else { continue }
            let between = joined > Day(year: 2020, month: 3, day: 31)! && joined < Day(year: 2022, month: 4, day: 2)!
            #expect((peer.leftOut?.words == "joined an agency between the same two years") == between, "\(peer.name) joined \(joined)")
        }
        let changes = neighbours.counted.compactMap(\.change).sorted()
        #expect(neighbours.median == ComparisonRules.median(changes))
        #expect(section.contains("among \(changes.count) of its 10 neighbours"))
        // By 2022-23 only Buckinghamshire and Cornwall had not joined: the page says how few that is.
        #expect(section.contains("fewer than 10 councils with figures had not joined an agency (as few as 2 councils)"))
        let national = try #require(AgencyPages.national(site: site)).body.map(\.rendered).joined()
        let mainTable = try #require(
            national.components(separatedBy: "councils aligned on their own joining, against the councils not yet in an agency</caption>")
                .last?
                .components(separatedBy: "</table>").first)
        #expect(mainTable.components(separatedBy: "<tr>").count - 2 == NationalJoining.offsets.count, "a row per year around joining")
        #expect(national.contains("<h2 id=\"what-this-can-and-cannot-show\">What this can and cannot show</h2>"))
        #expect(national.contains("Councils did not join at random or at once."))
        // Harrow: its own partnership with Coram, then the agency it leads with Coram, as two periods.
        let harrow = try #require(dataset.authority("harrow"))
        let harrowSection = AgencyPages.councilSection(
            harrow, site: site, page: Page(route: .authority("harrow"), title: "", description: "", body: [])
        )
        .map(\.rendered).joined()
        #expect(
            harrowSection.contains(
                "Two periods with Coram: Harrow's own partnership, from September 2006, and from June 2019 (medium confidence) Coram Ambitious for Adoption, in which Coram is a voluntary partner and which Harrow leads."
            ), "\(harrowSection)")
        let cafa = AgencyPages.page(try agency("coram-ambitious-for-adoption"), site: site).body.map(\.rendered).joined()
        #expect(cafa.contains("Harrow had its own partnership with Coram from September 2006, before this agency went live; "))
        // Kent's partnership with Coram ended before its agency, whose partners do not include Coram: no bridge.
        #expect(!section.contains("Two periods"))
        // Lambeth's agency, Adopt London South, has no sourced go-live.
        let lambeth = try #require(dataset.authority("lambeth"))
        let unknown = AgencyPages.councilSection(
            lambeth, site: site, page: Page(route: .authority("lambeth"), title: "", description: "", body: [])
        )
        .map(\.rendered).joined()
        #expect(unknown.contains("No source read gives the month or day it joined, so its years are not split at joining."))
    }
}
