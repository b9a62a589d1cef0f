// Reads every table under the paths given: what each file is, every figure in it, the council list,
// and everything wrong, each with its file, line and column.

import Foundation

/// Everything read from DfE's files, before anything is written.
struct OfficialImport: Sendable {
    /// Every figure, one per area, measure, period and release, in a fixed order.
    var figures: [OfficialFigure] = []
    var councils: [RegisteredCouncil] = []
    /// Files read, by what they were.
    var tables: [String] = []
    var registers: [String] = []
    var neighbourFiles: [String] = []
    /// Each council's statistical neighbours, one group per council and model.
    var neighbours: [NeighbourGroup] = []
    /// Files in the folders given that are not one of the forms (data dictionaries, spreadsheets, documents).
    var skipped: [String] = []
    var problems: [ImportFailure] = []
    var warnings: [String] = []
    /// Cells holding a symbol (`z`, `-`) for a council in a year it did not exist: DfE's placeholders, left out.
    var placeholders = 0

    /// Reads `paths` (files or folders, folders walked in name order). A file given by name must be one
    /// of the forms; in a folder, files that are not are counted as skipped.
    static func read(_ paths: [(url: URL, display: String)]) -> OfficialImport {
        var result = OfficialImport()
        var files: [(url: URL, display: String, named: Bool)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.url.path, isDirectory: &isFolder) else {
                result.problems.append(ImportFailure(path.display, "there is no such file or folder; check the path"))
                continue
            }
            if isFolder.boolValue {
                for entry in FileTree.entries(in: path.url) ?? [] where entry.kind == .file {
                    files.append((path.url.appendingPathComponent(entry.path), path.display + "/" + entry.path, false))
                }
            } else {
                files.append((path.url, path.display, true))
            }
        }
        for file in files {
            guard file.url.pathExtension.lowercased() == "csv" else {
                if file.named {
                    result.problems.append(
                        ImportFailure(file.display, "is not a CSV file; the import reads DfE's CSV tables: \(OfficialForm.known)"))
                } else {
                    result.skipped.append(file.display)
                }
                continue
            }
            let table: OfficialTable
            do {
                table = try OfficialTable.read(file.url, display: file.display)
            } catch {
                result.problems.append(error)
                continue
            }
            switch table.kind {
            case .figures(let form):
                result.tables.append(file.display)
                switch form {
                case .explore: result.figures += ExploreTable.figures(in: table, problems: &result.problems)
                case .firstRelease: result.figures += FirstReleaseTable.figures(in: table, url: file.url, problems: &result.problems)
                case .lait: result.figures += LAITTable.figures(in: table, problems: &result.problems)
                }
            case .register:
                result.registers.append(file.display)
                result.councils += CouncilRegister.councils(in: table, problems: &result.problems)
            case .neighbours:
                result.neighbourFiles.append(file.display)
                let groups = NeighbourTable.groups(in: table, problems: &result.problems)
                let models = Set(result.neighbours.map(\.model))
                if let repeated = groups.first(where: { models.contains($0.model) }) {
                    result.problems.append(
                        ImportFailure(
                            file.display,
                            "holds the \(repeated.model.year) model of statistical neighbours, which another file given also holds; import one of them"
                        ))
                } else {
                    result.neighbours += groups
                }
            case .other(let header):
                if file.named {
                    result.problems.append(
                        ImportFailure(
                            file.display, line: 1, column: 1,
                            "this is not one of the forms the import reads (its header starts \(header)); it reads \(OfficialForm.known)"))
                } else {
                    result.skipped.append(file.display)
                }
            }
        }
        result.settle()
        return result
    }

    /// Puts figures in a fixed order, keeps one per area, measure, period and release (the first,
    /// by table name, where two tables of one release give the same figure), and checks councils'
    /// codes against DfE's list and their dates of operation.
    private mutating func settle() {
        figures.sort {
            ($0.area, $0.indicator, $0.period, $0.release, $0.table, $0.line) < (
                $1.area, $1.indicator, $1.period, $1.release, $1.table, $1.line
            )
        }
        var kept: [OfficialFigure] = []
        for figure in figures {
            if let last = kept.last, last.area == figure.area, last.indicator == figure.indicator, last.period == figure.period,
                last.release == figure.release
            {
                if last.value != figure.value || last.symbol != figure.symbol {
                    warnings.append(
                        "\(figure.file):\(figure.line):\(figure.position): \(figure.areaName)'s \(figure.indicator) for \(figure.period) is \(figure.value.map { UKFormat.number($0) } ?? figure.symbol ?? "") here but \(last.value.map { UKFormat.number($0) } ?? last.symbol ?? "") in \(last.table) of the same release; the figure from \(last.table) is kept"
                    )
                }
                continue
            }
            kept.append(figure)
        }
        figures = kept
        councils.sort { $0.code < $1.code }
        guard !councils.isEmpty else { return }
        let byCode = Dictionary(grouping: councils, by: \.code)
        var reported: Set<String> = []
        figures = figures.filter { figure in
            guard case .council(let code) = figure.area else { return true }
            guard let rows = byCode[code] else {
                if reported.insert(code).inserted {
                    problems.append(
                        ImportFailure(
                            figure.file, line: figure.line, column: figure.position,
                            "\(code) (\(figure.areaName)) is not a council code in DfE's list (las.csv); check the code, or import a newer las.csv"
                        ))
                }
                return false
            }
            let (first, last) = OfficialImport.days(of: figure.period)
            if rows.contains(where: { ($0.started ?? "") <= last && ($0.ended ?? "9999") >= first }) { return true }
            // DfE fills the rows of councils that did not exist that year with a symbol: not a figure.
            if figure.value == nil {
                placeholders += 1
                return false
            }
            guard reported.insert(code).inserted else { return false }
            let ended = rows.compactMap(\.ended).max()
            let started = rows.compactMap(\.started).min()
            if let ended, ended < first, let council = rows.first(where: { $0.ended == ended }) {
                problems.append(
                    ImportFailure(
                        figure.file, line: figure.line, column: figure.position,
                        "council \(code) (\(council.name)) ended on \(ended), but this row gives a figure for \(figure.period); \(successorAdvice(council))"
                    ))
            } else {
                problems.append(
                    ImportFailure(
                        figure.file, line: figure.line, column: figure.position,
                        "council \(code) (\(rows[0].name)) began on \(started ?? "a later day"), but this row gives a figure for \(figure.period); check the code"
                    ))
            }
            return false
        }
    }

    /// The first and last day a period covers, as ISO dates.
    static func days(of period: String) -> (first: String, last: String) {
        if period.count == 10 { return (period, period) }
        let start = Int(period.prefix(4)) ?? 0
        return ("\(start)-04-01", "\(start + 1)-03-31")
    }

    /// Which councils took over from one that ended, for the message.
    private func successorAdvice(_ council: RegisteredCouncil) -> String {
        guard let ended = council.ended else { return "check the code" }
        let successors = councils.filter {
            $0.region == council.region && $0.code != council.code && ($0.started ?? "") > ended && ($0.started ?? "") <= nextDay(ended)
        }
        if successors.isEmpty { return "check the code" }
        return "from then on its figures are under " + successors.map { "\($0.name) (\($0.code))" }.joined(separator: " and ")
    }

    private func nextDay(_ date: String) -> String {
        // Only ends of March occur in DfE's list; the next day is the 1st of April.
        date.hasSuffix("-03-31") ? String(date.prefix(4)) + "-04-01" : date
    }
}
