// Why a neighbour is left out of the after-joining median, and why a council has no before-and-after table, in words.

extension JoiningComparison.Neighbours.LeftOut {
    /// The reason as a page gives it in brackets: "joined an agency between the same two years".
    var words: String {
        switch self {
        case .noFile: return "no figures on this site"
        case .noFigures: return "no figures for both years"
        case .joiningUnknown: return "its joining date is not known"
        case .joinedBetween: return "joined an agency between the same two years"
        }
    }
}

extension JoiningGap {
    /// "There is no before-and-after table. It needs DfE's figures for …": the two years, then for
    /// each measure the years missing and why, the same years for the same reasons said once for
    /// both measures, and what each symbol DfE printed means.
    func words(for authority: Authority) -> String {
        let name = authority.shortName
        let gaps = measures.map { measure in
            (noun: measure.indicator.noun, reasons: measure.missing.map { $0.reason.words(for: $0.period, name: name) })
        }
        let marks = measures.flatMap(\.missing).compactMap { missing -> String? in
            if case .marked(let cell) = missing.reason { return cell.markedWords }
            return nil
        }
        let clauses =
            gaps.allSatisfy({ $0.reasons == gaps[0].reasons }) && gaps.count > 1
            ? ["DfE gives no figure for either measure for \(UKFormat.list(gaps[0].reasons, conjunction: "or"))."]
            : gaps.map { "For \($0.noun), DfE gives no figure for \(UKFormat.list($0.reasons, conjunction: "or"))." }
        return
            ([
                "There is no before-and-after table. It needs DfE's figures for \(before.label), the last full year before \(name) joined \(agency.name), and \(after.label), the second full year after, for \(UKFormat.list(gaps.map(\.noun)))."
            ] + clauses + marks.uniqued()).joined(separator: " ")
    }
}

extension JoiningGap.Reason {
    /// The year and why it is missing: "2021-22 (marked "-")", "2025-26 (not yet published)".
    func words(for period: Period, name: String) -> String {
        switch self {
        case .marked(let cell): return "\(period.label) (marked \"\(cell.symbol)\")"
        case .beforeExisted(let began, let predecessors):
            // A predecessor of the same name (Dorset before 2019) is told apart by when it ended.
            let before = predecessors.map { earlier in
                earlier.shortName != name
                    ? earlier.shortName
                    : "the \(name) council" + (earlier.official?.ended.map { " that ended on \($0.label)" } ?? " before it")
            }
            return "\(period.label) (before \(name) existed: it began on \(began.label)"
                + (before.isEmpty
                    ? ")"
                    : ", taking over from \(UKFormat.list(before)), whose figures are on \(before.count == 1 ? "its own page" : "their own pages"))")
        case .afterEnded(let ended): return "\(period.label) (after \(name) ended, on \(ended.label))"
        case .notYetPublished: return "\(period.label) (not yet published)"
        case .unexplained: return period.label
        }
    }
}
