// libFuzzer targets, one build: any bytes must give problems or results, never a crash or a hang.
// Built by scripts/fuzz with `swiftc -sanitize=fuzzer,address` together with the library's sources
// from the model up to chart layout and the pages (not the raster or files). DASHBOARD_FUZZ chooses
// the target:
// - `pipeline` (the default): the bytes as an authority file (and its narrative) through loading,
//   validation, comparison, the layout of every chart and every page, made in memory; slow (the
//   dataset is loaded per input);
// - `json`: the JSON parser, and the writer writing back what it read, which must parse again to the
//   same text;
// - `period`: the period and date notations, each period read back from its own notation;
// - `authority`: one authority file through the parser and its reader alone;
// - `csv`: one of DfE's CSV files through the CSV reader and the reader of its form;
// - `narrative`: the narrative check, which parses the bytes as CommonMark.

import Foundation

let target = ProcessInfo.processInfo.environment["DASHBOARD_FUZZ"] ?? "pipeline"

/// The real indicator catalogue and England, read once.
let fixed: [String: FileContents] = {
    let authorities = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DASHBOARD_AUTHORITIES"] ?? "Authorities")
    var files: [String: FileContents] = [:]
    for name in ["indicators.json", "england.json"] {
        guard let data = try? Data(contentsOf: authorities.appendingPathComponent(name)) else {
            fatalError("the fuzz target needs \(name) in \(authorities.path); set DASHBOARD_AUTHORITIES to the Authorities folder")
        }
        files[name] = .bytes([UInt8](data))
    }
    return files
}()

/// Text measured as if every character were half as wide as the type is high: no fonts needed, and
/// layout takes the same paths as with real glyphs.
struct ApproximateMeasurer: TextMeasurer {
    func measure(_ text: String, style: FontStyle) -> TextMetrics {
        TextMetrics(width: Double(text.count) * style.size * 0.5, ascent: style.size * 0.75, descent: style.size * 0.25)
    }
}

/// The real indicator catalogue, read once, for the authority target.
let catalogue: [String: Indicator] = {
    guard case .bytes(let bytes) = fixed["indicators.json"], let node = try? JSONParser.parse(bytes) else {
        fatalError("indicators.json did not parse")
    }
    let indicators = IndicatorCatalogueReader.read(node, log: ProblemLog(file: "indicators.json"))
    return Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    switch target {
    case "json": fuzzJSON(bytes)
    case "period": fuzzPeriod(bytes)
    case "authority": fuzzAuthority(bytes)
    case "csv": fuzzCSV(bytes)
    case "narrative": _ = NarrativeCheck.problems(in: String(decoding: bytes, as: UTF8.self), file: "fuzz.md")
    default: fuzzPipeline(bytes)
    }
    return 0
}

/// What the parser reads, the writer writes back; what the writer writes, the parser reads, to the same text.
func fuzzJSON(_ bytes: [UInt8]) {
    guard let node = try? JSONParser.parse(bytes) else { return }
    let text = JSONWriter.write(node)
    guard let again = try? JSONParser.parse(Array(text.utf8)) else { fatalError("the writer wrote JSON the parser refuses: \(text)") }
    guard JSONWriter.write(again) == text else { fatalError("writing what was read back changed it: \(text)") }
}

/// A period that parses is written in a notation that parses to the same period.
func fuzzPeriod(_ bytes: [UInt8]) {
    guard let text = String(bytes: bytes.prefix(64), encoding: .utf8) else { return }
    if case .success(let period) = Period.parse(text) {
        guard case .success(let again) = Period.parse(period.notation), again == period else {
            fatalError("\(text) parsed, but its notation \(period.notation) does not give it back")
        }
        _ = period.label
    }
    _ = PartialDate.parse(text)
}

/// One authority file, parsed and read with the real catalogue, without the rest of the dataset.
func fuzzAuthority(_ bytes: [UInt8]) {
    let log = ProblemLog(file: "Authorities/fuzz.json", bytes: bytes)
    guard let node = try? JSONParser.parse(bytes) else { return }
    var reader = AuthorityReader(log: log, indicators: catalogue, fileID: "fuzz", takenIDs: ["fuzz", "england"])
    _ = reader.read(node, narrative: "# Fuzz\n")
    for problem in log.problems { _ = problem.description }
}

/// One CSV file, read as DfE's tables are, by the reader of the form its header names.
func fuzzCSV(_ bytes: [UInt8]) {
    guard let rows = try? CSVReader.rows(bytes), let header = rows.first, !header.isEmpty else { return }
    let table = OfficialTable(file: "fuzz.csv", name: "fuzz.csv", header: header, rows: Array(rows.dropFirst()))
    var problems: [ImportFailure] = []
    switch table.kind {
    case .figures(.explore): _ = ExploreTable.figures(in: table, problems: &problems)
    case .figures(.firstRelease):
        _ = FirstReleaseTable.figures(in: table, url: URL(fileURLWithPath: "/nonexistent/fuzz.csv"), problems: &problems)
    case .figures(.lait): _ = LAITTable.figures(in: table, problems: &problems)
    case .register: _ = CouncilRegister.councils(in: table, problems: &problems)
    case .neighbours: _ = NeighbourTable.groups(in: table, problems: &problems)
    case .other: break
    }
    for problem in problems { _ = problem.description }
}

/// The whole loader and every check, with the bytes as an authority file and as its narrative, then
/// the comparisons, every chart the data allows, laid out on the recording canvas, and every page
/// of the site, made in memory as the build makes them.
func fuzzPipeline(_ bytes: [UInt8]) {
    var files = fixed
    files["fuzz.json"] = .bytes(bytes)
    files["fuzz.md"] = .bytes(Array("# Fuzz\n\n{{children-adopted.change}} {{fact.x}}\n".utf8) + bytes.prefix(200))
    let result = DatasetLoader.load(files: files, displayPrefix: "Authorities")
    for problem in result.problems { _ = problem.description }
    if let analysis = result.analysis {
        _ = CompareReport(comparisons: analysis.comparisons).render(.json)
        _ = CompareReport(comparisons: analysis.comparisons).render(.table)
        // Every chart the data allows, laid out on the recording canvas: data that validates must draw.
        let published = analysis.published
        let catalogue = ChartCatalogue(published)
        for chart in catalogue.charts {
            chart.draw(on: RecordingCanvas(format: .standard, measurer: ApproximateMeasurer()))
            _ = ChartClaims.problems(chart)
        }
        // Every page, as the build makes it (narratives filled and rendered), written out in memory.
        let dataset = published.dataset
        let site = SiteContext(
            analysis: published, charts: catalogue, chartSizes: [:], dataDate: SiteContext.dataDate(of: dataset))
        var pages = [OverviewPage.page(site: site), ChangesPage.page(site: site), InformationPages.methodology(site: site)]
        for comparison in published.comparisons {
            let narrative = try? AuthorityPage.narrative(of: comparison, analysis: published).get()
            pages.append(AuthorityPage.page(comparison, narrative: narrative ?? nil, site: site))
        }
        pages += dataset.indicators.map { IndicatorPage.page($0, site: site) }
        pages.append(DownloadsPage.page(site: site, sizes: [:]))
        for page in pages { _ = page.document(site: site, lastChange: site.lastChange(of: page)) }
    }
    // The parser and writer on their own, and periods, are the `json` and `period` targets.
}
