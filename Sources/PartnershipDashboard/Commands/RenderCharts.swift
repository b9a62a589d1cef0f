// `dashboard charts`: every chart as PNG and CSV into a folder, for looking at them.

import Foundation

package enum RenderCharts {
    package static func run(authorities: URL, display: String, output: URL, outputDisplay: String? = nil) -> CommandResult {
        let result = DatasetLoader.load(from: authorities, displayPrefix: display)
        guard let analysis = result.analysis else {
            return CommandResult.reporting(result.problems, summary: "\(display): errors; no charts drawn.", showWarnings: false)
        }
        if let problem = ChartRenderer.problem { return CommandResult(errors: "error: \(problem)\n", exitCode: 1) }
        let catalogue = ChartCatalogue(analysis)
        let pngs: [ChartRenderer.Rendered]
        do {
            pngs = try ChartRenderer.renderAll(catalogue.charts, credit: analysis.dataset.settings.credit)
        } catch {
            return CommandResult(errors: "error: \(error.chartID).png: \(error.failure)\n", exitCode: 1)
        }
        do throws(FileFailure) {
            let target = try OwnedFolder.claim(
                ResolvedPath(output, display: outputDisplay ?? output.path), kind: .charts,
                protected: ProtectedPaths(authorities: ResolvedPath(authorities, display: display)))
            let staging = try StagingFolder(for: target)
            do throws(FileFailure) {
                for (chart, image) in zip(catalogue.charts, pngs) {
                    try staging.put("\(chart.id).png", image.png)
                    try staging.put("\(chart.id).csv", Data(chart.figuresCSV.text.utf8))
                }
                _ = try staging.commit()
            } catch {
                staging.discard()
                throw error
            }
        } catch {
            return CommandResult(errors: "error: \(error); nothing was written.\n", exitCode: 1)
        }
        let bytes = pngs.map(\.png.count).sorted()
        return CommandResult(
            output: "Drew \(pngs.count) charts into \(output.path); median PNG "
                + "\(bytes.isEmpty ? 0 : bytes[bytes.count / 2]) bytes.\n")
    }
}
