// Regional adoption agencies: partnerships of councils (often with voluntary agencies) that took
// over councils' adoption services from 2017, each going live on its own day.

/// How a date is known: stated by a source as what happened, only planned (or a deadline), or not
/// found. Only a stated date, known at least to the month, splits a council's years into before
/// and after.
public enum DateStatus: String, Sendable, CaseIterable {
    case sourced, planned, unknown
}

/// How far a source can be trusted on a date, as the research graded it.
public enum Confidence: String, Sendable, CaseIterable {
    case high, medium, low
}

/// A dated event (an agency going live, a council joining or leaving), as its source gives it.
public struct AgencyDate: Sendable, Equatable {
    public let date: PartialDate?
    public let status: DateStatus
    public let confidence: Confidence?
    public let source: Source?
    public let note: String?

    public init(date: PartialDate?, status: DateStatus, confidence: Confidence? = nil, source: Source? = nil, note: String? = nil) {
        self.date = date
        self.status = status
        self.confidence = confidence
        self.source = source
        self.note = note
    }

    /// The same date, citing `source`.
    public func citing(_ source: Source) -> AgencyDate {
        AgencyDate(date: date, status: status, confidence: confidence, source: source, note: note)
    }

    /// Whether the date may split before from after: stated by a source, known to the month or day.
    public var splitsPeriods: Bool {
        guard let date, status == .sourced else { return false }
        return date.precision != .year
    }

    /// "1 October 2019", "July 2017", "2017 (year only)", "planned for April 2020", "not found".
    public var words: String {
        guard let date else { return "not found" }
        switch status {
        case .sourced: return date.precision == .year ? "\(date.label) (year only)" : date.label
        case .planned: return "planned for \(date.label)"
        case .unknown: return "not found"
        }
    }
}

/// A regional adoption agency and its member councils.
public struct Agency: Sendable, Identifiable {
    /// One council's membership: when it joined (the agency's go-live, or its own date) and, if it
    /// has, when it left.
    public struct Member: Sendable {
        public enum Joined: Sendable {
            /// A member from the day the agency went live.
            case atGoLive
            case on(AgencyDate)
        }

        public let authorityID: String
        public let joined: Joined
        public let left: AgencyDate?
        public let source: Source
        public let note: String?

        public init(authorityID: String, joined: Joined, left: AgencyDate? = nil, source: Source, note: String? = nil) {
            self.authorityID = authorityID
            self.joined = joined
            self.left = left
            self.source = source
            self.note = note
        }
    }

    public let id: String
    public let name: String
    /// DfE's code in its 2022-23 agency-level data ("RAA21"); `nil` for an agency it does not code.
    public let code: String?
    /// The council that hosts or leads it, where a source says which.
    public let lead: String?
    public let voluntaryPartners: [(name: String, source: Source)]
    public let goLive: AgencyDate
    /// Other dates sources give for going live, shown beside the one used: sources that disagree,
    /// and planned dates.
    public let otherGoLives: [AgencyDate]
    public let members: [Member]
    public let note: String?
    public let sources: [Source]
    /// The file it was read from, for messages.
    public let file: String

    public init(
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
    public func joining(of member: Member) -> AgencyDate {
        switch member.joined {
        case .atGoLive: return goLive
        case .on(let date): return date
        }
    }

    /// The members still in the agency (none has a record of leaving).
    public var currentMembers: [Member] { members.filter { $0.left == nil } }
}
