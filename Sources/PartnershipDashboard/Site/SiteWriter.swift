// A site held in memory, writing it through a staging folder, and comparing a folder with it.

import Foundation

/// The site as files in memory: relative path to bytes. The same data gives the same files, byte for byte.
final class SiteFiles: SiteSink, Sendable {
    private let stored = Locked<[String: Data]>([:])
    private let counts = Locked((charts: 0, drawn: 0))
    /// Filled in by the builder once every file is in.
    var chartCount: Int {
        get { counts.value.charts }
        set { counts.withLock { $0.charts = newValue } }
    }
    var chartsDrawn: Int {
        get { counts.value.drawn }
        set { counts.withLock { $0.drawn = newValue } }
    }

    init() {}

    func put(_ path: String, _ data: Data) { stored.withLock { $0[path] = data } }

    var files: [String: Data] { stored.value }

    var paths: [String] { files.keys.sorted() }

    /// The files with the site's manifest, as a build writes them.
    var filesWithManifest: [String: Data] {
        var all = files
        all[FolderKind.site.markName] = Data(FolderManifest.json(for: .site, files: all.mapValues { SHA256.hex($0) }).utf8)
        return all
    }
}

enum SiteWriter {
    /// Writes a site held in memory to `output` through a ``StagingFolder``: on any error the old
    /// site is left exactly as it was and the staging folder is removed.
    @discardableResult
    static func write(_ site: SiteFiles, to output: URL, failAfter: Int? = nil) throws -> StagingFolder.Outcome {
        let place = ResolvedPath(output, display: output.lastPathComponent)
        let target = try OwnedFolder.claim(place, kind: .site, protected: ProtectedPaths(authorities: nil))
        let staging = try StagingFolder(for: target, failAfter: failAfter)
        do {
            for (path, data) in site.files.sorted(by: { $0.key < $1.key }) { try staging.put(path, data) }
        } catch {
            staging.discard()
            throw error
        }
        return try staging.commit()
    }

    /// How `output` differs from `site`: files missing, extra, or with different bytes, and any
    /// other entry (a link, a pipe, an empty folder, a name that is not UTF-8). Empty when identical.
    static func differences(between site: SiteFiles, and output: URL) -> [String] {
        let files = site.filesWithManifest
        let entries = FileTree.entries(in: output) ?? []
        let existing = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var folders: Set<String> = []
        for path in files.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var differences: [String] = []
        for path in files.keys.sorted() {
            guard let entry = existing[path], entry.kind == .file, entry.nameIsUTF8 else {
                differences.append("missing: \(path)")
                continue
            }
            if FileManager.default.contents(atPath: output.appendingPathComponent(path).path) != files[path] {
                differences.append("differs: \(path)")
            }
        }
        for entry in entries {
            if !entry.nameIsUTF8 {
                differences.append("extra: \(entry.path) (a name that is not UTF-8)")
            } else if entry.kind == .folder {
                if !folders.contains(entry.path) {
                    differences.append("extra: \(entry.path)/ (\(entry.isEmpty ? "an empty folder" : "a folder"))")
                }
            } else if files[entry.path] == nil {
                differences.append("extra: \(entry.path)\(entry.kind == .file ? "" : " (\(entry.kind.words))")")
            } else if entry.kind != .file {
                differences.append("differs: \(entry.path) (\(entry.kind.words), not a file)")
            }
        }
        return differences
    }
}
