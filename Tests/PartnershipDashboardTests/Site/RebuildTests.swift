// Rebuilds: the chart cache and build record must never make the output differ from a clean build.

import Foundation
import Testing

@testable import DashboardBenchmark
@testable import PartnershipDashboard

@Suite("Rebuilds", .serialized)
struct RebuildTests {
    /// A small synthetic nation in its own folder, with a build function that uses a given output and cache.
    struct Nation {
        let folder: TestFolder
        let data: URL
        let nation = SyntheticNation(authorities: 6)

        init() throws {
            folder = try TestFolder()
            data = folder.url.appendingPathComponent("synthetic", isDirectory: true)
            try nation.write(to: data, catalogue: Project.authorities.appendingPathComponent("indicators.json"))
        }

        func build(into output: String, cache: String) -> CommandResult {
            Build.run(
                authorities: data, display: "synthetic", output: folder.url.appendingPathComponent(output), outputDisplay: output,
                check: false, progress: false, cache: folder.url.appendingPathComponent(cache))
        }

        func url(_ name: String) -> URL { folder.url.appendingPathComponent(name) }
    }

    @Test("a rebuild with nothing changed writes nothing and says so")
    func nothingChanged() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        let before = FileTree.files(in: nation.url("Site"))
        let again = nation.build(into: "Site", cache: "cache")
        #expect(again.exitCode == 0)
        #expect(again.output == "Site is already up to date: nothing in synthetic has changed since the last build.\n")
        #expect(FileTree.files(in: nation.url("Site")) == before, "no file was touched")
    }

    @Test("a rebuild after a file changes redraws only the charts it changes, and matches a clean build byte for byte")
    func oneAuthorityChanged() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        try nation.nation.writeRevision(of: 4, to: nation.data)
        let rebuilt = nation.build(into: "Site", cache: "cache")
        #expect(rebuilt.exitCode == 0)
        let drawn = try #require(rebuilt.output.firstMatch(of: /\((\d+) drawn, (\d+) unchanged/))
        #expect(
            Int(drawn.1)! >= 1 && Int(drawn.1)! <= 4,
            "only synthetic-004's charts and the charts comparing authorities: \(rebuilt.output)")
        #expect(nation.build(into: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
    }

    @Test(
        "after a council's figure changes, the real site keeps the pages of councils without a partnership that show nothing it changed, makes again those that do (a council that sets it beside its statistical neighbours among them), and matches a clean build"
    )
    func councilPagesKept() throws {
        // A council without a partnership whose summary sets its latest year beside its neighbours
        // taken together, and a neighbour counted in that year: the neighbour's adoptions that year
        // are changed, which changes what the council's page says.
        let dataset = Project.dataset
        var found: (council: Authority, neighbour: String, period: Period)?
        for council in dataset.authorities where council.partnership == nil && found == nil {
            guard let standing = Chance.adoptedShareStanding(of: council, in: dataset), let model = standing.neighbours?.model else {
                continue
            }
            let counted = model.nearest.compactMap(\.authorityID).first { id in
                id != council.id && dataset.authority(id)?.partnership == nil
                    && dataset.authority(id)?.series(for: OfficialMeasure.adopted)?.officialFigure(in: standing.period) != nil
            }
            if let counted { found = (council, counted, standing.period) }
        }
        let (council, neighbour, period) = try #require(found)

        let folder = try TestFolder()
        let data = folder.url.appendingPathComponent("Authorities", isDirectory: true)
        try FileManager.default.copyItem(at: Project.authorities, to: data)
        func build() -> CommandResult {
            Build.run(
                authorities: data, display: "Authorities", output: folder.url.appendingPathComponent("Site"), outputDisplay: "Site",
                check: false, progress: false, cache: folder.url.appendingPathComponent("cache"))
        }
        let first = build()
        #expect(first.exitCode == 0, "\(first.errors)")
        #expect(!first.output.contains("kept from the last build"), "a first build has nothing to keep: \(first.output)")
        func pages() -> [String: [Int]] {
            BuildManifest.outputState(of: folder.url.appendingPathComponent("Site")).filter { $0.key.hasPrefix("authorities/") }
        }
        let before = pages()

        // The neighbour's children adopted that year, set to none (or one, where it was none).
        let file = data.appendingPathComponent("\(neighbour).json")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let block = try #require(lines.firstIndex { $0.contains("\"id\": \"\(OfficialMeasure.adopted)\"") })
        let line = try #require(lines[block...].firstIndex { $0.contains("\"period\": \"\(period.notation)\", \"value\": ") })
        let value = try #require(lines[line].firstMatch(of: /"value": (\d+)/))
        lines[line].replaceSubrange(value.range, with: "\"value\": \(value.1 == "0" ? 1 : 0)")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let rebuilt = build()
        #expect(rebuilt.exitCode == 0, "\(rebuilt.errors)")
        let kept = try #require(rebuilt.output.firstMatch(of: /(\d+) council pages kept from the last build/), "\(rebuilt.output)")
        let after = pages()
        // A kept page is the last build's very file: same size, time and inode. (A page made again
        // with the same bytes is linked to the old file too, so there may be more of those.)
        let unchanged = Set(after.filter { before[$0.key] == $0.value }.map(\.key))
        #expect(Int(kept.1)! > 100, "most councils show nothing of \(neighbour)'s: \(rebuilt.output)")
        #expect(unchanged.count >= Int(kept.1)!)
        #expect(!unchanged.contains("authorities/\(neighbour).html"))
        #expect(
            !unchanged.contains("authorities/\(council.id).html"),
            "\(council.id) sets \(period.label) beside its neighbours, \(neighbour) among them")
        let check = Build.run(
            authorities: data, display: "Authorities", output: folder.url.appendingPathComponent("Site"), outputDisplay: "Site",
            check: true, progress: false)
        #expect(check.exitCode == 0, "\(check.errors)")
    }

    @Test("an output folder edited by hand is rebuilt, even when the data has not changed")
    func editedOutput() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        try nation.folder.write("Site/index.html", "edited by hand")
        let again = nation.build(into: "Site", cache: "cache")
        #expect(again.output.hasPrefix("Built Site:"))
        #expect(try nation.folder.read("Site/index.html") != "edited by hand")
        #expect(nation.build(into: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
    }

    @Test("a rebuild after only a narrative changed makes only its page again, keeps every other file, and matches a clean build")
    func narrativeChanged() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        let before = FileTree.files(in: nation.url("Site"))
        let narrative = nation.data.appendingPathComponent("synthetic-003.md")
        let text = try String(contentsOf: narrative, encoding: .utf8)
        try Data((text + "\nA sentence added after the first build, in {{children-adopted.outcome-period}}.\n").utf8).write(to: narrative)
        let rebuilt = nation.build(into: "Site", cache: "cache")
        #expect(rebuilt.exitCode == 0, "\(rebuilt.errors)")
        #expect(
            rebuilt.output.contains(
                "charts kept: only narratives changed, so only 1 page (authorities/synthetic-003.html) was made again"), "\(rebuilt.output)"
        )
        let page = try nation.folder.read("Site/authorities/synthetic-003.html")
        #expect(page.contains("A sentence added after the first build, in "))
        #expect(!page.contains("{{"), "the token is filled in from the data")
        // Every other file is the one the first build wrote: linked, not written again.
        let after = FileTree.files(in: nation.url("Site"))
        #expect(Set(after.keys) == Set(before.keys))
        let rewritten = after.keys.filter { path in
            guard let old = before[path], let new = after[path] else { return true }
            return old.size != new.size || FileManager.default.contents(atPath: old.path) != FileManager.default.contents(atPath: new.path)
        }
        #expect(rewritten == ["authorities/synthetic-003.html"])
        #expect(nation.build(into: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
    }

    @Test("a file of the output edited after its stamp was taken is never kept: the rebuild starts again as a full one")
    func keepChecksStamps() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        let stamps = BuildManifest.outputState(of: nation.url("Site"))
        // Same size, new bytes and time: only the stamp can tell.
        let page = try nation.folder.read("Site/index.html")
        try nation.folder.write("Site/index.html", String(repeating: "x", count: page.utf8.count))
        let target = try OwnedFolder.claim(
            ResolvedPath(nation.url("Site"), display: "Site"), kind: .site, protected: ProtectedPaths(authorities: nil))
        let staging = try StagingFolder(for: target)
        defer { staging.discard() }
        #expect(throws: StagingFolder.OutputChanged.self) { try staging.keep("index.html", stamp: try #require(stamps["index.html"])) }
        try staging.keep("methodology.html", stamp: try #require(stamps["methodology.html"]))
    }

    @Test(
        "a file with the stamp the last build recorded is linked by its manifest's digest; one edited since, even to the same size, is written again"
    )
    func putTrustsOnlyRecordedStamps() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        let stamps = BuildManifest.outputState(of: nation.url("Site"))
        let index = try Data(contentsOf: nation.url("Site/index.html"))
        let methodology = try Data(contentsOf: nation.url("Site/methodology.html"))
        // Same size, new bytes: the manifest's digest is now false, and only the stamp tells.
        try nation.folder.write("Site/index.html", String(repeating: "x", count: index.count))
        let target = try OwnedFolder.claim(
            ResolvedPath(nation.url("Site"), display: "Site"), kind: .site, protected: ProtectedPaths(authorities: nil))
        let staging = try StagingFolder(for: target, recorded: stamps)
        defer { staging.discard() }
        try staging.put("index.html", index)
        try staging.put("methodology.html", methodology)
        let staged = staging.staging
        #expect(try Data(contentsOf: staged.appendingPathComponent("index.html")) == index, "the page as built, not the edited file")
        #expect(
            FileTree.stamp(of: staged.appendingPathComponent("index.html").path).last
                != FileTree.stamp(of: nation.url("Site/index.html").path).last, "written anew, not linked")
        #expect(
            FileTree.stamp(of: staged.appendingPathComponent("methodology.html").path)
                == stamps["methodology.html"], "the unchanged page is the last build's file, linked")
    }

    @Test("a rebuild after a figure changed restores an output file edited by hand to the same size, and matches a clean build")
    func figureChangeAfterSameSizeEdit() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        let page = try nation.folder.read("Site/methodology.html")
        try nation.folder.write("Site/methodology.html", String(repeating: "x", count: page.utf8.count))
        try nation.nation.writeRevision(of: 4, to: nation.data)
        let rebuilt = nation.build(into: "Site", cache: "cache")
        #expect(rebuilt.exitCode == 0, "\(rebuilt.errors)")
        #expect(try nation.folder.read("Site/methodology.html") == page)
        #expect(nation.build(into: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
    }

    @Test("a changed narrative with an unknown token stops the rebuild and leaves the site as it was")
    func brokenNarrativeChange() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        let before = FileTree.files(in: nation.url("Site")).mapValues { FileManager.default.contents(atPath: $0.path) }
        let narrative = nation.data.appendingPathComponent("synthetic-002.md")
        let text = try String(contentsOf: narrative, encoding: .utf8)
        try Data((text + "\nIt rose to {{children-adopted.outcom}}.\n").utf8).write(to: narrative)
        let rebuilt = nation.build(into: "Site", cache: "cache")
        #expect(rebuilt.exitCode == 1)
        #expect(rebuilt.errors.contains("synthetic-002.md"), "\(rebuilt.errors)")
        #expect(rebuilt.errors.contains("unknown token {{children-adopted.outcom}}"), "\(rebuilt.errors)")
        #expect(FileTree.files(in: nation.url("Site")).mapValues { FileManager.default.contents(atPath: $0.path) } == before)
    }

    @Test("a narrative change after the output was edited by hand rebuilds every file")
    func narrativeChangeAfterHandEdit() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        try nation.folder.write("Site/index.html", "edited by hand")
        let narrative = nation.data.appendingPathComponent("synthetic-001.md")
        let text = try String(contentsOf: narrative, encoding: .utf8)
        try Data((text + "\nOne more sentence.\n").utf8).write(to: narrative)
        let rebuilt = nation.build(into: "Site", cache: "cache")
        #expect(rebuilt.output.contains("unchanged from the cache)"), "a full build, not the pages alone: \(rebuilt.output)")
        #expect(try nation.folder.read("Site/index.html") != "edited by hand")
        #expect(nation.build(into: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
    }

    @Test("a damaged chart in the cache is drawn again, not published")
    func damagedCache() throws {
        let nation = try Nation()
        #expect(nation.build(into: "Site", cache: "cache").exitCode == 0)
        let cached = FileTree.files(in: nation.url("cache")).filter { $0.key.hasSuffix(".entry") && !$0.key.contains("/") }
        let victim = try #require(cached.values.map(\.path).sorted().first)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: victim))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: victim))
        try nation.folder.write("Site/index.html", "edited, so the build does not stop at its record")
        let again = nation.build(into: "Site", cache: "cache")
        #expect(again.output.contains("(1 drawn,"), "\(again.output)")
        #expect(nation.build(into: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
    }

    @Test(
        "a rebuild after one area's file changed makes only that area's downloads again and takes the rest from the cache; damaged entries (an area's or a briefing pack's) are made again and counted in what the build says; both match a clean build"
    )
    func areaDownloadsFromCache() throws {
        let nation = try Nation()
        // Six synthetic councils and England, each with its own figures CSV, sources and part of figures.json.
        let first = nation.build(into: "Site", cache: "cache")
        #expect(first.output.contains("the figures of 7 areas as downloads (7 made, 0 unchanged from the cache)"), "\(first.output)")
        try nation.nation.writeRevision(of: 4, to: nation.data)
        let rebuilt = nation.build(into: "Site", cache: "cache")
        #expect(rebuilt.output.contains("the figures of 7 areas as downloads (1 made, 6 unchanged from the cache)"), "\(rebuilt.output)")
        #expect(nation.build(into: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
        // The superseded entry of synthetic-004 is gone: one entry per area.
        let entries = FileTree.files(in: nation.url("cache")).filter { $0.key.hasPrefix("areas/") }
        #expect(entries.count == 7, "\(entries.keys.sorted())")

        // Every entry cut short or with a byte changed, and one briefing pack's too: each fails its
        // check, is made again, and the build says so.
        let packs = FileTree.files(in: nation.url("cache")).filter { $0.key.hasPrefix("packs/") }
        let pack = try #require(packs.values.map(\.path).sorted().first, "the synthetic nation's partnerships have packs")
        for (index, entry) in (entries.values.map(\.path).sorted() + [pack]).enumerated() {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: entry))
            if index % 2 == 0 { bytes = bytes.prefix(bytes.count / 2) } else { bytes[bytes.count - 2] ^= 0x01 }
            try bytes.write(to: URL(fileURLWithPath: entry))
        }
        try nation.folder.write("Site/index.html", "edited, so the build does not stop at its record")
        let again = nation.build(into: "Site", cache: "cache")
        #expect(again.output.contains("the figures of 7 areas as downloads (7 made, 0 unchanged from the cache)"), "\(again.output)")
        #expect(
            again.output.contains("; 8 damaged cache entries of the downloads failed their check and were made again"), "\(again.output)")
        #expect(!rebuilt.output.contains("damaged"), "\(rebuilt.output)")
        #expect(Benchmark.identical(nation.url("Site"), nation.url("Clean")))
    }

    @Test("the build record reads back exactly as saved, a time in nanoseconds included; anything else is no record")
    func buildRecordRoundTrip() throws {
        let folder = try TestFolder()
        let cache = ChartCache(folder: folder.url)
        // A modification time in nanoseconds is beyond what a JSON number (a double) holds exactly.
        let record = BuildManifest(
            inputs: "abc", outputs: ["index.html": [4096, 1_733_380_000_123_456_789, 77], "charts": [-1, 0, 1], "empty": []],
            data: "def", narratives: ["kent.md": "123"])
        record.save(to: cache)
        #expect(BuildManifest.load(from: cache) == record)
        #expect(BuildManifest.stampNumbers("12 -1 3") == [12, -1, 3])
        for bad in ["1  2", "1 ", " 1", "-", "1-2", "--1", "x", "1.5", "99999999999999999999"] {
            #expect(BuildManifest.stampNumbers(bad) == nil, "\(bad)")
        }
        // A record in another form (as an earlier version wrote it) is no record: the build makes everything.
        try folder.write("build-manifest.json", #"{"inputs": "abc", "outputs": {"index.html": [1, 2, 3]}}"#)
        #expect(BuildManifest.load(from: cache) == nil)
    }

    @Test("files written from several threads into new folders all arrive, and a second identical write changes nothing")
    func concurrentStaging() throws {
        let folder = try TestFolder()
        let output = folder.url.appendingPathComponent("Site")
        let files = (0..<400).map { ("folder-\($0 % 37)/deeper-\($0 % 5)/file-\($0).txt", Data("file \($0)\n".utf8)) }
        for attempt in 0..<2 {
            let target = try OwnedFolder.claim(
                ResolvedPath(output, display: "Site"), kind: .site, protected: ProtectedPaths(authorities: nil))
            let staging = try StagingFolder(for: target)
            let failures = files.concurrentMap { file -> String? in
                do {
                    try staging.put(file.0, file.1)
                    return nil
                } catch { return "\(file.0): \(error)" }
            }
            #expect(failures.compactMap { $0 }.isEmpty)
            let outcome = try staging.commit()
            #expect(outcome == (attempt == 0 ? .written(changed: 401) : .unchanged), "400 files and the manifest")
        }
        let written = FileTree.files(in: output).filter { $0.key != FolderKind.site.markName }
        #expect(written.count == 400)
        for (path, data) in files { #expect(FileManager.default.contents(atPath: written[path]!.path) == data) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["Site"], "no staging folder left")
    }

    @Test("folders compare as identical only when every file and byte matches")
    func identicalFolders() throws {
        let folder = try TestFolder()
        try folder.write("a/x.txt", "one")
        try folder.write("a/sub/y.txt", "two")
        try folder.write("b/x.txt", "one")
        try folder.write("b/sub/y.txt", "two")
        #expect(Benchmark.identical(folder.url.appendingPathComponent("a"), folder.url.appendingPathComponent("b")))
        try folder.write("b/sub/y.txt", "twO")
        #expect(!Benchmark.identical(folder.url.appendingPathComponent("a"), folder.url.appendingPathComponent("b")))
        try folder.write("b/sub/y.txt", "two")
        try folder.write("b/extra.txt", "")
        #expect(!Benchmark.identical(folder.url.appendingPathComponent("a"), folder.url.appendingPathComponent("b")))
    }
}
