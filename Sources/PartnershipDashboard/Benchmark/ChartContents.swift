// What an over-time chart carries, read from a recording of its drawing, beside what the peer's chart carries.

/// The elements the matplotlib peer draws (shaded period, threshold, comparator, direct labels,
/// title, subtitle, source), and the extras ours adds, each found or not in one chart's drawing.
enum ChartContents {
    /// Each element with whether the chart draws it; the first seven are the peer's.
    static func elements(of chart: OverTimeChart, measurer: TextMeasurer) -> [(element: String, drawn: Bool)] {
        let canvas = RecordingCanvas(format: .standard, measurer: measurer)
        chart.draw(on: canvas)
        let texts = canvas.lines.compactMap(text)
        // Long titles and sources wrap and may be set smaller to fit, so they are found as runs of words.
        let allWords = texts.map(\.words).joined(separator: " ")
        let directLabels = Set(texts.filter { $0.style == ChartFormat.standard.directLabel }.map(\.words))
        let strokes = { (color: Color) in canvas.lines.contains { $0.hasPrefix("line \(color) ") } }
        return [
            ("shaded partnership period", canvas.lines.contains { $0.hasPrefix("fill ") && $0.hasSuffix(" \(ChartStyle.band)") }),
            ("threshold line", strokes(ChartStyle.threshold)),
            ("comparator line (England)", strokes(ChartStyle.comparator)),
            ("direct labels on the lines", directLabels.contains(chart.authorityName) && directLabels.contains("England")),
            ("title stating the message", allWords.hasPrefix(chart.title + " ")),
            ("subtitle: measure, place, period", allWords.hasPrefix(chart.title + " " + chart.subtitle + " ")),
            ("source line", allWords.contains(chart.source.line)),
            ("markers on every figure", canvas.lines.contains { $0.hasPrefix("marker ") }),
            ("first and last values written on the line", texts.contains { $0.style == ChartFormat.standard.valueLabel }),
            (
                "partnership named and dated on the chart",
                texts.contains { $0.style == ChartFormat.standard.note && $0.words.contains("partnership") }
            ),
        ]
    }

    /// A recorded text line's style and words: `text bold 34 #0B0C0C 36,60 w1128: words`.
    private static func text(_ line: String) -> (style: FontStyle, words: String)? {
        guard line.hasPrefix("text "), let colon = line.range(of: ": ") else { return nil }
        let header = line[..<colon.lowerBound].split(separator: " ")
        guard header.count >= 3, let weight = FontWeight(rawValue: String(header[1])), let size = Double(header[2]) else { return nil }
        return (FontStyle(size: size, weight: weight), String(line[colon.upperBound...]))
    }
}
