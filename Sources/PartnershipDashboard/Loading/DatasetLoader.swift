// Loads the Authorities folder: the indicator catalogue, every authority file and narrative.

import Foundation

/// What loading found: the dataset (only when there are no errors) and every problem.
public struct LoadResult: Sendable {
    public let dataset: Dataset?
    public let problems: [Problem]
    public let fileCount: Int

    public var errors: [Problem] { problems.filter { $0.severity == .error } }
    public var warnings: [Problem] { problems.filter { $0.severity == .warning } }
}

/// Reads and checks every file in an Authorities folder.
public enum DatasetLoader {
    /// Files larger than this are refused before parsing: no authority file comes near it.
    public static let maximumFileSize = 1_000_000
    public static let catalogueFile = "indicators.json"
    public static let schemaFile = "schema.json"
    public static let englandID = "england"

    /// Loads `directory`; `displayPrefix` is how file names appear in messages (e.g. "Authorities").
    public static func load(from directory: URL, displayPrefix: String? = nil) -> LoadResult {
        let prefix = displayPrefix ?? directory.path
        let folderLog = ProblemLog(file: prefix)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            let exists = FileManager.default.fileExists(atPath: directory.path)
            folderLog.error(
                exists
                    ? "the folder cannot be read (\(FileError.reason(error))); check its permissions"
                    : "there is no folder here; run from the project folder or pass --authorities with the path to the Authorities folder")
            return LoadResult(dataset: nil, problems: folderLog.problems, fileCount: 0)
        }
        func display(_ name: String) -> String { "\(prefix)/\(name)" }

        var problems: [Problem] = []
        var catalogueLog = ProblemLog(file: display(catalogueFile))
        var indicators: [Indicator] = []
        if names.contains(catalogueFile) {
            let (node, log) = readJSON(directory.appendingPathComponent(catalogueFile), display: display(catalogueFile))
            catalogueLog = log
            if let node { indicators = IndicatorCatalogueReader.read(node, log: catalogueLog) }
        } else {
            catalogueLog.error("missing: the indicator catalogue defines every measure the authority files use; restore \(catalogueFile)")
        }
        problems += catalogueLog.problems
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let authorityNames = names.filter { $0.hasSuffix(".json") && $0 != catalogueFile && $0 != schemaFile }
        let narrativeNames = Set(names.filter { $0.hasSuffix(".md") && $0 != "README.md" })
        let authorityIDs = Set(authorityNames.map { String($0.dropLast(5)) })
        for name in names where !name.hasPrefix(".") && !name.hasSuffix(".json") && !name.hasSuffix(".md") {
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
            let (node, log) = readJSON(directory.appendingPathComponent(name), display: "\(prefix)/\(name)")
            let narrative =
                narrativeNames.contains("\(id).md")
                ? readNarrative(directory.appendingPathComponent("\(id).md"), display: "\(prefix)/\(id).md")
                : (text: nil, problems: [])
            var authority: Authority?
            if let problem = Identifier.problem(with: id) {
                log.error("the file name is not a valid id: \(problem); rename the file")
            } else if let node {
                var reader = AuthorityReader(log: log, indicators: byID, fileID: id)
                authority = reader.read(node, narrative: narrative.text)
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
        let dataset = Dataset(indicators: indicators, authorities: authorities.filter { $0.id != englandID }, england: england)
        problems += DatasetChecks.run(on: dataset)
        let sorted = problems.sorted()
        let hasErrors = sorted.contains { $0.severity == .error }
        return LoadResult(
            dataset: hasErrors ? nil : dataset, problems: sorted,
            fileCount: authorityNames.count + narrativeNames.count + (names.contains(catalogueFile) ? 1 : 0))
    }

    /// Reads and parses one JSON file; the log it returns knows the file's lines for every later message.
    static func readJSON(_ url: URL, display: String) -> (node: JSONNode?, log: ProblemLog) {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            if size > maximumFileSize {
                let log = ProblemLog(file: display)
                log.error(
                    "the file is \(UKFormat.number(Double(size) / 1_000_000, decimals: 1)) MB; data files are well under \(maximumFileSize / 1_000_000) MB, so this is probably not the right file"
                )
                return (nil, log)
            }
            data = try Data(contentsOf: url)
        } catch {
            let log = ProblemLog(file: display)
            log.error("cannot be read (\(FileError.reason(error))); check the file's permissions")
            return (nil, log)
        }
        let bytes = [UInt8](data)
        let log = ProblemLog(file: display, bytes: bytes)
        do {
            return (try JSONParser.parse(bytes), log)
        } catch {
            log.error(error.message, offset: error.offset)
            return (nil, log)
        }
    }

    static func readNarrative(_ url: URL, display: String) -> (text: String?, problems: [Problem]) {
        guard let data = try? Data(contentsOf: url) else {
            return (nil, [Problem(severity: .error, file: display, message: "cannot be read; check the file's permissions")])
        }
        if data.count > maximumFileSize {
            return (
                nil,
                [
                    Problem(
                        severity: .error, file: display,
                        message: "the narrative is over \(maximumFileSize / 1_000_000) MB; it should be a few pages of text")
                ]
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [Problem(severity: .error, file: display, message: "is not valid UTF-8 text; save it with UTF-8 encoding")])
        }
        if text.hasPrefix("\u{FEFF}") {
            return (
                nil,
                [Problem(severity: .error, file: display, message: "starts with a byte order mark (BOM); save it as UTF-8 without BOM")]
            )
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return (nil, [Problem(severity: .error, file: display, message: "is empty; write the evaluation narrative here")])
        }
        return (text, [])
    }
}

/// Turns file-system errors into a short reason people understand.
enum FileError {
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch nsError.code {
        case NSFileReadNoPermissionError: return "permission denied"
        case NSFileReadNoSuchFileError: return "no such file"
        default: return nsError.localizedDescription
        }
    }
}
