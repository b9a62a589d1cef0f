// The caveats a comparison carries, found from the figures behind it.

extension Comparer {
    func caveats(for comparison: IndicatorComparison, series: Series, claims: [ClaimCheck]) -> [Caveat] {
        guard let baseline = comparison.baseline?.observation, let outcome = comparison.outcome?.observation,
            let change = comparison.change
        else { return [] }
        let indicator = comparison.indicator
        let unit = indicator.unit
        var caveats: [Caveat] = []
        let compared = [baseline, outcome] + (comparison.after.map { [$0.observation] } ?? [])
        if unit == .count, compared.contains(where: { SmallCount.contains($0.value) }) {
            caveats.append(.smallNumbers)
        }
        if let base = change.relativeBase, base.period != baseline.period {
            // A rise from zero has no percentage; the engine divides by the first later figure above zero, and says so.
            caveats.append(.measuredFromLater(value: base.value, unit: unit, period: base.period))
        } else if unit == .count, let base = change.relativeBase, base.value <= Double(ComparisonRules.tinyBaseLimit) {
            caveats.append(.tinyBase(value: base.value, unit: unit))
        }
        if comparison.baseline?.phase == .spanningStart {
            caveats.append(.baselineSpansStart(baseline.period))
        }
        if baseline.period.comparability == .unstated {
            caveats.append(.unstatedPeriod)
        }
        // Two of DfE's releases of one collection count the same way; anything else may not.
        if baseline.source.id != outcome.source.id && !(baseline.official && outcome.official) {
            let publishers = [baseline.source.publisher, outcome.source.publisher]
            caveats.append(.differentSources(publishers: publishers[0] == publishers[1] ? [publishers[0]] : publishers))
        }
        if compared.contains(where: { $0.status == .reportedClaim }) {
            caveats.append(.reportedFigures)
        }
        for figure in compared where figure.official {
            // DfE's own revisions of a figure are not a disagreement between sources.
            let earlier = series.alternatives(to: figure).filter(\.official)
            guard !earlier.isEmpty else { continue }
            caveats.append(
                .revisedFigures(
                    period: figure.period, unit: unit, latest: Caveat.Figure(value: figure.value, source: figure.source.id),
                    earlier: earlier.map { Caveat.Figure(value: $0.value, source: $0.source.id) }))
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
            caveats.append(
                .sourcesDisagree(
                    period: figure.period, unit: unit, used: Caveat.Figure(value: figure.value, source: figure.source.publisher),
                    others: differing.map { Caveat.Figure(value: $0.value, source: $0.source.publisher) }))
        }
        for check in claims where check.verdict == .differs {
            caveats.append(.claimDiffers(check))
        }
        let spanning = comparison.observations.filter { $0.phase == .spanningStart || $0.phase == .spanningEnd }
            .filter { $0.observation.period != baseline.period }
        if !spanning.isEmpty { caveats.append(.spanningFigures(spanning.map(\.observation.period))) }
        return caveats
    }

    /// One caveat for the years DfE published no figure for, grouped by the symbol it printed.
    func suppressionCaveat(_ periods: [Period], in series: Series) -> Caveat? {
        var groups: [Caveat.Gap] = []
        for period in periods {
            guard let cell = series.suppression(in: period).first else { continue }
            if let index = groups.firstIndex(where: { $0.symbol == cell.symbol }) {
                groups[index] = Caveat.Gap(symbol: cell.symbol, meaning: groups[index].meaning, periods: groups[index].periods + [period])
            } else {
                groups.append(Caveat.Gap(symbol: cell.symbol, meaning: cell.meaning, periods: [period]))
            }
        }
        return groups.isEmpty ? nil : .suppressedFigures(groups)
    }
}
