// A council (or England, the national comparator) with all its figures.

/// What kind of area an authority covers.
enum AuthorityType: String, CaseIterable, Sendable {
    case londonBorough = "london-borough"
    case metropolitanBorough = "metropolitan-borough"
    case county
    case unitary
    case region
    case country

    var label: String {
        switch self {
        case .londonBorough: return "London borough"
        case .metropolitanBorough: return "Metropolitan borough"
        case .county: return "County council"
        case .unitary: return "Unitary authority"
        case .region: return "Region"
        case .country: return "Country"
        }
    }
}

/// A council or the country, with its partnership, figures, facts and claims.
struct Authority: Sendable, Identifiable {
    /// The fields, in one allocation shared by every copy: an authority is handed to every
    /// comparison, chart and page that reads it, and a copy then costs one reference count, not twenty.
    private final class Fields: Sendable {
        let id: String
        let name: String
        let shortName: String
        let gss: String?
        let type: AuthorityType?
        let region: String?
        let headline: Indicator?
        let partnership: Partnership?
        let sources: [Source]
        let series: [Series]
        let keyFacts: [KeyFact]
        let claims: [Claim]
        let thresholds: [Threshold]
        let narrative: String?
        let file: String
        let official: OfficialIdentityRecord?
        let isDraft: Bool

        init(
            id: String, name: String, shortName: String, gss: String?, type: AuthorityType?, region: String?, headline: Indicator?,
            partnership: Partnership?, sources: [Source], series: [Series], keyFacts: [KeyFact], claims: [Claim],
            thresholds: [Threshold], narrative: String?, file: String, official: OfficialIdentityRecord?, isDraft: Bool
        ) {
            self.id = id
            self.name = name
            self.shortName = shortName
            self.gss = gss
            self.type = type
            self.region = region
            self.headline = headline
            self.partnership = partnership
            self.sources = sources
            self.series = series
            self.keyFacts = keyFacts
            self.claims = claims
            self.thresholds = thresholds
            self.narrative = narrative
            self.file = file
            self.official = official
            self.isDraft = isDraft
        }
    }

    private let fields: Fields

    var id: String { fields.id }
    var name: String { fields.name }
    var shortName: String { fields.shortName }
    /// ONS Government Statistical Service code, e.g. E10000016 for Kent.
    var gss: String? { fields.gss }
    var type: AuthorityType? { fields.type }
    var region: String? { fields.region }
    /// The indicator the overview shows for this authority.
    var headline: Indicator? { fields.headline }
    var partnership: Partnership? { fields.partnership }
    var sources: [Source] { fields.sources }
    var series: [Series] { fields.series }
    var keyFacts: [KeyFact] { fields.keyFacts }
    var claims: [Claim] { fields.claims }
    var thresholds: [Threshold] { fields.thresholds }
    /// The evaluation narrative in CommonMark, from `<id>.md`.
    var narrative: String? { fields.narrative }
    var file: String { fields.file }
    /// What DfE's tables say of the area: its codes, dates and the councils before and after it.
    var official: OfficialIdentityRecord? { fields.official }
    /// Written by `dashboard new` and not yet ready: validated like any file, left out of the site.
    var isDraft: Bool { fields.isDraft }

    init(
        id: String, name: String, shortName: String, gss: String?, type: AuthorityType?, region: String?, headline: Indicator?,
        partnership: Partnership?, sources: [Source], series: [Series], keyFacts: [KeyFact], claims: [Claim],
        thresholds: [Threshold], narrative: String?, file: String, official: OfficialIdentityRecord? = nil, isDraft: Bool = false
    ) {
        fields = Fields(
            id: id, name: name, shortName: shortName, gss: gss, type: type, region: region, headline: headline,
            partnership: partnership, sources: sources, series: series, keyFacts: keyFacts, claims: claims,
            thresholds: thresholds, narrative: narrative, file: file, official: official, isDraft: isDraft)
    }

    /// Whether the site makes a briefing pack for it: for partnerships, which briefings are about.
    var hasBriefingPack: Bool { partnership != nil }

    /// The measures charted for an area known only from the official tables (every other council and
    /// the regions): the four a reader of a council's adoption figures looks at first. Partnerships
    /// get a chart for every measure they have.
    static let officialChartMeasures: Set<String> = [
        "children-adopted", "looked-after-children", "ceased-care-adopted-share", "ceased-care-sgo",
    ]

    /// Whether the site draws a chart of this measure for the authority.
    func charts(_ indicatorID: String) -> Bool {
        partnership != nil || official == nil || Authority.officialChartMeasures.contains(indicatorID)
    }

    /// Every source the authority's page draws on: the file's own and the official releases its
    /// figures and suppressed cells cite, each once.
    var citedSources: [Source] {
        var seen = Set(sources.map(\.id))
        var all = sources
        // Thousands of figures cite a few sources: each is looked at by its id, and copied only when new.
        for series in self.series {
            for observation in series.observations where !seen.contains(observation.sourceID) {
                seen.insert(observation.sourceID)
                all.append(observation.source)
            }
            for cell in series.suppressed where !seen.contains(cell.source.id) {
                seen.insert(cell.source.id)
                all.append(cell.source)
            }
        }
        return all
    }

    /// The series for an indicator, if the authority has one.
    func series(for indicatorID: String) -> Series? {
        series.first { $0.indicator.id == indicatorID }
    }
}

/// An area as DfE's code list describes it, from the file's `"official"` block.
struct OfficialIdentityRecord: Sendable {
    /// DfE's three-digit code.
    let dfeCode: String?
    /// ONS codes with the days they applied.
    let codes: [(gss: String, from: String?, to: String?)]
    let predecessors: [String]
    let successors: [String]
    /// The council's statistical neighbours in each of DfE's models, oldest model first.
    var neighbours: [StatisticalNeighbours] = []

    /// The first day DfE's list of codes gives the area.
    let began: PartialDate?
    /// The area's last day, when every code it had has ended: a new code for the same council is not an end.
    let ended: PartialDate?

    /// The dates are worked out once here: ranks and comparisons ask for them of every council many times.
    init(dfeCode: String?, codes: [(gss: String, from: String?, to: String?)], predecessors: [String], successors: [String]) {
        self.dfeCode = dfeCode
        self.codes = codes
        self.predecessors = predecessors
        self.successors = successors
        began = codes.compactMap(\.from).min().flatMap { try? PartialDate.parse($0).get() }
        ended =
            !codes.isEmpty && codes.allSatisfy({ $0.to != nil })
            ? codes.compactMap(\.to).max().flatMap { try? PartialDate.parse($0).get() } : nil
    }
}

/// A council's ten nearest councils in one of DfE's statistical-neighbour models.
struct StatisticalNeighbours: Sendable {
    /// One neighbour, nearest first.
    struct Neighbour: Sendable {
        let dfeCode: String
        /// The neighbour's authority file, where there is one.
        let authorityID: String?
        /// DfE's band: "Extremely close", "Very close", "Close", "Somewhat close" or "Not close".
        let closeness: String
        /// Where the entry is in its file, for messages.
        let provenance: Provenance
    }

    /// The model, cited as a source (its id is `dfe-sn-<year>`).
    let model: Source
    /// The year DfE published the model.
    let year: Int
    let nearest: [Neighbour]

    /// The model published nearest the end of `period` (the earlier where two are as near).
    static func nearest(to period: Period, in models: [StatisticalNeighbours]) -> StatisticalNeighbours? {
        guard let year = period.end?.year else { return models.first }
        return models.min { (abs($0.year - year), $0.year) < (abs($1.year - year), $1.year) }
    }
}

/// Everything in the Authorities folder, checked and cross-referenced.
struct Dataset: Sendable {
    let indicators: [Indicator]
    /// The councils, sorted by id; England is kept apart.
    let authorities: [Authority]
    let england: Authority?
    /// How the published site describes itself (site.json).
    let settings: SiteSettings
    /// The releases recorded so far (releases.json), newest first.
    let releases: [Release]
    /// The regional adoption agencies (agencies/*.json), sorted by name.
    let agencies: [Agency]
    /// Where each authority, and each region by name, sits in `authorities`: looked up on every comparison.
    private let positions: [String: Int]
    private let regionPositions: [String: Int]

    init(
        indicators: [Indicator], authorities: [Authority], england: Authority?, settings: SiteSettings = .unconfigured,
        releases: [Release] = [], agencies: [Agency] = []
    ) {
        self.indicators = indicators
        self.authorities = authorities.sorted { $0.id < $1.id }
        self.england = england
        self.settings = settings
        self.releases = releases
        self.agencies = agencies.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        // The first of any repeated id or name wins, as a search from the start would find it.
        positions = Dictionary(self.authorities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        regionPositions = Dictionary(
            self.authorities.enumerated().filter { $1.type == .region }.map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The agencies a council has belonged to, each with its membership, in order of joining; a
    /// membership whose date no source gives comes first, since it may have been the first.
    func memberships(of authorityID: String) -> [(agency: Agency, member: Agency.Member)] {
        agencies.compactMap { agency in agency.members.first { $0.authorityID == authorityID }.map { (agency, $0) } }
            .sorted {
                ($0.agency.joining(of: $0.member).date?.description ?? "")
                    < ($1.agency.joining(of: $1.member).date?.description ?? "")
            }
    }

    /// When a council first joined an agency, where a sourced date splits its years: `nil` for a
    /// council in no agency, and for one whose first membership (or any of unknown date, which may
    /// have come first) cannot be placed. Every before-and-after of joining starts from here.
    func firstJoining(of authorityID: String) -> (agency: Agency, member: Agency.Member, day: Day)? {
        guard let first = memberships(of: authorityID).first, case let date = first.agency.joining(of: first.member),
            date.splitsPeriods, let day = date.date?.firstDay
        else { return nil }
        return (first.agency, first.member, day)
    }

    func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    func authority(_ id: String) -> Authority? {
        id == england?.id ? england : position(of: id).map { authorities[$0] }
    }

    /// Where a council (not England) sits in `authorities`, and so in anything kept in the same order.
    func position(of id: String) -> Int? { positions[id] }

    /// The region a council is in (`nil` for a region, England or a council without one).
    func region(of authority: Authority) -> Authority? {
        guard authority.type != .region, let name = authority.region else { return nil }
        return regionPositions[name].map { authorities[$0] }
    }

    /// The same data without the authorities marked as drafts, which the site leaves out.
    var published: Dataset {
        authorities.contains(where: \.isDraft)
            ? Dataset(
                indicators: indicators, authorities: authorities.filter { !$0.isDraft }, england: england, settings: settings,
                releases: releases, agencies: agencies) : self
    }

    /// The national thresholds, from England's file.
    var thresholds: [Threshold] { england?.thresholds ?? [] }
}
