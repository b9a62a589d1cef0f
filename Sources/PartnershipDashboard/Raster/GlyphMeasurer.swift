// Text measured from the glyphs it will be drawn with, cached because layout measures the same text often.

import Foundation

/// Measures text exactly as ``GDCanvas`` will draw it.
package final class GlyphMeasurer: TextMeasurer, Sendable {
    private let fonts: FontFiles
    private let cache = Locked<[Key: TextMetrics]>([:])

    private struct Key: Hashable, Sendable {
        let text: String
        let style: FontStyle
    }

    package init(fonts: FontFiles = .liberationSans) {
        self.fonts = fonts
    }

    package func measure(_ text: String, style: FontStyle) -> TextMetrics {
        let key = Key(text: text, style: style)
        if let known = cache.withLock({ $0[key] }) { return known }
        // Measured outside the lock, so other threads measure meanwhile; two may measure the same text once each.
        let metrics = Raster.measure(text, fontFile: fonts.file(for: style.weight), pixelSize: style.size)
        cache.withLock { $0[key] = metrics }
        return metrics
    }
}
