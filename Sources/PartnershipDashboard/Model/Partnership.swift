// A council's partnership with a voluntary adoption agency, in dated phases.

/// A dated event in a partnership, as precisely as its source gives it.
struct Milestone: Sendable {
    let date: PartialDate
    /// How the source puts it: "early 2012", "contract expired 22 January 2016".
    let wording: String
    let source: Source
    /// More about the event, in our words.
    let note: String?
}

/// A stage of a partnership; it runs until the next phase starts or the partnership ends.
struct Phase: Sendable {
    let name: String
    let start: Milestone

    /// The name up to its first colon or comma: "Formal partnership", "Coram Cambridgeshire Adoption".
    var shortName: String {
        String(name.prefix { $0 != ":" && $0 != "," })
    }
}

/// The day from which figures count as "during", when the start date alone does not say.
struct ComparisonStart: Sendable {
    let day: Day
    let reason: String
    let source: Source
}

/// A partnership between a council and an agency.
struct Partnership: Sendable {
    let partner: String
    let phases: [Phase]
    let end: Milestone?
    let comparisonStart: ComparisonStart?
    let provenance: Provenance

    /// The first day counted as during the partnership.
    var firstDay: Day { comparisonStart?.day ?? phases[0].start.date.firstDay }

    /// The last day counted as during the partnership; `nil` while it continues.
    var lastDay: Day? { end?.date.lastDay }

    /// "early 2012 to 22 January 2016", "September 2006 onwards".
    var datesLabel: String {
        let start = phases[0].start.wording
        guard let end else { return "\(start) onwards" }
        return "\(start) to \(end.wording)"
    }
}

/// A national threshold (target) for an indicator in a period, e.g. the A1 threshold of 487 days.
struct Threshold: Sendable {
    let indicator: Indicator
    let period: Period
    let value: Double
    let source: Source
    let preferred: Bool
    let note: String?
    let provenance: Provenance
}
