// DfE's list of council codes (`las.csv`): each council's names, codes, type, region and dates of operation.

/// One council as DfE's code list describes it.
struct RegisteredCouncil: Sendable, Equatable {
    /// DfE's three-digit code, e.g. `886`.
    let code: String
    /// The ONS (GSS) code, e.g. `E10000016`.
    let gss: String
    let name: String
    /// `london-borough`, `metropolitan-borough`, `county` or `unitary`.
    let type: String
    /// The region's GSS code.
    let region: String
    /// `2009-04-01`; nil where DfE gives none.
    let started: String?
    /// The last day it operated, `2021-03-31`, if it has ended.
    let ended: String?
}

/// Reads `las.csv`. Rows that join two councils (`E06000061 / E06000062`) describe a combined
/// reporting unit, not a council, and are left out, as are the counties of early 2009 that DfE gave
/// no code (`x`). One code can have several rows: a council whose ONS code or type changed
/// (North Yorkshire became a unitary council in 2023 and kept 815) is one council.
enum CouncilRegister {
    static func councils(in table: OfficialTable, problems: inout [ImportFailure]) -> [RegisteredCouncil] {
        guard let gss = table.column("new_la_code"), let name = table.column("la_name"), let code = table.column("old_la_code"),
            let started = table.column("date_of_operation")
        else { return [] }
        let ended = table.column("date_of_termination")
        let parent = table.column("parent_geography_code")
        let entity = table.column("entity_code")
        var councils: [RegisteredCouncil] = []
        for row in table.rows {
            guard let gssCell = table.cell(row, gss), let codeCell = table.cell(row, code), let nameCell = table.cell(row, name),
                !gssCell.text.contains("/"), !codeCell.text.contains("/"), codeCell.text != "x"
            else { continue }
            guard codeCell.text.count == 3, codeCell.text.allSatisfy(\.isNumber) else {
                problems.append(table.failure(codeCell, "\"\(codeCell.text)\" is not a council's three-digit DfE code, e.g. 886 for Kent"))
                continue
            }
            let type: String
            switch entity.flatMap({ table.cell(row, $0)?.text }) ?? String(gssCell.text.prefix(3)) {
            case "E09": type = "london-borough"
            case "E08": type = "metropolitan-borough"
            case "E10": type = "county"
            case "E06": type = "unitary"
            default: continue
            }
            var dates: [String?] = []
            for column in [started, ended] {
                guard let column, let cell = table.cell(row, column), !cell.text.isEmpty else {
                    dates.append(nil)
                    continue
                }
                guard let date = isoDate(cell.text) else {
                    problems.append(
                        table.failure(cell, "\"\(cell.text)\" is not a date; las.csv writes dates as day/month/year, e.g. 01/04/2009"))
                    dates.append(nil)
                    continue
                }
                dates.append(date)
            }
            councils.append(
                RegisteredCouncil(
                    code: codeCell.text, gss: gssCell.text, name: nameCell.text, type: type,
                    region: parent.flatMap { table.cell(row, $0)?.text } ?? "", started: dates[0], ended: dates[1]))
        }
        return councils
    }

    /// `01/04/2009` → `2009-04-01`.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "/")
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[0]),
            (1...31).contains(day)
        else { return nil }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }
}

/// Where DfE's list of codes cannot tell which council became which: several councils ended and
/// several began on one day in one region. Then the statutory order that made the change decides.
enum Reorganisation {
    /// New council's GSS code → the GSS codes of the councils whose areas it took over.
    /// The Bournemouth, Dorset and Poole (Structural Changes) Order 2018 (SI 2018/648): Bournemouth,
    /// Christchurch and Poole took Bournemouth, Poole and Christchurch (a district of Dorset county);
    /// Dorset Council took the rest of the county.
    static let orders: [String: Set<String>] = [
        "E06000058": ["E06000028", "E06000029", "E10000009"],
        "E06000059": ["E10000009"],
    ]

    /// The councils `found` by date, kept only where an order links them to `code`'s council.
    static func narrow(_ found: [String], of code: String, before: Bool, in byCode: [String: [RegisteredCouncil]]) -> [String] {
        let gss = { (code: String) in Set(byCode[code]?.map(\.gss) ?? []) }
        let mine = gss(code)
        let known = orders.filter { new, _ in
            before ? mine.contains(new) : found.contains { gss($0).contains(new) }
        }
        guard !known.isEmpty else { return found }
        return found.filter { other in
            let theirs = gss(other)
            return before
                ? known.contains { $0.value.intersection(theirs).isEmpty == false }
                : known.contains { theirs.contains($0.key) && !$0.value.intersection(mine).isEmpty }
        }
    }
}
