// What every chart is: a title, subtitle, source, description and table, and a way to draw itself.

/// The kinds of chart the site offers.
package enum ChartKind: String, CaseIterable, Sendable {
    case overTime = "over-time"
    case beforeAndAfter = "before-and-after"
    case sideBySide = "side-by-side"
    case eventTime = "event-time"
    case rank
    case neighbours
    case joining = "after-joining"

    var label: String {
        switch self {
        case .overTime: return "Over time"
        case .beforeAndAfter: return "Before and after"
        case .sideBySide: return "Authorities side by side"
        case .eventTime: return "Years since the partnership began"
        case .rank: return "Among every council"
        case .neighbours: return "Beside its statistical neighbours"
        case .joining: return "After joining a regional adoption agency"
        }
    }

    /// What kind of picture it is, for a text alternative: "Line chart", "Sorted bar chart".
    var form: String {
        switch self {
        case .overTime, .eventTime, .neighbours: return "Line chart"
        case .beforeAndAfter: return "Dumbbell chart"
        case .sideBySide: return "Bar chart"
        case .rank: return "Sorted bar chart"
        case .joining: return "Dot plot"
        }
    }
}

/// A chart: its words (drawn into the PNG and handed to the page as text), its data, and its drawing.
package protocol Chart: Sendable {
    /// The file name stem, e.g. `kent-children-adopted-over-time`.
    var id: String { get }
    var kind: ChartKind { get }
    /// The main message, stated from the numbers.
    var title: String { get }
    /// Measure, geography and period.
    var subtitle: String { get }
    /// What the title and subtitle claim (figures set side by side, comparators named), which
    /// ``ChartClaims`` checks against what the chart draws before it is published.
    var statements: ChartStatements { get }
    /// Every publisher whose figures are drawn; its ``ChartSource/line`` is drawn at the foot.
    var source: ChartSource { get }
    /// A text alternative saying what is compared, from what to what, against what; never just the title.
    var description: String { get }
    /// The values behind the chart, for the page and the CSV.
    var table: ChartTable { get }
    /// The authority a chart belongs to, if it belongs to one.
    var authorityID: String? { get }
    /// The indicator a chart shows, if it shows one.
    var indicatorID: String? { get }

    /// Everything the drawing uses beyond the words and table, written out, so that a chart whose
    /// fingerprint has not changed draws exactly the same pixels.
    var drawingInputs: String { get }

    /// Every figure the chart draws, for its tidy CSV download (``figuresCSV``).
    var figures: [ChartFigure] { get }

    /// Draws the chart (title, subtitle and source included) in the canvas's ``ChartFormat``.
    func draw(on canvas: Canvas)

    /// The image's height in a format: the format's own, unless the chart needs more to keep its
    /// rows apart at that format's type size.
    func height(in format: ChartFormat, measurer: TextMeasurer) -> Int
}

extension Chart {
    package func height(in format: ChartFormat, measurer: TextMeasurer) -> Int { format.height }

    /// A canvas for this chart in a format, recording what is drawn.
    func recordingCanvas(_ format: ChartFormat, measurer: TextMeasurer) -> RecordingCanvas {
        RecordingCanvas(width: format.width, height: height(in: format, measurer: measurer), format: format, measurer: measurer)
    }
}

extension Chart {
    /// A digest of everything the chart's pixels depend on; the chart cache is keyed by it.
    var fingerprint: String {
        SHA256.hex(
            [kind.rawValue, id, title, subtitle, source.line, description, table.csv.text, drawingInputs].joined(separator: "\u{1}"))
    }
}

/// The values behind a chart: shown as a table on the page and downloaded as CSV.
package struct ChartTable: Sendable {
    /// A cell shown as text on the page and written as a raw value in the CSV.
    struct Cell: Sendable {
        let display: String
        let raw: CSVTable.Cell

        init(_ display: String, raw: CSVTable.Cell) {
            self.display = display
            self.raw = raw
        }

        static func text(_ text: String) -> Cell { Cell(text, raw: .text(text)) }
        static let empty = Cell("", raw: .empty)
    }

    let caption: String
    let header: [String]
    let rows: [[Cell]]

    init(caption: String, header: [String], rows: [[Cell]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }

    var csv: CSVTable {
        var table = CSVTable(header: header)
        for row in rows { table.append(row.map(\.raw)) }
        return table
    }
}

extension ChartTable.Cell {
    /// A figure in its unit: "182", "16.6%", "124 days".
    static func value(_ value: Double?, unit: Unit) -> ChartTable.Cell {
        guard let value else { return .empty }
        return ChartTable.Cell(UKFormat.value(value, unit: unit), raw: .number(value))
    }

    /// An index value to one decimal place.
    static func index(_ value: Double?) -> ChartTable.Cell {
        guard let value else { return .empty }
        let rounded = (value * 10).rounded() / 10
        return ChartTable.Cell(UKFormat.number(rounded, decimals: 1), raw: .number(rounded))
    }
}

/// The title block, source line and remaining plot area every chart shares.
struct ChartFrame {
    let title: FittedText
    let subtitle: FittedText
    let source: FittedText
    let titleTop: Double
    let subtitleTop: Double
    let sourceTop: Double
    /// The area left for the chart itself.
    let plot: Rect

    /// Measures the title, subtitle and source and works out where everything goes, drawing nothing.
    static func layout(on canvas: Canvas, title: String, subtitle: String, source: ChartSource) -> ChartFrame {
        let width = Double(canvas.width)
        let height = Double(canvas.height)
        let margin = canvas.format.margin
        let titleText = canvas.fit(
            title, style: canvas.format.title, width: width - 2 * margin, maxLines: canvas.format.titleLines, minimumSize: 28)
        let titleTop = margin * 0.7
        let subtitleText = canvas.fit(
            subtitle, style: canvas.format.subtitle, width: width - 2 * margin, maxLines: canvas.format.subtitleLines)
        let subtitleTop = titleTop + titleText.height + 8
        let sourceText = canvas.fit(
            source.line, style: canvas.format.source, width: width - 2 * margin, maxLines: canvas.format.sourceLines)
        let sourceTop = height - margin * 0.5 - creditHeight(canvas.format) - sourceText.height
        let plotTop = subtitleTop + subtitleText.height + 30
        return ChartFrame(
            title: titleText, subtitle: subtitleText, source: sourceText, titleTop: titleTop, subtitleTop: subtitleTop,
            sourceTop: sourceTop, plot: Rect(x: margin, y: plotTop, width: width - 2 * margin, height: sourceTop - 24 - plotTop))
    }

    /// The height kept free under the source for the site's credit line, drawn by ``drawCredit(_:on:)``.
    static func creditHeight(_ format: ChartFormat) -> Double { format.source.size + 7 }

    /// Draws the site's name, release and address on the chart's last line, so a chart pasted
    /// alone still says where it came from and when.
    static func drawCredit(_ credit: String, on canvas: Canvas) {
        guard !credit.isEmpty else { return }
        let width = Double(canvas.width) - 2 * canvas.format.margin
        let text = canvas.fit(credit, style: canvas.format.source, width: width, maxLines: 1)
        canvas.draw(
            text, x: canvas.format.margin, top: Double(canvas.height) - canvas.format.margin * 0.5 - creditHeight(canvas.format) + 4,
            color: ChartStyle.secondaryText)
    }

    /// Draws the white background, title, subtitle and source, and returns the area left for the chart.
    static func draw(on canvas: Canvas, title: String, subtitle: String, source: ChartSource) -> ChartFrame {
        let frame = layout(on: canvas, title: title, subtitle: subtitle, source: source)
        canvas.fill(Rect(x: 0, y: 0, width: Double(canvas.width), height: Double(canvas.height)), color: ChartStyle.background)
        canvas.draw(frame.title, x: canvas.format.margin, top: frame.titleTop, color: ChartStyle.text)
        canvas.draw(frame.subtitle, x: canvas.format.margin, top: frame.subtitleTop, color: ChartStyle.secondaryText)
        canvas.draw(frame.source, x: canvas.format.margin, top: frame.sourceTop, color: ChartStyle.secondaryText)
        return frame
    }
}

/// Places labels at preferred heights, pushed apart just enough not to overlap, kept within bounds.
enum LabelStack {
    static func place(_ preferred: [Double], height: Double, within bounds: ClosedRange<Double>) -> [Double] {
        let order = preferred.indices.sorted { preferred[$0] < preferred[$1] }
        var placed = [Double](repeating: 0, count: preferred.count)
        var previous = -Double.infinity
        for index in order {
            let y = max(preferred[index], previous + height, bounds.lowerBound + height / 2)
            placed[index] = y
            previous = y
        }
        // If the stack runs off the bottom, push it back up.
        var next = Double.infinity
        for index in order.reversed() {
            let y = min(placed[index], next - height, bounds.upperBound - height / 2)
            placed[index] = y
            next = y
        }
        return placed
    }
}
