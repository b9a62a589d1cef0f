// Reads the Authorities folder: the indicator catalogue, every authority file and narrative, each
// parsed and its problems reported. The checks of the whole dataset come after, in Validation/.

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What reading found, before the dataset's own checks (``DatasetChecks``): the dataset as far as
/// it could be read, and every problem met on the way.
struct ReadResult: Sendable {
    let dataset: Dataset
    let problems: [Problem]
    let fileCount: Int
}

/// A file of the Authorities folder as read from disk (or given in memory).
enum FileContents: Sendable {
    case bytes([UInt8])
    /// Larger than ``DatasetLoader/maximumFileSize``; not read.
    case tooLarge(Int)
    /// Could not be read, with the reason.
    case unreadable(String)
}

/// Reads and parses every file in an Authorities folder.
package enum DatasetLoader {
    /// Files larger than this are refused before parsing: no authority file comes near it.
    static let maximumFileSize = 1_000_000
    static let catalogueFile = "indicators.json"
    static let schemaFile = "schema.json"
    static let siteFile = "site.json"
    /// What each release changed, written by `dashboard release`.
    static let releasesFile = "releases.json"
    /// The figures of the latest release, which the next release is compared with; a side file of
    /// the tool's own (its name starts `.dashboard-`, so the loader does not list it).
    static let snapshotFile = ".dashboard-released-figures.tsv"

    /// Whether a file, named relative to the folder, is read as an authority's narrative (`<id>.md`).
    static func isNarrativeFile(_ name: String) -> Bool {
        name.hasSuffix(".md") && name != "README.md" && !name.contains("/") && !SideFiles.contains(name)
    }

    /// Whether a file of the folder is an area's data file (not the catalogue, the schema, the
    /// site's settings or the record of its releases).
    package static func isAuthorityFile(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.contains("/") && ![catalogueFile, schemaFile, siteFile, releasesFile].contains(name)
    }

    /// The areas' data files among a folder's names, in their order, an editor's side files left out:
    /// the files the loader reads as areas, whose ids every area's reader is given.
    static func authorityNames(in names: some Sequence<String>) -> [String] {
        names.filter { !SideFiles.contains($0) && isAuthorityFile($0) }
    }

    /// The files an area's ``Authority`` is read from (see the reading in
    /// ``read(files:displayPrefix:rejectingMarkup:)``): its data file, its narrative and the
    /// measures' catalogue. With the ids of every area (``authorityNames(in:)``), which its reader
    /// is also given, they are everything what is made from one area alone depends on.
    static func areaFiles(of id: String) -> [String] { ["\(id).json", "\(id).md", catalogueFile] }

    /// The folder of regional adoption agencies, one file each (`agencies/adopt-london-west.json`).
    package static let agenciesFolder = "agencies"

    /// Whether a name (relative to the authorities folder) is an agency's file.
    static func isAgencyFile(_ name: String) -> Bool {
        name.hasPrefix(agenciesFolder + "/") && name.hasSuffix(".json") && name.split(separator: "/").count == 2
    }
    static let englandID = "england"

    /// The files of an Authorities folder as read, or why the folder could not be read.
    enum FolderRead: Sendable {
        case files([String: FileContents])
        /// The folder could not be listed: missing, a file, or not readable.
        case unreadable(Problem)
    }

    /// Reads the data files and narratives of `directory`, and nothing else: other files, and
    /// editors' and systems' side files, are listed but not opened.
    static func read(folder directory: URL, displayPrefix prefix: String) -> FolderRead {
        let listed: [String]
        do {
            listed = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder)
            let message: String
            if !exists {
                message =
                    "there is no folder here; run from the project folder or pass --authorities with the path to the Authorities folder"
            } else if !isFolder.boolValue {
                message = "is a file, not a folder; pass --authorities with the path to the Authorities folder"
            } else {
                message = "the folder cannot be read (\(FileFailure.words(for: FileFailure.code(of: error))))"
            }
            return .unreadable(Problem(severity: .error, file: prefix, message: message))
        }
        var files: [String: FileContents] = [:]
        // The marks of folders the tool wrote (a synthetic set's manifest) are the tool's, not data.
        let names = listed.filter { !$0.hasPrefix(".dashboard-") }
        for name in names where (name.hasSuffix(".json") || name.hasSuffix(".md")) && !SideFiles.contains(name) {
            files[name] = read(directory.appendingPathComponent(name))
        }
        // The agencies' folder holds one .json file per agency; anything else in it is listed, not read.
        var isFolder: ObjCBool = false
        if names.contains(agenciesFolder),
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(agenciesFolder).path, isDirectory: &isFolder),
            isFolder.boolValue
        {
            let folder = directory.appendingPathComponent(agenciesFolder)
            let inside = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in inside where !name.hasPrefix(".") && !SideFiles.contains(name) {
                let relative = "\(agenciesFolder)/\(name)"
                files[relative] =
                    name.hasSuffix(".json") ? read(folder.appendingPathComponent(name)) : .unreadable("ignored")
            }
            files[agenciesFolder] = nil
        }
        for name in names where name != agenciesFolder && files[name] == nil && (!name.hasPrefix(".") || SideFiles.contains(name)) {
            files[name] = .unreadable("ignored")
        }
        return .files(files)
    }

    /// Reads files given by name (as in the Authorities folder), e.g. from memory.
    /// `rejectingMarkup: false` lets HTML tags through text fields; only the tests of the site's
    /// escaping (its defence in depth) use it.
    static func read(files: [String: FileContents], displayPrefix prefix: String, rejectingMarkup: Bool = true) -> ReadResult {
        let names = files.keys.sorted()
        @Sendable func display(_ name: String) -> String { "\(prefix)/\(name)" }
        let folderLog = ProblemLog(file: prefix)

        var problems: [Problem] = []
        var catalogueLog = ProblemLog(file: display(catalogueFile))
        var indicators: [Indicator] = []
        if let contents = files[catalogueFile] {
            let (node, log) = parse(contents, display: display(catalogueFile))
            catalogueLog = log
            if let node { indicators = IndicatorCatalogueReader.read(node, log: catalogueLog) }
        } else {
            catalogueLog.error("missing: the indicator catalogue defines every measure the authority files use; restore \(catalogueFile)")
        }
        problems += catalogueLog.problems
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let dataNames = names.filter { !SideFiles.contains($0) }
        let authorityNames = Self.authorityNames(in: names)
        var settings = SiteSettings.unconfigured
        if let contents = files[siteFile] {
            let (node, log) = parse(contents, display: display(siteFile))
            if let node, let read = SiteSettingsReader.read(node, log: log) { settings = read }
            problems += log.problems
        }
        var releases: [Release] = []
        if let contents = files[releasesFile] {
            let (node, log) = parse(contents, display: display(releasesFile))
            if let node { releases = ReleaseReader.read(node, log: log) }
            problems += log.problems
        }
        if let released = settings.released {
            let latest = releases.first?.date
            if let latest, released.description < latest.description {
                problems.append(
                    Problem(
                        severity: .error, file: display(siteFile), path: .root.appending("released"),
                        message:
                            "\(released) is before the latest release recorded in \(releasesFile) (\(latest)); give this release's day, \(latest) or later"
                    ))
            } else if latest?.description != released.description {
                problems.append(
                    Problem(
                        severity: .warning, file: display(releasesFile),
                        message:
                            "no record of the release of \(released.label) that \(siteFile) names; once its figures are final, run `dashboard release` to record what it changed"
                    ))
            }
        }
        let narrativeNames = Set(dataNames.filter(isNarrativeFile))
        let authorityIDs = Set(authorityNames.map { String($0.dropLast(5)) })
        for name in names where SideFiles.contains(name) {
            problems.append(
                Problem(
                    severity: .warning, file: display(name),
                    message: "ignored: an editor's or the system's side file, not data; it is not read"))
        }
        for name in names
        where !name.hasSuffix(".json") && !name.hasSuffix(".md")
            && !SideFiles.contains(name.split(separator: "/").last.map(String.init) ?? name)
        {
            problems.append(
                Problem(
                    severity: .warning, file: display(name),
                    message: "ignored: only .json data files and .md narratives belong in this folder"))
        }
        for name in narrativeNames.sorted() where !authorityIDs.contains(String(name.dropLast(3))) {
            problems.append(
                Problem(
                    severity: .error, file: display(name),
                    message:
                        "this narrative has no data file \(name.dropLast(3)).json beside it; rename it to match an authority, or add the data file"
                ))
        }
        if authorityNames.isEmpty {
            folderLog.error(
                "no authority files: add one per council, e.g. `dashboard new kent --name \"Kent County Council\"`, and england.json for the national comparison"
            )
        } else if !authorityIDs.contains(englandID) {
            folderLog.error("missing \(englandID).json: England's figures and thresholds are the comparator for every authority")
        }
        problems += folderLog.problems

        let results = authorityNames.concurrentMap { name -> (authority: Authority?, problems: [Problem]) in
            let id = String(name.dropLast(5))
            let (node, log) = parse(
                files[name] ?? .unreadable("it was listed but not read"), display: display(name), rejectingMarkup: rejectingMarkup)
            let narrative =
                narrativeNames.contains("\(id).md")
                ? readNarrative(
                    files["\(id).md"] ?? .unreadable("it was listed but not read"), display: display("\(id).md"),
                    rejectingMarkup: rejectingMarkup)
                : (text: nil, problems: [])
            var authority: Authority?
            if let problem = Identifier.problem(with: id) {
                log.error(
                    "the file name is not a valid id: \(problem); if it is a data file, give it a new id that no other file uses, and if it is not, move it out of this folder"
                )
            } else if let node {
                var reader = AuthorityReader(log: log, indicators: byID, fileID: id, takenIDs: authorityIDs)
                authority = reader.read(node, narrative: narrative.text, narrativeFileExists: narrativeNames.contains("\(id).md"))
                if narrative.text == nil, !narrative.problems.isEmpty { authority = nil }
            }
            return (authority, log.problems + narrative.problems)
        }
        problems += results.flatMap(\.problems)
        let authorities = results.compactMap(\.authority)
        let england = authorities.first { $0.id == englandID }
        if let england, england.type != .country {
            problems.append(
                Problem(
                    severity: .error, file: display("\(englandID).json"), path: .root.appending("type"),
                    message: "England's file must say \"type\": \"country\""))
        }
        let agencyResults = dataNames.filter(isAgencyFile).concurrentMap { name -> (agency: Agency?, problems: [Problem]) in
            let (node, log) = parse(
                files[name] ?? .unreadable("it was listed but not read"), display: display(name), rejectingMarkup: rejectingMarkup)
            let fileID = String(name.dropFirst(agenciesFolder.count + 1).dropLast(5))
            let agency = node.flatMap { AgencyReader(log: log, authorityIDs: authorityIDs, fileID: fileID, file: display(name)).read($0) }
            return (agency, log.problems)
        }
        problems += agencyResults.flatMap(\.problems)
        // A council is a current member of one agency at most: one that moved has "left" in the old one.
        var currentAgencies: [String: [Agency]] = [:]
        for agency in agencyResults.compactMap(\.agency) {
            for member in agency.currentMembers { currentAgencies[member.authorityID, default: []].append(agency) }
        }
        for (authority, agencies) in currentAgencies.sorted(by: { $0.key < $1.key }) where agencies.count > 1 {
            problems.append(
                Problem(
                    severity: .error, file: agencies[1].file,
                    message:
                        "\(authority) is a current member of \(agencies.map(\.name).joined(separator: " and ")); add \"left\" to its membership of the agency it left"
                ))
        }
        let dataset = Dataset(
            indicators: indicators, authorities: authorities.filter { $0.id != englandID }, england: england, settings: settings,
            releases: releases, agencies: agencyResults.compactMap(\.agency))
        let fileCount =
            authorityNames.count + narrativeNames.count + (files[catalogueFile] != nil ? 1 : 0) + (files[siteFile] != nil ? 1 : 0)
            + (files[releasesFile] != nil ? 1 : 0) + dataNames.filter(isAgencyFile).count
        return ReadResult(dataset: dataset, problems: problems, fileCount: fileCount)
    }

    /// Reads a file, refusing one too large to be an authority file before reading it. The size is
    /// that of what a link points at, and no more than the limit is ever read, even from a file
    /// that grows while it is read; anything but a regular file (a pipe, a device) is refused.
    static func read(_ url: URL, limit: Int = maximumFileSize) -> FileContents {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(FileFailure.words(for: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(FileFailure.words(for: errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .unreadable("it is not a regular file") }
        if Int(status.st_size) > limit { return .tooLarge(Int(status.st_size)) }
        // One byte more than the file's size, to see whether it grew; more room only if it did.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < limit + 1 {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable(FileFailure.words(for: errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .tooLarge(count) }
        return .bytes(Array(bytes[0..<count]))
    }

    /// Parses one JSON file; the log it returns knows the file's lines for every later message.
    static func parse(_ contents: FileContents, display: String, rejectingMarkup: Bool = true) -> (node: JSONNode?, log: ProblemLog) {
        switch contents {
        case .tooLarge(let size):
            let log = ProblemLog(file: display)
            log.error(
                "the file is \(UKFormat.number(Double(size) / 1_000_000, decimals: 1)) MB; data files are well under \(maximumFileSize / 1_000_000) MB, so this is probably not the right file"
            )
            return (nil, log)
        case .unreadable(let reason):
            let log = ProblemLog(file: display)
            log.error("cannot be read: \(reason)")
            return (nil, log)
        case .bytes(let bytes):
            if bytes.count > maximumFileSize { return parse(.tooLarge(bytes.count), display: display) }
            let log = ProblemLog(file: display, bytes: bytes, rejectsMarkup: rejectingMarkup)
            do {
                return (try JSONParser.parse(bytes), log)
            } catch {
                log.error(error.message, offset: error.offset)
                return (nil, log)
            }
        }
    }

    static func readNarrative(_ contents: FileContents, display: String, rejectingMarkup: Bool = true) -> (
        text: String?, problems: [Problem]
    ) {
        func problem(_ message: String) -> (text: String?, problems: [Problem]) {
            (nil, [Problem(severity: .error, file: display, message: message)])
        }
        switch contents {
        case .tooLarge: return problem("the narrative is over \(maximumFileSize / 1_000_000) MB; it should be a few pages of text")
        case .unreadable(let reason): return problem("cannot be read: \(reason)")
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return problem("is not valid UTF-8 text; save it with UTF-8 encoding")
            }
            if text.hasPrefix("\u{FEFF}") { return problem("starts with a byte order mark (BOM); save it as UTF-8 without BOM") }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return problem("is empty; write the evaluation narrative here")
            }
            if text.utf8.contains(0) { return problem("contains a NUL byte; save it as plain UTF-8 text") }
            // The text is kept even with problems, so that its authority is not also told it has no narrative.
            return (text, rejectingMarkup ? NarrativeCheck.problems(in: text, file: display) : [])
        }
    }
}

/// Files that editors and operating systems leave beside the ones people save: never data.
enum SideFiles {
    /// `.#kent.json` (Emacs's lock), `#kent.json#` (its autosave), `._kent.json` (macOS), `kent.json~`
    /// (backups), `.kent.json.swp` (Vim), `.~lock.kent.json#` (LibreOffice), the tool's own
    /// `.kent.json.<12 hex>.tmp` from a write that was stopped, and the folders' `.DS_Store`,
    /// `Thumbs.db`, `desktop.ini`.
    static func contains(_ name: String) -> Bool {
        if ["Thumbs.db", "desktop.ini", ".DS_Store"].contains(name) { return true }
        if name.hasPrefix(".#") || name.hasPrefix("._") || name.hasPrefix(".~lock.") || name.hasSuffix("~") { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }
        if name.hasPrefix("."), name.hasSuffix(".swp") || name.hasSuffix(".swo") { return true }
        return TemporaryName.isTemporary(name)
    }
}
