// Regional adoption agencies: partnerships of councils (often with voluntary agencies) that took
// over councils' adoption services from 2017, each going live on its own day.

/// How a date is known: stated by a source as what happened, only planned (or a deadline), or not
/// found. Only a stated date, known at least to the month, splits a council's years into before
/// and after.
enum DateStatus: String, Sendable, CaseIterable {
    case sourced, planned, unknown
}

/// How far a source can be trusted on a date, as the research graded it.
enum Confidence: String, Sendable, CaseIterable {
    case high, medium, low
}

/// A dated event (an agency going live, a council joining or leaving), as its source gives it.
struct AgencyDate: Sendable, Equatable {
    let date: PartialDate?
    let status: DateStatus
    let confidence: Confidence?
    let source: Source?
    let note: String?

    init(date: PartialDate?, status: DateStatus, confidence: Confidence? = nil, source: Source? = nil, note: String? = nil) {
        self.date = date
        self.status = status
        self.confidence = confidence
        self.source = source
        self.note = note
    }

    /// The same date, citing `source`.
    func citing(_ source: Source) -> AgencyDate {
        AgencyDate(date: date, status: status, confidence: confidence, source: source, note: note)
    }

    /// Whether the date may split before from after: stated by a source, known to the month or day.
    var splitsPeriods: Bool {
        guard let date, status == .sourced else { return false }
        return date.precision != .year
    }

    /// "1 October 2019", "July 2017", "2017 (year only)", "planned for April 2020", "not found".
    var words: String {
        guard let date else { return "not found" }
        switch status {
        case .sourced: return date.precision == .year ? "\(date.label) (year only)" : date.label
        case .planned: return "planned for \(date.label)"
        case .unknown: return "not found"
        }
    }
}

/// A regional adoption agency and its member councils.
struct Agency: Sendable, Identifiable {
    /// One council's membership: when it joined (the agency's go-live, or its own date) and, if it
    /// has, when it left.
    struct Member: Sendable {
        enum Joined: Sendable {
            /// A member from the day the agency went live.
            case atGoLive
            case on(AgencyDate)
        }

        let authorityID: String
        let joined: Joined
        let left: AgencyDate?
        let source: Source
        let note: String?

        init(authorityID: String, joined: Joined, left: AgencyDate? = nil, source: Source, note: String? = nil) {
            self.authorityID = authorityID
            self.joined = joined
            self.left = left
            self.source = source
            self.note = note
        }
    }

    let id: String
    let name: String
    /// DfE's code in its 2022-23 agency-level data ("RAA21"); `nil` for an agency it does not code.
    let code: String?
    /// The council that hosts or leads it, where a source says which.
    let lead: String?
    let voluntaryPartners: [(name: String, source: Source)]
    let goLive: AgencyDate
    /// Other dates sources give for going live, shown beside the one used: sources that disagree,
    /// and planned dates.
    let otherGoLives: [AgencyDate]
    let members: [Member]
    let note: String?
    let sources: [Source]
    /// The file it was read from, for messages.
    let file: String

    init(
        id: String, name: String, code: String?, lead: String?, voluntaryPartners: [(name: String, source: Source)], goLive: AgencyDate,
        otherGoLives: [AgencyDate], members: [Member], note: String?, sources: [Source], file: String
    ) {
        self.id = id
        self.name = name
        self.code = code
        self.lead = lead
        self.voluntaryPartners = voluntaryPartners
        self.goLive = goLive
        self.otherGoLives = otherGoLives
        self.members = members
        self.note = note
        self.sources = sources
        self.file = file
    }

    /// When a member joined: the agency's go-live for a founding member, else its own date.
    func joining(of member: Member) -> AgencyDate {
        switch member.joined {
        case .atGoLive: return goLive
        case .on(let date): return date
        }
    }

    /// The members still in the agency (none has a record of leaving).
    var currentMembers: [Member] { members.filter { $0.left == nil } }
}
