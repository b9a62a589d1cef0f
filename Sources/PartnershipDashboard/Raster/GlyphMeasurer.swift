// Text measured from the glyphs it will be drawn with, cached because layout measures the same text often.

import Foundation

/// Measures text exactly as ``GDCanvas`` will draw it.
public final class GlyphMeasurer: TextMeasurer, @unchecked Sendable {
    private let fonts: FontFiles
    private var cache: [Key: TextMetrics] = [:]
    private let lock = NSLock()

    private struct Key: Hashable {
        let text: String
        let style: FontStyle
    }

    public init(fonts: FontFiles = .liberationSans) {
        self.fonts = fonts
    }

    public func measure(_ text: String, style: FontStyle) -> TextMetrics {
        let key = Key(text: text, style: style)
        lock.lock()
        if let known = cache[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let metrics = Raster.measure(text, fontFile: fonts.file(for: style.weight), pixelSize: style.size)
        lock.lock()
        cache[key] = metrics
        lock.unlock()
        return metrics
    }
}
