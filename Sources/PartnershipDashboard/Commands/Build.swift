// `dashboard build`: the whole site into Site/ (or --output), or --check that it is up to date.

import Foundation

package enum Build {
    /// The chart cache sits beside the output folder unless told otherwise.
    static func defaultCache(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".dashboard-cache", isDirectory: true)
    }

    package static func run(
        authorities: URL, display: String, output: URL, outputDisplay: String, check: Bool, progress: Bool, cache: URL? = nil,
        cacheDisplay: String? = nil, endsProcess: Bool = false
    ) -> CommandResult {
        let source = ResolvedPath(authorities, display: display)
        let place = ResolvedPath(output, display: outputDisplay)
        if check { return checkOnly(source, against: place) }
        do throws(BuildError) {
            return try build(
                source, into: place, cache: cache, cacheDisplay: cacheDisplay ?? cache?.path ?? defaultCache(for: output).path,
                progress: progress, endsProcess: endsProcess)
        } catch {
            return failure(error, display: display, outputDisplay: outputDisplay)
        }
    }

    /// The build's steps in order, each failure named by its ``BuildStep``.
    private static func build(
        _ source: ResolvedPath, into place: ResolvedPath, cache: URL?, cacheDisplay: String, progress: Bool, endsProcess: Bool
    ) throws(BuildError) -> CommandResult {
        let (display, outputDisplay) = (source.display, place.display)
        let protected = ProtectedPaths(authorities: source)
        let say = progressReporter(progress)
        say("Reading \(display)")
        // Both folders are judged while the inputs are read (which only reads), and a folder that is
        // refused is reported before anything the inputs hold.
        let (claimed, read) = concurrently(
            {
                Result { () throws(BuildError) -> (OwnedFolder, ChartCache) in
                    try claimFolders(place, cache: cache, cacheDisplay: cacheDisplay, protected: protected, outputDisplay: outputDisplay)
                }
            }, { DatasetLoader.read(folder: source.url, displayPrefix: display) })
        let (target, chartCache) = try claimed.get()
        // The inputs are read once: the digest that decides whether to build is of the very bytes built from.
        let files: [String: FileContents]
        switch read {
        case .files(let read): files = read
        case .unreadable(let problem): throw BuildError(.reading, problems: [problem])
        }
        // The inputs are digested while the last build's record is read, and the folder's walk
        // (made to claim it) is that folder's record: it is not walked again.
        let (inputs, (last, outputState)) = concurrently(
            { BuildManifest.inputDigests(of: files, folder: source, cache: chartCache) },
            {
                (
                    BuildManifest.load(from: chartCache),
                    target.found.map(BuildManifest.outputState) ?? BuildManifest.outputState(of: target.url)
                )
            })
        if let last, last.inputs == inputs.all, last.outputs == outputState {
            return CommandResult(
                output: "\(outputDisplay) is already up to date: nothing in \(display) has changed since the last build.\n")
        }
        say("Checking and comparing")
        let result = DatasetLoader.load(files: files, displayPrefix: display)
        guard let dataset = result.dataset, let analysis = result.analysis else { throw BuildError(.checking, problems: result.problems) }
        // The output's files that still have the stamps the last build recorded, manifest included:
        // the manifest's digests of those are still true, so they need not be read to be compared.
        let mark = target.kind.markName
        let recorded =
            last.map { last in
                last.outputs[mark] != nil && last.outputs[mark] == outputState[mark]
                    ? last.outputs.filter { outputState[$0.key] == $0.value } : [:]
            } ?? [:]
        var sink = try BuildError.step(.staging) { try StagingFolder(for: target, recorded: recorded) }
        let summary: BuildSummary
        do {
            // When only narratives changed, only their pages are made again; every other file is kept.
            var rebuilt: BuildSummary?
            if let last, let changed = last.changedNarratives(now: inputs, outputs: outputState), !changed.isEmpty {
                do {
                    rebuilt = try SiteBuilder.rebuildPages(of: changed, analysis, into: sink, stamps: last.outputs, progress: say)
                } catch is StagingFolder.OutputChanged {
                    // Someone changed the output during the build: start again, and make every file.
                    sink.discard()
                    sink = try StagingFolder(for: target)
                }
            }
            summary =
                try rebuilt
                ?? SiteBuilder.build(
                    analysis, into: sink, cache: chartCache, areaKeys: inputs.areas,
                    reuse: PageReuse(inputs: inputs, previous: last?.pages ?? [:]), progress: say)
        } catch {
            sink.discard()
            // The site's own steps name themselves (laying out, drawing); anything else failed while
            // writing, and is worded as a file failure of the output folder when it is not one already.
            let named = error is BuildError || error is LibraryFailure
            throw BuildError(.writing, wrapping: named ? error : FileFailure("write", outputDisplay, error: error))
        }
        say("Swapping in \(outputDisplay)")
        // The new output is recorded while the old one's files are removed.
        let written = Locked<[String: [Int]]>([:])
        let outcome = try BuildError.step(.swappingIn) { [sink, target] in
            try sink.commit { written.withLock { $0 = BuildManifest.outputState(of: target.url) } }
        }
        // A council page made again after its narrative changed has a new key, which that rebuild did
        // not work out: it is left out, and the next full build makes the page.
        let pages =
            summary.pagesOnly.map { ids in
                let made = Set(ids.map { Route.authority($0).path })
                return (last?.pages ?? [:]).filter { !made.contains($0.key) }
            } ?? summary.pageKeys
        BuildManifest(inputs: inputs.all, outputs: written.value, data: inputs.data, narratives: inputs.narratives, pages: pages)
            .save(to: chartCache)
        var charts =
            summary.pagesOnly.map { ids in
                ids.isEmpty
                    ? "\(summary.chartCount) charts kept: only narratives that no published page shows (a draft's, or England's) changed, so no file was made again"
                    : "\(summary.chartCount) charts kept: only narratives changed, so only \(Validate.plural(ids.count, "page")) (\(ids.map { "authorities/\($0).html" }.joined(separator: ", "))) \(ids.count == 1 ? "was" : "were") made again"
            }
            ?? "\(summary.chartCount) charts (\(summary.chartsDrawn) drawn, \(summary.chartCount - summary.chartsDrawn) unchanged from the cache), the figures of \(summary.areaCount) areas as downloads (\(summary.areasMade) made, \(summary.areaCount - summary.areasMade) unchanged from the cache)\(summary.pagesKept > 0 ? ", \(Validate.plural(summary.pagesKept, "council page")) kept from the last build (nothing they show changed)" : "")"
        if summary.damagedInCache > 0 {
            charts +=
                "; \(Validate.plural(summary.damagedInCache, "damaged cache entry", "damaged cache entries")) failed \(summary.damagedInCache == 1 ? "its" : "their") SHA-256 check and \(summary.damagedInCache == 1 ? "was" : "were") drawn again"
        }
        if summary.damagedDownloads > 0 {
            let one = summary.damagedDownloads == 1
            charts +=
                "; \(Validate.plural(summary.damagedDownloads, "damaged cache entry", "damaged cache entries")) of the downloads failed \(one ? "its" : "their") check and \(one ? "was" : "were") made again"
        }
        // The process exits straight after: the operating system takes back the data read far sooner
        // than freeing it object by object would (tens of milliseconds for the national site).
        if endsProcess { leftForExit.withLock { $0 += [files, analysis] } }
        let drafts = dataset.authorities.filter(\.isDraft).map(\.id)
        if !drafts.isEmpty {
            charts +=
                ". Left out \(Validate.plural(drafts.count, "draft")) (\(drafts.joined(separator: ", "))): remove \"draft\": true from \(drafts.count == 1 ? "its file" : "each file") when it is ready"
        }
        switch outcome {
        case .unchanged:
            return CommandResult(
                output: "\(outputDisplay) is already up to date: \(summary.fileCount + 1) files, \(charts); nothing written.\n")
        case .written(let changed):
            // The count includes the folder's manifest, as `--check` does.
            return CommandResult(output: "Built \(outputDisplay): \(summary.fileCount + 1) files (\(changed) new or changed), \(charts).\n")
        }
    }

    /// The output folder and the chart cache, each checked to be the tool's own (or new), and the
    /// cache kept out of the output.
    private static func claimFolders(
        _ place: ResolvedPath, cache: URL?, cacheDisplay: String, protected: ProtectedPaths, outputDisplay: String
    ) throws(BuildError) -> (OwnedFolder, ChartCache) {
        try BuildError.step(.claimingFolders) { () throws -> (OwnedFolder, ChartCache) in
            let target = try OwnedFolder.claim(place, kind: .site, protected: protected)
            let cachePlace = ResolvedPath(cache ?? defaultCache(for: target.url), display: cacheDisplay)
            if cachePlace.holds(place.path) || place.holds(cachePlace.path) {
                let relation = cachePlace.path == place.path ? "is" : place.holds(cachePlace.path) ? "is inside" : "holds"
                throw FileFailure(
                    "use \(cachePlace.display) for the chart cache", "",
                    reason: "it \(relation) the output folder \(outputDisplay), which the build replaces; choose a cache folder outside it")
            }
            _ = try OwnedFolder.claim(cachePlace, kind: .cache, protected: protected)
            let chartCache = ChartCache(folder: cachePlace.url)
            try chartCache.prepare()
            return (target, chartCache)
        }
    }

    /// What a build of a process that exits straight after leaves unfreed.
    private static let leftForExit = Locked<[any Sendable]>([])

    /// `--check`: builds in memory without the cache (so a damaged cache cannot hide a damaged
    /// site) and compares every entry of the output with it. Writes nothing.
    static func checkOnly(_ source: ResolvedPath, against place: ResolvedPath) -> CommandResult {
        let result = DatasetLoader.load(from: source.url, displayPrefix: source.display)
        guard let analysis = result.analysis else {
            return failure(BuildError(.checking, problems: result.problems), display: source.display, outputDisplay: place.display)
        }
        let site = SiteFiles()
        let summary: BuildSummary
        do {
            summary = try SiteBuilder.build(analysis, into: site)
        } catch {
            let error = BuildError(.comparing, wrapping: error)
            guard error.problems.isEmpty else {
                return CommandResult.reporting(
                    error.problems, summary: "\(Validate.plural(error.problems.count, "error")); \(place.display) was not checked.",
                    showWarnings: false)
            }
            return CommandResult(errors: "error: \(error); \(place.display) was not checked.\n", exitCode: 1)
        }
        let differences = SiteWriter.differences(between: site, and: place.url)
        if differences.isEmpty {
            return CommandResult(output: "\(place.display) is up to date: \(summary.fileCount + 1) files match what the data builds.\n")
        }
        let listing =
            differences.prefix(50).map { "  \($0)\n" }.joined() + (differences.count > 50 ? "  … and \(differences.count - 50) more\n" : "")
        return CommandResult(
            errors:
                "error: \(place.display) is not what the data builds (\(Validate.plural(differences.count, "difference"))):\n\(listing)Run `dashboard build` and commit \(place.display).\n",
            exitCode: 1)
    }

    /// What the person running the build is told when it stops: the data's problems, each with its
    /// file and line, or the failure with the step it stopped in; and that the output is as it was.
    private static func failure(_ error: BuildError, display: String, outputDisplay: String) -> CommandResult {
        guard error.problems.isEmpty else {
            let errors = error.problems.filter { $0.severity == .error }.count
            // Problems found while reading and checking are the data folder's; later ones name their own files.
            let folder = error.step == .reading || error.step == .checking ? "\(display): " : ""
            return CommandResult.reporting(
                error.problems,
                summary: "\(folder)\(Validate.plural(errors, "error")); the site was not built and \(outputDisplay) is unchanged.",
                showWarnings: false)
        }
        let consequence = error.step.outputUntouched ? "nothing was written" : "the previous site is unchanged"
        return CommandResult(errors: "error: \(error); \(consequence).\n", exitCode: 1)
    }

    /// Progress lines with elapsed time and peak memory, for terminals.
    private static func progressReporter(_ progress: Bool) -> (String) -> Void {
        let started = DispatchTime.now().uptimeNanoseconds
        return { message in
            guard progress else { return }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            FileHandle.standardError.write(
                Data("[\(UKFormat.number(seconds, decimals: 2)) s, peak \(usage.ru_maxrss / 1024) MiB] \(message)…\n".utf8))
        }
    }
}
