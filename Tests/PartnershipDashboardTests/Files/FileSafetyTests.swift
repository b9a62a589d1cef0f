// No command may lose, corrupt or half-write a user's files: each case in a folder of its own, with
// its exact message, and every file that was there before still there, byte for byte.

import Foundation
import Testing

@testable import DashboardBenchmark
@testable import PartnershipDashboard

@Suite("Never losing a user's files", .serialized)
struct FileSafetyTests {
    /// A temporary project: `Authorities/` with the minimal synthetic data, and room for outputs.
    struct Workspace {
        let folder: TestFolder
        var url: URL { folder.url }

        init() throws {
            folder = try TestFolder()
            for name in ["indicators.json", "england.json", "testshire.json", "testshire.md"] {
                let source =
                    name == "indicators.json"
                    ? Project.authorities.appendingPathComponent(name) : Project.fixtures.appendingPathComponent("Minimal/\(name)")
                try folder.write("Authorities/\(name)", String(contentsOf: source, encoding: .utf8))
            }
        }

        func path(_ name: String) -> URL { url.appendingPathComponent(name) }

        /// Builds with the output and cache given relative to the workspace, as a user would type them.
        func build(output: String, cache: String? = nil, check: Bool = false) -> CommandResult {
            Build.run(
                authorities: path("Authorities"), display: "Authorities", output: path(output), outputDisplay: output, check: check,
                progress: false, cache: cache.map(path))
        }

        /// Every entry under the workspace with its bytes (files) or kind (anything else).
        func snapshot() -> [String: String] {
            var result: [String: String] = [:]
            for entry in FileTree.entries(in: url) ?? [] {
                if entry.kind == .file, let data = FileManager.default.contents(atPath: path(entry.path).path) {
                    result[entry.path] = SHA256.hex(data)
                } else {
                    result[entry.path] = entry.kind.words
                }
            }
            return result
        }
    }

    // MARK: Outputs the build must refuse, before doing any work

    @Test("build --output at the project's own folder is refused, and nothing in it changes")
    func outputIsProject() throws {
        let workspace = try Workspace()
        try workspace.folder.write("Package.swift", "// the project")
        try workspace.folder.write("Sources/main.swift", "print(1)")
        let before = workspace.snapshot()
        let result = workspace.build(output: ".")
        #expect(result.exitCode == 1)
        #expect(
            result.errors
                == "error: could not use . for the site: it holds Package.swift, so it is a project's folder; choose a new folder of its own inside it, such as Site; nothing was written.\n"
        )
        #expect(workspace.snapshot() == before)
    }

    @Test("build --output at the authorities folder, inside it, or holding it is refused")
    func outputIsAuthorities() throws {
        let workspace = try Workspace()
        let before = workspace.snapshot()
        let cases = [
            ("Authorities", "it is the authorities folder, where the data lives; choose another folder"),
            ("Authorities/site", "it is inside the authorities folder Authorities, where the data lives; choose a folder outside it"),
        ]
        for (output, reason) in cases {
            let result = workspace.build(output: output)
            #expect(result.exitCode == 1)
            #expect(result.errors == "error: could not use \(output) for the site: \(reason); nothing was written.\n")
        }
        // The workspace itself holds the authorities folder.
        let holding = Build.run(
            authorities: workspace.path("Authorities"), display: "Authorities", output: workspace.url, outputDisplay: "work",
            check: false, progress: false)
        #expect(
            holding.errors
                == "error: could not use work for the site: it holds the authorities folder Authorities, where the data lives; choose another folder; nothing was written.\n"
        )
        #expect(workspace.snapshot() == before)
    }

    @Test("a symbolic link to the authorities folder is refused like the folder")
    func outputLinksToAuthorities() throws {
        let workspace = try Workspace()
        try FileManager.default.createSymbolicLink(at: workspace.path("Published"), withDestinationURL: workspace.path("Authorities"))
        let before = workspace.snapshot()
        let result = workspace.build(output: "Published")
        #expect(
            result.errors
                == "error: could not use Published for the site: it is the authorities folder, where the data lives; choose another folder; nothing was written.\n"
        )
        #expect(workspace.snapshot() == before)
    }

    @Test("a folder of someone's own documents is refused, naming what is in it")
    func outputHoldsDocuments() throws {
        let workspace = try Workspace()
        try workspace.folder.write("Documents/letter.txt", "Dear minister")
        try workspace.folder.write("Documents/photo.png", "not really a picture")
        let before = workspace.snapshot()
        let result = workspace.build(output: "Documents")
        #expect(result.exitCode == 1)
        #expect(
            result.errors
                == "error: could not use Documents for the site: it holds files this tool did not write (letter.txt, photo.png), and it replaces only folders it made; choose a new or empty folder with --output, or move those files away; nothing was written.\n"
        )
        #expect(workspace.snapshot() == before)
    }

    @Test("an output that is a file, the empty path or the root of the file system is refused")
    func outputIsNotAFolder() throws {
        let workspace = try Workspace()
        try workspace.folder.write("notes.txt", "mine")
        let before = workspace.snapshot()
        #expect(
            workspace.build(output: "notes.txt").errors
                == "error: could not use notes.txt for the site: it is a file, not a folder; choose a folder; nothing was written.\n")
        let empty = Build.run(
            authorities: workspace.path("Authorities"), display: "Authorities", output: URL(fileURLWithPath: ""), outputDisplay: "",
            check: false, progress: false)
        #expect(empty.exitCode == 1)
        let root = Build.run(
            authorities: workspace.path("Authorities"), display: "Authorities", output: URL(fileURLWithPath: "/"), outputDisplay: "/",
            check: false, progress: false)
        #expect(
            root.errors
                == "error: could not use / for the site: it is the root of the file system; choose a new folder of its own; nothing was written.\n"
        )
        #expect(workspace.snapshot() == before)
    }

    @Test("the empty path is refused with its own words")
    func emptyPath() {
        let reason = ProtectedPaths(authorities: nil).refusal(of: ResolvedPath(""))
        #expect(reason == "the path is empty; give a folder's name")
    }

    @Test("a site with a file the build did not write is refused, naming the file")
    func siteWithForeignFile() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site").exitCode == 0)
        try workspace.folder.write("Site/CNAME", "dashboard.example.org")
        let before = workspace.snapshot()
        let result = workspace.build(output: "Site")
        #expect(
            result.errors
                == "error: could not use Site for the site: it holds CNAME (a file), which this tool did not write (.dashboard-site.json does not list it); move it away, or choose a new or empty folder with --output; nothing was written.\n"
        )
        #expect(workspace.snapshot() == before)
    }

    // MARK: The cache

    @Test("--cache at a folder of pictures is refused and the pictures stay")
    func cacheHoldsPictures() throws {
        let workspace = try Workspace()
        try workspace.folder.write("Pictures/holiday.png", "a picture")
        try workspace.folder.write("Pictures/packs/old.zip", "an archive")
        try workspace.folder.write("Pictures/build-manifest.json", "{}")
        let before = workspace.snapshot()
        let result = workspace.build(output: "Site", cache: "Pictures")
        #expect(
            result.errors
                == "error: could not use \(workspace.path("Pictures").path) for the chart cache: it holds files this tool did not write (build-manifest.json, holiday.png, packs), and it replaces only folders it made; choose a new or empty folder with --cache, or move those files away; nothing was written.\n"
        )
        #expect(workspace.snapshot() == before)
    }

    @Test("another tool's cache, tagged with the standard CACHEDIR.TAG, is not taken for ours")
    func anotherToolsCache() throws {
        let workspace = try Workspace()
        try workspace.folder.write(
            "target/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by cargo.\n")
        try workspace.folder.write("target/" + String(repeating: "b", count: 64) + ".png", "cargo's own")
        let before = workspace.snapshot()
        let result = workspace.build(output: "Site", cache: "target")
        #expect(result.exitCode == 1)
        #expect(result.errors.contains("it holds files this tool did not write (CACHEDIR.TAG, bbbb"))
        #expect(workspace.snapshot() == before)
    }

    @Test("a cache inside the output, or the output itself, is refused")
    func cacheInsideOutput() throws {
        let workspace = try Workspace()
        let before = workspace.snapshot()
        let result = workspace.build(output: "Site", cache: "Site/cache")
        #expect(
            result.errors
                == "error: could not use \(workspace.path("Site/cache").path) for the chart cache: it is inside the output folder Site, which the build replaces; choose a cache folder outside it; nothing was written.\n"
        )
        #expect(workspace.build(output: "Site", cache: "Site").exitCode == 1)
        #expect(workspace.snapshot() == before)
    }

    @Test("a cache entry damaged in the middle is drawn again, said so, and never published")
    func damagedCacheEntry() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site", cache: "cache").exitCode == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: workspace.path("cache").path).filter { $0.hasSuffix(".entry") }
        let victim = workspace.path("cache/\(try #require(entries.sorted().first))")
        var bytes = try Data(contentsOf: victim)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: victim)
        // A page edited by hand makes the next build a full one (a narrative's change alone would remake only its page).
        try workspace.folder.write("Site/index.html", "edited by hand")
        let again = workspace.build(output: "Site", cache: "cache")
        #expect(again.exitCode == 0)
        #expect(again.output.contains("1 damaged cache entry failed its SHA-256 check and was drawn again"), "\(again.output)")
        #expect(workspace.build(output: "Clean", cache: "clean-cache").exitCode == 0)
        #expect(Benchmark.identical(workspace.path("Site"), workspace.path("Clean")))
    }

    @Test("the cache removes only entries it wrote: a file of the user's own in a cache folder stops the build")
    func cachePrunesOnlyItsOwn() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site", cache: "cache").exitCode == 0)
        let stale = String(repeating: "a", count: 64) + ".entry"
        try workspace.folder.write("cache/\(stale)", "an entry no chart uses")
        try workspace.folder.write("cache/.kent.json.0123456789ab.tmp", "left by a stopped write")
        try workspace.folder.write("Site/index.html", "edited by hand, so that the next build is a full one")
        #expect(workspace.build(output: "Site", cache: "cache").exitCode == 0)
        #expect(!workspace.folder.exists("cache/\(stale)"))
        #expect(!workspace.folder.exists("cache/.kent.json.0123456789ab.tmp"))
        #expect(workspace.folder.exists("cache/CACHEDIR.TAG"))
    }

    // MARK: --check

    @Test("--check does not use the cache, so a damaged site file is caught even when the cache is whole")
    func checkCatchesDamagedSite() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site", cache: "cache").exitCode == 0)
        let chart = try #require(
            try FileManager.default.contentsOfDirectory(atPath: workspace.path("Site/charts").path).filter { $0.hasSuffix(".png") }.min())
        var bytes = try Data(contentsOf: workspace.path("Site/charts/\(chart)"))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: workspace.path("Site/charts/\(chart)"))
        let check = workspace.build(output: "Site", check: true)
        #expect(check.exitCode == 1)
        #expect(check.errors.contains("  differs: charts/\(chart)\n"))
    }

    @Test("--check reports every extra entry, whatever its kind")
    func checkReportsEveryKind() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site").exitCode == 0)
        #expect(workspace.build(output: "Site", check: true).exitCode == 0)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("Site/link.html").path, withDestinationPath: "index.html")
        #expect(mkfifo(workspace.path("Site/pipe").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: workspace.path("Site/empty"), withIntermediateDirectories: true)
        let badName = workspace.url.path + "/Site/bad\u{FF}"
        _ = badName
        let raw = Array((workspace.url.path + "/Site/bad").utf8) + [0xFF, 0]
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let check = workspace.build(output: "Site", check: true)
        #expect(check.exitCode == 1)
        #expect(
            check.errors.hasPrefix(
                """
                error: Site is not what the data builds (4 differences):
                  extra: bad\\xFF (a name that is not UTF-8)
                  extra: empty/ (an empty folder)
                  extra: link.html (a symbolic link)
                  extra: pipe (a named pipe)

                """), "\(check.errors)")
    }

    // MARK: Swapping the site in

    @Test("a Site that is a symbolic link stays a link, and its target holds the new site alone")
    func siteIsALink() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Real").exitCode == 0)
        try FileManager.default.createSymbolicLink(at: workspace.path("Site"), withDestinationURL: workspace.path("Real"))
        try workspace.folder.write("Authorities/testshire.md", try workspace.folder.read("Authorities/testshire.md") + "\nChanged.\n")
        let result = workspace.build(output: "Site")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("Site").path) == workspace.path("Real").path)
        #expect(try workspace.folder.read("Real/authorities/testshire.html").contains("Changed."))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".dashboard-cache"], "no old site kept beside it to share files with")
        #expect(workspace.build(output: "Site", check: true).exitCode == 0)
    }

    @Test("a site built by an earlier version, before sites carried a manifest, still rebuilds")
    func earlierVersionRebuilds() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site").exitCode == 0)
        try workspace.folder.remove("Site/.dashboard-site.json")
        try workspace.folder.remove(".dashboard-cache")
        let result = workspace.build(output: "Site")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(workspace.folder.exists("Site/.dashboard-site.json"))
        #expect(workspace.build(output: "Site", check: true).exitCode == 0)
    }

    @Test("what a killed build left beside the site is removed by the next build; what is not the tool's stays")
    func killedBuildLeftovers() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site").exitCode == 0)
        try workspace.folder.write(".Site.staging-0123456789ab/.dashboard-staging", "A folder `dashboard` is writing\n")
        try workspace.folder.write(".Site.staging-0123456789ab/index.html", "half a page")
        try workspace.folder.write(".Site.staging-notours/letter.txt", "someone's own")
        try workspace.folder.write("Authorities/testshire.md", try workspace.folder.read("Authorities/testshire.md") + "\nAgain.\n")
        #expect(workspace.build(output: "Site").exitCode == 0)
        #expect(!workspace.folder.exists(".Site.staging-0123456789ab"))
        #expect(try workspace.folder.read(".Site.staging-notours/letter.txt") == "someone's own")
    }

    @Test("a site moved aside by a run killed between two renames is put back by the next run")
    func movedAsideIsRestored() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site").exitCode == 0)
        let before = workspace.snapshot()
        try FileManager.default.moveItem(at: workspace.path("Site"), to: workspace.path(".Site.previous-0123456789ab"))
        let check = workspace.build(output: "Site")
        #expect(check.exitCode == 0, "\(check.errors)")
        #expect(!workspace.folder.exists(".Site.previous-0123456789ab"))
        #expect(
            workspace.snapshot().filter { !$0.key.hasPrefix(".dashboard-cache") } == before.filter { !$0.key.hasPrefix(".dashboard-cache") }
        )
    }

    @Test("a rebuild keys its inputs by content: a file changed without changing its size or time is rebuilt")
    func inputsKeyedByContent() throws {
        let workspace = try Workspace()
        #expect(workspace.build(output: "Site").exitCode == 0)
        let file = workspace.path("Authorities/testshire.json").path
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        let text = try workspace.folder.read("Authorities/testshire.json")
        try workspace.folder.write("Authorities/testshire.json", text.replacingOccurrences(of: "\"value\": 20,", with: "\"value\": 21,"))
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate] as Any], ofItemAtPath: file)
        let again = workspace.build(output: "Site")
        #expect(again.output.hasPrefix("Built Site:"), "\(again.output)")
        #expect(workspace.build(output: "Site", check: true).exitCode == 0)
    }

    // MARK: Inputs

    @Test("editor and system side files are not read, and are listed with --warnings")
    func sideFilesIgnored() throws {
        let workspace = try Workspace()
        try workspace.folder.write("Authorities/.#testshire.json", "user@host.1234:1700000000")
        try workspace.folder.write("Authorities/._testshire.json", "\u{0}\u{5}\u{16}\u{7}")
        try workspace.folder.write("Authorities/testshire.json~", "{ old")
        let result = Validate.run(authorities: workspace.path("Authorities"), display: "Authorities", listWarnings: true)
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(
            result.errors.contains(
                "Authorities/.#testshire.json: warning: ignored: an editor's or the system's side file, not data; it is not read"))
        #expect(
            result.errors.contains(
                "Authorities/._testshire.json: warning: ignored: an editor's or the system's side file, not data; it is not read"))
    }

    @Test("the size limit applies to what a link points at, and a pipe is refused without waiting")
    func boundedInputs() throws {
        let workspace = try Workspace()
        try Data(count: 2_000_000).write(to: workspace.path("big.bin"))
        try FileManager.default.createSymbolicLink(
            at: workspace.path("Authorities/linked.json"), withDestinationURL: workspace.path("big.bin"))
        #expect(mkfifo(workspace.path("Authorities/pipe.json").path, 0o644) == 0)
        let result = Validate.run(authorities: workspace.path("Authorities"), display: "Authorities", listWarnings: false)
        #expect(result.exitCode == 1)
        #expect(
            result.errors.contains(
                "Authorities/linked.json: error: the file is 2.0 MB; data files are well under 1 MB, so this is probably not the right file"
            ))
        #expect(result.errors.contains("Authorities/pipe.json: error: cannot be read: it is not a regular file"))
    }

    @Test("a column far along a very long line is counted in characters, as before")
    func longLineColumns() {
        let line = Array(String(repeating: "é", count: 700).utf8) + Array("x".utf8)
        let map = LineMap(Array("{\n".utf8) + line)
        #expect(map.position(of: 2 + 1400) == TextPosition(line: 2, column: 701))
        #expect(map.position(of: 1) == TextPosition(line: 1, column: 2))
    }

    // MARK: Other commands

    @Test("synthetic refuses a real data folder, whatever its name, and zero authorities, writing nothing")
    func syntheticRefuses() throws {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: workspace.path("Authorities"), to: workspace.path("Data"))
        let before = workspace.snapshot()
        let catalogue = workspace.path("Authorities/indicators.json")
        #expect {
            try SyntheticNation(authorities: 3).write(to: workspace.path("Data"), catalogue: catalogue)
        } throws: { error in
            "\(error)"
                == "could not use \(workspace.path("Data").path) for synthetic data: it holds files this tool did not write (england.json, indicators.json, testshire.json, …), and it replaces only folders it made; choose a new or empty folder with --output, or move those files away"
        }
        #expect {
            try SyntheticNation(authorities: 0).write(to: workspace.path("New"), catalogue: catalogue)
        } throws: { error in "\(error)" == "could not write synthetic data: --authorities must be 1 or more, not 0" }
        #expect {
            try SyntheticNation(authorities: 3).write(to: workspace.path("Authorities"), catalogue: catalogue)
        } throws: { error in "\(error)".contains("it is the authorities folder") }
        #expect(workspace.snapshot() == before)
        try SyntheticNation(authorities: 2).write(to: workspace.path("New"), catalogue: catalogue)
        try SyntheticNation(authorities: 3).write(to: workspace.path("New"), catalogue: catalogue)
        #expect(workspace.folder.exists("New/synthetic-003.json"), "a folder the command wrote is replaced")
    }

    @Test("synthetic names a missing catalogue in its own words")
    func syntheticMissingCatalogue() throws {
        let workspace = try Workspace()
        #expect {
            try SyntheticNation(authorities: 1).write(to: workspace.path("New"), catalogue: workspace.path("nowhere/indicators.json"))
        } throws: { error in
            "\(error)"
                == "could not read the indicator catalogue \(workspace.path("nowhere/indicators.json").path): there is no such file or folder; check the path; run from the project folder or pass --catalogue"
        }
        #expect(!workspace.folder.exists("New"))
    }

    @Test("new writes both files or neither, so a failed run can be run again")
    func newIsAllOrNothing() throws {
        let workspace = try Workspace()
        let data = workspace.path("Authorities/redbridge.json")
        #expect {
            try AtomicFile.create([
                (data, "Authorities/redbridge.json", Data("{}".utf8)),
                (workspace.path("Authorities/missing/redbridge.md"), "Authorities/missing/redbridge.md", Data("text".utf8)),
            ])
        } throws: { error in
            "\(error)" == "could not write Authorities/missing/redbridge.md: there is no such file or folder; check the path"
        }
        #expect(!workspace.folder.exists("Authorities/redbridge.json"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.path("Authorities").path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        let result = NewAuthority.run(
            id: "redbridge", name: "London Borough of Redbridge", authorities: workspace.path("Authorities"), display: "Authorities")
        #expect(result.exitCode == 0, "\(result.errors)")
    }

    @Test("charts refuses a folder it did not write and replaces one it did")
    func chartsOutput() throws {
        let workspace = try Workspace()
        try workspace.folder.write("Mine/report.docx", "mine")
        let refused = RenderCharts.run(authorities: workspace.path("Authorities"), display: "Authorities", output: workspace.path("Mine"))
        #expect(refused.exitCode == 1)
        #expect(refused.errors.contains("it holds files this tool did not write (report.docx)"))
        #expect(try workspace.folder.read("Mine/report.docx") == "mine")
        for _ in 0..<2 {
            let drawn = RenderCharts.run(
                authorities: workspace.path("Authorities"), display: "Authorities", output: workspace.path("charts"))
            #expect(drawn.exitCode == 0, "\(drawn.errors)")
        }
    }

    @Test("file-system errors are worded by the tool, never as a raw system error")
    func systemErrorsInOwnWords() {
        let error = CocoaError(
            .fileReadNoSuchFile, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOENT))])
        #expect(
            FileFailure("read", "Authorities/kent.json", error: error).description
                == "could not read Authorities/kent.json: there is no such file or folder; check the path")
        #expect(
            FileFailure("write", "Site/index.html", errno: ENOSPC).description
                == "could not write Site/index.html: the disk is full; free some space and run the command again")
        #expect(!FileFailure("write", "x", error: CocoaError(.fileWriteUnknown)).description.contains("NSCocoaErrorDomain"))
    }
}
