// A claim's check in words: what the source claims, what the figures give, and whether they agree.

extension ClaimCheck {
    /// One or two sentences saying what was compared and what was found.
    var explanation: String {
        let unit = checkedAgainst.unit
        let noun = checkedAgainst.noun
        let claimed = UKFormat.claimed(claim.value, kind: claim.change, unit: unit)
        let differentMeasure =
            measuresDiffer ? " The claim speaks of \(claim.indicator.noun); these figures are \(noun), a different measure." : ""
        guard let change, let computed else {
            let periods =
                claim.from.flatMap { from in claim.to.map { "\(from.label) and \($0.label)" } } ?? "before and during the partnership"
            return
                "The source claims \(claimed); the data has no pair of \(noun) figures for \(periods) to check it against.\(differentMeasure)"
        }
        let computedText = UKFormat.change(computed, kind: claim.change, unit: unit)
        let pair =
            "\(UKFormat.value(change.from.value, unit: unit)) in \(change.from.period.label) to \(UKFormat.value(change.to.value, unit: unit)) in \(change.to.period.label)"
        let verdictText =
            verdict == .agrees
            ? "The source claims \(claimed); \(noun) went from \(pair), \(computedText), which agrees."
            : "The source claims \(claimed); \(noun) went from \(pair), \(computedText), which differs by \(UKFormat.number((abs(computed - claim.value) * 10).rounded() / 10))\(claim.change == .absolute ? "" : " points")."
        return verdictText + differentMeasure
    }
}
