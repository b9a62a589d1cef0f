// The two sizes every chart is drawn at: for print and the page, and for a slide.

/// A chart's image size and type scale. Every chart is drawn in each format, from the same layout
/// code: the format decides the pixels, the margins and how large the words are.
public struct ChartFormat: Hashable, Sendable {
    /// "print" or "slide".
    public let name: String
    public let width: Int
    public let height: Int
    public let margin: Double
    /// No text is drawn smaller than this, however long it is: text that does not fit at this size
    /// wraps onto more lines instead (and is shortened with "…" only as a last resort).
    public let smallestText: Double
    public let title: FontStyle
    public let subtitle: FontStyle
    public let axisLabel: FontStyle
    public let axisTitle: FontStyle
    public let directLabel: FontStyle
    public let valueLabel: FontStyle
    public let note: FontStyle
    public let source: FontStyle
    /// The names of the rows of a bar or dumbbell chart.
    public let rowLabel: FontStyle
    /// How many lines the title, the subtitle and the source may each take, and a row's name on a
    /// bar or dumbbell chart.
    public let titleLines: Int
    public let subtitleLines: Int
    public let sourceLines: Int
    public let rowLabelLines: Int
    /// What is added to a chart's id to name its PNG: "" or "-slide".
    public let fileSuffix: String

    /// 1600 × 900: sharp on the page, on high-density screens and in print.
    public static let print = ChartFormat(
        name: "print", width: 1600, height: 900, margin: 56, smallestText: 14,
        title: FontStyle(size: 38, weight: .bold), subtitle: FontStyle(size: 25), axisLabel: FontStyle(size: 21),
        axisTitle: FontStyle(size: 21, weight: .bold), directLabel: FontStyle(size: 23, weight: .bold),
        valueLabel: FontStyle(size: 21), note: FontStyle(size: 20), source: FontStyle(size: 19),
        rowLabel: FontStyle(size: 22, weight: .bold), titleLines: 2, subtitleLines: 2, sourceLines: 2, rowLabelLines: 2,
        fileSuffix: "")

    /// 1200 × 675 with no text under 24 pixels: pasted at half a slide's width (about 6.5 inches
    /// of a 13.3-inch slide), the smallest text is still about 10 points.
    public static let slide = ChartFormat(
        name: "slide", width: 1200, height: 675, margin: 36, smallestText: 24,
        title: FontStyle(size: 34, weight: .bold), subtitle: FontStyle(size: 26), axisLabel: FontStyle(size: 24),
        axisTitle: FontStyle(size: 24, weight: .bold), directLabel: FontStyle(size: 25, weight: .bold),
        valueLabel: FontStyle(size: 24), note: FontStyle(size: 24), source: FontStyle(size: 24),
        rowLabel: FontStyle(size: 24, weight: .bold), titleLines: 3, subtitleLines: 3, sourceLines: 3, rowLabelLines: 3,
        fileSuffix: "-slide")

    /// Every format, the page's own first.
    public static let all = [print, slide]

    /// The PNG's file name for a chart: `kent-children-adopted-over-time-slide.png`.
    public func fileName(_ chartID: String) -> String { "\(chartID)\(fileSuffix).png" }

    /// A size no smaller than this format allows.
    func atLeast(_ size: Double) -> Double { max(size, smallestText) }
}
