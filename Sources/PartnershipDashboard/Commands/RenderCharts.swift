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
        let pngs = ChartRenderer.renderAll(catalogue.charts)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            for (chart, rendered) in zip(catalogue.charts, pngs) {
                try rendered.png.write(to: output.appendingPathComponent("\(chart.id).png"))
                try Data(chart.table.csv.text.utf8).write(to: output.appendingPathComponent("\(chart.id).csv"))
            }
        } catch {
            return CommandResult(errors: "error: could not write to \(output.path) (\(FileError.reason(error)))\n", exitCode: 1)
        }
        let bytes = pngs.map(\.png.count).sorted()
        return CommandResult(
            output: "Drew \(pngs.count) charts into \(output.path); median PNG \(bytes.isEmpty ? 0 : bytes[bytes.count / 2]) bytes.\n")
    }
}
