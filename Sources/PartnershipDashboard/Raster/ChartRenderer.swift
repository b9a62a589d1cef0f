// Renders charts to PNG, in parallel across cores.

import Foundation

/// Turns charts into PNG bytes.
package enum ChartRenderer {
    /// Whether charts can be drawn here; the message names the missing font and its package.
    static var problem: String? { FontFiles.liberationSans.problem }

    /// One chart as PNG, with what the encoder measured.
    /// `credit` is the site's line at the foot of every chart (``SiteSettings/credit``).
    static func render(_ chart: Chart, measurer: GlyphMeasurer, credit: String = "") throws(LibraryFailure) -> PNGEncoder.Encoding {
        let format = ChartFormat.standard
        let canvas = GDCanvas(width: format.width, height: chart.height(in: format, measurer: measurer), format: format, measurer: measurer)
        chart.draw(on: canvas)
        ChartFrame.drawCredit(credit, on: canvas)
        return try PNGEncoder.encode(canvas)
    }

    /// A chart that could not be encoded, and why.
    package struct Failure: Error, Sendable {
        let chartID: String
        let failure: LibraryFailure
    }

    /// Every chart as PNG, rendered concurrently, in the charts' order. With a cache, an image
    /// whose key is there is read instead of drawn, and new drawings are stored. Throws the first
    /// chart that could not be encoded; nothing of it is stored in the cache.
    package static func renderAll(_ charts: [Chart], credit: String, cache: ChartCache? = nil) throws(Failure) -> [Rendered] {
        let measurer = GlyphMeasurer()
        let keys = cache.map { cache in charts.concurrentMapIndices { cache.key(for: charts[$0], credit: credit) } }
        let results = charts.concurrentMapIndices { index -> Result<Rendered, Failure> in
            let chart = charts[index]
            var damaged = false
            if let cache, let key = keys?[index] {
                switch cache.load(key) {
                case .found(let png): return .success(Rendered(png: png, drawn: false, milliseconds: 0, encoding: nil))
                case .damaged: damaged = true
                case .missing: break
                }
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let encoding: PNGEncoder.Encoding
            do throws(LibraryFailure) {
                encoding = try render(chart, measurer: measurer, credit: credit)
            } catch {
                return .failure(Failure(chartID: chart.id, failure: error))
            }
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            if let cache, let key = keys?[index] { cache.store(encoding.png, as: key) }
            return .success(
                Rendered(png: encoding.png, drawn: true, milliseconds: milliseconds, encoding: encoding, damagedInCache: damaged))
        }
        if let cache, let keys { cache.prune(keeping: Set(keys)) }
        return try results.map { result throws(Failure) in try result.get() }
    }

    /// A chart's PNG, and whether it was drawn (with how long that took) or read from the cache.
    package struct Rendered: Sendable {
        package let png: Data
        let drawn: Bool
        package let milliseconds: Double
        let encoding: PNGEncoder.Encoding?
        /// Whether the cache held an entry for this chart whose bytes failed their check.
        var damagedInCache = false
    }
}
