// One figure read from one of DfE's published tables: where, what, when, the value or its symbol, and the cell it came from.

/// A place DfE publishes figures for.
enum OfficialArea: Hashable, Sendable, Comparable {
    case england
    /// One of the nine regions, by its GSS code (E12…).
    case region(String)
    /// A council, by DfE's three-digit code (`886` for Kent).
    case council(String)
}

/// A figure as DfE published it, before it is merged into an authority file.
struct OfficialFigure: Sendable, Equatable {
    let area: OfficialArea
    /// The area's name as the file gives it, for messages.
    let areaName: String
    /// The indicator's id in `Authorities/indicators.json`.
    let indicator: String
    /// In the project's notation: `2014-15` for a year's count, `2015-03-31` for a count on 31 March.
    let period: String
    /// The figure, or nil when the cell holds a symbol.
    let value: Double?
    /// DfE's symbol when the cell does not hold a figure (`x`, `c`, `z`, `k`, `..`, `-`).
    let symbol: String?
    let release: DfERelease
    /// The file as the user named it, for messages.
    let file: String
    /// Where it came from: the file's name, the column (or the row's group and characteristic), line and column.
    let table: String
    let column: String
    let line: Int
    let position: Int
}

/// The measures the import reads, each defined once in `Authorities/indicators.json`.
enum OfficialMeasure {
    static let lookedAfter = "looked-after-children"
    static let ceased = "ceased-care"
    static let adopted = "children-adopted"
    static let adoptedUnopposed = "children-adopted-unopposed"
    static let adoptedConsentDispensed = "children-adopted-consent-dispensed"
    static let adoptedShare = "ceased-care-adopted-share"
    static let specialGuardianship = "ceased-care-sgo"
    static let specialGuardianshipFosterCarer = "ceased-care-sgo-former-foster-carer"
    static let specialGuardianshipOtherCarer = "ceased-care-sgo-other-carer"
    static let placedForAdoption = "lac-placed-for-adoption"

    /// Counts taken on 31 March rather than over the year.
    static let onThirtyFirstMarch: Set<String> = [lookedAfter, placedForAdoption]

    /// Parts DfE publishes beside their totals (adoptions by legal route, special guardianship by
    /// carer): each keeps its own chart, but a summary of a partnership shows the totals.
    static let components: Set<String> = [
        adoptedUnopposed, adoptedConsentDispensed, specialGuardianshipFosterCarer, specialGuardianshipOtherCarer,
    ]

    static let all = [
        lookedAfter, ceased, adopted, adoptedUnopposed, adoptedConsentDispensed, adoptedShare, specialGuardianship,
        specialGuardianshipFosterCarer, specialGuardianshipOtherCarer, placedForAdoption,
    ]

    /// The period of a measure for the year ending 31 March `year`.
    static func period(_ indicator: String, yearEnding year: Int) -> String {
        if onThirtyFirstMarch.contains(indicator) { return "\(year)-03-31" }
        let next = (year % 100 + 100) % 100
        return "\(year - 1)-\(next < 10 ? "0" : "")\(next)"
    }

    static func isPercentage(_ indicator: String) -> Bool { indicator == adoptedShare }
}

/// The nine regions of England, by GSS code, with the names the files use for them.
enum EnglishRegion {
    static let all: [(code: String, name: String)] = [
        ("E12000001", "North East"), ("E12000002", "North West"), ("E12000003", "Yorkshire and The Humber"),
        ("E12000004", "East Midlands"), ("E12000005", "West Midlands"), ("E12000006", "East of England"),
        ("E12000007", "London"), ("E12000008", "South East"), ("E12000009", "South West"),
    ]

    /// The region's code for a name as any of DfE's files writes it ("NORTH EAST", "Yorkshire and the Humber", "East").
    static func code(named name: String) -> String? {
        let wanted = normalise(name)
        if wanted == "east" || wanted == "eastern" { return "E12000006" }
        return all.first { normalise($0.name) == wanted }?.code
    }

    static func name(of code: String) -> String? { all.first { $0.code == code }?.name }

    private static func normalise(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ").replacingOccurrences(of: " the ", with: " ")
    }
}
