// `dashboard compare`: baseline, outcome, change, threshold and England, per authority and indicator.

import Foundation

package enum Compare {
    package static func run(authorities: URL, display: String, format: CompareReport.Format, ids: [String]) -> CommandResult {
        let result = DatasetLoader.load(from: authorities, displayPrefix: display)
        guard let analysis = result.analysis else {
            return CommandResult.reporting(
                result.problems,
                summary:
                    "\(display): \(Validate.plural(result.errors.count, "error")); nothing compared. Run `dashboard validate` for details.",
                showWarnings: false)
        }
        let dataset = analysis.dataset
        var selected: [Authority] = []
        for id in ids {
            guard let authority = dataset.authorities.first(where: { $0.id == id }) else {
                let hint = Suggestion.hint(for: id, in: dataset.authorities.map(\.id), listing: "the authorities")
                return CommandResult(errors: "error: no authority \"\(id)\"; \(hint)\n", exitCode: 1)
            }
            selected.append(authority)
        }
        // Without ids, the councils that have a partnership: for the rest there is no before and during.
        if ids.isEmpty { selected = dataset.authorities.filter { $0.partnership != nil } }
        let report = CompareReport(
            comparisons: selected.compactMap { analysis.comparison(of: $0.id) },
            englandClaims: ids.isEmpty ? Comparer(dataset: dataset).englandClaims() : [])
        return CommandResult(output: report.render(format))
    }
}
