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

    /// Draws text with FreeType; `origin` is the left end of the baseline.
    func text(_ text: String, at origin: Point, fontFile: String, pixelSize: Double, color: Color) {
        var bounds = [Int32](repeating: 0, count: 8)
        var extra = Raster.stringExtra()
        _ = bounds.withUnsafeMutableBufferPointer { box in
            gdImageStringFTEx(
                image, box.baseAddress, Raster.pixel(color), fontFile, Raster.points(pixelSize), 0,
                Int32(origin.x.rounded()), Int32(origin.y.rounded()), text, &extra)
        }
    }

    /// Measures text without drawing it.
    static func measure(_ text: String, fontFile: String, pixelSize: Double) -> TextMetrics {
        var bounds = [Int32](repeating: 0, count: 8)
        var extra = stringExtra()
        let error = bounds.withUnsafeMutableBufferPointer { box in
            gdImageStringFTEx(nil, box.baseAddress, 0, fontFile, points(pixelSize), 0, 0, 0, text, &extra)
        }
        if error != nil { return TextMetrics(width: 0, ascent: 0, descent: 0) }
        return TextMetrics(
            width: Double(bounds[2] - bounds[0]), ascent: Double(-min(bounds[5], bounds[7])), descent: Double(max(bounds[1], bounds[3])))
    }

    /// libgd takes point sizes at a resolution; 96 dpi makes 1 pixel = 0.75 points.
    private static func points(_ pixels: Double) -> Double { pixels * 72 / 96 }

    private static func stringExtra() -> gdFTStringExtra {
        var extra = gdFTStringExtra()
        extra.flags = gdFTEX_RESOLUTION
        extra.hdpi = 96
        extra.vdpi = 96
        return extra
    }

    /// The image as PNG bytes at a zlib compression level; frees libgd's buffer.
    func png(compressionLevel: Int32) -> Data {
        var size: Int32 = 0
        guard let buffer = gdImagePngPtrEx(image, &size, compressionLevel) else { return Data() }
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
