// `dashboard charts`: every chart as PNG and CSV into a folder, for looking at them.

import Foundation

public enum RenderCharts {
    public static func run(authorities: URL, display: String, output: URL) -> CommandResult {
        let result = DatasetLoader.load(from: authorities, displayPrefix: display)
        guard let dataset = result.dataset else {
            return CommandResult.reporting(result.problems, summary: "\(display): errors; no charts drawn.", showWarnings: false)
        }
        if let problem = ChartRenderer.problem { return CommandResult(errors: "error: \(problem)\n", exitCode: 1) }
        let comparisons = Comparer(dataset: dataset).compareAll()
        let catalogue = ChartCatalogue(dataset: dataset, comparisons: comparisons)
        if let repeats = ProcessInfo.processInfo.environment["DASHBOARD_REPEAT"].flatMap(Int.init) {
            let many = Array(repeating: catalogue.charts, count: repeats).flatMap { $0 }
            let start = Date()
            let out = ChartRenderer.renderAll(many)
            let seconds = Date().timeIntervalSince(start)
            print(
                "\(many.count) charts in \(seconds) s: \(Double(many.count) / seconds) charts/s, median \(out.map(\.png.count).sorted()[out.count / 2]) bytes"
            )
        }
        let pngs = ChartRenderer.renderAll(catalogue.charts)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            for (chart, encoding) in zip(catalogue.charts, pngs) {
                try encoding.png.write(to: output.appendingPathComponent("\(chart.id).png"))
                try Data(chart.table.csv.text.utf8).write(to: output.appendingPathComponent("\(chart.id).csv"))
            }
        } catch {
            return CommandResult(errors: "error: could not write to \(output.path) (\(FileError.reason(error)))\n", exitCode: 1)
        }
        if ProcessInfo.processInfo.environment["DASHBOARD_DEBUG_PNG"] != nil {
            for (chart, e) in zip(catalogue.charts, pngs) {
                print(chart.id, e.truecolourBytes ?? -1, e.paletteBytes ?? -1, e.maximumError ?? -1, e.meanError ?? -1)
            }
        }
        let bytes = pngs.map(\.png.count).sorted()
        return CommandResult(
            output: "Drew \(pngs.count) charts into \(output.path); median PNG \(bytes.isEmpty ? 0 : bytes[bytes.count / 2]) bytes.\n")
    }
}
