// What the last build read and wrote, so a rebuild with nothing changed can stop at once.

internal import CDeflate
import Foundation

/// A record, kept in the chart cache's folder, of the last successful build: a digest of every
/// input file's content and of this program, and the size and modification time of every file
/// written. If the inputs have the same content and the output is as it was left, the output is
/// already what a clean build would write (the build is deterministic), so nothing is done.
struct BuildManifest: Codable, Equatable {
    var inputs: String
    var outputs: [String: [Int]]

    static func location(in cache: ChartCache) -> URL { cache.folder.appendingPathComponent("build-manifest.json") }

    /// A digest of every file in the Authorities folder (names and content) and of the program.
    static func inputDigest(of folder: URL, cache: ChartCache) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() else { return nil }
        var parts = [cache.version, folder.standardizedFileURL.path]
        for name in names {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
            let crc = data.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
            parts.append("\(name) \(data.count) \(crc)")
        }
        return SHA256.hex(parts.joined(separator: "\n"))
    }

    /// Size and modification time of every file under the output folder.
    static func outputState(of folder: URL) -> [String: [Int]] {
        FileTree.files(in: folder).mapValues { [$0.size, $0.modified] }
    }

    static func load(from cache: ChartCache) -> BuildManifest? {
        (try? Data(contentsOf: location(in: cache))).flatMap { try? JSONDecoder().decode(BuildManifest.self, from: $0) }
    }

    func save(to cache: ChartCache) {
        try? FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(self) { try? data.write(to: BuildManifest.location(in: cache), options: .atomic) }
    }
}
