// The canvas that draws into a libgd image: thick smooth lines, dashes, markers and FreeType text.

import Foundation

/// Draws charts into a truecolour image.
package final class GDCanvas: Canvas {
    package let format: ChartFormat
    package let width: Int
    package let height: Int
    package let measurer: TextMeasurer
    let raster: Raster
    private let fonts: FontFiles
    /// Every colour drawn with, which the PNG's palette keeps exactly: a label's colour is what
    /// its contrast was chosen for, so no encoding may move it towards another.
    private(set) var inks: Set<Color> = []

    /// A canvas of the format's size.
    package convenience init(format: ChartFormat, fonts: FontFiles = .liberationSans, measurer: TextMeasurer? = nil) {
        self.init(width: format.width, height: format.height, format: format, fonts: fonts, measurer: measurer)
    }

    /// A canvas of any size, laid out in `format`'s type scale.
    init(
        width: Int, height: Int, format: ChartFormat = .standard, fonts: FontFiles = .liberationSans, measurer: TextMeasurer? = nil
    ) {
        self.format = format
        self.width = width
        self.height = height
        self.fonts = fonts
        self.measurer = measurer ?? GlyphMeasurer(fonts: fonts)
        raster = Raster(width: width, height: height)
    }

    package func fill(_ rect: Rect, color: Color) {
        inks.insert(color)
        raster.fill(rect, color: color)
    }

    package func stroke(_ points: [Point], style: LineStyle) {
        inks.insert(style.color)
        for piece in GDCanvas.dashed(points, pattern: style.dash) {
            strokeSolid(piece, color: style.color, width: style.width)
        }
    }

    package func fillPolygon(_ points: [Point], color: Color) {
        inks.insert(color)
        raster.fillPolygon(points, color: color)
    }

    package func marker(_ shape: MarkerShape, at center: Point, radius: Double, fill: Color, outline: Color) {
        inks.formUnion([fill, outline])
        raster.fillPolygon(GDCanvas.outline(of: shape, at: center, radius: radius), color: outline)
        if fill != outline {
            raster.fillPolygon(GDCanvas.outline(of: shape, at: center, radius: max(1, radius - 2.5)), color: fill)
        }
    }

    package func text(_ text: String, at origin: Point, style: FontStyle, color: Color) {
        inks.insert(color)
        raster.text(text, at: origin, fontFile: fonts.file(for: style.weight), pixelSize: style.size, color: color)
    }

    /// A solid polyline: each segment a filled quadrilateral with smoothed edges, joined by small discs.
    private func strokeSolid(_ points: [Point], color: Color, width: Double) {
        guard points.count >= 2 else { return }
        if width <= 1.5 {
            for index in 1..<points.count { raster.hairline(from: points[index - 1], to: points[index], color: color) }
            return
        }
        let half = width / 2
        for index in 1..<points.count {
            let a = points[index - 1]
            let b = points[index]
            let length = hypot(b.x - a.x, b.y - a.y)
            guard length > 0 else { continue }
            let nx = -(b.y - a.y) / length * half
            let ny = (b.x - a.x) / length * half
            raster.fillPolygon(
                [Point(a.x + nx, a.y + ny), Point(b.x + nx, b.y + ny), Point(b.x - nx, b.y - ny), Point(a.x - nx, a.y - ny)], color: color)
        }
        for joint in points.dropFirst().dropLast() {
            raster.fillPolygon(GDCanvas.outline(of: .circle, at: joint, radius: half), color: color)
        }
    }

    /// The corners of a marker shape, as a polygon.
    static func outline(of shape: MarkerShape, at center: Point, radius: Double) -> [Point] {
        switch shape {
        case .circle:
            let sides = max(12, Int(radius * 3))
            return (0..<sides).map { step in
                let angle = Double(step) / Double(sides) * 2 * Double.pi
                return Point(center.x + radius * cos(angle), center.y + radius * sin(angle))
            }
        case .square:
            let r = radius * 0.9
            return [
                Point(center.x - r, center.y - r), Point(center.x + r, center.y - r), Point(center.x + r, center.y + r),
                Point(center.x - r, center.y + r),
            ]
        case .diamond:
            let r = radius * 1.25
            return [
                Point(center.x, center.y - r), Point(center.x + r, center.y), Point(center.x, center.y + r), Point(center.x - r, center.y),
            ]
        case .triangle:
            let r = radius * 1.25
            return [
                Point(center.x, center.y - r), Point(center.x + r * 0.95, center.y + r * 0.7),
                Point(center.x - r * 0.95, center.y + r * 0.7),
            ]
        }
    }

    /// Splits a polyline into the inked pieces of a dash pattern (ink, gap, ink, gap…).
    static func dashed(_ points: [Point], pattern: [Double]) -> [[Point]] {
        guard pattern.count >= 2, pattern.allSatisfy({ $0 > 0 }), points.count >= 2 else { return [points] }
        var pieces: [[Point]] = []
        var current: [Point] = [points[0]]
        var patternIndex = 0
        var remaining = pattern[0]
        var inked = true
        for index in 1..<points.count {
            var a = points[index - 1]
            let b = points[index]
            var length = hypot(b.x - a.x, b.y - a.y)
            while length > 0 {
                let step = min(remaining, length)
                let t = step / length
                let point = Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
                if inked { current.append(point) }
                length -= step
                remaining -= step
                a = point
                if remaining <= 1e-9 {
                    if inked, current.count >= 2 { pieces.append(current) }
                    inked.toggle()
                    patternIndex = (patternIndex + 1) % pattern.count
                    remaining = pattern[patternIndex]
                    current = inked ? [a] : []
                }
            }
        }
        if inked, current.count >= 2 { pieces.append(current) }
        return pieces
    }
}
