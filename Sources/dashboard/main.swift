// The `dashboard` command: parses arguments and calls the PartnershipDashboard library.

import ArgumentParser
import DashboardBenchmark
import Foundation
import PartnershipDashboard

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Compares councils' adoption services before, during and after a partnership, and builds the website.",
        subcommands: [
            BuildCommand.self, ValidateCommand.self, CompareCommand.self, NewCommand.self, ImportCommand.self, ChartsCommand.self,
            ReleaseCommand.self, SyntheticCommand.self,
            BenchCommand.self,
        ])
}

struct AuthoritiesOption: ParsableArguments {
    @Option(name: .long, help: "The folder of authority files.")
    var authorities = "Authorities"

    var url: URL { URL(fileURLWithPath: authorities, isDirectory: true) }
    var display: String { displayed(authorities) }

    func validate() throws { try refuseEmpty(authorities, "--authorities", example: "Authorities") }
}

/// A path as typed, without a trailing slash (except the root's own).
func displayed(_ path: String) -> String { path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path }

/// An empty path would mean the working folder to the file system; it is refused instead.
func refuseEmpty(_ path: String?, _ option: String, example: String) throws {
    if path?.isEmpty == true { throw ValidationError("\(option) is empty; give a folder's name, e.g. \(option) \(example)") }
}

/// Prints a command's result and exits with its code.
func finish(_ result: CommandResult) throws -> Never {
    Interruption.waitIfStopping()
    FileHandle.standardOutput.write(Data(result.output.utf8))
    FileHandle.standardError.write(Data(result.errors.utf8))
    throw ExitCode(result.exitCode)
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the website into a folder (default Site/), or check that it is up to date.")

    @OptionGroup var options: AuthoritiesOption
    @Option(
        name: .long,
        help:
            "The folder to write the site into: new, empty, or one the build made. Never the authorities or project folder, your home or /."
    )
    var output = "Site"
    @Flag(name: .long, help: "Write nothing; exit 1, naming what differs, if the output folder is not exactly what the data builds.")
    var check = false
    @Option(
        name: .long,
        help:
            "Where drawn charts are kept between builds: new, empty, or a cache the build made (default: .dashboard-cache beside the output)."
    )
    var cache: String?

    func validate() throws {
        try refuseEmpty(output, "--output", example: "Site")
        try refuseEmpty(cache, "--cache", example: ".dashboard-cache")
    }

    func run() throws {
        let progress = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        try finish(
            Build.run(
                authorities: options.url, display: options.display, output: URL(fileURLWithPath: output, isDirectory: true),
                outputDisplay: displayed(output), check: check, progress: progress,
                cache: cache.map { URL(fileURLWithPath: $0, isDirectory: true) }, cacheDisplay: cache.map(displayed), endsProcess: true))
    }
}

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Record what this release changed in the figures (releases.json), for the site's changes page.",
        discussion:
            "The release's day is \"released\" in site.json. The figures are compared with those of the release before, kept beside the data in .dashboard-released-figures.tsv; both files change together or not at all."
    )

    @OptionGroup var options: AuthoritiesOption

    func run() throws { try finish(RecordRelease.run(authorities: options.url, display: options.display)) }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check every authority file and report every problem.")

    @OptionGroup var options: AuthoritiesOption
    @Flag(name: .long, help: "List warnings even when there are no errors.")
    var warnings = false

    func run() throws {
        try finish(Validate.run(authorities: options.url, display: options.display, listWarnings: warnings))
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Print each authority's change before and during its partnership, beside England's.")

    @OptionGroup var options: AuthoritiesOption
    @Option(name: .long, help: "table, csv or json.")
    var format: CompareReport.Format = .table
    @Argument(help: "Authority ids to compare (default: every authority with a partnership).")
    var ids: [String] = []

    func run() throws {
        try finish(Compare.run(authorities: options.url, display: options.display, format: format, ids: ids))
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Write a starter data file and narrative for a new authority.")

    @OptionGroup var options: AuthoritiesOption
    @Argument(help: "The new authority's id: lowercase letters, digits and hyphens, e.g. thurrock.")
    var id: String
    @Option(name: .long, help: "The council's full name.")
    var name: String
    @Option(
        name: .long,
        help: "The name charts label its line with, 40 characters or fewer, e.g. \"Kent\"; needed when --name is longer than 40.")
    var shortName: String?

    func run() throws {
        try finish(NewAuthority.run(id: id, name: name, shortName: shortName, authorities: options.url, display: options.display))
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read DfE's published tables (files or folders) into the authority files.")

    @OptionGroup var options: AuthoritiesOption
    @Flag(name: .long, help: "Print what would be imported and changed; write nothing.")
    var dryRun = false
    @Argument(help: "DfE's CSV files, or folders holding them.")
    var paths: [String] = []

    func run() throws {
        try finish(
            Import.run(
                paths: paths.map { (URL(fileURLWithPath: $0), displayed($0)) }, authorities: options.url, display: options.display,
                dryRun: dryRun))
    }
}

struct ChartsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charts", abstract: "Draw every chart as PNG, with its CSV, into a folder.")

    @OptionGroup var options: AuthoritiesOption
    @Option(name: .long, help: "The folder to write the charts into.")
    var output = "charts"

    func validate() throws { try refuseEmpty(output, "--output", example: "charts") }

    func run() throws {
        try finish(
            RenderCharts.run(
                authorities: options.url, display: options.display, output: URL(fileURLWithPath: output, isDirectory: true),
                outputDisplay: displayed(output)))
    }
}

struct SyntheticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic", abstract: "Write a synthetic national data set (for benchmarks and tests only) into a folder.")

    @Option(name: .long, help: "The folder to write into: new, empty, or one this command made; never the real data.")
    var output: String
    @Option(name: .long, help: "How many synthetic authorities.")
    var authorities = 150
    @Option(name: .long, help: "The real indicator catalogue to copy.")
    var catalogue = "Authorities/indicators.json"

    func validate() throws {
        try refuseEmpty(output, "--output", example: "/tmp/synthetic")
        try refuseEmpty(catalogue, "--catalogue", example: "Authorities/indicators.json")
    }

    func run() throws {
        do {
            try SyntheticNation(authorities: authorities).write(
                to: URL(fileURLWithPath: output, isDirectory: true), catalogue: URL(fileURLWithPath: catalogue), display: displayed(output))
        } catch {
            try finish(CommandResult(errors: "error: \(error); nothing was written.\n", exitCode: 1))
        }
        print("Wrote \(authorities) synthetic authorities (synthetic benchmark data) into \(output).")
    }
}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark a national build on synthetic data against the matplotlib peer (run with swift run -c release).")

    @Option(name: .long, help: "How many synthetic authorities.")
    var authorities = 150
    @Option(name: .long, help: "How many years of figures each.")
    var years = 20
    @Option(name: .long, help: "How many charts the peer draws.")
    var peerCharts = 40
    @Option(name: .long, help: "The peer's script.")
    var peer = "../shared/bench/peer_matplotlib.py"
    @Option(name: .long, help: "The real indicator catalogue the synthetic data uses.")
    var catalogue = "Authorities/indicators.json"
    @Flag(name: .long, help: "Keep the temporary folder (its path is printed) instead of removing it.")
    var keep = false
    @Option(name: .long, help: "DfE's tables, imported into a copy of --authorities to measure the real nation (skipped if absent).")
    var official = "../shared/official"
    @Option(name: .long, help: "The authorities folder that DfE's tables are imported into a copy of, for the real nation.")
    var realAuthorities = "Authorities"

    func run() throws {
        #if DEBUG
            FileHandle.standardError.write(
                Data(
                    "warning: this is a debug build, so the figures are not representative; run `swift run -c release dashboard bench`.\n"
                        .utf8))
        #endif
        var options = Benchmark.Options(peerScript: URL(fileURLWithPath: peer), catalogue: URL(fileURLWithPath: catalogue))
        options.authorities = authorities
        options.years = years
        options.peerCharts = peerCharts
        options.keep = keep
        options.official = URL(fileURLWithPath: official, isDirectory: true)
        options.realAuthorities = URL(fileURLWithPath: realAuthorities, isDirectory: true)
        do {
            let figures = try Benchmark.run(options) { message in FileHandle.standardError.write(Data("\(message)…\n".utf8)) }
            print(figures.report, terminator: "")
        } catch let error as Benchmark.Failure {
            try finish(CommandResult(errors: "error: \(error)\n", exitCode: 1))
        } catch {
            try finish(CommandResult(errors: "error: \(FileFailure("run the benchmark", "", error: error))\n", exitCode: 1))
        }
    }
}

extension CompareReport.Format: ExpressibleByArgument {}

Interruption.install()
Dashboard.main()
