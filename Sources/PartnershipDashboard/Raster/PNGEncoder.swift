// PNG bytes from a drawn canvas: a small palette when it looks the same as truecolour, else truecolour.

import Foundation

/// Encodes a ``GDCanvas`` as PNG.
///
/// Charts are flat colour with anti-aliased edges, so a small palette holds them almost exactly:
/// the most frequent colours are kept exactly and every other colour goes to its nearest kept one
/// (``PaletteQuantizer``). The palette is used only when it passes a "looks the same" test (no
/// channel of any pixel moves more than ``maximumChannelError``, and the mean moves less than
/// ``maximumMeanError``); otherwise the chart is written in truecolour.
package enum PNGEncoder {
    /// libdeflate's level for every PNG; fixed, so identical images give identical bytes. Measured
    /// on 120 of the national benchmark's over-time charts: level 6 gives a mean of 27.6 KB at 3 ms
    /// a chart; level 9, 26.5 KB at 15 ms; level 12, 25.0 KB at 197 ms. Level 6 keeps a full national
    /// build well inside its time budget for 3% more bytes than level 9.
    static let compressionLevel: Int32 = 6
    /// Palette sizes tried in turn: 16 colours pack two pixels to a byte, so most charts are
    /// written that way; busier charts get 32 or 64.
    static let paletteSizes = [16, 32, 64]
    /// The palette is kept only if no channel of any pixel moves by more than this (of 255)…
    static let maximumChannelError = 96
    /// …and the average channel moves by less than this.
    static let maximumMeanError = 0.25

    /// What the encoder chose and measured, for the benchmark and the notes.
    package struct Encoding: Sendable {
        let png: Data
        let usedPalette: Bool
        /// The truecolour PNG's size, when it was encoded (always when the palette was refused,
        /// and when `compareSizes` asked for it).
        package let truecolourBytes: Int?
        package let paletteBytes: Int?
        package let maximumError: Int?
        let meanError: Double?
    }

    static func looksTheSame(_ palette: PaletteImage) -> Bool {
        palette.maximumError <= maximumChannelError && palette.meanError < maximumMeanError
    }

    /// Encodes the canvas; `compareSizes` also encodes truecolour and keeps whichever is smaller.
    package static func encode(_ canvas: GDCanvas, compareSizes: Bool = false) throws(LibraryFailure) -> Encoding {
        let image = ColourRuns(canvas.raster)
        // The colours drawn with come first, so every palette keeps them exactly; then the rest by frequency.
        let inks = Set(canvas.inks.map { UInt32(bitPattern: Raster.pixel($0)) })
        let byFrequency = image.ranked()
        let ranked = byFrequency.filter { inks.contains(image.colours[$0]) } + byFrequency.filter { !inks.contains(image.colours[$0]) }
        var palette = PaletteQuantizer.quantize(image, ranked: ranked, colours: paletteSizes[0])
        for size in paletteSizes.dropFirst() where !looksTheSame(palette) && ranked.count > size / 2 {
            palette = PaletteQuantizer.quantize(image, ranked: ranked, colours: size)
        }
        guard looksTheSame(palette) else {
            let truecolour = try canvas.raster.png(compressionLevel: compressionLevel)
            return Encoding(
                png: truecolour, usedPalette: false, truecolourBytes: truecolour.count, paletteBytes: nil,
                maximumError: palette.maximumError,
                meanError: palette.meanError)
        }
        let indexed = try PNGWriter.png(image, palette: palette.palette, mapping: palette.mapping, level: compressionLevel)
        let truecolour = compareSizes ? try canvas.raster.png(compressionLevel: compressionLevel) : nil
        let smaller = truecolour.flatMap { $0.count < indexed.count ? $0 : nil }
        return Encoding(
            png: smaller ?? indexed, usedPalette: smaller == nil, truecolourBytes: truecolour?.count,
            paletteBytes: indexed.count, maximumError: palette.maximumError, meanError: palette.meanError)
    }
}
