// Writes the site into a staging folder and swaps it in only when every file is written;
// compares a folder with what the data would build.

import Foundation

public enum SiteWriter {
    /// Writes `site` to `output` atomically from the reader's point of view: files go to a staging
    /// folder beside it, and the old site is replaced only once all are written. On any error the
    /// old site is left exactly as it was and the staging folder is removed.
    public static func write(_ site: SiteFiles, to output: URL, failAfter: Int? = nil) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for (index, path) in site.paths.enumerated() {
                if let failAfter, index >= failAfter {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "simulated failure after \(failAfter) files"])
                }
                let file = staging.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
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
    }

    /// How `output` differs from `site`: files missing, extra, or with different bytes. Empty when identical.
    public static func differences(between site: SiteFiles, and output: URL) -> [String] {
        let manager = FileManager.default
        var existing: [String: URL] = [:]
        if let walker = manager.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1))
                existing[relative] = url
            }
        }
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
