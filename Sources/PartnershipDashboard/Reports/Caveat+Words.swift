// A caveat in words: the wording layer's sentences for what the engine found.

extension Caveat {
    /// The caveat as one or two sentences for a reader.
    var text: String {
        switch self {
        case .smallNumbers:
            return "Small numbers: a figure here is \(SmallCount.limit) or fewer, so a single child changes it noticeably."
        case .measuredFromLater(let value, let unit, let period):
            let small = unit == .count && value <= Double(ComparisonRules.tinyBaseLimit)
            return
                "The baseline is 0, so the relative change is measured from \(UKFormat.value(value, unit: unit)) in \(period.label), the first later figure above zero\(small ? "; from so small a base it is large for a small difference in numbers" : "")."
        case .tinyBase(let value, let unit):
            return
                "The relative change starts from only \(UKFormat.value(value, unit: unit)), so it is large for a small difference in numbers."
        case .baselineSpansStart(let period):
            return "No figure ends before the partnership began, so the baseline is \(period.label), which includes its first months."
        case .unstatedPeriod:
            return "The source does not say which period the earlier figure covers; the comparison is the source's own."
        case .differentSources(let publishers):
            let sources =
                publishers.count == 1
                ? "two different publications by \(publishers[0])" : "different sources (\(publishers.joined(separator: " and ")))"
            return "The two figures come from \(sources), which may not count in exactly the same way."
        case .reportedFigures:
            return "At least one figure is reported by the partnership, a council or the press, not read in official statistics."
        case .officialStartsLater(let period):
            return
                "DfE's figures start with \(period.label), after the partnership began, so this change is between figures that others reported; DfE's are not compared with them."
        case .revisedFigures(let period, let unit, let latest, let earlier):
            let list = earlier.map { "\(UKFormat.value($0.value, unit: unit)) (\($0.source))" }.joined(separator: ", ")
            return
                "DfE revised \(period.label) in a later release: the site uses the latest, \(UKFormat.value(latest.value, unit: unit)) (\(latest.source)), revised from \(list)."
        case .suppressedFigures(let gaps):
            let parts = gaps.map { "\(UKFormat.list($0.periods.map(\.label))) (marked \"\($0.symbol)\", meaning \($0.meaning))" }
            let count = gaps.reduce(0) { $0 + $1.periods.count }
            return
                "DfE published no figure for \(parts.joined(separator: " or for ")), so \(count == 1 ? "that year is" : "those years are") not compared."
        case .sourcesDisagree(let period, let unit, let used, let others):
            let list = others.map { "\(UKFormat.value($0.value, unit: unit)) (\($0.source))" }.joined(separator: ", ")
            return
                "Sources disagree on \(period.label): the site uses \(UKFormat.value(used.value, unit: unit)) (\(used.source)); also reported: \(list)."
        case .claimDiffers(let check):
            return check.explanation
        case .spanningFigures(let periods):
            return
                "Figures for \(periods.map(\.label).joined(separator: ", ")) cross a boundary of the partnership, so they are shown but not counted as before or during."
        }
    }
}
