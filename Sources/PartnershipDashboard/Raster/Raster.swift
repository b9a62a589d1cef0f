// A truecolour libgd image, owned and freed by construction. Only Raster/ imports libgd.

internal import CGD
import Foundation

/// An image in memory, drawn with libgd; destroyed when the last reference goes.
final class Raster {
    let image: gdImagePtr
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        guard let image = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            fatalError("libgd could not allocate a \(width)×\(height) image")
        }
        self.image = image
        self.width = width
        self.height = height
        gdImageAlphaBlending(image, 1)
    }

    /// Reads PNG bytes back into an image, so tests can check the pixels of what was written.
    init?(png: Data) {
        let decoded = png.withUnsafeBytes { bytes in
            gdImageCreateFromPngPtr(Int32(bytes.count), UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        }
        guard let decoded else { return nil }
        image = decoded
        width = Int(decoded.pointee.sx)
        height = Int(decoded.pointee.sy)
    }

    deinit { gdImageDestroy(image) }

    /// A truecolour pixel value (libgd's gdTrueColor macro is not visible from Swift).
    static func pixel(_ color: Color) -> Int32 {
        (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue)
    }

    /// Fills a rectangle with an opaque colour, writing the pixel rows directly: libgd's own
    /// rectangle fill blends every pixel, which costs more than the rest of a chart.
    func fill(_ rect: Rect, color: Color) {
        let x1 = max(0, Int(rect.x.rounded()))
        let y1 = max(0, Int(rect.y.rounded()))
        let x2 = min(width, Int(rect.maxX.rounded()))
        let y2 = min(height, Int(rect.maxY.rounded()))
        guard x2 > x1, y2 > y1, let rows = image.pointee.tpixels else { return }
        let value = Raster.pixel(color)
        for y in y1..<y2 {
            guard let row = rows[y] else { continue }
            (row + x1).update(repeating: value, count: x2 - x1)
        }
    }

    /// A filled polygon whose edges are smoothed with anti-aliased one-pixel lines.
    func fillPolygon(_ points: [Point], color: Color, smoothEdges: Bool = true) {
        guard points.count >= 3 else { return }
        var corners = points.map { gdPoint(x: Int32($0.x.rounded()), y: Int32($0.y.rounded())) }
        corners.withUnsafeMutableBufferPointer { buffer in
            gdImageFilledPolygon(image, buffer.baseAddress, Int32(buffer.count), Raster.pixel(color))
        }
        if smoothEdges {
            gdImageSetAntiAliased(image, Raster.pixel(color))
            for index in points.indices {
                let a = points[index]
                let b = points[(index + 1) % points.count]
                gdImageLine(image, Int32(a.x.rounded()), Int32(a.y.rounded()), Int32(b.x.rounded()), Int32(b.y.rounded()), gdAntiAliased)
            }
        }
    }

    /// A one-pixel anti-aliased line.
    func hairline(from a: Point, to b: Point, color: Color) {
        gdImageSetAntiAliased(image, Raster.pixel(color))
        gdImageLine(image, Int32(a.x.rounded()), Int32(a.y.rounded()), Int32(b.x.rounded()), Int32(b.y.rounded()), gdAntiAliased)
    }

    /// Draws one line of text; `origin` is the left end of the baseline. Each glyph's coverage
    /// mixes the text colour into what is beneath: solid where the glyph is solid, a blend at its edges.
    func text(_ text: String, at origin: Point, fontFile: String, pixelSize: Double, color: Color) {
        guard let run = Typeface.shared.layout(text, fontFile: fontFile, pixelSize: pixelSize), let rows = image.pointee.tpixels else {
            return
        }
        let baseX = Int(origin.x.rounded())
        let baseY = Int(origin.y.rounded())
        let ink = (red: Int32(color.red), green: Int32(color.green), blue: Int32(color.blue))
        let solid = Raster.pixel(color)
        for (glyph, penX) in run.glyphs where glyph.rows > 0 {
            let left = baseX + penX + glyph.left
            let top = baseY - glyph.top
            let firstColumn = max(0, -left)
            let lastColumn = min(glyph.width, width - left)
            guard lastColumn > firstColumn else { continue }
            glyph.coverage.withUnsafeBufferPointer { coverage in
                for row in max(0, -top)..<min(glyph.rows, height - top) {
                    guard let pixels = rows[top + row], let start = coverage.baseAddress else { continue }
                    let source = start + row * glyph.width
                    for column in firstColumn..<lastColumn {
                        let amount = Int32(source[column])
                        if amount == 0 { continue }
                        let target = pixels + left + column
                        if amount == 255 {
                            target.pointee = solid
                            continue
                        }
                        let below = target.pointee
                        let mix = { (ink: Int32, under: Int32) -> Int32 in (ink * amount + under * (255 - amount) + 127) / 255 }
                        target.pointee =
                            mix(ink.red, (below >> 16) & 0xFF) << 16 | mix(ink.green, (below >> 8) & 0xFF) << 8
                            | mix(ink.blue, below & 0xFF)
                    }
                }
            }
        }
    }

    /// Measures text without drawing it: the advance width, and how far ink reaches above and below the baseline.
    static func measure(_ text: String, fontFile: String, pixelSize: Double) -> TextMetrics {
        guard let run = Typeface.shared.layout(text, fontFile: fontFile, pixelSize: pixelSize) else {
            return TextMetrics(width: 0, ascent: 0, descent: 0)
        }
        return TextMetrics(width: Double(run.width), ascent: Double(run.ascent), descent: Double(run.descent))
    }

    /// The image as PNG bytes at a zlib compression level; frees libgd's buffer.
    func png(compressionLevel: Int32) throws(LibraryFailure) -> Data {
        var size: Int32 = 0
        guard let buffer = gdImagePngPtrEx(image, &size, compressionLevel), size > 0 else {
            throw LibraryFailure(library: "libgd", action: "write a truecolour PNG")
        }
        defer { gdFree(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// Calls `body` with each row of truecolour pixels, top to bottom.
    func forEachRow(_ body: (UnsafeMutablePointer<Int32>) -> Void) {
        guard let rows = image.pointee.tpixels else { return }
        for y in 0..<height { if let row = rows[y] { body(row) } }
    }

    /// The pixel at (x, y) as 0xRRGGBB.
    func pixel(x: Int, y: Int) -> UInt32 { UInt32(bitPattern: gdImageGetTrueColorPixel(image, Int32(x), Int32(y))) & 0xFF_FFFF }
}
