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
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            if progress {
                FileHandle.standardError.write(
                    Data("[\(UKFormat.number(seconds, decimals: 1)) s, peak \(usage.ru_maxrss / 1024) MiB] \(message)…\n".utf8))
            }
        }
        // --check builds in memory and compares; a build writes each file into a staging folder as it is made.
        let sink: SiteSink
        if check {
            sink = SiteFiles()
        } else {
            do {
                sink = try StagingFolder(for: output)
            } catch {
                return CommandResult(
                    errors: "error: could not write \(outputDisplay) (\(FileError.reason(error))); the previous site is unchanged.\n",
                    exitCode: 1)
            }
        }
        let summary: BuildSummary
        do {
            summary = try SiteBuilder.build(dataset, into: sink, cache: chartCache, progress: say)
        } catch let error as SiteBuildError {
            (sink as? StagingFolder)?.discard()
            return CommandResult.reporting(
                error.problems,
                summary: "\(Validate.plural(error.problems.count, "error")); the site was not built and \(outputDisplay) is unchanged.",
                showWarnings: false)
        } catch {
            (sink as? StagingFolder)?.discard()
            return CommandResult(
                errors: "error: could not write \(outputDisplay) (\(FileError.reason(error))); the previous site is unchanged.\n",
                exitCode: 1)
        }
        if let site = sink as? SiteFiles {
            let differences = SiteWriter.differences(between: site, and: output)
            if differences.isEmpty {
                return CommandResult(output: "\(outputDisplay) is up to date: \(summary.fileCount) files match what the data builds.\n")
            }
            let listing =
                differences.prefix(50).map { "  \($0)\n" }.joined()
                + (differences.count > 50 ? "  … and \(differences.count - 50) more\n" : "")
            return CommandResult(
                errors:
                    "error: \(outputDisplay) is not what the data builds (\(Validate.plural(differences.count, "difference"))):\n\(listing)Run `dashboard build` and commit \(outputDisplay).\n",
                exitCode: 1)
        }
        say("Swapping in \(outputDisplay)")
        let outcome: SiteWriter.Outcome
        do {
            outcome = try (sink as! StagingFolder).commit()
        } catch {
            return CommandResult(
                errors: "error: could not write \(outputDisplay) (\(FileError.reason(error))); the previous site is unchanged.\n",
                exitCode: 1)
        }
        if let inputs { BuildManifest(inputs: inputs, outputs: BuildManifest.outputState(of: output)).save(to: chartCache) }
        let charts =
            "\(summary.chartCount) charts (\(summary.chartsDrawn) drawn, \(summary.chartCount - summary.chartsDrawn) unchanged from the cache)"
        switch outcome {
        case .unchanged:
            return CommandResult(
                output: "\(outputDisplay) is already up to date: \(summary.fileCount) files, \(charts); nothing written.\n")
        case .written(let changed):
            return CommandResult(output: "Built \(outputDisplay): \(summary.fileCount) files (\(changed) new or changed), \(charts).\n")
        }
    }
}
