// The raster layer on its own: glyphs where they are measured, palettes that keep flat colours exact.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Raster")
struct RasterTests {
    func canvas(_ width: Int, _ height: Int) -> GDCanvas {
        let canvas = GDCanvas(width: width, height: height, measurer: ChartTests.measurer)
        canvas.fill(Rect(x: 0, y: 0, width: Double(width), height: Double(height)), color: ChartStyle.background)
        return canvas
    }

    /// Every pixel of a raster, row by row.
    func pixels(_ raster: Raster) -> [UInt32] {
        (0..<raster.height).flatMap { y in (0..<raster.width).map { x in raster.pixel(x: x, y: y) } }
    }

    @Test(
        "text is inked only inside the box it measures, solid in its colour, blended towards the background at its edges, with no faint fringe"
    )
    func textInk() throws {
        let colour = ChartStyle.primary
        for style in [ChartFormat.standard.title, ChartFormat.standard.source] {
            let canvas = canvas(700, 120)
            let text = "Kent: adoptions rose by 160%, 2011-12"
            canvas.text(text, at: Point(20, 80), style: style, color: colour)
            let box = canvas.measure(text, style)
            var solid = 0
            var inked = 0
            for y in 0..<120 {
                for x in 0..<700 {
                    let pixel = canvas.raster.pixel(x: x, y: y)
                    if pixel == 0xFFFFFF { continue }
                    inked += 1
                    #expect(
                        Double(x) >= 20 - 3 && Double(x) <= 20 + box.width + 3 && Double(y) >= 80 - box.ascent - 1
                            && Double(y) <= 80 + box.descent + 1, "ink at \(x),\(y) outside the measured box")
                    if pixel == 0x12436D { solid += 1 }
                    let channels = [(pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF]
                    let ink = [UInt32(colour.red), UInt32(colour.green), UInt32(colour.blue)]
                    #expect(zip(channels, ink).allSatisfy { $0 >= $1 }, "every edge pixel lies between the ink and white")
                    let share = Double(255 - channels[0]) / Double(255 - ink[0])
                    #expect(share >= Double(Typeface.faint - 1) / 255, "no fringe fainter than an eighth of the ink at \(x),\(y)")
                }
            }
            #expect(inked > 500)
            #expect(solid > inked / 10, "the strokes' cores are the text colour exactly")
        }
    }

    @Test("the same text measures wider in more letters and draws the same pixels every time")
    func textRepeatable() {
        let short = ChartTests.measurer.measure("England", style: ChartFormat.standard.directLabel)
        let long = ChartTests.measurer.measure("England and Wales", style: ChartFormat.standard.directLabel)
        #expect(short.width > 60 && long.width > short.width + 80)
        #expect(short.ascent > 10 && short.descent >= 0)
        let first = canvas(300, 60)
        let second = canvas(300, 60)
        first.text("England", at: Point(10, 40), style: ChartFormat.standard.directLabel, color: ChartStyle.comparator)
        second.text("England", at: Point(10, 40), style: ChartFormat.standard.directLabel, color: ChartStyle.comparator)
        #expect(pixels(first.raster) == pixels(second.raster))
    }

    @Test("few flat colours: a 4-bit palette PNG that decodes to exactly the same pixels")
    func fourBitPalette() throws {
        let canvas = canvas(160, 90)
        for (index, colour) in ChartStyle.categorical.enumerated() {
            canvas.fill(Rect(x: Double(index * 25), y: 10, width: 20, height: 70), color: colour)
        }
        let encoding = try PNGEncoder.encode(canvas)
        #expect(encoding.usedPalette)
        #expect(encoding.png[24] == 4 && encoding.png[25] == 3, "bit depth 4, palette colour")
        #expect(pixels(try #require(Raster(png: encoding.png))) == pixels(canvas.raster))
    }

    @Test("a PNG libdeflate cannot compress is an error naming the library and what failed, never an empty or broken file")
    func failedCompression() throws {
        let canvas = canvas(16, 16)
        canvas.fill(Rect(x: 0, y: 0, width: 8, height: 8), color: ChartStyle.categorical[0])
        let image = ColourRuns(canvas.raster)
        let palette = PaletteQuantizer.quantize(image, ranked: image.ranked(), colours: 16)
        #expect(throws: LibraryFailure.self) { try PNGWriter.png(image, palette: palette.palette, mapping: palette.mapping, level: 99) }
        do {
            _ = try PNGWriter.png(image, palette: palette.palette, mapping: palette.mapping, level: 99)
        } catch {
            #expect(
                "\(error)"
                    == "libdeflate could not start a compressor at level 99; the output would be empty or broken, so nothing was written")
        }
        let good = try PNGWriter.png(image, palette: palette.palette, mapping: palette.mapping, level: 6)
        #expect(try #require(Raster(png: good)).width == 16)
    }

    @Test("forty flat colours: an 8-bit palette, still exact")
    func eightBitPalette() throws {
        let canvas = canvas(400, 40)
        for index in 0..<40 {
            canvas.fill(Rect(x: Double(index * 10), y: 0, width: 10, height: 40), color: Color(UInt32(0x102030 + index * 0x030507)))
        }
        let encoding = try PNGEncoder.encode(canvas)
        #expect(encoding.usedPalette)
        #expect(encoding.png[24] == 8 && encoding.png[25] == 3, "bit depth 8, palette colour")
        #expect(pixels(try #require(Raster(png: encoding.png))) == pixels(canvas.raster))
    }

    @Test("a smooth gradient no small palette can hold is written in truecolour, exactly")
    func truecolourFallback() throws {
        let canvas = canvas(128, 64)
        for x in 0..<128 {
            for y in 0..<64 {
                canvas.fill(
                    Rect(x: Double(x), y: Double(y), width: 1, height: 1), color: Color(UInt32(x * 2) << 16 | UInt32(y * 4) << 8 | 0x80))
            }
        }
        let encoding = try PNGEncoder.encode(canvas)
        #expect(!encoding.usedPalette)
        #expect(encoding.png[25] == 2, "truecolour")
        #expect(pixels(try #require(Raster(png: encoding.png))) == pixels(canvas.raster))
    }

    @Test("a real chart's palette keeps every flat colour exact and moves only edge pixels, within the stated limits")
    func chartPalette() throws {
        let chart = try #require(ChartTests.catalogue.charts.first { $0.id == "kent-children-adopted-over-time" })
        let canvas = GDCanvas(format: .standard, measurer: ChartTests.measurer)
        chart.draw(on: canvas)
        let encoding = try PNGEncoder.encode(canvas, compareSizes: true)
        #expect(encoding.usedPalette)
        #expect(try #require(encoding.paletteBytes) * 2 < (try #require(encoding.truecolourBytes)))
        let decoded = pixels(try #require(Raster(png: encoding.png)))
        let original = pixels(canvas.raster)
        var worst: UInt32 = 0
        for (a, b) in zip(decoded, original) where a != b {
            for shift: UInt32 in [16, 8, 0] {
                let (x, y) = ((a >> shift) & 0xFF, (b >> shift) & 0xFF)
                worst = max(worst, x > y ? x - y : y - x)
            }
        }
        #expect(Int(worst) <= PNGEncoder.maximumChannelError)
        for flat in [ChartStyle.background, ChartStyle.band, ChartStyle.primary, ChartStyle.comparator, ChartStyle.text] {
            let value = UInt32(flat.red) << 16 | UInt32(flat.green) << 8 | UInt32(flat.blue)
            let before = original.filter { $0 == value }.count
            #expect(before > 0 && decoded.filter { $0 == value }.count >= before, "\(flat) kept exactly")
        }
    }
}
