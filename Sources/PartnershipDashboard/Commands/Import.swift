// `dashboard import`: DfE's published tables into the authority files.

import Foundation

package enum Import {
    /// Reads every table under `paths` and reports what it found; with `dryRun`, writes nothing.
    package static func run(paths: [(url: URL, display: String)], authorities: URL, display: String, dryRun: Bool) -> CommandResult {
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
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: authorities.path, isDirectory: &isFolder), isFolder.boolValue else {
            return CommandResult(
                errors: "error: \(display) is not a folder; run from the project folder or pass --authorities\n", exitCode: 1)
        }
        let plan = ImportPlan.make(read, folder: authorities, display: display)
        let warnings = read.warnings.map { "warning: \($0)\n" }.joined()
        if !plan.problems.isEmpty {
            return CommandResult(
                errors: warnings + plan.problems.map { "\($0)\n" }.joined()
                    + "\(Validate.plural(plan.problems.count, "error")); nothing was imported and \(display) is unchanged.\n",
                exitCode: 1)
        }
        var output = ImportSummary(read).text
        let added = plan.changes.filter(\.isNew)
        let changed = plan.changes.filter { !$0.isNew }
        output +=
            "\(dryRun ? "Would add" : "Added") \(Validate.plural(added.count, "file")) and \(dryRun ? "change" : "changed") \(Validate.plural(changed.count, "file")) in \(display); \(Validate.plural(plan.unchanged, "file")) already \(plan.unchanged == 1 ? "holds" : "hold") these figures.\n"
        for change in plan.changes.prefix(dryRun ? 1000 : 20) {
            output +=
                "  \(change.isNew ? "new" : "changed") \(display)/\(change.name) (\(change.areaName)): \(change.isNew ? "" : "\(change.before) → ")\(change.after) official cells\n"
        }
        if !dryRun, plan.changes.count > 20 { output += "  … and \(plan.changes.count - 20) more\n" }
        if dryRun { return CommandResult(output: output + "Dry run: nothing was written.\n", errors: warnings) }
        do {
            try AtomicFile.replaceAll(
                plan.changes.map { (authorities.appendingPathComponent($0.name), "\(display)/\($0.name)", $0.data, $0.isNew) })
        } catch {
            return CommandResult(
                output: "", errors: warnings + "error: \(error); nothing was imported and \(display) is as it was.\n", exitCode: 1)
        }
        return CommandResult(output: output + "Next: run `dashboard validate`, then `dashboard build`.\n", errors: warnings)
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
        let models = Set(read.neighbours.map(\.model.year)).sorted()
        if !models.isEmpty {
            lines.append(
                "Statistical neighbours: \(Validate.plural(models.count, "model")) (\(models.map(String.init).joined(separator: ", "))), for \(Validate.plural(Set(read.neighbours.map(\.council)).count, "council"))."
            )
        }
        let symbols = Dictionary(grouping: read.figures.compactMap(\.symbol), by: { $0 }).mapValues(\.count)
        let symbolText = symbols.keys.sorted().map { "\"\($0)\" \(UKFormat.number(Double(symbols[$0] ?? 0)))" }.joined(separator: ", ")
        if read.placeholders > 0 {
            lines.append(
                "Left out: \(Validate.plural(read.placeholders, "cell")) where DfE's tables hold a symbol for a council in a year it did not exist."
            )
        }
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
