// libFuzzer target over loading, validation, comparison and chart layout: any bytes as an
// authority file (and as its narrative) must give problems, or charts laid out, never a crash or
// a hang. Built by scripts/fuzz with `swiftc -sanitize=fuzzer,address` together with the library's
// sources from the model up to chart layout (not the raster, pages or files).

import Foundation

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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    // The parser alone, and writing back what it read.
    if let node = try? JSONParser.parse(bytes) {
        _ = JSONWriter.write(node)
    }
    // The whole loader and every check, with the bytes as an authority file and as its narrative.
    var files = fixed
    files["fuzz.json"] = .bytes(bytes)
    files["fuzz.md"] = .bytes(Array("# Fuzz\n\n{{children-adopted.change}} {{fact.x}}\n".utf8) + bytes.prefix(200))
    let result = DatasetLoader.load(files: files, displayPrefix: "Authorities")
    for problem in result.problems { _ = problem.description }
    if let analysis = result.analysis {
        _ = CompareReport(comparisons: analysis.comparisons).render(.json)
        _ = CompareReport(comparisons: analysis.comparisons).render(.table)
        // Every chart the data allows, laid out on the recording canvas: data that validates must draw.
        for chart in ChartCatalogue(analysis).charts {
            chart.draw(on: RecordingCanvas(format: .standard, measurer: ApproximateMeasurer()))
            _ = ChartClaims.problems(chart)
        }
    }
    // Periods and dates on their own, from the start of the input.
    if let text = String(bytes: bytes.prefix(64), encoding: .utf8) {
        _ = Period.parse(text)
        _ = PartialDate.parse(text)
    }
    return 0
}
