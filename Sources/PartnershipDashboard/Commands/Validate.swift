// `dashboard validate`: every problem in every file, in one run.

import Foundation

package enum Validate {
    /// Checks the folder; clean data gives exit 0 and one summary line.
    package static func run(authorities: URL, display: String, listWarnings: Bool) -> CommandResult {
        let result = DatasetLoader.load(from: authorities, displayPrefix: display)
        let errorCount = result.errors.count
        let warningCount = result.warnings.count
        let summary: String
        if errorCount == 0 {
            let dataset = result.dataset
            let authorities = dataset?.authorities.count ?? 0
            let figures = (dataset.map { $0.authorities + ($0.england.map { [$0] } ?? []) } ?? [])
                .reduce(0) { $0 + $1.series.reduce(0) { $0 + $1.observations.count } + $1.keyFacts.count }
            let warnings =
                warningCount == 0 ? "no warnings" : "\(plural(warningCount, "warning"))\(listWarnings ? "" : " (--warnings lists them)")"
            summary =
                "\(display): \(plural(result.fileCount, "file")) valid — \(plural(authorities, "authority", "authorities")) and England, \(plural(dataset?.indicators.count ?? 0, "indicator")), \(plural(figures, "figure")); \(warnings)."
        } else {
            summary =
                "\(display): \(plural(errorCount, "error")) and \(plural(warningCount, "warning"))\(listWarnings || warningCount == 0 ? "" : " (--warnings lists them)"); fix the errors above and run `dashboard validate` again."
        }
        return CommandResult.reporting(result.problems, summary: summary, showWarnings: listWarnings)
    }

    package static func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String { UKFormat.counted(count, one, many) }
}
