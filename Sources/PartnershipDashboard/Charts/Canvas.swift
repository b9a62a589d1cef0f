// What a chart draws on: pixels (libgd) or a recording that tests read as text.

/// Measures text in the font the charts are drawn in.
package protocol TextMeasurer: Sendable {
    func measure(_ text: String, style: FontStyle) -> TextMetrics
}

/// The shape of a data marker; shapes differ between series so charts survive greyscale printing.
package enum MarkerShape: String, Sendable { case circle, square, diamond, triangle }

/// How a line is drawn: its colour, width in pixels and dash pattern (lengths of ink and gap).
package struct LineStyle: Hashable, Sendable {
    package let color: Color
    let width: Double
    let dash: [Double]

    init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// A surface a chart lays itself out and draws on.
///
/// Charts never touch pixels or libgd: the raster layer implements this for PNG output, and
/// ``RecordingCanvas`` implements it for tests that read a chart's layout as text.
package protocol Canvas: AnyObject {
    /// The size and type scale the chart is laid out in.
    var format: ChartFormat { get }
    var width: Int { get }
    var height: Int { get }
    var measurer: TextMeasurer { get }

    func fill(_ rect: Rect, color: Color)
    func stroke(_ points: [Point], style: LineStyle)
    func fillPolygon(_ points: [Point], color: Color)
    func marker(_ shape: MarkerShape, at center: Point, radius: Double, fill: Color, outline: Color)
    /// Draws one line of text with its baseline starting at `origin`.
    func text(_ text: String, at origin: Point, style: FontStyle, color: Color)
}

extension Canvas {
    func measure(_ text: String, _ style: FontStyle) -> TextMetrics { measurer.measure(text, style: style) }

    /// A run of a series' line, 4 px wide; edged in white where its colour falls short of 3:1 on
    /// the partnership's shading (``ChartStyle/needsEdge(_:)``). A run of one point draws nothing.
    func strokeSeries(_ run: [Point], color: Color, dash: [Double]) {
        guard run.count >= 2 else { return }
        if ChartStyle.needsEdge(color) { stroke(run, style: LineStyle(color: ChartStyle.background, width: 8)) }
        stroke(run, style: LineStyle(color: color, width: 4, dash: dash))
    }
}
