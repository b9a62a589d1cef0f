// A canvas that writes down what is drawn, so tests can read a chart's layout as text.

/// Records every drawing call as a line of text, with coordinates rounded to one decimal place.
public final class RecordingCanvas: Canvas {
    public let format: ChartFormat
    public let width: Int
    public let height: Int
    public let measurer: TextMeasurer
    public private(set) var lines: [String] = []
    /// Every text drawn, with the box it occupies, for checks that labels fit and do not overlap.
    public private(set) var texts: [(text: String, box: Rect)] = []
    /// Every point that carries ink, for checks that nothing is drawn outside the margins.
    public private(set) var inkBounds: [Rect] = []

    /// A canvas of the format's size.
    public convenience init(format: ChartFormat, measurer: TextMeasurer) {
        self.init(width: format.width, height: format.height, format: format, measurer: measurer)
    }

    public init(width: Int, height: Int, format: ChartFormat = .standard, measurer: TextMeasurer) {
        self.format = format
        self.width = width
        self.height = height
        self.measurer = measurer
    }

    /// The recording, one call per line.
    public var log: String { lines.joined(separator: "\n") + "\n" }

    public func fill(_ rect: Rect, color: Color) {
        lines.append("fill \(f(rect.x)),\(f(rect.y)) \(f(rect.width))×\(f(rect.height)) \(color)")
        if !(rect.x == 0 && rect.y == 0 && rect.width == Double(width) && rect.height == Double(height)) { inkBounds.append(rect) }
    }

    public func stroke(_ points: [Point], style: LineStyle) {
        let dash = style.dash.isEmpty ? "solid" : "dash " + style.dash.map(f).joined(separator: "/")
        lines.append("line \(style.color) \(f(style.width))px \(dash): " + points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " "))
        inkBounds.append(bounds(points, pad: style.width / 2))
    }

    public func fillPolygon(_ points: [Point], color: Color) {
        lines.append("polygon \(color): " + points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " "))
        inkBounds.append(bounds(points, pad: 0))
    }

    public func marker(_ shape: MarkerShape, at center: Point, radius: Double, fill: Color, outline: Color) {
        lines.append("marker \(shape.rawValue) \(f(center.x)),\(f(center.y)) r\(f(radius)) \(fill)/\(outline)")
        inkBounds.append(Rect(x: center.x - radius - 1, y: center.y - radius - 1, width: 2 * radius + 2, height: 2 * radius + 2))
    }

    public func text(_ text: String, at origin: Point, style: FontStyle, color: Color) {
        let metrics = measurer.measure(text, style: style)
        lines.append("text \(style.weight.rawValue) \(f(style.size)) \(color) \(f(origin.x)),\(f(origin.y)) w\(f(metrics.width)): \(text)")
        let box = Rect(x: origin.x, y: origin.y - metrics.ascent, width: metrics.width, height: metrics.ascent + metrics.descent)
        texts.append((text, box))
        inkBounds.append(box)
    }

    private func bounds(_ points: [Point], pad: Double) -> Rect {
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let minX = (xs.min() ?? 0) - pad
        let minY = (ys.min() ?? 0) - pad
        return Rect(x: minX, y: minY, width: (xs.max() ?? 0) + pad - minX, height: (ys.max() ?? 0) + pad - minY)
    }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
