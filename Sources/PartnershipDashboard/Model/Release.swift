// What one release of the site changed in its figures, as `dashboard release` recorded it.

/// A release of the site: its date, how much it held, and what changed since the release before
/// (figures added, revised and removed; areas added and removed). Kept in `releases.json`.
public struct Release: Sendable, Equatable {
    /// Figures added or removed for one measure and period, across `areas` areas.
    public struct Group: Sendable, Equatable {
        public let measure: String
        public let period: String
        public let areas: [String]

        public init(measure: String, period: String, areas: [String]) {
            self.measure = measure
            self.period = period
            self.areas = areas
        }
    }

    /// One figure whose value (or suppression) changed between releases, from the same source.
    public struct Revision: Sendable, Equatable {
        public let area: String
        public let measure: String
        public let period: String
        public let source: String
        /// The value as the snapshot writes it: "182", "16.6", or "suppressed x".
        public let from: String
        public let to: String

        public init(area: String, measure: String, period: String, source: String, from: String, to: String) {
            self.area = area
            self.measure = measure
            self.period = period
            self.source = source
            self.from = from
            self.to = to
        }
    }

    public let date: PartialDate
    /// Areas (councils, regions and England) with figures in this release, and the figures;
    /// suppressed cells counted apart.
    public let areas: Int
    public let figures: Int
    public let suppressed: Int
    /// The first release recorded: everything in it is new, so nothing is listed as added.
    public let first: Bool
    public let areasAdded: [String]
    public let areasRemoved: [String]
    public let added: [Group]
    public let removed: [Group]
    public let revised: [Revision]

    public init(
        date: PartialDate, areas: Int, figures: Int, suppressed: Int, first: Bool, areasAdded: [String] = [], areasRemoved: [String] = [],
        added: [Group] = [], removed: [Group] = [], revised: [Revision] = []
    ) {
        self.date = date
        self.areas = areas
        self.figures = figures
        self.suppressed = suppressed
        self.first = first
        self.areasAdded = areasAdded
        self.areasRemoved = areasRemoved
        self.added = added
        self.removed = removed
        self.revised = revised
    }

    /// Whether anything in the figures changed since the release before.
    public var changedFigures: Bool { !(areasAdded.isEmpty && areasRemoved.isEmpty && added.isEmpty && removed.isEmpty && revised.isEmpty) }
}
