// A new folder made beside the one it replaces, then swapped in whole: no moment without the old or the new.

internal import CFileSystem
import Foundation

/// Takes each file of a folder the tool writes as soon as it is made, so a national build never
/// holds the whole site in memory. Called from several threads at once.
protocol SiteSink: AnyObject, Sendable {
    /// Stores one file; `path` is relative to the folder's root, with `/` between folders.
    func put(_ path: String, _ data: Data) throws

    /// Keeps the file the last build wrote at `path`, if it is still as that build recorded it, and
    /// returns its size; `nil` (having stored nothing) when it cannot be kept.
    func reuse(_ path: String) -> Int?
}

extension SiteSink {
    /// A sink that holds no earlier build keeps nothing.
    func reuse(_ path: String) -> Int? { nil }
}

/// A folder beside the output that a command writes into; ``commit()`` swaps it in for the output.
///
/// The staging folder is named `.<output>.staging-<random>` (never by process id), carries a mark
/// and holds a lock while the command runs, and is removed if the command fails or is interrupted;
/// the next run of any command that writes the same output removes what a killed run left. Files
/// whose bytes match the output's are hard-linked from it rather than written again. Until
/// ``commit()`` the output is untouched. ``commit()`` writes the folder's manifest, then swaps the
/// two folders in one step where the file system can (Linux `renameat2`), and removes from the old
/// folder only the files its manifest listed.
package final class StagingFolder: SiteSink, Sendable {
    let target: OwnedFolder
    let staging: URL
    /// The staging folder's path, to which each file's relative path is added.
    private let stagingPath: String
    private let failAfter: Int?
    private let previous: [String: FileEntry]
    private let previousDigests: [String: String]
    /// The size, modification time and inode the last build recorded for each file of the output,
    /// for the files that still have them: see ``put(_:_:)``.
    private let recorded: [String: [Int]]
    private let lockDescriptor: Int32
    private let registration: Interruption.Registration
    /// What has been put so far, shared by the threads that put files.
    private struct State: Sendable {
        var folders: Set<String> = []
        var digests: [String: String] = [:]
        var unchanged = 0
        var finished = false
    }
    private let state = Locked(State())

    /// The mark of a staging folder while it is being written.
    static let markName = ".dashboard-staging"

    /// `failAfter` makes the put after that many files fail, so tests can prove a failed build keeps the old folder.
    /// `recorded`: the stamps (size, modification time, inode) the last build recorded for the output's
    /// files, given only when the output's manifest still has the stamp recorded for it.
    package init(for target: OwnedFolder, failAfter: Int? = nil, recorded: [String: [Int]] = [:]) throws(FileFailure) {
        self.target = target
        self.failAfter = failAfter
        self.recorded = recorded
        let output = target.url
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw FileFailure("create the folder", parent.path, error: error)
        }
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(TemporaryName.random())", isDirectory: true)
        stagingPath = staging.path
        registration = Interruption.removeOnInterrupt(staging.path)
        guard mkdir(staging.path, 0o755) == 0 else {
            let code = errno
            registration.end()
            throw FileFailure("create the staging folder", staging.path, errno: code)
        }
        lockDescriptor = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lockDescriptor >= 0 { _ = flock(lockDescriptor, LOCK_EX | LOCK_NB) }
        // The mark goes in first, before the output is read (which takes a while for a large site),
        // so that a run killed at any later moment leaves a folder the next run knows as its own.
        var markFailure: Error?
        do {
            try Data("A folder `dashboard` is writing; the next run removes it if it is left behind.\n".utf8)
                .write(to: staging.appendingPathComponent(StagingFolder.markName))
        } catch {
            markFailure = error
        }
        let isOurs = target.state == .marked || target.state == .earlierVersion
        previous = isOurs ? FileTree.files(target.found ?? FileTree.entries(in: output) ?? [], in: output) : [:]
        previousDigests = target.listed
        if let markFailure {
            discard()
            throw FileFailure("write into the staging folder", staging.path, error: markFailure)
        }
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// Stores a file, hard-linking the output's file instead when it holds the same bytes. A file the
    /// last build wrote and recorded, still with that build's stamp, is known by the manifest's
    /// SHA-256 without being read; any other is read and compared byte for byte.
    package func put(_ path: String, _ data: Data) throws(FileFailure) {
        let (filePath, folder) = location(of: path)
        try claim(path, folder: folder)
        var digest: String?
        if let old = previous[path], old.size == data.count {
            let stamp = recorded[path]
            let listed = stamp == nil ? nil : previousDigests[path]
            if listed != nil { digest = SHA256.hex(data) }
            let same = listed.map { $0 == digest } ?? (FileManager.default.contents(atPath: old.path) == data)
            if same, link(old.path, filePath) == 0 {
                // A hard link shares the inode: with the recorded stamp, it is the file that build wrote.
                if stamp == nil || FileTree.stamp(of: filePath) == stamp {
                    let kept = previousDigests[path] ?? digest ?? SHA256.hex(data)
                    state.withLock {
                        $0.unchanged += 1
                        $0.digests[path] = kept
                    }
                    return
                }
                unlink(filePath)
            }
        }
        do {
            try data.write(to: URL(fileURLWithPath: filePath, isDirectory: false))
        } catch {
            throw FileFailure("write", "\(target.place.display)/\(path)", error: error)
        }
        let written = digest ?? SHA256.hex(data)
        state.withLock { $0.digests[path] = written }
    }

    /// The files the output held when the staging folder was made, by path: what ``keep(_:stamp:)`` may keep.
    var previousPaths: Set<String> { Set(previousDigests.keys) }

    /// The bytes of a file the output holds, for a rebuild that keeps it.
    func previousContents(_ path: String) -> Data? { previous[path].flatMap { FileManager.default.contents(atPath: $0.path) } }

    /// The output changed while a rebuild was keeping its files: the rebuild starts again as a full build.
    struct OutputChanged: Error {
        let path: String
    }

    /// Keeps a file of the output as it is, without reading it: hard-linked into the staging folder.
    /// Only for a rebuild that has proved the output unchanged since the build that wrote it, so the
    /// manifest's SHA-256 of the file is still true; `stamp` is the size, modification time and inode
    /// that build recorded. The link is checked against it, so a file replaced or edited since (even
    /// during this build) is never kept: then, or if the link cannot be made, ``OutputChanged`` is thrown.
    func keep(_ path: String, stamp: [Int]) throws {
        guard try linkPrevious(path, stamp: stamp) else { throw OutputChanged(path: path) }
    }

    /// Keeps a file of the output that still has the size, modification time and inode the last
    /// build recorded for it (so the manifest's SHA-256 of it is true), hard-linked without being
    /// read. If it has no record, or the link does not prove to be that file (it was replaced or
    /// edited, even during this build), nothing is left at `path` and `nil` is returned, so that
    /// the caller makes the file instead.
    package func reuse(_ path: String) -> Int? {
        guard let stamp = recorded[path], let size = stamp.first, (try? linkPrevious(path, stamp: stamp)) == true else { return nil }
        return size
    }

    /// Hard-links the output's file at `path` into the staging folder and records it with the
    /// manifest's SHA-256, if the link proves to be that file: a hard link shares the inode, so with
    /// the stamp (size, modification time and inode) the last build recorded, it is that build's
    /// file. Otherwise nothing is left at `path` and false is returned.
    private func linkPrevious(_ path: String, stamp: [Int]) throws(FileFailure) -> Bool {
        guard !stamp.isEmpty, let old = previous[path], let digest = previousDigests[path] else { return false }
        let (file, folder) = location(of: path)
        try claim(path, folder: folder)
        guard link(old.path, file) == 0 else { return false }
        guard FileTree.stamp(of: file) == stamp else {
            unlink(file)
            return false
        }
        state.withLock {
            $0.unchanged += 1
            $0.digests[path] = digest
        }
        return true
    }

    /// Where a file of the output goes in the staging folder, and the folder that holds it, as paths:
    /// `path` is one of the site's own (``Route``), relative, with `/` between parts. Worked out on
    /// strings, since Foundation's URLs cost more than the link that keeps a file.
    private func location(of path: String) -> (file: String, folder: String) {
        let file = stagingPath + "/" + path
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (file, stagingPath) }
        return (file, stagingPath + "/" + String(path[..<slash]))
    }

    /// Records `path` and makes its folder. Folders are made under the lock, so no thread writes into
    /// one another thread has yet to make, and none is made once an interruption has removed the
    /// staging folder.
    private func claim(_ path: String, folder: String) throws(FileFailure) {
        try state.withLock { (state: inout State) throws(FileFailure) in
            if let failAfter, state.digests.count >= failAfter {
                throw FileFailure("write", "\(target.place.display)/\(path)", reason: "simulated failure after \(failAfter) files")
            }
            state.digests[path] = ""
            guard !state.folders.contains(folder) else { return }
            try Interruption.critical { () throws(FileFailure) in
                if Interruption.interrupted { throw FileFailure("write", target.place.display, reason: "the command was interrupted") }
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw FileFailure("create the folder", "\(target.place.display)/\(path)", error: error)
                }
            }
            state.folders.insert(folder)
        }
    }

    /// What a commit did to the output.
    package enum Outcome: Equatable, Sendable {
        /// The folder already held exactly these files; nothing was written.
        case unchanged
        /// The folder was replaced; `changed` files were new or different.
        case written(changed: Int)
    }

    /// The manifest this folder will carry: every file put, with its SHA-256.
    var manifest: Data { Data(FolderManifest.json(for: target.kind, files: state.value.digests).utf8) }

    /// Replaces the output with the staging folder, unless every file and no more was already
    /// there unchanged: then the output is left alone. `meanwhile`, if given, runs once the output
    /// is in place (or found unchanged), on another core while the old folder's files are removed:
    /// the build records the new output there.
    package func commit(meanwhile: (@Sendable () -> Void)? = nil) throws(FileFailure) -> Outcome {
        let output = target.url
        let (written, same) = state.withLock { ($0.digests.count, $0.unchanged) }
        let manifest = self.manifest
        let oldManifest = FileManager.default.contents(atPath: output.appendingPathComponent(target.kind.markName).path)
        if same == written, previous.count == written + 1, oldManifest == manifest {
            discard()
            meanwhile?()
            return .unchanged
        }
        do {
            try manifest.write(to: staging.appendingPathComponent(target.kind.markName))
            try FileManager.default.removeItem(at: staging.appendingPathComponent(StagingFolder.markName))
        } catch {
            discard()
            throw FileFailure("write into the staging folder", staging.path, error: error)
        }
        // Re-checked at the last moment: a file someone put in the output during the build stays theirs.
        if target.state == .marked || target.state == .empty,
            let foreign = FolderMarks.unlisted(in: output.path, kind: target.kind, listed: target.listed).first
        {
            discard()
            throw FileFailure(
                "replace \(target.place.display)", "",
                reason: "\(foreign) appeared in it during the build, and this tool did not write it; move it away and run the command again"
            )
        }
        // The interruption cleanup is dropped inside the same step as the swap: from then on the
        // staging path holds the old output, which only ``Leftovers/prune(_:kind:earlierVersion:)`` may touch.
        try Interruption.critical { () throws(FileFailure) in
            try swapIn()
            state.withLock { $0.finished = true }
            registration.end()
        }
        let (swappedOut, kind, earlierVersion) = (staging.path, target.kind, target.state == .earlierVersion)
        let (old, _) = concurrently(
            { Leftovers.prune(swappedOut, kind: kind, earlierVersion: earlierVersion) }, { meanwhile?() })
        if !old.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "warning: \(staging.path) keeps \(old.prefix(3).joined(separator: ", ")), which the old folder held but this tool did not write; look at it, then remove the folder\n"
                        .utf8))
        }
        return .written(changed: written - same + (oldManifest == manifest ? 0 : 1))
    }

    /// Puts the staging folder where the output is, in one step if the file system allows it.
    private func swapIn() throws(FileFailure) {
        let output = target.url
        if target.state == .absent {
            if dashboard_rename_no_replace(staging.path, output.path) == 0 { return }
            let code = errno
            discard()
            throw FileFailure("create", target.place.display, errno: code)
        }
        if dashboard_exchange(staging.path, output.path) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
            let code = errno
            discard()
            throw FileFailure("replace", target.place.display, errno: code)
        }
        // No swap on this file system: two renames, with the old folder named so that the next run
        // puts it back if this one is killed between them.
        let aside = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).previous-\(TemporaryName.random())")
        guard rename(output.path, aside.path) == 0 else {
            let code = errno
            discard()
            throw FileFailure("replace", target.place.display, errno: code)
        }
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            _ = rename(aside.path, output.path)
            discard()
            throw FileFailure("replace", target.place.display, errno: code)
        }
        _ = rename(aside.path, staging.path)
    }

    /// Removes the staging folder; the output is as it was.
    package func discard() {
        let alreadyFinished = state.withLock { state in
            let was = state.finished
            state.finished = true
            return was
        }
        guard !alreadyFinished else { return }
        try? FileManager.default.removeItem(at: staging)
        registration.end()
    }
}

/// What killed or interrupted runs left beside an output, and removing the old folder after a swap.
enum Leftovers {
    /// Removes `.<output>.staging-*` and `.<output>.previous-*` folders beside `target` that carry a
    /// mark and that no running command holds; puts a `.previous-*` folder back if a run was killed
    /// while the output was moved aside.
    static func clean(beside place: ResolvedPath, kind: FolderKind) {
        let output = place.url
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings.sorted() where sibling.hasPrefix(".\(name).staging-") || sibling.hasPrefix(".\(name).previous-") {
            let path = parent.appendingPathComponent(sibling).path
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
            let marked =
                FileManager.default.fileExists(atPath: path + "/" + StagingFolder.markName)
                || FolderMarks.carries(path, kind: kind) || FolderMarks.earlierVersion(path, kind: kind)
            guard marked else { continue }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            // A running command holds its staging folder's lock; only abandoned ones are removed.
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            if sibling.hasPrefix(".\(name).previous-"), !FileManager.default.fileExists(atPath: output.path),
                FolderMarks.carries(path, kind: kind)
            {
                _ = rename(path, output.path)
                continue
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Removes from `folder` (an old output, swapped out) the files its manifest lists, then the
    /// folders left empty, then `folder` itself if nothing else is in it. Returns what was kept.
    static func prune(_ folder: String, kind: FolderKind, earlierVersion: Bool) -> [String] {
        let listed: Set<String>
        if let files = FolderManifest.files(inFolder: folder, kind: kind) {
            listed = Set(files.keys).union([kind.markName])
        } else if earlierVersion, FolderMarks.earlierVersion(folder, kind: kind) {
            listed = Set((FileTree.entries(in: URL(fileURLWithPath: folder)) ?? []).filter { $0.kind == .file }.map(\.path))
        } else {
            listed = []
        }
        let entries = FileTree.entries(in: URL(fileURLWithPath: folder)) ?? []
        // The mark goes last, so a prune cut short leaves a folder the next run still knows as its own.
        for entry in entries where entry.kind == .file && entry.nameIsUTF8 && listed.contains(entry.path) && entry.path != kind.markName {
            unlink(folder + "/" + entry.path)
        }
        unlink(folder + "/" + kind.markName)
        for entry in entries.reversed() where entry.kind == .folder && entry.nameIsUTF8 { rmdir(folder + "/" + entry.path) }
        if rmdir(folder) == 0 { return [] }
        return (FileTree.entries(in: URL(fileURLWithPath: folder)) ?? []).map(\.path)
    }
}
