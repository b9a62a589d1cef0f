// `dashboard import`: DfE's three forms read from small synthetic fixtures, every bad input with its
// exact message, and known answers from the real releases in ../shared/official when it is there.

import Foundation
import Testing

@testable import PartnershipDashboard

/// Where the importer's fixtures and DfE's real files are.
enum Official {
    static let fixtures = Project.fixtures.appendingPathComponent("Official", isDirectory: true)
    static let shared = Project.root.deletingLastPathComponent().appendingPathComponent("shared/official", isDirectory: true)
    static var available: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("PROVENANCE.md").path) }

    /// Everything read from the real releases, once.
    static let real: OfficialImport = OfficialImport.read([(shared, "../shared/official")])

    static func read(_ relative: String) -> OfficialImport {
        OfficialImport.read([(fixtures.appendingPathComponent(relative), relative)])
    }

    /// The one figure for an area, measure and period from a release, if there is exactly one.
    static func figure(_ read: OfficialImport, _ area: OfficialArea, _ indicator: String, _ period: String, release: String? = nil)
        -> OfficialFigure?
    {
        let found = read.figures.filter {
            $0.area == area && $0.indicator == indicator && $0.period == period && (release == nil || $0.release.id == release)
        }
        return found.count == 1 ? found[0] : nil
    }
}

@Suite("Importing DfE's tables")
struct ImportTests {
    @Test("reads an Explore Education Statistics table: numbers, shares, suppressed cells, and the cell each came from")
    func explore() throws {
        let read = Official.read("explore")
        #expect(read.problems.isEmpty, "\(read.problems)")
        let england = try #require(Official.figure(read, .england, "children-adopted", "2023-24"))
        #expect(england.value == 3000)
        #expect(england.release.id == "dfe-cla-2024")
        #expect(england.release.title == "Children looked after in England including adoptions: 2023 to 2024")
        #expect(Official.figure(read, .england, "ceased-care-adopted-share", "2023-24")?.value == 10)
        #expect(Official.figure(read, .region("E12000008"), "children-adopted", "2023-24")?.value == 400)
        let council = try #require(Official.figure(read, .council("886"), "children-adopted", "2023-24"))
        #expect(council.value == 60)
        #expect(council.table == "la_children_who_ceased_during_the_year.csv")
        #expect(council.column == "Reason episode ceased: Adopted")
        #expect((council.line, council.position) == (6, 158))
        #expect(Official.figure(read, .council("886"), "ceased-care", "2023-24")?.value == 900)
        let suppressed = try #require(Official.figure(read, .council("886"), "children-adopted", "2022-23"))
        #expect(suppressed.value == nil)
        #expect(suppressed.symbol == "c")
        #expect(suppressed.release.symbols["c"] == "suppressed to protect confidentiality (small numbers)")
        #expect(Official.figure(read, .council("886"), "ceased-care-adopted-share", "2022-23")?.symbol == "c")
        #expect(read.figures.count == 12, "the row of another reason is not imported: \(read.figures.map(\.indicator))")
    }

    @Test("reads a statistical first release's tables, taking the year from a column, a folder or a table beside it")
    func firstRelease() throws {
        let read = Official.read("first-release")
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.warnings.isEmpty, "the total of children leaving care agrees in the two tables: \(read.warnings)")
        #expect(Official.figure(read, .england, "looked-after-children", "2011-03-31")?.value == 65000)
        #expect(
            Official.figure(read, .region("E12000007"), "looked-after-children", "2011-03-31")?.value == 10000, "Inner London is left out")
        #expect(Official.figure(read, .council("310"), "looked-after-children", "2011-03-31")?.value == 160)
        #expect(Official.figure(read, .council("310"), "lac-placed-for-adoption", "2011-03-31")?.symbol == "x")
        let adopted = try #require(Official.figure(read, .council("310"), "children-adopted", "2010-11"))
        #expect(adopted.value == 6)
        #expect(adopted.table == "SFR99_ADP.csv")
        #expect(adopted.column == "CLA_ceaAdop")
        #expect(adopted.release.id == "dfe-cla-2011")
        #expect(adopted.release.published == "2011-09-28")
        #expect(Official.figure(read, .council("310"), "children-adopted-unopposed", "2010-11")?.value == 6, "CEA's CLA_ceaAdop is a route")
        #expect(Official.figure(read, .council("310"), "children-adopted-consent-dispensed", "2010-11")?.value == 0)
        #expect(Official.figure(read, .council("310"), "ceased-care-sgo-former-foster-carer", "2010-11")?.symbol == "x")
        #expect(Official.figure(read, .council("310"), "ceased-care-sgo-other-carer", "2010-11")?.value == 9)
        #expect(Official.figure(read, .council("310"), "ceased-care", "2010-11")?.value == 125)
    }

    @Test("reads the Local Authority Interactive Tool's long extract, leaving out Inner London and measures it does not use")
    func lait() throws {
        let read = Official.read("lait")
        #expect(read.problems.isEmpty, "\(read.problems)")
        let adopted = try #require(Official.figure(read, .council("886"), "children-adopted", "2023-24"))
        #expect(adopted.value == 61)
        #expect(adopted.release.id == "dfe-lait-2025")
        #expect(Official.figure(read, .council("886"), "children-adopted", "2024-25")?.symbol == "-")
        #expect(Official.figure(read, .england, "ceased-care-adopted-share", "2024-25")?.value == 9)
        #expect(read.figures.count == 3)
    }

    @Test("the dry run says what it read and writes nothing")
    func dryRunSummary() throws {
        let folder = try Project.minimalFolder()
        let before = try folder.read("testshire.json")
        let result = Import.run(
            paths: [(Official.fixtures, "Official")], authorities: folder.url, display: "Authorities", dryRun: true)
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(
            result.output.hasPrefix(
                """
                Read 5 tables of figures, 0 lists of council codes and 0 files of statistical neighbours; skipped 1 other file.
                Areas: England, 2 regions and 2 councils; years ending 31 March 2011 to 2025; 9 measures.
                Figures: 33, of which 5 are suppressed or not available ("-" 1, "c" 2, "x" 2).
                Revisions: 1 figure differs from an earlier release's.

                """), "\(result.output)")
        #expect(result.output.hasSuffix("Dry run: nothing was written.\n"))
        #expect(try folder.read("testshire.json") == before)
    }

    // MARK: Writing the authority files

    /// Every file of a folder, by name, with its bytes.
    static func contents(of folder: TestFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            files[name] = try Data(contentsOf: folder.url.appendingPathComponent(name))
        }
        return files
    }

    @Test(
        "writes each area's figures into its official block, adds files for new areas, touches nothing else, and a second run changes nothing"
    )
    func writes() throws {
        let folder = try Project.minimalFolder()
        let england = try folder.read("england.json")
        let first = Import.run(paths: [(Official.fixtures, "Official")], authorities: folder.url, display: "Authorities", dryRun: false)
        #expect(first.exitCode == 0, "\(first.errors)")
        #expect(
            first.output.contains("Added 4 files and changed 1 file in Authorities; 0 files already hold these figures."), "\(first.output)"
        )
        // England's own text is kept byte for byte; the block is added as its last member.
        let kept = String(england[..<(england.range(of: "}", options: .backwards)?.lowerBound ?? england.endIndex)])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let updated = try folder.read("england.json")
        #expect(updated.hasPrefix(kept + ",\n  \"official\": {\n"))
        #expect(
            try folder.read("testshire.json") == (try Project.minimalText("testshire.json")), "an area not in the tables is not touched")
        let council = try folder.read("synthetic-shire-synthetic-test-data.json")
        #expect(council.contains("  \"type\": \"county\"") == false, "no type is guessed without DfE's list of codes")
        #expect(
            council.contains(
                "{ \"period\": \"2023-24\", \"value\": 60, \"source\": \"dfe-cla-2024\", \"status\": \"published\", \"table\": \"la_children_who_ceased_during_the_year.csv\", \"column\": \"Reason episode ceased: Adopted\" }"
            ))
        #expect(
            council.contains(
                "{ \"period\": \"2023-24\", \"value\": 61, \"source\": \"dfe-lait-2025\", \"status\": \"revised\", \"table\": \"bds_long_extract.csv\", \"column\": \"No_of LAC Adopted\" }"
            ))
        #expect(
            council.contains(
                "{ \"period\": \"2022-23\", \"symbol\": \"c\", \"source\": \"dfe-cla-2024\", \"table\": \"la_children_who_ceased_during_the_year.csv\", \"column\": \"Reason episode ceased: Adopted\" }"
            ))

        let validation = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(validation.exitCode == 0, "\(validation.errors)")
        let dataset = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").dataset)
        let shire = try #require(dataset.authority("synthetic-shire-synthetic-test-data"))
        let adopted = try #require(shire.series(for: "children-adopted"))
        #expect(adopted.preferredObservations.map(\.value) == [61], "the latest release's figure is used; the suppressed year has none")
        let suppressed = adopted.suppression(in: try Period.parse("2022-23").get())
        #expect(suppressed.map(\.symbol) == ["c"])
        #expect(suppressed.first?.meaning == "suppressed to protect confidentiality (small numbers)")
        #expect(shire.official?.dfeCode == "886")
        let csv = Downloads.figuresCSV(dataset)
        let row = try #require(
            csv.split(separator: "\n").first {
                $0.hasPrefix("synthetic-shire-synthetic-test-data,") && $0.contains(",2022-23,2022-23,,suppressed,")
                    && $0.contains(",children-adopted,")
            })
        #expect(
            row.hasSuffix(
                ",la_children_who_ceased_during_the_year.csv,Reason episode ceased: Adopted,c,suppressed to protect confidentiality (small numbers)"
            ))

        // The site: a page for the new council saying what its figures are, a pack only for the partnership.
        let site = try SiteBuilder.build(dataset)
        #expect(site.files["downloads/testshire-briefing-pack.zip"] != nil)
        #expect(site.files["downloads/synthetic-shire-synthetic-test-data-briefing-pack.zip"] == nil)
        let page = String(decoding: try #require(site.files["authorities/synthetic-shire-synthetic-test-data.html"]), as: UTF8.self)
        #expect(
            page.contains(
                "Official figures from the Department for Education for the year ending 31 March 2024. No partnership with a voluntary adoption agency is recorded here."
            ))
        #expect(!page.contains("briefing pack"))
        #expect(page.contains(">not published (\"c\")<"), "the suppressed year is shown as what it is")
        // Only the core measures are charted for an area without a partnership; a partnership gets every measure.
        #expect(shire.charts("children-adopted") && !shire.charts("ceased-care"))
        #expect(try #require(dataset.authority("testshire")).charts("ceased-care"))
        #expect(site.paths.filter { $0.hasPrefix("charts/synthetic-shire-synthetic-test-data-ceased-care-over-time") }.isEmpty)

        let before = try Self.contents(of: folder)
        let second = Import.run(paths: [(Official.fixtures, "Official")], authorities: folder.url, display: "Authorities", dryRun: false)
        #expect(second.output.contains("Added 0 files and changed 0 files in Authorities; 5 files already hold these figures."))
        #expect(try Self.contents(of: folder) == before, "importing the same tables again changes no byte")
        let one = Import.run(
            paths: [(Official.fixtures.appendingPathComponent("lait"), "lait")], authorities: folder.url, display: "Authorities",
            dryRun: false)
        #expect(one.exitCode == 0)
        #expect(try Self.contents(of: folder) == before, "importing one release again keeps the other releases' figures")
    }

    @Test("an import of one release keeps what an earlier import took from DfE's list of councils")
    func partialImportKeepsCodes() throws {
        let folder = try Project.minimalFolder()
        let tables = try TestFolder()
        try FileManager.default.copyItem(
            at: Official.fixtures.appendingPathComponent("lait"), to: tables.url.appendingPathComponent("lait"))
        try tables.write("las.csv", Self.register)
        let first = Import.run(paths: [(tables.url, "tables")], authorities: folder.url, display: "Authorities", dryRun: false)
        #expect(first.exitCode == 0, "\(first.errors)")
        let kent = try folder.read("kent.json")
        #expect(kent.contains("\"codes\": [\n      { \"gss\": \"E10000016\", \"from\": \"2009-01-01\" }\n    ],"))
        let second = Import.run(
            paths: [(tables.url.appendingPathComponent("lait"), "lait")], authorities: folder.url, display: "Authorities", dryRun: false)
        #expect(second.exitCode == 0)
        #expect(try folder.read("kent.json") == kent, "the codes stay when the import brings no list of councils")
    }

    @Test("a release listed twice in a block is an error for validate, and no crash for import")
    func releaseListedTwice() throws {
        let folder = try Project.minimalFolder()
        #expect(
            Import.run(paths: [(Official.fixtures, "Official")], authorities: folder.url, display: "Authorities", dryRun: false).exitCode
                == 0)
        let name = "synthetic-shire-synthetic-test-data.json"
        let text = try folder.read(name)
        let line = try #require(text.split(separator: "\n").first { $0.contains("{ \"id\": \"dfe-cla-2024\"") })
        try folder.write(name, text.replacingOccurrences(of: String(line), with: String(line) + "\n" + String(line)))
        let validation = Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false)
        #expect(validation.exitCode == 1)
        #expect(validation.errors.contains("the release \"dfe-cla-2024\" is listed twice; import the tables again to rewrite this block"))
        let again = Import.run(paths: [(Official.fixtures, "Official")], authorities: folder.url, display: "Authorities", dryRun: false)
        #expect(again.exitCode == 0, "\(again.errors)")
        #expect(
            Validate.run(authorities: folder.url, display: "Authorities", listWarnings: false).exitCode == 0, "the import rewrote the block"
        )
    }

    /// Gives the minimal folder's testshire.json an official block, spliced in as the import does.
    static func addOfficialBlock(_ block: String, to folder: TestFolder) throws {
        let bytes = Array(try folder.read("testshire.json").utf8)
        let root = try JSONParser.parse(bytes)
        try folder.write("testshire.json", String(decoding: OfficialBlock.splice(block, into: bytes, root: root), as: UTF8.self))
    }

    @Test("the engine treats a suppressed year as no figure, compares the years around it, and says why")
    func suppressedYearInComparison() throws {
        let folder = try Project.minimalFolder()
        let block = """
            {
                "about": "\(OfficialBlock.about)",
                "sources": [
                  { "id": "dfe-cla-2015", "title": "Synthetic release (synthetic test data)", "publisher": "Department for Education", "url": "https://example.org/release", "published": "2015", "symbols": { "x": "suppressed: 1 to 5 children" } }
                ],
                "indicators": [
                  { "id": "ceased-care", "unit": "count",
                    "observations": [
                      { "period": "2010-11", "value": 40, "source": "dfe-cla-2015", "status": "published" },
                      { "period": "2014-15", "value": 52, "source": "dfe-cla-2015", "status": "published" }
                    ],
                    "suppressed": [
                      { "period": "2011-12", "symbol": "x", "source": "dfe-cla-2015" },
                      { "period": "2015-16", "symbol": "x", "source": "dfe-cla-2015" }
                    ] }
                ]
              }
            """
        try Self.addOfficialBlock(block, to: folder)
        let dataset = try #require(
            DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").dataset,
            "\(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").errors)")
        let comparison = try #require(Comparer(dataset: dataset).compareAll().first?.comparison(for: "ceased-care"))
        #expect(comparison.baseline?.observation.period.notation == "2010-11")
        #expect(comparison.outcome?.observation.period.notation == "2014-15")
        // One caveat names every year left out, with DfE's symbol and what it means.
        #expect(
            comparison.caveats.filter { $0.kind == .suppressedFigures }.map(\.text) == [
                "DfE published no figure for 2011-12 and 2015-16 (marked \"x\", meaning suppressed: 1 to 5 children), so those years are not compared."
            ])
    }

    @Test("official figures are compared with official ones and reported with reported: none across the start of the official series")
    func officialNotComparedWithReported() throws {
        let folder = try Project.minimalFolder()
        let block = """
            {
                "about": "\(OfficialBlock.about)",
                "sources": [
                  { "id": "dfe-cla-2015", "title": "Synthetic release (synthetic test data)", "publisher": "Department for Education", "url": "https://example.org/release", "published": "2015" }
                ],
                "indicators": [
                  { "id": "children-adopted", "unit": "count",
                    "observations": [
                      { "period": "2012-13", "value": 15, "source": "dfe-cla-2015", "status": "published" },
                      { "period": "2014-15", "value": 25, "source": "dfe-cla-2015", "status": "published" }
                    ], "suppressed": [] },
                  { "id": "ceased-care-adopted-share", "unit": "percent",
                    "observations": [ { "period": "2013-14", "value": 20, "source": "dfe-cla-2015", "status": "published" } ],
                    "suppressed": [] }
                ]
              }
            """
        try Self.addOfficialBlock(block, to: folder)
        let dataset = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").dataset)
        let comparisons = try #require(Comparer(dataset: dataset).compareAll().first)
        let adopted = try #require(comparisons.comparison(for: "children-adopted"))
        #expect(adopted.baseline?.observation.value == 10)
        #expect(adopted.outcome?.observation.value == 20, "the reported figure during, not DfE's 25: like is compared with like")
        let share = try #require(comparisons.comparison(for: "ceased-care-adopted-share"))
        #expect(share.change == nil)
        #expect(
            share.unavailable?.words
                == "the official figures start with 2013-14, after the partnership began, and reported figures from before it are not compared with official ones"
        )
    }

    @Test("a change in DfE's share adopted is tested against chance from the adoptions and leavers it is made of")
    func shareTestedAgainstChance() throws {
        func share(adopted: (Int, Int), left: (Int, Int)) throws -> IndicatorComparison {
            let folder = try Project.minimalFolder()
            let cells = { (first: Int, second: Int) in
                """
                [ { "period": "2011-12", "value": \(first), "source": "dfe-cla-2015", "status": "published" },
                  { "period": "2014-15", "value": \(second), "source": "dfe-cla-2015", "status": "published" } ]
                """
            }
            let percent = { (x: Int, n: Int) in Double(x * 100) / Double(n) }
            let block = """
                {
                    "about": "\(OfficialBlock.about)",
                    "sources": [
                      { "id": "dfe-cla-2015", "title": "Synthetic release (synthetic test data)", "publisher": "Department for Education", "url": "https://example.org/release", "published": "2015" }
                    ],
                    "indicators": [
                      { "id": "ceased-care", "unit": "count", "observations": \(cells(left.0, left.1)), "suppressed": [] },
                      { "id": "children-adopted", "unit": "count", "observations": \(cells(adopted.0, adopted.1)), "suppressed": [] },
                      { "id": "ceased-care-adopted-share", "unit": "percent",
                        "observations": [
                          { "period": "2011-12", "value": \(percent(adopted.0, left.0)), "source": "dfe-cla-2015", "status": "published" },
                          { "period": "2014-15", "value": \(percent(adopted.1, left.1)), "source": "dfe-cla-2015", "status": "published" }
                        ], "suppressed": [] }
                    ]
                  }
                """
            try Self.addOfficialBlock(block, to: folder)
            let dataset = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").dataset)
            return try #require(Comparer(dataset: dataset).compareAll().first?.comparison(for: "ceased-care-adopted-share"))
        }
        // 10 of 100 to 14 of 100: four points that chance could give.
        let small = try share(adopted: (10, 14), left: (100, 100))
        #expect(small.change?.percentagePoints == 4)
        #expect(small.change?.direction == .noClearChange)
        // The same four points from 1,000 leavers a year are clear.
        let large = try share(adopted: (100, 140), left: (1000, 1000))
        #expect(large.change?.percentagePoints == 4)
        #expect(large.change?.direction == .improving)
    }

    @Test("a measure the catalogue does not define stops the import before anything is written")
    func undefinedMeasure() throws {
        let folder = try Project.minimalFolder()
        let catalogue = try folder.read("indicators.json")
        try folder.write(
            "indicators.json", catalogue.replacingOccurrences(of: "\"id\": \"ceased-care\"", with: "\"id\": \"ceased-care-renamed\""))
        let before = try Self.contents(of: folder)
        let result = Import.run(paths: [(Official.fixtures, "Official")], authorities: folder.url, display: "Authorities", dryRun: false)
        #expect(result.exitCode == 1)
        #expect(
            result.errors.contains(
                "Authorities/indicators.json: error: does not define \"ceased-care\", which the tables hold; add its definition (README, \"Importing DfE's tables\") and import again"
            ))
        #expect(try Self.contents(of: folder) == before)
    }

    @Test("a write that fails part-way puts back every file it had replaced")
    func failedWriteIsUndone() throws {
        let folder = try TestFolder()
        try folder.write("a.json", "old a")
        try folder.write("c.json", "someone else's c")
        let before = try Self.contents(of: folder)
        #expect(throws: FileFailure.self) {
            // a.json is replaced first; c.json, to be created, is already there, so everything is undone.
            try AtomicFile.replaceAll([
                (folder.url.appendingPathComponent("a.json"), "a.json", Data("new a".utf8), false),
                (folder.url.appendingPathComponent("c.json"), "c.json", Data("new c".utf8), true),
            ])
        }
        #expect(try Self.contents(of: folder) == before)
    }

    // MARK: Bad input, each with its exact message

    /// Writes `text` as a CSV file in a folder of its own and imports it by name.
    func importing(_ text: String, name: String = "table.csv", register: String? = nil) throws -> [String] {
        let folder = try TestFolder()
        try folder.write(name, text)
        var paths = [(folder.url.appendingPathComponent(name), name)]
        if let register {
            try folder.write("las.csv", register)
            paths.append((folder.url.appendingPathComponent("las.csv"), "las.csv"))
        }
        return OfficialImport.read(paths).problems.map(\.description)
    }

    static let exploreHeader =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,characteristic,number,percentage\n"
    static let kentRow =
        "2024,Reporting year,Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016,Reason episode ceased,"

    @Test("a truncated file: a quoted cell never closed")
    func truncated() throws {
        #expect(
            try importing(Self.exploreHeader + Self.kentRow + "\"Adopted,6")
                == ["table.csv:2:117: error: a quoted cell is never closed; the file may be cut short"])
    }

    @Test("a changed header, named by the user: the forms the import knows are listed")
    func changedHeader() throws {
        let problems = try importing("year,area,adopted\n2024,Kent,181\n")
        #expect(
            problems == [
                "table.csv:1:1: error: this is not one of the forms the import reads (its header starts year, area, adopted); it reads \(OfficialForm.known)"
            ])
    }

    static let neighbourHeader =
        "old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P,SN_4,SN_4P,SN_5,SN_5P,SN_6,SN_6P,SN_7,SN_7P,SN_8,SN_8P,SN_9,SN_9P,SN_10,SN_10P\n"

    @Test("statistical neighbours: a band DfE does not use, a code that is not one, and a file whose model year cannot be told")
    func neighbourFiles() throws {
        let row = "991,Synthetic Shire,2,Nowhere," + (1...10).map { "98\($0 - 1),Very close" }.joined(separator: ",") + "\n"
        #expect(try importing(Self.neighbourHeader + row, name: "sn_model_2025_wide.csv").isEmpty)
        #expect(
            try importing(
                Self.neighbourHeader + row.replacingOccurrences(of: "982,Very close", with: "982,Quite near"), name: "sn_2025.csv")
                == [
                    "sn_2025.csv:2:65: error: \"Quite near\" is not one of DfE's bands of closeness (Extremely close, Very close, Close, Somewhat close, Not close); it belongs in the column after each neighbour's code"
                ])
        #expect(
            try importing(Self.neighbourHeader + row.replacingOccurrences(of: "983,", with: "83,"), name: "sn_2025.csv")
                == ["sn_2025.csv:2:76: error: \"83\" is not a council's three-digit DfE code, e.g. 881 for Essex"])
        #expect(
            try importing(Self.neighbourHeader + row.replacingOccurrences(of: "984,", with: "991,"), name: "sn_2025.csv")
                == ["sn_2025.csv:2:91: error: council 991 is listed as its own neighbour; a council's neighbours are other councils"])
        #expect(
            try importing(Self.neighbourHeader + row, name: "neighbours.csv") == [
                "neighbours.csv: error: cannot tell which year's model of statistical neighbours this is; keep the year in the file's name as DfE gives it (New_Statistical_Neighbour_Groupings_April_2021.csv, sn_model_2025_wide.csv)"
            ])
    }

    @Test("numbers with thousands separators or spaces")
    func separatorsAndSpaces() throws {
        #expect(
            try importing(Self.exploreHeader + Self.kentRow + "Total,\"1,078\",100\n")
                == ["table.csv:2:123: error: \"1,078\" has a thousands separator; write 1078 without it"])
        #expect(
            try importing(Self.exploreHeader + Self.kentRow + "Total, 1078,100\n")
                == ["table.csv:2:123: error: \" 1078\" has spaces around the figure; write 1078 with none"])
    }

    @Test("a percentage over 100")
    func percentageOverHundred() throws {
        #expect(
            try importing(Self.exploreHeader + Self.kentRow + "Adopted,181,121\n")
                == ["table.csv:2:129: error: 121 is not a percentage; a share of children is 0 to 100"])
    }

    @Test("a cell that is neither a figure nor a symbol")
    func notAFigure() throws {
        #expect(
            try importing(Self.exploreHeader + Self.kentRow + "Adopted,n/a,7\n")
                == [
                    "table.csv:2:125: error: \"n/a\" is not a figure or one of the release's symbols (\":\", \"c\", \"k\", \"u\", \"x\", \"z\"); write the figure as digits"
                ])
    }

    @Test("duplicate rows that disagree: the first is kept and the disagreement reported")
    func duplicateRows() throws {
        let folder = try TestFolder()
        try folder.write("table.csv", Self.exploreHeader + Self.kentRow + "Adopted,68,2\n" + Self.kentRow + "Adopted,69,2\n")
        let read = OfficialImport.read([(folder.url.appendingPathComponent("table.csv"), "table.csv")])
        #expect(read.problems.isEmpty)
        #expect(
            read.warnings == [
                "table.csv:3:125: Kent's children-adopted for 2023-24 is 69 here but 68 in table.csv of the same release; the figure from table.csv is kept"
            ])
        #expect(Official.figure(read, .council("886"), "children-adopted", "2023-24")?.value == 68)
    }

    @Test("a file from another DfE collection")
    func otherCollection() throws {
        let header = "time_period,time_identifier,geographic_level,country_code,country_name,old_la_code,la_name,school_type,number\n"
        #expect(
            try importing(header + "2024,Academic year,Local authority,E92000001,England,886,Kent,Primary,500\n")
                == [
                    "table.csv:1:1: error: this Explore Education Statistics file is not one of the children-looked-after tables (it has no cla_group and characteristic columns); download the tables of \"Children looked after in England including adoptions\""
                ])
    }

    static let register = """
        new_la_code,la_name,date_of_operation,date_of_termination,parent_geography_code,entity_code,entity_description,status,old_la_code
        E10000021,Northamptonshire,01/01/2009,31/03/2021,E12000004,E10,Counties,terminated,928
        E06000061,North Northamptonshire,01/04/2021,,E12000004,E06,Unitary Authorities,live,940
        E06000062,West Northamptonshire,01/04/2021,,E12000004,E06,Unitary Authorities,live,941
        E10000016,Kent,01/01/2009,,E12000008,E10,Counties,live,886

        """

    @Test("a retired council code used after the council ended names its successors; an unknown code is named")
    func retiredAndUnknownCodes() throws {
        let retired =
            "2022,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,928,Northamptonshire,E10000021,Reason episode ceased,Adopted,30,5\n"
        #expect(
            try importing(Self.exploreHeader + retired, register: Self.register)
                == [
                    "table.csv:2:143: error: council 928 (Northamptonshire) ended on 2021-03-31, but this row gives a figure for 2021-22; from then on its figures are under North Northamptonshire (940) and West Northamptonshire (941)"
                ])
        let placeholder =
            "2022,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,928,Northamptonshire,E10000021,Reason episode ceased,Adopted,z,z\n"
        #expect(
            try importing(Self.exploreHeader + placeholder, register: Self.register).isEmpty, "DfE's z for a council that no longer exists")
        let unknown =
            "2022,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,999,Nowhere,E10000099,Reason episode ceased,Adopted,3,1\n"
        #expect(
            try importing(Self.exploreHeader + unknown, register: Self.register)
                == [
                    "table.csv:2:133: error: 999 (Nowhere) is not a council code in DfE's list (las.csv); check the code, or import a newer las.csv"
                ])
    }

    @Test("a file that is not CSV, or a path that is not there")
    func notCSV() throws {
        #expect(
            try importing("PK\u{3}\u{4}", name: "release.xlsx")
                == ["release.xlsx: error: is not a CSV file; the import reads DfE's CSV tables: \(OfficialForm.known)"])
        #expect(
            OfficialImport.read([(URL(fileURLWithPath: "/nowhere/release.csv"), "release.csv")]).problems.map(\.description)
                == ["release.csv: error: there is no such file or folder; check the path"])
    }

    // MARK: The real releases

    @Test(
        "known answers from DfE's own files: Kent, Harrow and England",
        .enabled(if: Official.available, "skipped: ../shared/official is not beside this clone, so DfE's real files cannot be read"))
    func knownAnswers() throws {
        let read = Official.real
        #expect(read.problems.isEmpty, "\(read.problems.prefix(5))")
        #expect(Official.figure(read, .council("886"), "children-adopted", "2011-12", release: "dfe-cla-2012")?.value == 70)
        #expect(Official.figure(read, .council("886"), "children-adopted", "2014-15", release: "dfe-cla-2015")?.value == 181)
        #expect(Official.figure(read, .england, "children-adopted", "2014-15", release: "dfe-cla-2015")?.value == 5330)
        let revised = read.figures.filter { $0.area == .england && $0.indicator == "children-adopted" && $0.period == "2014-15" }
        #expect(revised.last?.value == 5360, "the latest release revises 5,330 to 5,360: \(revised.map { ($0.release.id, $0.value) })")
        #expect(Official.figure(read, .council("310"), "looked-after-children", "2010-03-31", release: "dfe-cla-2010")?.value == 160)
        #expect(Official.figure(read, .england, "looked-after-children", "2011-03-31", release: "dfe-cla-2011")?.value == 65520)
    }

    @Test(
        "Northamptonshire reports until 2020-21, and North and West Northamptonshire from 2021-22",
        .enabled(if: Official.available, "skipped: ../shared/official is not beside this clone, so DfE's real files cannot be read"))
    func northamptonshire() throws {
        let read = Official.real
        let periods = { (code: String) in
            Set(read.figures.filter { $0.area == .council(code) && $0.indicator == "children-adopted" && $0.value != nil }.map(\.period))
        }
        #expect(periods("928").max() == "2020-21")
        #expect(periods("940").min() == "2021-22")
        #expect(periods("941").min() == "2021-22")
    }

    @Test(
        "the same files in another order give the same figures",
        .enabled(if: Official.available, "skipped: ../shared/official is not beside this clone, so DfE's real files cannot be read"))
    func orderDoesNotMatter() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Official.shared.path).sorted().filter { !$0.hasSuffix(".md") }
        let reversed = OfficialImport.read(folders.reversed().map { (Official.shared.appendingPathComponent($0), $0) })
        #expect(reversed.figures.map(\.value) == Official.real.figures.map(\.value))
        #expect(reversed.figures.map(\.period) == Official.real.figures.map(\.period))
    }
}
