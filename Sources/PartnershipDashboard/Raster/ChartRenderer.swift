// Renders charts to PNG, in parallel across cores.

import Foundation

/// Turns charts into PNG bytes.
public enum ChartRenderer {
    /// Whether charts can be drawn here; the message names the missing font and its package.
    public static var problem: String? { FontFiles.liberationSans.problem }

    /// One chart as PNG, with what the encoder measured.
    public static func render(_ chart: Chart, measurer: GDTextMeasurer) -> PNGEncoder.Encoding {
        let canvas = GDCanvas(width: ChartStyle.width, height: ChartStyle.height, measurer: measurer)
        chart.draw(on: canvas)
        return PNGEncoder.encode(canvas)
    }

    /// Every chart as PNG, rendered concurrently; results keep the charts' order.
    public static func renderAll(_ charts: [Chart]) -> [PNGEncoder.Encoding] {
        _ = FontFiles.cacheReady
        let measurer = GDTextMeasurer()
        return charts.map { $0 as Chart }.indices.map { $0 }.concurrentMap { index in
            render(charts[index], measurer: measurer)
        }
    }
}
