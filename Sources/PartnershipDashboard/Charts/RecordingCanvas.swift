// A canvas that writes down what is drawn, so tests and the benchmark can read a chart's layout.

/// One drawing call, as the chart made it.
package enum DrawCall: Sendable, Equatable {
    case fill(Rect, Color)
    case line([Point], LineStyle)
    case polygon([Point], Color)
    case marker(MarkerShape, center: Point, radius: Double, fill: Color, outline: Color)
    /// Text at its baseline origin, with its measured width.
    case text(String, origin: Point, style: FontStyle, color: Color, width: Double)

    /// The call as one line of text, coordinates rounded to one decimal place:
    /// `text bold 34 #0B0C0C 36,60 w1128: words`, `line #1D70B8 4px solid: 36,60 80,90`.
    var line: String {
        switch self {
        case .fill(let rect, let color): return "fill \(f(rect.x)),\(f(rect.y)) \(f(rect.width))×\(f(rect.height)) \(color)"
        case .line(let points, let style):
            let dash = style.dash.isEmpty ? "solid" : "dash " + style.dash.map(f).joined(separator: "/")
            return "line \(style.color) \(f(style.width))px \(dash): " + points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
        case .polygon(let points, let color): return "polygon \(color): " + points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
        case .marker(let shape, let center, let radius, let fill, let outline):
            return "marker \(shape.rawValue) \(f(center.x)),\(f(center.y)) r\(f(radius)) \(fill)/\(outline)"
        case .text(let text, let origin, let style, let color, let width):
            return "text \(style.weight.rawValue) \(f(style.size)) \(color) \(f(origin.x)),\(f(origin.y)) w\(f(width)): \(text)"
        }
    }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Records every drawing call; its text form (``lines``, ``log``) is derived from the calls.
package final class RecordingCanvas: Canvas {
    package let format: ChartFormat
    package let width: Int
    package let height: Int
    package let measurer: TextMeasurer
    /// Every call, in the order drawn.
    package private(set) var calls: [DrawCall] = []
    /// The calls as text, one line each.
    var lines: [String] { calls.map(\.line) }
    /// Every text drawn, with the box it occupies, for checks that labels fit and do not overlap.
    private(set) var texts: [(text: String, box: Rect)] = []

    /// A canvas of the format's size.
    package convenience init(format: ChartFormat, measurer: TextMeasurer) {
        self.init(width: format.width, height: format.height, format: format, measurer: measurer)
    }

    init(width: Int, height: Int, format: ChartFormat = .standard, measurer: TextMeasurer) {
        self.format = format
        self.width = width
        self.height = height
        self.measurer = measurer
    }

    /// The recording, one call per line.
    var log: String { lines.joined(separator: "\n") + "\n" }

    package func fill(_ rect: Rect, color: Color) {
        calls.append(.fill(rect, color))
    }

    package func stroke(_ points: [Point], style: LineStyle) {
        calls.append(.line(points, style))
    }

    package func fillPolygon(_ points: [Point], color: Color) {
        calls.append(.polygon(points, color))
    }

    package func marker(_ shape: MarkerShape, at center: Point, radius: Double, fill: Color, outline: Color) {
        calls.append(.marker(shape, center: center, radius: radius, fill: fill, outline: outline))
    }

    package func text(_ text: String, at origin: Point, style: FontStyle, color: Color) {
        let metrics = measurer.measure(text, style: style)
        calls.append(.text(text, origin: origin, style: style, color: color, width: metrics.width))
        let box = Rect(x: origin.x, y: origin.y - metrics.ascent, width: metrics.width, height: metrics.ascent + metrics.descent)
        texts.append((text, box))
    }
}
