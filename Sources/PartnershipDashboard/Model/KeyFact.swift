// Figures that are not series: targets, savings, interview counts, ranks.

/// A single sourced figure that does not belong to an indicator's series.
struct KeyFact: Sendable {
    let id: String
    /// Groups facts that report the same thing, so disagreeing sources are shown side by side.
    let about: String?
    /// What the figure is, in plain words: "Saving in foster-care spending for each child adopted, per year".
    let statement: String
    let value: Double
    /// The top of a range, when the source gives one ("caseloads of 13 to 16").
    let upTo: Double?
    let unit: Unit
    let period: Period
    let source: Source
    let status: Status
    let preferred: Bool
    let note: String?
    let provenance: Provenance
}

/// How a claimed change is expressed.
enum ChangeKind: String, CaseIterable, Sendable {
    case absolute
    case relative
    case percentagePoints = "percentage-points"
}

/// A change a source states in words ("150% more children placed"), checked against the data.
struct Claim: Sendable {
    let id: String
    /// The claim in plain words, written by us; the source's wording stays with the source.
    let statement: String
    /// The measure the claim speaks of.
    let indicator: Indicator
    /// The measure of the figures the source puts beside the claim, when that is a different one.
    let presentedWith: Indicator?
    let change: ChangeKind
    let value: Double
    /// Half a unit of the last digit the claim was stated to: 0.5 for "150%", 0.05 for "16.6%".
    let tolerance: Double
    let from: Period?
    let to: Period?
    let source: Source
    let note: String?
    let provenance: Provenance
}
