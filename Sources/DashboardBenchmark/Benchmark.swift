// `dashboard bench`: the national-scale benchmark, side by side with the matplotlib peer.

import Foundation
import PartnershipDashboard

/// Measures the tool on a synthetic national data set and runs the peer on the same machine.
///
/// Everything is written under a temporary folder (never Authorities/), removed afterwards.
/// Builds run as child processes of the same executable, so their wall time and peak memory are
/// those of a real `dashboard build`; the chart pass runs in this process, on every core.
package enum Benchmark {
    package struct Options: Sendable {
        package var authorities = 150
        package var years = 20
        /// How many charts the peer draws; its rate settles after a few dozen.
        package var peerCharts = 40
        var peerScript: URL
        var catalogue: URL
        package var keep = false
        /// DfE's releases, imported into a copy of `realAuthorities` for the real nation's figures;
        /// skipped when the folder is not there.
        package var official: URL?
        package var realAuthorities: URL?

        package init(peerScript: URL, catalogue: URL) {
            self.peerScript = peerScript
            self.catalogue = catalogue
        }
    }

    /// Every figure the benchmark reports.
    package struct Figures: Sendable {
        var authorities = 0
        var indicators = 0
        var years = 0
        var cores = 0
        var charts = 0
        var overTimeCharts = 0
        var chartSeconds = 0.0
        var medianChartMilliseconds = 0.0
        var meanChartMilliseconds = 0.0
        var medianChartBytes = 0
        var medianOverTimeBytes = 0
        var sampleTruecolourBytes = 0
        var samplePaletteBytes = 0
        var sampleMaximumError = 0
        var contents: [(element: String, drawn: Bool)] = []
        var cleanBuild: Measured?
        var secondCleanBuild: Measured?
        var noChange: Measured?
        var oneChange: Measured?
        var chartsRedrawn: Int?
        var identicalToCleanBuild = false
        var peer: Peer?
        /// The real nation: DfE's tables imported into a copy of Authorities/, and the site built from it.
        var real: RealNation?

        var chartsPerSecond: Double { chartSeconds > 0 ? Double(charts) / chartSeconds : 0 }
    }

    /// One child run's wall time and peak resident memory.
    struct Measured: Sendable {
        let seconds: Double
        let peakMegabytes: Double
        /// For a step run several times: each run's seconds, in the order run; `seconds` is their median.
        var runs: [Double] = []
    }

    /// The real data set, every council imported from DfE's own tables.
    struct RealNation: Sendable {
        var areas = 0
        var importRun: Measured?
        var importAgain: Measured?
        var importAgainChangedNothing = false
        var cleanBuild: Measured?
        var files = 0
        var megabytes = 0.0
        var oneChange: Measured?
        /// Whether `build --check` found the site after the narrative's rebuild to be what a clean build writes.
        var narrativeRebuildChecked = false
        /// The rebuild after one of DfE's figures for one council changed (in the scratch copy only).
        var figureChange: Measured?
        var identicalToCleanBuild = false
    }

    /// What the peer reported, and the median size of what it wrote.
    struct Peer: Sendable {
        let charts: Int
        let chartsPerSecond: Double
        let medianBytes: Int
        /// The peer prints its mean time per chart.
        let meanMilliseconds: Double
        /// The size of the peer's images (every one is the same), read from a PNG's header.
        let width: Int
        let height: Int
    }

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    package static func run(_ options: Options, progress: (String) -> Void) throws -> Figures {
        for (count, option) in [(options.authorities, "--authorities"), (options.years, "--years"), (options.peerCharts, "--peer-charts")]
        where count < 1 {
            throw Failure(description: "\(option) must be 1 or more, not \(count); nothing was written")
        }
        // A new folder of its own (mkdir fails rather than reuse one), removed afterwards, on
        // failure, and on Ctrl-C, unless --keep.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dashboard-bench-\(TemporaryName.random())", isDirectory: true)
        guard mkdir(scratch.path, 0o700) == 0 else { throw FileFailure("create the folder", scratch.path, errno: errno) }
        let registration = options.keep ? nil : Interruption.removeOnInterrupt(scratch.path)
        defer {
            if !options.keep { try? FileManager.default.removeItem(at: scratch) }
            registration?.end()
        }
        let data = scratch.appendingPathComponent("synthetic-authorities", isDirectory: true)
        var figures = Figures()
        figures.cores = ProcessInfo.processInfo.activeProcessorCount

        let nation = SyntheticNation(authorities: options.authorities, years: options.years)
        progress("Writing \(options.authorities) synthetic authorities into \(data.path)")
        try nation.write(to: data, catalogue: options.catalogue)
        figures.authorities = options.authorities
        figures.indicators = SyntheticNation.indicators.count
        figures.years = options.years

        progress("Drawing every chart in this process")
        try measureCharts(data, into: &figures)

        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let build = { (output: String, cache: String) throws -> ChildRun in
            let run = try ChildProcess.run(
                executable,
                [
                    "build", "--authorities", data.path, "--output", scratch.appendingPathComponent(output).path, "--cache",
                    scratch.appendingPathComponent(cache).path,
                ], scratch: scratch)
            guard run.exitCode == 0 else { throw Failure(description: "the benchmark build failed (exit \(run.exitCode)):\n\(run.errors)") }
            return run
        }
        progress("Full build, clean")
        figures.cleanBuild = Measured(try build("Site", ".dashboard-cache"))
        progress("Rebuild with nothing changed")
        let again = try build("Site", ".dashboard-cache")
        guard again.output.contains("already up to date") else {
            throw Failure(description: "a rebuild with nothing changed rebuilt: \(again.output)")
        }
        figures.noChange = Measured(again)
        // An authority midway whose partnership is still running, so its latest figure is the
        // one compared, and the change reaches its charts, the side-by-side and event-time charts and pages.
        let revised = ((options.authorities + 1) / 2...options.authorities).first { !nation.partnershipEnds($0) } ?? 1
        progress("Rebuild after one authority's file changed (\(SyntheticNation.id(revised)))")
        try nation.writeRevision(of: revised, to: data)
        let changed = try build("Site", ".dashboard-cache")
        figures.oneChange = Measured(changed)
        figures.chartsRedrawn = drawnCount(in: changed.output)
        progress("Clean build of the changed data, to compare byte for byte")
        figures.secondCleanBuild = Measured(try build("Site-clean", ".dashboard-cache-clean"))
        figures.identicalToCleanBuild = identical(scratch.appendingPathComponent("Site"), scratch.appendingPathComponent("Site-clean"))

        if let official = options.official, let real = options.realAuthorities,
            FileManager.default.fileExists(atPath: official.appendingPathComponent("PROVENANCE.md").path)
        {
            figures.real = try measureRealNation(
                official: official, authorities: real, executable: executable, scratch: scratch, progress: progress)
        } else {
            progress("No DfE tables at \(options.official?.path ?? "(none given)"); skipping the real nation")
        }

        if FileManager.default.fileExists(atPath: options.peerScript.path) {
            progress("The matplotlib peer: \(options.peerCharts) charts")
            figures.peer = try runPeer(options, scratch: scratch)
        } else {
            progress("No peer at \(options.peerScript.path); skipping the comparison")
        }
        return figures
    }

    /// How many times each rebuild of the real site is timed.
    static let rebuilds = 5

    /// Imports every DfE table into a copy of the real Authorities/, imports them again (which must
    /// change nothing), builds the site of every council clean, then rebuilds after one council's
    /// narrative changed and after one of its figures changed (each ``rebuilds`` times), and
    /// compares the result with a clean build. Each step is a child process.
    private static func measureRealNation(official: URL, authorities: URL, executable: String, scratch: URL, progress: (String) -> Void)
        throws -> RealNation
    {
        var real = RealNation()
        let data = scratch.appendingPathComponent("real-authorities", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        // Every data file and narrative, and the regional agencies' folder, so the site is the committed one.
        for name in try FileManager.default.contentsOfDirectory(atPath: authorities.path).sorted()
        where name.hasSuffix(".json") || name.hasSuffix(".md") || name == DatasetLoader.agenciesFolder {
            try FileManager.default.copyItem(at: authorities.appendingPathComponent(name), to: data.appendingPathComponent(name))
        }
        let run = { (arguments: [String]) throws -> ChildRun in
            let result = try ChildProcess.run(executable, arguments, scratch: scratch)
            guard result.exitCode == 0 else {
                throw Failure(
                    description: "`dashboard \(arguments.joined(separator: " "))` failed (exit \(result.exitCode)):\n\(result.errors)")
            }
            return result
        }
        progress("Importing DfE's tables from \(official.path)")
        real.importRun = Measured(try run(["import", "--authorities", data.path, official.path]))
        progress("Importing them again, which must change nothing")
        let again = try run(["import", "--authorities", data.path, official.path])
        real.importAgain = Measured(again)
        real.importAgainChangedNothing = again.output.contains("Added 0 files and changed 0 files")
        real.areas =
            (try FileManager.default.contentsOfDirectory(atPath: data.path)).filter(DatasetLoader.isAuthorityFile).count
        let site = scratch.appendingPathComponent("RealSite", isDirectory: true)
        let cache = scratch.appendingPathComponent(".real-cache", isDirectory: true)
        progress("Building the real site, every council, clean")
        real.cleanBuild = Measured(try run(["build", "--authorities", data.path, "--output", site.path, "--cache", cache.path]))
        let files = FileTree.files(in: site)
        real.files = files.count
        real.megabytes = Double(files.values.map(\.size).reduce(0, +)) / 1_000_000
        let rebuild = ["build", "--authorities", data.path, "--output", site.path, "--cache", cache.path]
        // Each rebuild is timed five times, each after a change of its own, and the median reported.
        progress("Rebuilding after one council's narrative changed, five times")
        let narrative = data.appendingPathComponent("kent.md")
        var narrativeRuns: [ChildRun] = []
        if let text = try? String(contentsOf: narrative, encoding: .utf8) {
            for round in 1...rebuilds {
                try Data((text + "\nOne more sentence, written for the benchmark's rebuild \(round).\n").utf8).write(to: narrative)
                narrativeRuns.append(try run(rebuild))
            }
        }
        real.oneChange = Measured(median: narrativeRuns)
        // Checked at once, before the next rebuild (which compares every file) could mend a difference.
        let check = try ChildProcess.run(
            executable, ["build", "--authorities", data.path, "--output", site.path, "--check"], scratch: scratch)
        real.narrativeRebuildChecked = check.exitCode == 0
        // One official figure in the scratch copy made one more (then one fewer, and so on), so that
        // the change reaches the council's charts, the charts and pages comparing every council, and
        // the downloads.
        progress("Rebuilding after one of a council's figures changed, five times")
        let figures = data.appendingPathComponent("kent.json")
        var figureRuns: [ChildRun] = []
        if let text = try? String(contentsOf: figures, encoding: .utf8),
            let match = text.firstMatch(of: /"value": (\d+), "source": "dfe-/), let value = Int(match.1)
        {
            for round in 1...rebuilds {
                let changed = String(round % 2 == 1 ? value + 1 : value)
                try Data(text.replacingCharacters(in: match.1.startIndex..<match.1.endIndex, with: changed).utf8).write(to: figures)
                figureRuns.append(try run(rebuild))
            }
        }
        real.figureChange = Measured(median: figureRuns)
        let clean = scratch.appendingPathComponent("RealSite-clean", isDirectory: true)
        _ = try run([
            "build", "--authorities", data.path, "--output", clean.path, "--cache",
            scratch.appendingPathComponent(".real-cache-clean").path,
        ])
        real.identicalToCleanBuild = identical(site, clean)
        return real
    }

    private static func measureCharts(_ data: URL, into figures: inout Figures) throws {
        let loaded = DatasetLoader.load(from: data, displayPrefix: data.path)
        guard let analysis = loaded.analysis else {
            throw Failure(description: "the synthetic data did not load:\n" + loaded.problems.map(\.description).joined(separator: "\n"))
        }
        let charts = ChartCatalogue(analysis).charts
        let started = DispatchTime.now().uptimeNanoseconds
        let rendered = try ChartRenderer.renderAll(charts, credit: SiteSettings.unconfigured.credit)
        figures.chartSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        figures.charts = charts.count
        figures.medianChartMilliseconds = median(rendered.map(\.milliseconds))
        figures.meanChartMilliseconds = rendered.map(\.milliseconds).reduce(0, +) / Double(max(1, rendered.count))
        figures.medianChartBytes = median(rendered.map(\.png.count))
        let overTime = zip(charts, rendered).filter { $0.0.kind == .overTime }
        figures.overTimeCharts = overTime.count
        figures.medianOverTimeBytes = median(overTime.map(\.1.png.count))

        // The same over-time charts in truecolour, to show what the palette saves and costs.
        let measurer = GlyphMeasurer()
        let sample = try overTime.prefix(12).map { pair throws -> PNGEncoder.Encoding in
            let canvas = GDCanvas(format: .standard, measurer: measurer)
            pair.0.draw(on: canvas)
            return try PNGEncoder.encode(canvas, compareSizes: true)
        }
        figures.sampleTruecolourBytes = median(sample.compactMap(\.truecolourBytes))
        figures.samplePaletteBytes = median(sample.compactMap(\.paletteBytes))
        figures.sampleMaximumError = sample.compactMap(\.maximumError).max() ?? 0

        let withEverything = charts.compactMap { $0 as? OverTimeChart }.first { $0.indicatorID == "a1-entry-to-move-in-days" }
        figures.contents = withEverything.map { ChartContents.elements(of: $0, measurer: measurer) } ?? []
    }

    private static func runPeer(_ options: Options, scratch: URL) throws -> Peer {
        let folder = scratch.appendingPathComponent("peer", isDirectory: true)
        let run = try ChildProcess.run("python3", [options.peerScript.path, String(options.peerCharts), folder.path], scratch: scratch)
        guard run.exitCode == 0, let rate = run.output.firstMatch(of: /([0-9.]+) charts\/s/).flatMap({ Double($0.1) }),
            let milliseconds = run.output.firstMatch(of: /([0-9.]+) ms\/chart/).flatMap({ Double($0.1) })
        else {
            throw Failure(description: "the peer failed (exit \(run.exitCode)):\n\(run.output)\(run.errors)")
        }
        let pngs = FileTree.files(in: folder).values.filter { $0.path.hasSuffix(".png") }
        let image = pngs.first.flatMap { FileManager.default.contents(atPath: $0.path) }.map { ChartSizes.Image(png: $0) }
        return Peer(
            charts: pngs.count, chartsPerSecond: rate, medianBytes: median(pngs.map(\.size)), meanMilliseconds: milliseconds,
            width: image?.width ?? 0, height: image?.height ?? 0)
    }

    /// "… 1364 charts (3 drawn, …" → 3.
    private static func drawnCount(in output: String) -> Int? {
        output.firstMatch(of: /\((\d+) drawn/).flatMap { Int($0.1) }
    }

    /// Whether two folders hold the same files with the same bytes.
    static func identical(_ a: URL, _ b: URL) -> Bool {
        let left = FileTree.files(in: a)
        let right = FileTree.files(in: b)
        guard !left.isEmpty, Set(left.keys) == Set(right.keys) else { return false }
        return left.allSatisfy { path, file in
            guard let other = right[path] else { return false }
            return file.size == other.size
                && FileManager.default.contents(atPath: file.path) == FileManager.default.contents(atPath: other.path)
        }
    }

    static func median(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

extension Benchmark.Measured {
    init(_ run: ChildRun) { self.init(seconds: run.seconds, peakMegabytes: run.peakMegabytes) }

    /// Several runs of one step: the median of their times (the machine varies by a fifth from run
    /// to run), the most memory any took, and every time. Nil for no runs.
    init?(median runs: [ChildRun]) {
        let times = runs.map(\.seconds)
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        self.init(seconds: median, peakMegabytes: runs.map(\.peakMegabytes).max() ?? 0, runs: times)
    }
}
