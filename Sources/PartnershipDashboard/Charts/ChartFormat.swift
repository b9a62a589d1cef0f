// The size every chart is drawn at, and its type scale.

/// A chart's image size and type scale: the layout code reads the pixels, the margins and how large
/// the words are from here.
package struct ChartFormat: Hashable, Sendable {
    package let width: Int
    package let height: Int
    let margin: Double
    /// No text is drawn smaller than this, however long it is: text that does not fit at this size
    /// wraps onto more lines instead (and is shortened with "…" only as a last resort).
    let smallestText: Double
    let title: FontStyle
    let subtitle: FontStyle
    let axisLabel: FontStyle
    let axisTitle: FontStyle
    package let directLabel: FontStyle
    package let valueLabel: FontStyle
    package let note: FontStyle
    let source: FontStyle
    /// The names of the rows of a bar or dumbbell chart.
    let rowLabel: FontStyle
    /// How many lines the title, the subtitle and the source may each take, and a row's name on a
    /// bar or dumbbell chart.
    let titleLines: Int
    let subtitleLines: Int
    let sourceLines: Int
    let rowLabelLines: Int

    /// 1200 × 675 with no text under 24 pixels. One image serves the page, a slide and print:
    /// pasted at half a slide's width (about 6.5 inches of a 13.3-inch slide) the smallest text is
    /// still about 10 points, and across an A4 page's text width (6.3 inches) it prints at 190 pixels
    /// an inch.
    package static let standard = ChartFormat(
        width: 1200, height: 675, margin: 36, smallestText: 24,
        title: FontStyle(size: 34, weight: .bold), subtitle: FontStyle(size: 26), axisLabel: FontStyle(size: 24),
        axisTitle: FontStyle(size: 24, weight: .bold), directLabel: FontStyle(size: 25, weight: .bold),
        valueLabel: FontStyle(size: 24), note: FontStyle(size: 24), source: FontStyle(size: 24),
        rowLabel: FontStyle(size: 24, weight: .bold), titleLines: 3, subtitleLines: 3, sourceLines: 3, rowLabelLines: 3)

    /// A size no smaller than this format allows.
    func atLeast(_ size: Double) -> Double { max(size, smallestText) }
}
