// `dashboard build`: the whole site into Site/ (or --output), or --check that it is up to date.

import Foundation

public enum Build {
    /// The chart cache sits beside the output folder unless told otherwise.
    public static func defaultCache(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".dashboard-cache", isDirectory: true)
    }

    public static func run(
        authorities: URL, display: String, output: URL, outputDisplay: String, check: Bool, progress: Bool, cache: URL? = nil
    ) -> CommandResult {
        let chartCache = ChartCache(folder: cache ?? defaultCache(for: output))
        // Nothing changed since the last build, and its output is as it was left: stop here.
        let inputs = BuildManifest.inputDigest(of: authorities, cache: chartCache)
        if !check, let inputs, let last = BuildManifest.load(from: chartCache), last.inputs == inputs,
            last.outputs == BuildManifest.outputState(of: output)
        {
            return CommandResult(
                output: "\(outputDisplay) is already up to date: nothing in \(display) has changed since the last build.\n")
        }
        let result = DatasetLoader.load(from: authorities, displayPrefix: display)
        guard let dataset = result.dataset else {
            return CommandResult.reporting(
                result.problems,
                summary:
                    "\(display): \(Validate.plural(result.errors.count, "error")); the site was not built and \(outputDisplay) is unchanged.",
                showWarnings: false)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let say: (String) -> Void = { message in
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if progress { FileHandle.standardError.write(Data("[\(UKFormat.number(seconds, decimals: 1)) s] \(message)…\n".utf8)) }
        }
        let site: SiteFiles
        do {
            site = try SiteBuilder.build(dataset, cache: chartCache, progress: say)
        } catch {
            return CommandResult.reporting(
                error.problems,
                summary: "\(Validate.plural(error.problems.count, "error")); the site was not built and \(outputDisplay) is unchanged.",
                showWarnings: false)
        }
        if check {
            let differences = SiteWriter.differences(between: site, and: output)
            if differences.isEmpty {
                return CommandResult(output: "\(outputDisplay) is up to date: \(site.files.count) files match what the data builds.\n")
            }
            let listing =
                differences.prefix(50).map { "  \($0)\n" }.joined()
                + (differences.count > 50 ? "  … and \(differences.count - 50) more\n" : "")
            return CommandResult(
                errors:
                    "error: \(outputDisplay) is not what the data builds (\(Validate.plural(differences.count, "difference"))):\n\(listing)Run `dashboard build` and commit \(outputDisplay).\n",
                exitCode: 1)
        }
        say("Writing \(outputDisplay)")
        let outcome: SiteWriter.Outcome
        do {
            outcome = try SiteWriter.write(site, to: output)
        } catch {
            return CommandResult(
                errors: "error: could not write \(outputDisplay) (\(FileError.reason(error))); the previous site is unchanged.\n",
                exitCode: 1)
        }
        if let inputs { BuildManifest(inputs: inputs, outputs: BuildManifest.outputState(of: output)).save(to: chartCache) }
        let charts = "\(site.chartCount) charts (\(site.chartsDrawn) drawn, \(site.chartCount - site.chartsDrawn) unchanged from the cache)"
        switch outcome {
        case .unchanged:
            return CommandResult(output: "\(outputDisplay) is already up to date: \(site.files.count) files, \(charts); nothing written.\n")
        case .written(let changed):
            return CommandResult(output: "Built \(outputDisplay): \(site.files.count) files (\(changed) new or changed), \(charts).\n")
        }
    }
}
