// A council's partnership with a voluntary adoption agency, in dated phases.

/// A dated event in a partnership, as precisely as its source gives it.
public struct Milestone: Sendable {
    public let date: PartialDate
    /// How the source puts it: "early 2012", "contract expired 22 January 2016".
    public let wording: String
    public let source: Source
    /// More about the event, in our words.
    public let note: String?
}

/// A stage of a partnership; it runs until the next phase starts or the partnership ends.
public struct Phase: Sendable {
    public let name: String
    public let start: Milestone

    /// The name up to its first colon or comma: "Formal partnership", "Coram Cambridgeshire Adoption".
    public var shortName: String {
        String(name.prefix { $0 != ":" && $0 != "," })
    }
}

/// The day from which figures count as "during", when the start date alone does not say.
public struct ComparisonStart: Sendable {
    public let day: Day
    public let reason: String
    public let source: Source
}

/// A partnership between a council and an agency.
public struct Partnership: Sendable {
    public let partner: String
    public let phases: [Phase]
    public let end: Milestone?
    public let comparisonStart: ComparisonStart?
    public let provenance: Provenance

    /// The first day counted as during the partnership.
    public var firstDay: Day { comparisonStart?.day ?? phases[0].start.date.firstDay }

    /// The last day counted as during the partnership; `nil` while it continues.
    public var lastDay: Day? { end?.date.lastDay }

    /// "early 2012 to 22 January 2016", "September 2006 onwards".
    public var datesLabel: String {
        let start = phases[0].start.wording
        guard let end else { return "\(start) onwards" }
        return "\(start) to \(end.wording)"
    }
}

/// A national threshold (target) for an indicator in a period, e.g. the A1 threshold of 487 days.
public struct Threshold: Sendable {
    public let indicator: Indicator
    public let period: Period
    public let value: Double
    public let source: Source
    public let preferred: Bool
    public let note: String?
    public let provenance: Provenance
}
