// What one release of the site changed in its figures, as `dashboard release` recorded it.

/// A release of the site: its date, how much it held, and what changed since the release before
/// (figures added, revised and removed; areas added and removed). Kept in `releases.json`.
struct Release: Sendable, Equatable {
    /// Figures added or removed for one measure and period, across `areas` areas.
    struct Group: Sendable, Equatable {
        let measure: String
        let period: String
        let areas: [String]

    }

    /// One figure whose value (or suppression) changed between releases, from the same source.
    struct Revision: Sendable, Equatable {
        let area: String
        let measure: String
        let period: String
        let source: String
        /// The value as the snapshot writes it: "182", "16.6", or "suppressed x".
        let from: String
        let to: String

    }

    let date: PartialDate
    /// Areas (councils, regions and England) with figures in this release, and the figures;
    /// suppressed cells counted apart.
    let areas: Int
    let figures: Int
    let suppressed: Int
    /// The first release recorded: everything in it is new, so nothing is listed as added.
    let first: Bool
    let areasAdded: [String]
    let areasRemoved: [String]
    let added: [Group]
    let removed: [Group]
    let revised: [Revision]

    init(
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
    var changedFigures: Bool { !(areasAdded.isEmpty && areasRemoved.isEmpty && added.isEmpty && removed.isEmpty && revised.isEmpty) }
}
