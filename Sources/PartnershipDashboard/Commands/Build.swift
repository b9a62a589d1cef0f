// `dashboard build`: the whole site into Site/ (or --output), or --check that it is up to date.

import Foundation

public enum Build {
    public static func run(authorities: URL, display: String, output: URL, outputDisplay: String, check: Bool, progress: Bool)
        -> CommandResult
    {
        let result = DatasetLoader.load(from: authorities, displayPrefix: display)
        guard let dataset = result.dataset else {
            return CommandResult.reporting(
                result.problems,
                summary:
                    "\(display): \(Validate.plural(result.errors.count, "error")); the site was not built and \(outputDisplay) is unchanged.",
                showWarnings: false)
        }
        let say: (String) -> Void = { message in if progress { FileHandle.standardError.write(Data("\(message)…\n".utf8)) } }
        let site: SiteFiles
        do {
            site = try SiteBuilder.build(dataset, progress: say)
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
        do {
            try SiteWriter.write(site, to: output)
        } catch {
            return CommandResult(
                errors: "error: could not write \(outputDisplay) (\(FileError.reason(error))); the previous site is unchanged.\n",
                exitCode: 1)
        }
        return CommandResult(output: "Built \(outputDisplay): \(site.files.count) files, \(site.chartCount) charts.\n")
    }
}
