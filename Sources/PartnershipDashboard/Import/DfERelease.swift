// DfE's releases of "Children looked after in England including adoptions": which publication a file
// belongs to, so every imported figure cites its title, publisher, address and date.

/// One publication of DfE's children-looked-after statistics.
struct DfERelease: Sendable, Hashable, Comparable {
    /// The source id in authority files, e.g. `dfe-cla-2015` or `dfe-lait-2024-11`.
    let id: String
    let title: String
    let url: String
    /// As precisely as known: `2015-10-01`, or the year alone.
    let published: String
    /// The form its files take.
    let form: OfficialForm
    /// The latest year ending 31 March it holds; later releases revise earlier ones.
    let latestYear: Int
    /// Where the release's date or address comes from, when it is not in the files themselves.
    let note: String?
    /// What each symbol in its cells means.
    let symbols: [String: String]

    /// Releases are ordered by the latest year they hold, then by form, so a later one revises an earlier one.
    static func < (lhs: DfERelease, rhs: DfERelease) -> Bool {
        (lhs.latestYear, lhs.form.order, lhs.id) < (rhs.latestYear, rhs.form.order, rhs.id)
    }

    static let publisher = "Department for Education"
    static let publicationPage =
        "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions"
    static let seriesPage = "https://www.gov.uk/government/collections/statistics-looked-after-children"
    static let laitPage = "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait"

    /// The statistical first release of the year ending 31 March `year` (2010 to 2017).
    static func firstRelease(_ year: Int) -> DfERelease? {
        // Addresses and days as PROVENANCE.md records them; where it records none, the series' page.
        let known: [Int: (reference: String, published: String, url: String?)] = [
            2010: (
                "SFR27/2010", "2010-09-30",
                "https://www.gov.uk/government/statistics/children-looked-after-by-local-authorities-in-england-year-ending-31-march-2010"
            ),
            2011: ("SFR21/2011", "2011-09-28", nil),
            2012: ("SFR20/2012", "2012", nil),
            2013: ("SFR36/2013", "2013", nil),
            2014: ("SFR36/2014", "2014", nil),
            2015: (
                "SFR34/2015", "2015-10-01",
                "https://www.gov.uk/government/statistics/children-looked-after-in-england-including-adoption-2014-to-2015"
            ),
            2016: (
                "SFR41/2016", "2016",
                "https://www.gov.uk/government/statistics/children-looked-after-in-england-including-adoption-2015-to-2016"
            ),
            2017: ("SFR50/2017", "2017", nil),
        ]
        guard let release = known[year] else { return nil }
        let title =
            year <= 2012
            ? "Children looked after by local authorities in England (including adoption and care leavers): year ending 31 March \(year) (\(release.reference), underlying data)"
            : "Children looked after in England including adoption: \(year - 1) to \(year) (\(release.reference), underlying data)"
        var notes: [String] = []
        if release.published.count == 4 { notes.append("Published in the autumn of \(year); the exact day is not recorded here.") }
        if release.url == nil { notes.append("The release's own page is not recorded here; the address is the series' page.") }
        return DfERelease(
            id: "dfe-cla-\(year)", title: title, url: release.url ?? seriesPage, published: release.published, form: .firstRelease,
            latestYear: year, note: notes.isEmpty ? nil : notes.joined(separator: " "),
            symbols: [
                "x": "suppressed: 1 to 5 children, or hidden so that a figure of 1 to 5 cannot be worked out",
                "..": "not available",
                "#VALUE!": "a spreadsheet error in the published file, not a figure",
            ])
    }

    /// The Explore Education Statistics release for the reporting year `year` (holding that year and the four before it).
    static func explore(_ year: Int) -> DfERelease {
        DfERelease(
            id: "dfe-cla-\(year)", title: "Children looked after in England including adoptions: \(year - 1) to \(year)",
            url: publicationPage, published: "\(year)", form: .explore, latestYear: year,
            note:
                "Explore Education Statistics; published in the autumn of \(year), with figures for earlier years revised. The exact day is not recorded here.",
            symbols: [
                "c": "suppressed to protect confidentiality (small numbers)",
                "x": "not available",
                "z": "not applicable",
                "k": "a low figure that rounds to zero but is not zero",
                "u": "low reliability",
                ":": "not available",
            ])
    }

    /// The Local Authority Interactive Tool's data, as it stood after the release for the year ending 31 March `year`.
    static func lait(_ year: Int) -> DfERelease {
        let versions: [Int: (published: String, note: String)] = [
            2023: ("2024-11", "The tool's data as it stood in November 2024, holding 2015 to 2023."),
            2025: ("2026-04", "The tool's data as it stood in April 2026, holding 2016 to 2025."),
        ]
        let version = versions[year]
        return DfERelease(
            id: "dfe-lait-\(year)",
            title: "Local Authority Interactive Tool (LAIT): children looked after and adoption, to \(year - 1) to \(year)",
            url: laitPage, published: version?.published ?? "\(year)", form: .lait, latestYear: year,
            note: version?.note ?? "The tool's data after the \(year) release; the date it was taken is not recorded here.",
            symbols: ["-": "suppressed or not available; where one council's figure is suppressed, the next smallest is hidden too"])
    }
}

/// The three forms DfE has published these figures in, and the files that describe councils.
enum OfficialForm: String, Sendable, Hashable {
    /// Explore Education Statistics tidy CSV (2018 on).
    case explore
    /// The statistical first releases' underlying data (2010 to 2017).
    case firstRelease
    /// The Local Authority Interactive Tool's long extract.
    case lait

    var order: Int {
        switch self {
        case .firstRelease: return 0
        case .explore: return 1
        case .lait: return 2
        }
    }

    /// How messages name the form.
    var words: String {
        switch self {
        case .explore: return "an Explore Education Statistics table"
        case .firstRelease: return "a statistical first release's underlying data"
        case .lait: return "a Local Authority Interactive Tool extract"
        }
    }

    /// The forms, for the message about a file that is none of them.
    static let known =
        "Explore Education Statistics tidy CSV (time_period, time_identifier, geographic_level, …, number), the 2010 to 2017 statistical first releases' underlying data (geog_l, geog_c, geog_n, …), the Local Authority Interactive Tool's long extract (Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region), and DfE's list of council codes, las.csv"
}
