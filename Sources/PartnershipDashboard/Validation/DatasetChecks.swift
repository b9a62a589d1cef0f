// Checks that need the whole dataset: figures spanning partnership boundaries, claims with nothing to check.

/// Warnings that need more than one file, or the comparison rules, to find.
enum DatasetChecks {
    /// `dataComplete` is false when a file had errors, so figures may be missing that are not.
    static func run(on analysis: Analysis, dataComplete: Bool = true) -> [Problem] {
        let dataset = analysis.dataset
        var problems: [Problem] = []
        for (authority, comparison) in zip(dataset.authorities, analysis.comparisons) {
            problems += spanningFigures(in: authority)
            problems += uncheckableClaims(in: authority, comparison: comparison, dataset: dataset)
            problems += narrativeTokens(in: comparison, joining: analysis.joining(of: authority.id), reportingMissingValues: dataComplete)
            problems += unknownNeighbours(of: authority, dataset: dataset)
        }
        if let england = dataset.england {
            problems += uncheckableClaims(in: england, comparison: nil, dataset: dataset)
        }
        return problems
    }

    /// A figure whose period crosses the partnership's start or end is shown but not counted.
    static func spanningFigures(in authority: Authority) -> [Problem] {
        guard let partnership = authority.partnership else { return [] }
        var problems: [Problem] = []
        for series in authority.series {
            // DfE's years are what they are, and no one editing the file can change them; the
            // comparison's caveats still say which of them cross the boundary.
            for observation in series.observations where !observation.official {
                let phase = partnership.phase(of: observation.period)
                let message: String
                switch phase {
                case .spanningStart:
                    message =
                        "spans the partnership's first day (\(partnership.firstDay.label)): the figure is shown and flagged, not counted as before or during; it serves as a baseline, with a caveat, only where no figure ends before the start"
                case .spanningEnd:
                    message =
                        "spans the partnership's last day (\(partnership.lastDay?.label ?? "not recorded")): the figure is shown and flagged, not counted as during or after"
                default: continue
                }
                problems.append(observation.provenance.appending("period").problem(.warning, "\(observation.period.label) \(message)"))
            }
        }
        return problems
    }

    /// A neighbour named by a file that is not here is left out of every comparison: worth knowing.
    static func unknownNeighbours(of authority: Authority, dataset: Dataset) -> [Problem] {
        (authority.official?.neighbours ?? []).flatMap { model in
            model.nearest.compactMap { neighbour -> Problem? in
                guard let id = neighbour.authorityID, dataset.authority(id) == nil else { return nil }
                return neighbour.provenance.appending("council").problem(
                    .warning,
                    "\"\(id)\" (council \(neighbour.dfeCode)) has no file here, so it is left out of the \(model.year) neighbours' comparisons; import DfE's tables again, or add its file"
                )
            }
        }
    }

    /// A claim the data has no figures to check is worth knowing about.
    /// `comparison` is the authority's own, from the analysis; England has none and its claims are
    /// checked over the periods they name.
    static func uncheckableClaims(in authority: Authority, comparison: AuthorityComparison?, dataset: Dataset) -> [Problem] {
        guard !authority.claims.isEmpty else { return [] }
        let comparer = Comparer(dataset: dataset)
        return authority.claims.compactMap { claim in
            let check = comparer.check(
                claim, against: claim.indicator, in: authority, comparison: comparison?.comparison(for: claim.indicator.id))
            let alsoPresented = claim.presentedWith.map { indicator in
                comparer.check(claim, against: indicator, in: authority, comparison: comparison?.comparison(for: indicator.id))
            }
            guard check.verdict == .cannotCheck, alsoPresented?.verdict ?? .cannotCheck == .cannotCheck else { return nil }
            return claim.provenance.problem(.warning, "the claim \"\(claim.id)\" cannot be checked: \(check.explanation)")
        }
    }
}

extension DatasetChecks {
    /// Every token in a narrative must name a value the data has.
    static func narrativeTokens(in comparison: AuthorityComparison, joining: JoiningComparison?, reportingMissingValues: Bool)
        -> [Problem]
    {
        let authority = comparison.authority
        guard let narrative = authority.narrative else { return [] }
        let file = authority.file.hasSuffix(".json") ? String(authority.file.dropLast(5)) + ".md" : authority.file
        let tokens = NarrativeTokens(comparison, joining: joining, reportingMissingValues: reportingMissingValues)
        switch tokens.fill(narrative, file: file) {
        case .success: return []
        case .failure(let failure): return failure.problems
        }
    }
}
