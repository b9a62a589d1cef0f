// Where a build's files go as they are made: memory, or a staging folder that is swapped in only
// when every file is written. Also compares a folder with what the data would build.

import Foundation

/// Takes each file of the site as soon as it is made, so a national build never holds the whole
/// site in memory. Called from several threads at once.
public protocol SiteSink: AnyObject, Sendable {
    /// Stores one file; `path` is relative to the site's root, with `/` between folders.
    func put(_ path: String, _ data: Data) throws
}

/// The site as files in memory: relative path to bytes. The same data gives the same files, byte for byte.
public final class SiteFiles: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: Data] = [:]
    /// Filled in by the builder once every file is in.
    public internal(set) var chartCount = 0
    public internal(set) var chartsDrawn = 0

    public init() {}

    public func put(_ path: String, _ data: Data) { lock.withLock { stored[path] = data } }

    public var files: [String: Data] { lock.withLock { stored } }

    public var paths: [String] { files.keys.sorted() }
}

/// A folder beside the output that a build writes into; ``commit()`` swaps it in for the output.
///
/// Files whose bytes match the output's are hard-linked from it rather than written again. Until
/// ``commit()`` the output is untouched; ``discard()`` (or any failure) removes the staging folder
/// and leaves the output exactly as it was.
public final class StagingFolder: SiteSink, @unchecked Sendable {
    public let output: URL
    let staging: URL
    private let previous: URL
    private let current: [String: FileEntry]
    private let failAfter: Int?
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var paths: Set<String> = []
    private var unchanged = 0

    /// `failAfter` makes the put after that many files fail, so tests can prove a failed build keeps the old site.
    public init(for output: URL, failAfter: Int? = nil) throws {
        self.output = output
        self.failAfter = failAfter
        let parent = output.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(pid)")
        previous = parent.appendingPathComponent(".\(output.lastPathComponent).previous-\(pid)")
        current = FileTree.files(in: output)
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    public func put(_ path: String, _ data: Data) throws {
        let file = staging.appendingPathComponent(path)
        let folder = file.deletingLastPathComponent().path
        // Folders are made under the lock, so no thread writes into one another thread has yet to make.
        try lock.withLock {
            if let failAfter, paths.count >= failAfter {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "simulated failure after \(failAfter) files"])
            }
            paths.insert(path)
            if !folders.contains(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                folders.insert(folder)
            }
        }
        if let old = current[path], old.size == data.count, FileManager.default.contents(atPath: old.path) == data,
            link(old.path, file.path) == 0
        {
            lock.withLock { unchanged += 1 }
            return
        }
        try data.write(to: file)
    }

    /// Replaces the output with the staging folder, unless every file and no more was already
    /// there unchanged: then the output is left alone.
    public func commit() throws -> SiteWriter.Outcome {
        let manager = FileManager.default
        let (written, same) = lock.withLock { (paths.count, unchanged) }
        if same == written, current.count == written {
            discard()
            return .unchanged
        }
        let hadSite = manager.fileExists(atPath: output.path)
        do {
            if hadSite { try manager.moveItem(at: output, to: previous) }
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadSite, !manager.fileExists(atPath: output.path) { try? manager.moveItem(at: previous, to: output) }
            discard()
            throw error
        }
        try? manager.removeItem(at: previous)
        return .written(changed: written - same)
    }

    /// Removes the staging folder; the output is as it was.
    public func discard() { try? FileManager.default.removeItem(at: staging) }
}

public enum SiteWriter {
    /// What writing did.
    public enum Outcome: Equatable, Sendable {
        /// The folder already held exactly these files; nothing was written.
        case unchanged
        /// The folder was replaced; `changed` files were new or different.
        case written(changed: Int)
    }

    /// Writes a site held in memory to `output` through a ``StagingFolder``: on any error the old
    /// site is left exactly as it was and the staging folder is removed.
    @discardableResult
    public static func write(_ site: SiteFiles, to output: URL, failAfter: Int? = nil) throws -> Outcome {
        let staging = try StagingFolder(for: output, failAfter: failAfter)
        do {
            for (path, data) in site.files.sorted(by: { $0.key < $1.key }) { try staging.put(path, data) }
        } catch {
            staging.discard()
            throw error
        }
        return try staging.commit()
    }

    /// How `output` differs from `site`: files missing, extra, or with different bytes. Empty when identical.
    public static func differences(between site: SiteFiles, and output: URL) -> [String] {
        let existing = FileTree.files(in: output)
        let files = site.files
        var differences: [String] = []
        for path in files.keys.sorted() {
            guard let file = existing[path] else {
                differences.append("missing: \(path)")
                continue
            }
            if FileManager.default.contents(atPath: file.path) != files[path] { differences.append("differs: \(path)") }
        }
        for path in existing.keys.sorted() where files[path] == nil { differences.append("extra: \(path)") }
        return differences
    }
}
