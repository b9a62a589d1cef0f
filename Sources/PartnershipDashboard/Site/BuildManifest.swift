// What the last build read and wrote, so a rebuild with nothing changed can stop at once.

import Foundation

/// A record, kept in the chart cache's folder, of the last successful build: a SHA-256 of every
/// input file's content as it was read for that build, and of this program, and the size,
/// modification time and inode of every file written. If the inputs have the same content and the output is as it was left, the output is
/// already what a clean build would write (the build is deterministic), so nothing is done.
struct BuildManifest: Equatable {
    var inputs: String
    var outputs: [String: [Int]]
    /// The digest of every input but the narratives, and each narrative's by file name: when only
    /// narratives changed, a rebuild makes only their authorities' pages again.
    var data: String?
    var narratives: [String: String]?
    /// The key each council page was made from (``PageKeys``), by path: a build whose key for a
    /// page is the same keeps that page's file instead of making it again.
    var pages: [String: String]? = nil

    /// What a build read, as digests: of everything, of everything but the narratives, of each
    /// narrative, and for each area (by id) of everything its own downloads are made from.
    struct InputDigests: Equatable, Sendable {
        let all: String
        let data: String
        let narratives: [String: String]
        let areas: [String: String]
        /// Each file's line of the record ("kent.json <SHA-256>"), by name.
        var files: [String: String] = [:]
        /// This program and folder, the names of every area, and every file that is not an area's
        /// own (the measures, the site's settings, the releases, the agencies): what every page reads.
        var shared = ""
    }

    static func location(in cache: ChartCache) -> URL { cache.folder.appendingPathComponent("build-manifest.json") }

    /// Digests of the files read from the Authorities folder (names and the very bytes loaded), of
    /// where that folder is, and of the program.
    static func inputDigests(of files: [String: FileContents], folder: ResolvedPath, cache: ChartCache) -> InputDigests {
        var all = [cache.version, folder.path]
        var data = all
        var narratives: [String: String] = [:]
        var lines: [String: String] = [:]
        let sorted = files.sorted(by: { $0.key < $1.key })
        // Each file's digest on every core at once: the build waits for them before anything else.
        let digests = sorted.concurrentMap { file -> String? in
            guard case .bytes(let bytes) = file.value else { return nil }
            return SHA256.hex(bytes)
        }
        for ((name, contents), digest) in zip(sorted, digests) {
            let line: String
            switch contents {
            case .bytes:
                let digest = digest ?? ""
                line = "\(name) \(digest)"
                if DatasetLoader.isNarrativeFile(name) { narratives[name] = digest }
            case .tooLarge(let size): line = "\(name) too large \(size)"
            case .unreadable(let reason): line = "\(name) unreadable \(reason)"
            }
            lines[name] = line
            all.append(line)
            if narratives[name] == nil { data.append(line) }
        }
        // An area's key: this program and folder, the names of every area (digested once), and what
        // its own files hold.
        let areaNames = DatasetLoader.authorityNames(in: files.keys).sorted()
        let everyArea = SHA256.hex(areaNames.joined(separator: "\n"))
        var areas: [String: String] = [:]
        for name in areaNames {
            let id = String(name.dropLast(5))
            areas[id] = SHA256.hex(
                ([cache.version, folder.path, "area downloads", everyArea]
                    + DatasetLoader.areaFiles(of: id).map { lines[$0] ?? "\($0) absent" })
                    .joined(separator: "\n"))
        }
        let shared =
            [cache.version, folder.path, "shared", everyArea]
            + sorted.map(\.key).filter { !DatasetLoader.isAuthorityFile($0) && !DatasetLoader.isNarrativeFile($0) }.map { lines[$0] ?? "" }
        return InputDigests(
            all: SHA256.hex(all.joined(separator: "\n")), data: SHA256.hex(data.joined(separator: "\n")), narratives: narratives,
            areas: areas, files: lines, shared: SHA256.hex(shared.joined(separator: "\n")))
    }

    /// The authorities whose narratives alone changed since this build, or `nil` when anything else
    /// did (another input, or a file in the output since this build wrote it).
    func changedNarratives(now inputs: InputDigests, outputs state: [String: [Int]]) -> Set<String>? {
        guard let data, let narratives, data == inputs.data, outputs == state else { return nil }
        let names = Set(narratives.keys).union(inputs.narratives.keys).filter { narratives[$0] != inputs.narratives[$0] }
        return Set(names.map { String($0.dropLast(3)) })
    }

    /// Size, modification time and inode of every file under the output folder, and every other
    /// entry's kind, so that anything added, removed or replaced there starts a build.
    static func outputState(of folder: URL) -> [String: [Int]] { outputState(FileTree.entries(in: folder) ?? []) }

    /// The same, of entries a walk of the folder found.
    static func outputState(_ entries: [FolderEntry]) -> [String: [Int]] {
        var state: [String: [Int]] = [:]
        for entry in entries {
            state[entry.path] =
                entry.kind == .file && entry.nameIsUTF8 ? entry.stamp : [-1, entry.nameIsUTF8 ? 0 : 1, entry.isEmpty ? 1 : 0]
        }
        return state
    }

    /// The record the last build saved, or nil when there is none or it is not one this version
    /// reads: then the build makes everything, as it would with no record.
    static func load(from cache: ChartCache) -> BuildManifest? {
        guard let contents = FileManager.default.contents(atPath: location(in: cache).path),
            let node = try? JSONParser.parse([UInt8](contents)), case .object(let members) = node.value
        else { return nil }
        var fields: [String: JSONNode.Value] = [:]
        for member in members { fields[member.key] = member.value.value }
        func strings(_ key: String) -> [String: String]? {
            guard case .object(let entries) = fields[key] else { return nil }
            var result: [String: String] = [:]
            for entry in entries {
                guard case .string(let text) = entry.value.value else { return nil }
                result[entry.key] = text
            }
            return result
        }
        guard case .string(let inputs) = fields["inputs"], let written = strings("outputs") else { return nil }
        var outputs: [String: [Int]] = [:]
        outputs.reserveCapacity(written.count)
        for (path, stamp) in written {
            guard let numbers = stampNumbers(stamp) else { return nil }
            outputs[path] = numbers
        }
        var data: String?
        if case .string(let digest) = fields["data"] { data = digest }
        return BuildManifest(inputs: inputs, outputs: outputs, data: data, narratives: strings("narratives"), pages: strings("pages"))
    }

    /// "4096 1733380000123456789 77" as its numbers (a leading - allowed), or nil for anything else:
    /// read byte by byte, since a site's record holds one for each of its two thousand files.
    static func stampNumbers(_ stamp: String) -> [Int]? {
        var numbers: [Int] = []
        var current: Int?
        var negative = false
        for byte in stamp.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (shifted, over) = (current ?? 0).multipliedReportingOverflow(by: 10)
                let (next, overAgain) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                guard !over, !overAgain else { return nil }
                current = next
            case UInt8(ascii: "-") where current == nil && !negative: negative = true
            case UInt8(ascii: " "):
                guard let value = current else { return nil }
                numbers.append(negative ? -value : value)
                (current, negative) = (nil, false)
            default: return nil
            }
        }
        if let value = current {
            numbers.append(negative ? -value : value)
        } else if negative || !numbers.isEmpty {
            return nil
        }
        return numbers
    }

    /// Saves the record; if it cannot be saved, the next build simply does not stop early. A stamp
    /// is written as text ("size time inode"): a time in nanoseconds is too large for a JSON number
    /// to hold exactly.
    func save(to cache: ChartCache) {
        let location = BuildManifest.location(in: cache)
        var members: [(String, JSONNode)] = [
            ("inputs", .string(inputs)),
            ("outputs", .object(outputs.map { ($0.key, .string($0.value.map(String.init).joined(separator: " "))) })),
        ]
        if let data { members.append(("data", .string(data))) }
        if let narratives { members.append(("narratives", .object(narratives.map { ($0.key, .string($0.value)) }))) }
        if let pages { members.append(("pages", .object(pages.map { ($0.key, .string($0.value)) }))) }
        try? AtomicFile.write(Data(JSONWriter.bytes(.object(members))), to: location, display: location.path)
    }
}
