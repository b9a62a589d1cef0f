// A partner's change beside its statistical neighbours' and ranked among every council's: the rules
// on synthetic councils written at run time, and known answers worked out by hand from DfE's files.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Statistical neighbours and ranks")
struct PeerComparisonTests {
    /// An authority file with an official block written by the import's own writer (synthetic test data).
    static func council(
        _ id: String, code: String, adopted: [String: Double?], from: String = "2009-04-01", to: String? = nil,
        predecessors: [String] = [], neighbours: [OfficialNeighbours] = [], partnership: String? = nil
    ) -> String {
        var identity = OfficialIdentity()
        identity.dfeCode = code
        identity.codes = [("E0600\(code)9", from, to)]
        identity.predecessors = predecessors
        identity.neighbours = neighbours
        guard let release = DfERelease.firstRelease(2015) else { fatalError("the 2015 release is not known") }
        let records = adopted.keys.sorted().map { period in
            let value = adopted[period] ?? nil
            return OfficialRecord(
                indicator: "children-adopted", period: period, value: value, symbol: value == nil ? "x" : nil, source: release.id,
                table: "synthetic.csv", column: "adopted")
        }
        let block = OfficialBlock.text(identity: identity, releases: [release], records: records).text
        let own =
            partnership.map {
                """
                  "partnership": { "partner": "Test Agency", "phases": [ { "name": "One", "start": { "date": "\($0)", "wording": "the start", "source": "s1" } } ], "end": { "date": "2016-03-31", "wording": "the end", "source": "s1" } },
                  "sources": [ { "id": "s1", "title": "Synthetic source", "publisher": "Test suite", "url": "https://example.org/1" } ],

                """
            } ?? ""
        let name = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return """
            {
              "id": "\(id)",
              "name": "\(name) (synthetic test data)",
              "shortName": "\(name)",
              "gss": "E0600\(code)9",
              "type": "county",
              "region": "Nowhere",
            \(own)  "official": \(block)
            }

            """
    }

    /// Partnershire (+100% adoptions from 2011-12 to 2014-15) and six neighbours, each showing one rule.
    static func dataset() throws -> (TestFolder, Dataset) {
        let folder = try Project.minimalFolder()
        let model = NeighbourModel(year: 2021)
        let nearest: [(code: String, id: String?, closeness: String)] = [
            ("901", "alpha", "Very close"), ("902", "beta", "Very close"), ("903", "gamma", "Close"), ("904", "delta", "Close"),
            ("905", "epsilon-new", "Somewhat close"), ("906", "zeta", "Not close"), ("909", "theta", "Not close"),
            ("907", "epsilon-old", "Not close"),
        ]
        let files: [(String, String)] = [
            (
                "partnershire",
                council(
                    "partnershire", code: "900", adopted: ["2011-12": 40, "2014-15": 80],
                    neighbours: [OfficialNeighbours(model: model, nearest: nearest)], partnership: "2012-04-01")
            ),
            ("alpha", council("alpha", code: "901", adopted: ["2011-12": 20, "2014-15": 30])),
            ("beta", council("beta", code: "902", adopted: ["2011-12": 50, "2014-15": 45])),
            // Suppressed in the outcome year: left out and counted.
            ("gamma", council("gamma", code: "903", adopted: ["2011-12": 30, "2014-15": nil])),
            // A partnership of its own over the same years: shown, left out of the median, but ranked.
            ("delta", council("delta", code: "904", adopted: ["2011-12": 20, "2014-15": 22], partnership: "2013-01-01")),
            // Began after the years compared: followed back to the one council before it.
            (
                "epsilon-new",
                council("epsilon-new", code: "905", adopted: ["2016-17": 5], from: "2016-04-01", predecessors: ["epsilon-old"])
            ),
            ("epsilon-old", council("epsilon-old", code: "907", adopted: ["2011-12": 12, "2014-15": 36], to: "2016-03-31")),
            // A base of 8: in the median, but not ranked.
            ("zeta", council("zeta", code: "906", adopted: ["2011-12": 8, "2014-15": 13])),
            // No neighbour's: the same change as Alpha's, ranked jointly with it.
            ("eta", council("eta", code: "908", adopted: ["2011-12": 20, "2014-15": 30])),
            // A base of 0: no per cent change at all.
            ("theta", council("theta", code: "909", adopted: ["2011-12": 0, "2014-15": 5])),
        ]
        for (id, text) in files { try folder.write("\(id).json", text) }
        for id in ["partnershire", "delta"] { try folder.write("\(id).md", "A synthetic narrative for the tests.\n") }
        let result = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        let dataset = try #require(result.dataset, "\(result.errors)")
        return (folder, dataset)
    }

    @Test("the median of the neighbours counted, the difference from it, and each neighbour left out with its reason")
    func neighbours() throws {
        let (_, dataset) = try Self.dataset()
        let partner = try #require(dataset.authority("partnershire"))
        let row = try #require(Comparer(dataset: dataset).compare(partner).comparison(for: "children-adopted"))
        let neighbours = try #require(row.neighbours)
        #expect(neighbours.model.year == 2021)
        // Counted: alpha +50%, beta −10%, epsilon (its predecessor's figures) +200%, zeta +62.5%:
        // an even count, so the median is the mean of the middle two, 56.25.
        #expect(neighbours.counted.map(\.name) == ["Alpha", "Beta", "Epsilon New", "Zeta"])
        #expect(neighbours.median == 56.25)
        #expect(neighbours.lowest == -10 && neighbours.highest == 200)
        #expect(neighbours.difference == 43.75)
        let byName = Dictionary(uniqueKeysWithValues: neighbours.peers.map { ($0.name, $0) })
        #expect(byName["Epsilon New"]?.followedBackTo?.id == "epsilon-old")
        #expect(
            byName["Gamma"]?.exclusion?.words
                == "DfE published no figure for 2014-15 (\"x\": suppressed: 1 to 5 children, or hidden so that a figure of 1 to 5 cannot be worked out)"
        )
        #expect(byName["Delta"]?.exclusion?.words == "it had its own partnership with Test Agency (the start to the end) over these years")
        #expect(byName["Theta"]?.exclusion?.words == "its figure for 2011-12 is 0, so it has no per cent change")
        // Listed itself and reached through Epsilon New: one set of figures, counted once.
        #expect(byName["Epsilon Old"]?.exclusion == .sameFiguresAs("Epsilon New"))
        #expect(
            PeerWords.neighbours(neighbours, partner: partner, change: try #require(row.change), unit: .count)
                == "Partnershire's 8 statistical neighbours in DfE's April 2021 model: 4 are counted over the same years (2011-12 and 2014-15). Their changes ran from −10% to +200%, with a median of +56%. Partnershire's +100% is 43.8 percentage points above that median. Added together, the counted neighbours went from 90 to 124. Allowing for chance at 95%, Partnershire's change was similar to theirs: the gap could be chance."
        )
        // 40 to 80 is +100% against the neighbours' +38% together, yet 80 of 120 has the Wilson interval
        // 0.5783 to 0.7447, and had it changed as they did its share would be 124 of 214, 0.5794: inside.
        #expect(neighbours.pooled?.from == 90 && neighbours.pooled?.to == 124 && neighbours.pooled?.standing == .similar)
    }

    @Test(
        "the rank among every council that existed over the years: tiny bases and suppressed years left out and counted, ties by name"
    )
    func rank() throws {
        let (_, dataset) = try Self.dataset()
        let partner = try #require(dataset.authority("partnershire"))
        let row = try #require(Comparer(dataset: dataset).compare(partner).comparison(for: "children-adopted"))
        let rank = try #require(row.rank)
        // Ranked: epsilon-old +200%, partnershire +100%, alpha and eta +50% (tied, in id order), delta +10%, beta −10%.
        #expect(rank.changes.map(\.authority.id) == ["epsilon-old", "partnershire", "alpha", "eta", "delta", "beta"])
        #expect(rank.rank == 2 && rank.of == 6 && rank.tiedWith == 0)
        #expect(rank.leftOut.map(\.group.words) == ["base of 10 or fewer", "suppressed"])
        #expect(rank.leftOut.map(\.count) == [2, 1])
        // Groups are listed in the order of their words, which their declaration keeps.
        let words = PeerExclusion.Group.allCases.map(\.words)
        #expect(words == words.sorted())
        #expect(
            PeerWords.rank(rank, partner: partner, change: try #require(row.change))
                == "Ranked among the 6 councils with DfE figures for both 2011-12 and 2014-15, Partnershire's change was the 2nd largest increase. Among the 6 county councils, it was the 2nd largest increase. Left out: 2 (base of 10 or fewer) and 1 (suppressed)."
        )
        // Alpha ties with Eta; changes chance could explain (Alpha's 20 to 30, Beta's 50 to 45) are placed, not called a rise or fall.
        let comparer = Comparer(dataset: dataset)
        let placing = { (id: String) -> String? in
            guard let council = dataset.authority(id), let figures = council.series(for: "children-adopted")?.preferredObservations,
                figures.count == 2
            else { return "no figures" }
            let change = Change(from: figures[0], to: figures[1], unit: .count, polarity: .higherIsBetter)
            return comparer.rank(of: council, row.indicator, change).map { PeerWords.position($0, change: change) }
        }
        #expect(placing("alpha") == "joint 3rd from the largest increase", "20 to 30 could be chance, so it is placed, not called a rise")
        #expect(placing("beta") == "6th from the largest increase")
        // A partner's own per cent change from a base of 10 or fewer is not ranked either.
        #expect(placing("zeta") == nil)
    }

    @Test("the rank and the neighbours' median do not depend on the order the councils come in")
    func orderDoesNotMatter() throws {
        let (_, dataset) = try Self.dataset()
        let shuffled = Dataset(
            indicators: dataset.indicators, authorities: dataset.authorities.reversed(), england: dataset.england,
            settings: dataset.settings)
        let rows = try [dataset, shuffled].map { data in
            let partner = try #require(data.authority("partnershire"))
            return try #require(Comparer(dataset: data).compare(partner).comparison(for: "children-adopted"))
        }
        #expect(rows[0].rank?.changes.map(\.authority.id) == rows[1].rank?.changes.map(\.authority.id))
        #expect(rows[0].rank?.rank == rows[1].rank?.rank && rows[0].neighbours?.median == rows[1].neighbours?.median)
        #expect(rows[1].rank?.rank == 2)
    }

    @Test("the partnership's page shows the neighbours' table and the rank")
    func page() throws {
        let (_, dataset) = try Self.dataset()
        let site = try SiteBuilder.build(dataset)
        let page = String(decoding: try #require(site.files["authorities/partnershire.html"]), as: UTF8.self)
        #expect(page.contains("<h2 id=\"neighbours\">Beside councils like it</h2>"))
        #expect(page.contains("Partnershire's change was the 2nd largest increase."))
        #expect(
            page.contains(
                "Counted. The figures are Epsilon Old's: Epsilon New did not exist over these years and took over part of its area."))
        #expect(page.contains("Left out: it had its own partnership with Test Agency (the start to the end) over these years."))
    }

    @Test("narrative tokens give the neighbours' median, the difference from it, the rank and the interval; a reported change has none")
    func tokens() throws {
        let (_, dataset) = try Self.dataset()
        let partner = try #require(dataset.authority("partnershire"))
        let tokens = NarrativeTokens(Comparer(dataset: dataset).compare(partner))
        let text =
            "{{children-adopted.neighbours-change}}; {{children-adopted.versus-neighbours}}; {{children-adopted.neighbours-model}}; {{children-adopted.rank}}; {{children-adopted.interval}}"
        let filled = try tokens.fill(text, file: "partnershire.md").get()
        #expect(
            filled
                == #"\+56%; 43\.8 percentage points above the median of its statistical neighbours \(\+56%\); April 2021 model; the 2nd largest increase of 6 councils; 63 to 100"#
        )
        // Testshire's change is between figures of its own file, not DfE's: nothing to set beside the neighbours'.
        let testshire = try #require(dataset.authority("testshire"))
        let missing = NarrativeTokens(Comparer(dataset: dataset).compare(testshire)).fill("{{children-adopted.rank}}", file: "testshire.md")
        guard case .failure(let problems) = missing else {
            Issue.record("a rank was given for a change between reported figures")
            return
        }
        #expect(
            problems.problems.map(\.message) == [
                "{{children-adopted.rank}} has no value: only changes between DfE's own figures are ranked, and not a per cent change from 10 or fewer"
            ])
    }

    @Test("validate refuses a neighbour listed twice or a council as its own neighbour, and warns of a neighbour with no file")
    func badNeighbourLists() throws {
        let (folder, _) = try Self.dataset()
        let text = try folder.read("partnershire.json")
        try folder.write(
            "partnershire.json",
            text.replacingOccurrences(
                of: "{ \"dfeCode\": \"902\", \"council\": \"beta\"", with: "{ \"dfeCode\": \"901\", \"council\": \"alpha\""
            )
            .replacingOccurrences(
                of: "{ \"dfeCode\": \"903\", \"council\": \"gamma\"", with: "{ \"dfeCode\": \"900\", \"council\": \"gamma\""
            )
            .replacingOccurrences(of: "\"council\": \"zeta\"", with: "\"council\": \"zetta\""))
        let result = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: true)
        #expect(result.exitCode == 1)
        #expect(
            result.errors.contains("council 901 is listed twice in the 2021 model; keep it once, as DfE's file does"), "\(result.errors)")
        #expect(
            result.errors.contains(
                "council 900 is listed as its own neighbour; a council's neighbours are other councils, so import DfE's file again"))
        try folder.write("partnershire.json", text.replacingOccurrences(of: "\"council\": \"zeta\"", with: "\"council\": \"zetta\""))
        let warned = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: true)
        #expect(warned.exitCode == 0)
        #expect(
            (warned.output + warned.errors).contains(
                "\"zetta\" (council 906) has no file here, so it is left out of the 2021 neighbours' comparisons; import DfE's tables again, or add its file"
            ), "\(warned.output)")
    }

    // MARK: DfE's real files

    @Test(
        "the import writes each council's neighbours as DfE's 2021 model lists them: Kent's ten, nearest first",
        .enabled(if: Official.available, "skipped: ../shared/official is not beside this clone, so DfE's real files cannot be read"))
    func kentsNeighboursFromTheFile() throws {
        let kent = try #require(Official.real.neighbours.first { $0.council == "886" && $0.model.year == 2021 })
        #expect(kent.nearest.map(\.code) == ["881", "845", "866", "885", "888", "941", "891", "937", "935", "860"])
        #expect(kent.nearest.map(\.closeness) == ["Extremely close"] + Array(repeating: "Very close", count: 9))
        let harrow = try #require(Official.real.neighbours.first { $0.council == "310" && $0.model.year == 2025 })
        #expect(harrow.nearest.first == ListedNeighbour(code: "317", closeness: "Very close"))
    }

    /// Worked by hand from SFR20_ADP2012.csv (2011-12) and the LAIT extract of November 2024 (2014-15,
    /// its revision of SFR34): Essex 94→95, East Sussex 18→43, Swindon 10→13, Worcestershire 22→54,
    /// Lancashire 69→121, Northamptonshire (for West Northamptonshire) 32→68, Nottinghamshire 43→97,
    /// Warwickshire 31→64, Suffolk 62→72, Staffordshire 43→62. Sorted, the middle two are +75.4% and
    /// +106.5%, so the median is +90.9%; Kent's 70→181 is +158.6%. Ranked over the same files, 117
    /// councils have figures for both years and a base over 10, and Kent's rise is the 11th largest.
    @Test("known answers for Kent's adoptions, 2011-12 to 2014-15: its neighbours' median change and its rank")
    func kentKnownAnswers() throws {
        let dataset = Project.dataset
        let kent = try #require(dataset.authority("kent"))
        let row = try #require(Comparer(dataset: dataset).compare(kent).comparison(for: "children-adopted"))
        let change = try #require(row.change)
        #expect(change.from.period.notation == "2011-12" && change.to.period.notation == "2014-15")
        let neighbours = try #require(row.neighbours)
        #expect(neighbours.model.year == 2021)
        #expect(neighbours.peers.map(\.name).first == "Essex")
        #expect(neighbours.counted.count == 10)
        #expect(try #require(neighbours.median).rounded(toPlaces: 1) == 90.9)
        #expect(try #require(neighbours.difference).rounded(toPlaces: 1) == 67.7)
        #expect(neighbours.peers.first { $0.name == "West Northamptonshire" }?.followedBackTo?.id == "northamptonshire")
        let rank = try #require(row.rank)
        #expect(rank.rank == 11 && rank.of == 117)
        #expect(rank.leftOut.first { $0.group.words == "base of 10 or fewer" }?.count == 21)
        #expect(rank.leftOut.first { $0.group.words == "suppressed" }?.count == 13)
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
