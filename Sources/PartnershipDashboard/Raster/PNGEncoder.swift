// PNG bytes from a drawn canvas: a 32-colour palette when it looks the same as truecolour, else truecolour.

import Foundation

/// Encodes a ``GDCanvas`` as PNG.
///
/// Charts are mostly flat colour with anti-aliased edges, so a small palette holds them almost
/// exactly: measured on the real charts, a 32-colour palette PNG is 2.4 to 3 times smaller than
/// truecolour, with no pixel channel more than 40 of 255 away and an average under 0.1. The
/// palette is kept only when it passes that "looks the same" test; otherwise truecolour is used.
public enum PNGEncoder {
    /// zlib level for every PNG; fixed, so identical images give identical bytes.
    public static let compressionLevel: Int32 = 9
    /// Colours in the palette.
    public static let paletteColours: Int32 = 32
    /// The palette is kept only if no channel of any pixel moves by more than this (of 255)…
    public static let maximumChannelError = 48
    /// …and the average channel moves by less than this.
    public static let maximumMeanError = 0.25
    /// Palette entries this close to a colour the charts use are snapped to it, so flat areas stay exact.
    static let snapDistance: Int32 = 8

    /// What the encoder chose and measured, for the benchmark and the notes.
    public struct Encoding: Sendable {
        public let png: Data
        public let usedPalette: Bool
        /// The truecolour PNG's size, when it was encoded (always when the palette was refused,
        /// and when `compareSizes` asked for it).
        public let truecolourBytes: Int?
        public let paletteBytes: Int?
        public let maximumError: Int?
        public let meanError: Double?
    }

    /// Encodes the canvas; `compareSizes` also encodes truecolour and keeps whichever is smaller.
    public static func encode(_ canvas: GDCanvas, compareSizes: Bool = false) -> Encoding {
        let exact =
            [ChartStyle.background, ChartStyle.text, ChartStyle.secondaryText, ChartStyle.axis, ChartStyle.band, ChartStyle.gridline]
            + ChartStyle.categorical
        guard let palette = canvas.raster.paletteCopy(colors: paletteColours, exact: exact, snapDistance: snapDistance) else {
            let truecolour = canvas.raster.png(compressionLevel: compressionLevel)
            return Encoding(
                png: truecolour, usedPalette: false, truecolourBytes: truecolour.count, paletteBytes: nil, maximumError: nil, meanError: nil
            )
        }
        let error = palette.difference(from: canvas.raster)
        let looksTheSame = error.maximum <= maximumChannelError && error.mean < maximumMeanError
        guard looksTheSame else {
            let truecolour = canvas.raster.png(compressionLevel: compressionLevel)
            return Encoding(
                png: truecolour, usedPalette: false, truecolourBytes: truecolour.count, paletteBytes: nil, maximumError: error.maximum,
                meanError: error.mean)
        }
        let indexed = palette.png(compressionLevel: compressionLevel)
        let truecolour = compareSizes ? canvas.raster.png(compressionLevel: compressionLevel) : nil
        let usePalette = truecolour.map { indexed.count <= $0.count } ?? true
        return Encoding(
            png: usePalette ? indexed : truecolour!, usedPalette: usePalette, truecolourBytes: truecolour?.count,
            paletteBytes: indexed.count, maximumError: error.maximum, meanError: error.mean)
    }
}
