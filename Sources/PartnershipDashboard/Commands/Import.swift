// `dashboard import`: DfE's published tables into the authority files.

import Foundation

public enum Import {
    /// Reads every table under `paths` and reports what it found; with `dryRun`, writes nothing.
    public static func run(paths: [(url: URL, display: String)], authorities: URL, display: String, dryRun: Bool) -> CommandResult {
        guard !paths.isEmpty else {
            return CommandResult(
                errors: "error: give the files or folders to import, e.g. `dashboard import ../shared/official`\n", exitCode: 1)
        }
        let read = OfficialImport.read(paths)
        if !read.problems.isEmpty {
            let listing = read.problems.map { "\($0)\n" }.joined()
            return CommandResult(
                errors: listing + "\(Validate.plural(read.problems.count, "error")); nothing was imported and \(display) is unchanged.\n",
                exitCode: 1)
        }
        let summary = ImportSummary(read).text
        if dryRun {
            return CommandResult(
                output: summary + "Dry run: nothing was written.\n", errors: read.warnings.map { "warning: \($0)\n" }.joined())
        }
        return CommandResult(
            output: summary,
            errors: read.warnings.map { "warning: \($0)\n" }.joined()
                + "error: writing the authority files is not built yet; run with --dry-run to see what would be imported.\n",
            exitCode: 1)
    }
}

/// What an import read, in words: files, areas, years, measures, suppressed cells and revisions.
struct ImportSummary {
    let text: String

    init(_ read: OfficialImport) {
        var lines: [String] = []
        lines.append(
            "Read \(Validate.plural(read.tables.count, "table")) of figures, \(Validate.plural(read.registers.count, "list")) of council codes and \(Validate.plural(read.neighbourFiles.count, "file")) of statistical neighbours; skipped \(Validate.plural(read.skipped.count, "other file"))."
        )
        var councils: Set<String> = []
        var regions: Set<String> = []
        var hasEngland = false
        for figure in read.figures {
            switch figure.area {
            case .england: hasEngland = true
            case .region(let code): regions.insert(code)
            case .council(let code): councils.insert(code)
            }
        }
        let years = read.figures.map { OfficialImport.days(of: $0.period).last.prefix(4) }.compactMap { Int($0) }
        let measures = Set(read.figures.map(\.indicator))
        lines.append(
            "Areas: \(hasEngland ? "England, " : "")\(Validate.plural(regions.count, "region")) and \(Validate.plural(councils.count, "council")); years ending 31 March \(years.min().map(String.init) ?? "–") to \(years.max().map(String.init) ?? "–"); \(Validate.plural(measures.count, "measure"))."
        )
        let symbols = Dictionary(grouping: read.figures.compactMap(\.symbol), by: { $0 }).mapValues(\.count)
        let symbolText = symbols.keys.sorted().map { "\"\($0)\" \(UKFormat.number(Double(symbols[$0] ?? 0)))" }.joined(separator: ", ")
        lines.append(
            "Figures: \(UKFormat.number(Double(read.figures.count))), of which \(UKFormat.number(Double(symbols.values.reduce(0, +)))) are suppressed or not available\(symbolText.isEmpty ? "" : " (\(symbolText))")."
        )
        var revisions = 0
        var example: String?
        var previous: OfficialFigure?
        for figure in read.figures {
            defer { previous = figure }
            guard let previous, previous.area == figure.area, previous.indicator == figure.indicator, previous.period == figure.period,
                let old = previous.value, let new = figure.value, old != new
            else { continue }
            revisions += 1
            if example == nil, figure.area == .england, figure.indicator == OfficialMeasure.adopted {
                example =
                    "England's \(figure.indicator) for \(figure.period): \(UKFormat.number(old)) in \(previous.release.id), \(UKFormat.number(new)) in \(figure.release.id)"
            }
        }
        lines.append(
            "Revisions: \(Validate.plural(revisions, "figure")) \(revisions == 1 ? "differs" : "differ") from an earlier release's\(example.map { ", e.g. \($0)" } ?? "")."
        )
        let perMeasure = Dictionary(grouping: read.figures, by: \.indicator).mapValues(\.count)
        for measure in OfficialMeasure.all where perMeasure[measure] != nil {
            lines.append("  \(measure): \(UKFormat.number(Double(perMeasure[measure] ?? 0)))")
        }
        text = lines.joined(separator: "\n") + "\n"
    }
}
