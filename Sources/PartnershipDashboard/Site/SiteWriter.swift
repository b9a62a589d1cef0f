// Writes the site into a staging folder and swaps it in only when every file is written;
// compares a folder with what the data would build.

import Foundation

public enum SiteWriter {
    /// What writing did.
    public enum Outcome: Equatable, Sendable {
        /// The folder already held exactly these files; nothing was written.
        case unchanged
        /// The folder was replaced; `changed` files were new or different.
        case written(changed: Int)
    }

    /// Writes `site` to `output` atomically from the reader's point of view: files go to a staging
    /// folder beside it, and the old site is replaced only once all are written. Files that have
    /// not changed are hard-linked from the old site rather than written again. On any error the
    /// old site is left exactly as it was and the staging folder is removed.
    @discardableResult
    public static func write(_ site: SiteFiles, to output: URL, failAfter: Int? = nil) throws -> Outcome {
        let manager = FileManager.default
        let current = existingFiles(in: output)
        let unchanged = Set(
            site.paths.filter { path in
                guard let url = current[path], let data = site.files[path] else { return false }
                return (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) == data.count && (try? Data(contentsOf: url)) == data
            })
        if failAfter == nil, unchanged.count == site.files.count, current.count == site.files.count { return .unchanged }

        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for (index, path) in site.paths.enumerated() {
                if let failAfter, index >= failAfter {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "simulated failure after \(failAfter) files"])
                }
                let file = staging.appendingPathComponent(path)
                let folder = file.deletingLastPathComponent().path
                if !folders.contains(folder) {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    folders.insert(folder)
                }
                if unchanged.contains(path), let source = current[path], link(source.path, file.path) == 0 { continue }
                try site.files[path]!.write(to: file)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        let hadSite = manager.fileExists(atPath: output.path)
        do {
            if hadSite { try manager.moveItem(at: output, to: previous) }
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadSite, !manager.fileExists(atPath: output.path) { try? manager.moveItem(at: previous, to: output) }
            try? manager.removeItem(at: staging)
            throw error
        }
        try? manager.removeItem(at: previous)
        return .written(changed: site.files.count - unchanged.count)
    }

    /// Every regular file under a folder, by path relative to it.
    static func existingFiles(in output: URL) -> [String: URL] {
        var existing: [String: URL] = [:]
        let base = output.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                existing[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = url
            }
        }
        return existing
    }

    /// How `output` differs from `site`: files missing, extra, or with different bytes. Empty when identical.
    public static func differences(between site: SiteFiles, and output: URL) -> [String] {
        let existing = existingFiles(in: output)
        var differences: [String] = []
        for path in site.paths {
            guard let url = existing[path] else {
                differences.append("missing: \(path)")
                continue
            }
            if (try? Data(contentsOf: url)) != site.files[path] { differences.append("differs: \(path)") }
        }
        for path in existing.keys.sorted() where site.files[path] == nil { differences.append("extra: \(path)") }
        return differences
    }
}
