// One figure for one indicator and period, with its source.

/// How far a figure can be relied on as an official number.
enum Status: String, CaseIterable, Sendable {
    /// An official statistic as first published.
    case published
    /// An official statistic as revised in a later release.
    case revised
    /// An official statistic marked provisional.
    case provisional
    /// A figure reported by a partner, the press or a council, not read in official statistics.
    case reportedClaim = "reported-claim"

    var label: String {
        switch self {
        case .published: return "published"
        case .revised: return "revised"
        case .provisional: return "provisional"
        case .reportedClaim: return "reported"
        }
    }
}

/// A figure: the value of one indicator in one period, from one source.
///
/// What the engine reads on every comparison (period, value, status) is stored inline; where the
/// figure came from is shared by reference, so that copying a figure costs one reference count,
/// not a dozen.
struct Observation: Sendable {
    let period: Period
    let value: Double
    let status: Status
    /// Where sources disagree on a period, the one the site uses.
    let preferred: Bool
    /// Whether `dashboard import` wrote it from an official release (the file's `"official"` block).
    let official: Bool
    private let origin: Origin

    /// Where a figure was read and written down: one allocation shared by every copy.
    private final class Origin: Sendable {
        let source: Source
        let note: String?
        let provenance: Provenance
        let table: String?
        let column: String?

        init(source: Source, note: String?, provenance: Provenance, table: String?, column: String?) {
            self.source = source
            self.note = note
            self.provenance = provenance
            self.table = table
            self.column = column
        }
    }

    var source: Source { origin.source }
    /// The source's id alone, without copying the whole source.
    var sourceID: String { origin.source.id }
    var note: String? { origin.note }
    var provenance: Provenance { origin.provenance }
    /// For figures imported from DfE's tables: the file and the column (or row) the figure was read from.
    var table: String? { origin.table }
    var column: String? { origin.column }

    init(
        period: Period, value: Double, source: Source, status: Status, preferred: Bool = false,
        note: String? = nil, provenance: Provenance, table: String? = nil, column: String? = nil, official: Bool = false
    ) {
        self.period = period
        self.value = value
        self.status = status
        self.preferred = preferred
        self.official = official
        origin = Origin(source: source, note: note, provenance: provenance, table: table, column: column)
    }
}

/// A cell of an official release that holds a symbol instead of a figure: suppressed, not
/// available, or not applicable. It is never a value; the site says what the symbol means.
struct SuppressedFigure: Sendable {
    let period: Period
    /// DfE's symbol, e.g. `x` or `c`.
    let symbol: String
    /// What the release says the symbol means.
    let meaning: String
    let source: Source
    let table: String?
    let column: String?
    let provenance: Provenance
}

/// An authority's figures for one indicator.
struct Series: Sendable {
    let indicator: Indicator
    let observations: [Observation]
    /// Official cells that hold a symbol instead of a figure.
    let suppressed: [SuppressedFigure]
    let provenance: Provenance

    init(indicator: Indicator, observations: [Observation], suppressed: [SuppressedFigure] = [], provenance: Provenance) {
        self.indicator = indicator
        self.observations = observations
        self.suppressed = suppressed
        self.provenance = provenance
        preferredObservations = Self.preferred(among: observations)
        officialFigures = preferredObservations.filter(\.official)
    }

    /// One figure per period, sorted by period: where an official release gives the period, the
    /// latest release's figure (official statistics first); otherwise the preferred one where
    /// sources disagree. Chosen once, when the series is read.
    let preferredObservations: [Observation]

    /// DfE's figures, one per period (the latest release's), sorted by period.
    let officialFigures: [Observation]

    /// DfE's figure for a period, as the latest release gives it; `nil` where no release gives one.
    func officialFigure(in period: Period) -> Observation? { officialFigures.first { $0.period == period } }

    /// The same choice among the figures `keep` accepts (say, reported figures only).
    func preferredObservations(where keep: (Observation) -> Bool) -> [Observation] {
        Self.preferred(among: observations.filter(keep))
    }

    private static func preferred(among observations: [Observation]) -> [Observation] {
        let byPeriod = Dictionary(grouping: observations, by: \.period)
        return byPeriod.values.map { group in
            group.last(where: \.official) ?? group.first(where: \.preferred) ?? group[0]
        }.sorted { $0.period < $1.period }
    }

    /// The symbols official releases give for a period that has no official figure, latest first.
    func suppression(in period: Period) -> [SuppressedFigure] {
        guard !observations.contains(where: { $0.official && $0.period == period }) else { return [] }
        return suppressed.filter { $0.period == period }.reversed()
    }

    /// Figures for the same period that differ from the preferred one.
    func alternatives(to observation: Observation) -> [Observation] {
        observations.filter { $0.period == observation.period && $0.provenance != observation.provenance }
    }
}
