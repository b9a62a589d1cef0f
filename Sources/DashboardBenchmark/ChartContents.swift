// What an over-time chart carries, read from a recording of its drawing, beside what the peer's chart carries.

import PartnershipDashboard

/// The elements the matplotlib peer draws (shaded period, threshold, comparator, direct labels,
/// title, subtitle, source), and the extras ours adds, each found or not in one chart's drawing.
enum ChartContents {
    /// Each element with whether the chart draws it; the first seven are the peer's.
    static func elements(of chart: OverTimeChart, measurer: TextMeasurer) -> [(element: String, drawn: Bool)] {
        let canvas = RecordingCanvas(format: .standard, measurer: measurer)
        chart.draw(on: canvas)
        let texts = canvas.calls.compactMap { call -> (style: FontStyle, words: String)? in
            if case .text(let words, _, let style, _, _) = call { return (style, words) }
            return nil
        }
        // Long titles and sources wrap and may be set smaller to fit, so they are found as runs of words.
        let allWords = texts.map(\.words).joined(separator: " ")
        let directLabels = Set(texts.filter { $0.style == ChartFormat.standard.directLabel }.map(\.words))
        let strokes = { (color: Color) in
            canvas.calls.contains { if case .line(_, let style) = $0 { style.color == color } else { false } }
        }
        return [
            (
                "shaded partnership period",
                canvas.calls.contains { if case .fill(_, let color) = $0 { color == ChartStyle.band } else { false } }
            ),
            ("threshold line", strokes(ChartStyle.threshold)),
            ("comparator line (England)", strokes(ChartStyle.comparator)),
            ("direct labels on the lines", directLabels.contains(chart.authorityName) && directLabels.contains("England")),
            ("title stating the message", allWords.hasPrefix(chart.title + " ")),
            ("subtitle: measure, place, period", allWords.hasPrefix(chart.title + " " + chart.subtitle + " ")),
            ("source line", allWords.contains(chart.source.line)),
            ("markers on every figure", canvas.calls.contains { if case .marker = $0 { true } else { false } }),
            ("first and last values written on the line", texts.contains { $0.style == ChartFormat.standard.valueLabel }),
            (
                "partnership named and dated on the chart",
                texts.contains { $0.style == ChartFormat.standard.note && $0.words.contains("partnership") }
            ),
        ]
    }

}
