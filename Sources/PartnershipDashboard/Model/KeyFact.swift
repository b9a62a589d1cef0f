// Figures that are not series: targets, savings, interview counts, ranks.

/// A single sourced figure that does not belong to an indicator's series.
public struct KeyFact: Sendable {
    public let id: String
    /// Groups facts that report the same thing, so disagreeing sources are shown side by side.
    public let about: String?
    /// What the figure is, in plain words: "Saving in foster-care spending for each child adopted, per year".
    public let statement: String
    public let value: Double
    /// The top of a range, when the source gives one ("caseloads of 13 to 16").
    public let upTo: Double?
    public let unit: Unit
    public let period: Period
    public let source: Source
    public let status: Status
    public let preferred: Bool
    public let note: String?
    public let provenance: Provenance
}

/// How a claimed change is expressed.
public enum ChangeKind: String, CaseIterable, Sendable {
    case absolute
    case relative
    case percentagePoints = "percentage-points"
}

/// A change a source states in words ("150% more children placed"), checked against the data.
public struct Claim: Sendable {
    public let id: String
    /// The claim in plain words, written by us; the source's wording stays with the source.
    public let statement: String
    /// The measure the claim speaks of.
    public let indicator: Indicator
    /// The measure of the figures the source puts beside the claim, when that is a different one.
    public let presentedWith: Indicator?
    public let change: ChangeKind
    public let value: Double
    /// Half a unit of the last digit the claim was stated to: 0.5 for "150%", 0.05 for "16.6%".
    public let tolerance: Double
    public let from: Period?
    public let to: Period?
    public let source: Source
    public let note: String?
    public let provenance: Provenance
}
