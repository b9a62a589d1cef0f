// The caveats a comparison carries, generated from the figures behind it.

extension Comparer {
    func caveats(for comparison: IndicatorComparison, series: Series, claims: [ClaimCheck]) -> [Caveat] {
        guard let baseline = comparison.baseline?.observation, let outcome = comparison.outcome?.observation,
            let change = comparison.change
        else { return [] }
        let indicator = comparison.indicator
        var caveats: [Caveat] = []
        let compared = [baseline, outcome] + (comparison.after.map { [$0.observation] } ?? [])
        if indicator.unit == .count, compared.contains(where: { SmallCount.contains($0.value) }) {
            caveats.append(
                Caveat(
                    kind: .smallNumbers,
                    text:
                        "Small numbers: a figure here is \(SmallCount.limit) or fewer, so a single child changes it noticeably."
                ))
        }
        if let base = change.relativeBase, base.period != baseline.period {
            // A rise from zero has no percentage; the engine divides by the first later figure above zero, and says so.
            let small = indicator.unit == .count && base.value <= Double(ComparisonRules.tinyBaseLimit)
            caveats.append(
                Caveat(
                    kind: .tinyBase,
                    text:
                        "The baseline is 0, so the relative change is measured from \(UKFormat.value(base.value, unit: indicator.unit)) in \(base.period.label), the first later figure above zero\(small ? "; from so small a base it is large for a small difference in numbers" : "")."
                ))
        } else if indicator.unit == .count, let base = change.relativeBase, base.value <= Double(ComparisonRules.tinyBaseLimit) {
            caveats.append(
                Caveat(
                    kind: .tinyBase,
                    text:
                        "The relative change starts from only \(UKFormat.value(base.value, unit: indicator.unit)), so it is large for a small difference in numbers."
                ))
        }
        if comparison.baseline?.phase == .spanningStart {
            caveats.append(
                Caveat(
                    kind: .baselineSpansStart,
                    text:
                        "No figure ends before the partnership began, so the baseline is \(baseline.period.label), which includes its first months."
                ))
        }
        if baseline.period.comparability == .unstated {
            caveats.append(
                Caveat(
                    kind: .unstatedPeriod,
                    text: "The source does not say which period the earlier figure covers; the comparison is the source's own."))
        }
        // Two of DfE's releases of one collection count the same way; anything else may not.
        if baseline.source.id != outcome.source.id && !(baseline.official && outcome.official) {
            let sources =
                baseline.source.publisher == outcome.source.publisher
                ? "two different publications by \(baseline.source.publisher)"
                : "different sources (\(baseline.source.publisher) and \(outcome.source.publisher))"
            caveats.append(
                Caveat(kind: .differentSources, text: "The two figures come from \(sources), which may not count in exactly the same way."))
        }
        if compared.contains(where: { $0.status == .reportedClaim }) {
            caveats.append(
                Caveat(
                    kind: .reportedFigures,
                    text: "At least one figure is reported by the partnership, a council or the press, not read in official statistics."))
        }
        for figure in compared where figure.official {
            // DfE's own revisions of a figure are not a disagreement between sources.
            let earlier = series.alternatives(to: figure).filter(\.official)
            guard !earlier.isEmpty else { continue }
            let list = earlier.map { "\(UKFormat.value($0.value, unit: indicator.unit)) (\($0.source.id))" }.joined(separator: ", ")
            caveats.append(
                Caveat(
                    kind: .revisedFigures,
                    text:
                        "DfE revised \(figure.period.label) in a later release: the site uses the latest, \(UKFormat.value(figure.value, unit: indicator.unit)) (\(figure.source.id)), revised from \(list)."
                ))
        }
        let kind = baseline.period.comparability
        let gaps = series.suppressed.filter { cell in
            cell.period.comparability == kind && cell.period > baseline.period && !series.suppression(in: cell.period).isEmpty
                && !comparison.observations.contains { $0.observation.period == cell.period }
        }
        if let caveat = suppressionCaveat(Set(gaps.map(\.period)).sorted(), in: series) { caveats.append(caveat) }
        for figure in compared {
            // DfE's revisions are told above; a source that gives the same number does not disagree.
            let differing = series.alternatives(to: figure).filter { !($0.official && figure.official) && $0.value != figure.value }
            guard !differing.isEmpty else { continue }
            let others = differing.map {
                "\(UKFormat.value($0.value, unit: indicator.unit)) (\($0.source.publisher))"
            }.joined(separator: ", ")
            caveats.append(
                Caveat(
                    kind: .sourcesDisagree,
                    text:
                        "Sources disagree on \(figure.period.label): the site uses \(UKFormat.value(figure.value, unit: indicator.unit)) (\(figure.source.publisher)); also reported: \(others)."
                ))
        }
        for check in claims where check.verdict == .differs {
            caveats.append(Caveat(kind: .claimDiffers, text: check.explanation))
        }
        let spanning = comparison.observations.filter { $0.phase == .spanningStart || $0.phase == .spanningEnd }
            .filter { $0.observation.period != baseline.period }
        if !spanning.isEmpty { caveats.append(spanningCaveat(spanning)) }
        return caveats
    }

    /// One caveat for the years DfE published no figure for, grouped by the symbol it printed.
    func suppressionCaveat(_ periods: [Period], in series: Series) -> Caveat? {
        var groups: [(symbol: String, meaning: String, periods: [String])] = []
        for period in periods {
            guard let cell = series.suppression(in: period).first else { continue }
            if let index = groups.firstIndex(where: { $0.symbol == cell.symbol }) {
                groups[index].periods.append(period.label)
            } else {
                groups.append((cell.symbol, cell.meaning, [period.label]))
            }
        }
        guard !groups.isEmpty else { return nil }
        let parts = groups.map { "\(UKFormat.list($0.periods)) (marked \"\($0.symbol)\", meaning \($0.meaning))" }
        let count = groups.reduce(0) { $0 + $1.periods.count }
        return Caveat(
            kind: .suppressedFigures,
            text:
                "DfE published no figure for \(parts.joined(separator: " or for ")), so \(count == 1 ? "that year is" : "those years are") not compared."
        )
    }

    func spanningCaveat(_ spanning: [PlacedObservation]) -> Caveat {
        let periods = spanning.map(\.observation.period.label).joined(separator: ", ")
        return Caveat(
            kind: .spanningFigures,
            text: "Figures for \(periods) cross a boundary of the partnership, so they are shown but not counted as before or during.")
    }
}
