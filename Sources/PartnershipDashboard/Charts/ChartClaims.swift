// What a chart's words may claim, checked against what it draws before anything is published.

import Foundation

/// The rules every chart title and subtitle keeps, so that nothing pasted into a brief claims more
/// than the chart shows: no figure set against itself, no part of a year set against a whole year,
/// no comparator named that has no figures on the chart.
enum ChartClaims {
    /// What is wrong with a chart's words, each as a sentence naming the rule; empty when nothing is.
    static func problems(_ chart: Chart) -> [String] {
        var problems: [String] = []
        let words = [chart.title, chart.subtitle]
        for text in words {
            for (first, second) in comparedPairs(in: text) where first == second {
                problems.append("\"\(text)\" sets \(first) against itself; compare two different periods, or state the one figure alone")
            }
            if text.contains("(part of "), !fullYears(in: text).isEmpty {
                problems.append(
                    "\"\(text)\" sets part of a year against a whole year (\(fullYears(in: text).joined(separator: ", "))); compare the same part of each year, or say the part-year is not comparable"
                )
            }
        }
        // Saying England has no figures is not a claim about England's figures.
        let namesEngland = words.contains {
            $0.contains("England") && $0.replacingOccurrences(of: "no England figures", with: "").contains("England")
        }
        if namesEngland {
            let areas = Set(chart.figures.map(\.area))
            if !areas.contains("England"), !areas.isEmpty {
                problems.append("the words name England, but the chart draws no figure for England; leave England out of its words")
            }
        }
        return problems
    }

    /// The "X in P, against Y in Q" pairs of a sentence, as ("X in P", "Y in Q").
    static func comparedPairs(in text: String) -> [(String, String)] {
        // Most words compare nothing: only those with "against" are matched.
        guard text.contains("against") else { return [] }
        return matches(pairPattern, in: text).map { groups in ("\(groups[0]) \(groups[1])", "\(groups[2]) \(groups[3])") }
    }

    private static let pairPattern = try? NSRegularExpression(
        pattern: #"(?:stood at|at) ([^,;]+?) ((?:in|on) [^,;]+?), against ([^,;]+?) ((?:in|on) [^,;()]+)"#)
    private static let yearPattern = try? NSRegularExpression(pattern: #"\b(\d{4}-\d{2})\b"#)

    /// Financial years named outside a "(part of …)" bracket.
    static func fullYears(in text: String) -> [String] {
        let outside = text.replacingOccurrences(of: #"\(part of [^)]*\)"#, with: "", options: .regularExpression)
        let days = outside.replacingOccurrences(of: #"\d{1,2} \w+ \d{4} to \d{1,2} \w+ \d{4}"#, with: "", options: .regularExpression)
        return matches(yearPattern, in: days).map { $0[0] }
    }

    /// Each match's groups; a pattern is compiled once, and one that failed to compile matches nothing
    /// (a test proves each rule still finds what it should).
    private static func matches(_ regex: NSRegularExpression?, in text: String) -> [[String]] {
        guard let regex else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }
}
