// Loading with the dataset's checks: what every command starts from. Reading is the loading
// layer's; the checks need the engine's comparisons, so they join it here, a layer above.

import Foundation

/// What loading found: the dataset (only when there are no errors) and every problem.
package struct LoadResult: Sendable {
    let dataset: Dataset?
    /// The dataset's comparisons, made once while checking it; `nil` with the dataset.
    package let analysis: Analysis?
    package let problems: [Problem]
    let fileCount: Int

    var errors: [Problem] { problems.filter { $0.severity == .error } }
    var warnings: [Problem] { problems.filter { $0.severity == .warning } }
}

extension DatasetLoader {
    /// Loads `directory`; `displayPrefix` is how file names appear in messages (e.g. "Authorities").
    package static func load(from directory: URL, displayPrefix: String? = nil, rejectingMarkup: Bool = true) -> LoadResult {
        let prefix = displayPrefix ?? directory.path
        switch read(folder: directory, displayPrefix: prefix) {
        case .files(let files): return load(files: files, displayPrefix: prefix, rejectingMarkup: rejectingMarkup)
        case .unreadable(let problem): return LoadResult(dataset: nil, analysis: nil, problems: [problem], fileCount: 0)
        }
    }

    /// Loads files given by name (as in the Authorities folder), e.g. from memory: reads them,
    /// compares, and runs the dataset's checks on the comparisons. `rejectingMarkup: false` lets
    /// HTML tags through text fields; only the tests of the site's escaping use it.
    static func load(files: [String: FileContents], displayPrefix prefix: String, rejectingMarkup: Bool = true) -> LoadResult {
        let read = self.read(files: files, displayPrefix: prefix, rejectingMarkup: rejectingMarkup)
        let analysis = Analysis(read.dataset)
        let problems =
            (read.problems + DatasetChecks.run(on: analysis, dataComplete: !read.problems.contains { $0.severity == .error })).sorted()
        let hasErrors = problems.contains { $0.severity == .error }
        return LoadResult(
            dataset: hasErrors ? nil : read.dataset, analysis: hasErrors ? nil : analysis, problems: problems, fileCount: read.fileCount)
    }
}
