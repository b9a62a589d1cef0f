// What the last build read and wrote, so a rebuild with nothing changed can stop at once.

import Foundation

/// A record, kept in the chart cache's folder, of the last successful build: a SHA-256 of every
/// input file's content as it was read for that build, and of this program, and the size,
/// modification time and inode of every file written. If the inputs have the same content and the output is as it was left, the output is
/// already what a clean build would write (the build is deterministic), so nothing is done.
struct BuildManifest: Codable, Equatable {
    var inputs: String
    var outputs: [String: [Int]]

    static func location(in cache: ChartCache) -> URL { cache.folder.appendingPathComponent("build-manifest.json") }

    /// A digest of the files read from the Authorities folder (names and the very bytes loaded), of
    /// where that folder is, and of the program.
    static func inputDigest(of files: [String: FileContents], folder: ResolvedPath, cache: ChartCache) -> String {
        var parts = [cache.version, folder.path]
        for (name, contents) in files.sorted(by: { $0.key < $1.key }) {
            switch contents {
            case .bytes(let bytes): parts.append("\(name) \(SHA256.hex(bytes))")
            case .tooLarge(let size): parts.append("\(name) too large \(size)")
            case .unreadable(let reason): parts.append("\(name) unreadable \(reason)")
            }
        }
        return SHA256.hex(parts.joined(separator: "\n"))
    }

    /// Size, modification time and inode of every file under the output folder, and every other
    /// entry's kind, so that anything added, removed or replaced there starts a build.
    static func outputState(of folder: URL) -> [String: [Int]] {
        var state: [String: [Int]] = [:]
        for entry in FileTree.entries(in: folder) ?? [] {
            state[entry.path] =
                entry.kind == .file && entry.nameIsUTF8 ? entry.stamp : [-1, entry.nameIsUTF8 ? 0 : 1, entry.isEmpty ? 1 : 0]
        }
        return state
    }

    static func load(from cache: ChartCache) -> BuildManifest? {
        (try? Data(contentsOf: location(in: cache))).flatMap { try? JSONDecoder().decode(BuildManifest.self, from: $0) }
    }

    /// Saves the record; if it cannot be saved, the next build simply does not stop early.
    func save(to cache: ChartCache) {
        let location = BuildManifest.location(in: cache)
        if let data = try? JSONEncoder().encode(self) { try? AtomicFile.write(data, to: location, display: location.path) }
    }
}
