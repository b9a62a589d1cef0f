// Charts, briefing packs and areas' downloads kept between builds, each keyed by what it is made
// from: a rebuild makes again only what changed.

internal import CGD
import Foundation

/// A folder of chart PNGs named by a digest of the chart's fingerprint and of everything else the
/// pixels depend on (this program, the font files, libgd), with briefing packs and areas' own
/// downloads on shelves of their own, keyed the same way. The same key always means the same
/// bytes, so output from the cache is byte-identical to a clean build.
package struct ChartCache: Sendable {
    let folder: URL
    /// Identifies this program and its fonts: a different binary or font means a different cache.
    let version: String

    init(folder: URL, fonts: FontFiles = .liberationSans) {
        self.folder = folder
        var parts = ["gd \(GD_MAJOR_VERSION).\(GD_MINOR_VERSION).\(GD_RELEASE_VERSION)"]
        for path in ["/proc/self/exe", fonts.regular, fonts.bold] + ChartCache.librariesLoaded() {
            let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(url.path) \(size) \(modified)")
        }
        version = parts.joined(separator: "\n")
    }

    /// The shared libraries whose code decides the bytes written (drawing, glyphs, compression, Markdown),
    /// as loaded into this process: upgrading any of them starts a new cache.
    static func librariesLoaded() -> [String] {
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return [] }
        let wanted = ["/libgd.so", "/libfreetype.so", "/libdeflate.so", "/libz.so", "/libpng16.so", "/libcmark-gfm"]
        let paths = maps.split(separator: "\n").compactMap { line -> String? in
            guard let slash = line.firstIndex(of: "/") else { return nil }
            let path = String(line[slash...])
            return wanted.contains { path.contains($0) } ? path : nil
        }
        return Set(paths).sorted()
    }

    /// The key of a chart's PNG: its fingerprint and the credit line drawn at its foot.
    func key(for chart: Chart, credit: String) -> String {
        SHA256.hex(version + "\n" + chart.fingerprint + "\n" + credit)
    }

    /// The cache's folders: charts at the top, and briefing packs and areas' own downloads each in their own.
    enum Shelf: String, CaseIterable, Sendable {
        case charts = ""
        case packs
        case areas
    }

    /// Creates the folder with its tag if it is new; call after ``OwnedFolder/claim(_:kind:protected:)``
    /// has accepted it.
    func prepare() throws(FileFailure) {
        do {
            for shelf in Shelf.allCases where shelf != .charts {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent(shelf.rawValue), withIntermediateDirectories: true)
            }
        } catch {
            throw FileFailure("create the cache folder", folder.path, error: error)
        }
        let tag = folder.appendingPathComponent(FolderKind.cache.markName)
        if FileManager.default.contents(atPath: tag.path) != Data(FolderKind.cacheTag.utf8) {
            try AtomicFile.write(Data(FolderKind.cacheTag.utf8), to: tag, display: tag.path)
        }
    }

    /// What the cache held under a key.
    enum Lookup: Sendable {
        case found(Data)
        case missing
        /// There was an entry, but its bytes do not match the SHA-256 stored with them: it is made again.
        case damaged
    }

    private func entry(_ key: String, on shelf: Shelf) -> URL {
        folder.appendingPathComponent(shelf == .charts ? "\(key).entry" : "\(shelf.rawValue)/\(key).entry")
    }

    /// What is stored under `key` (a chart's PNG, unless another shelf is named), checked against
    /// the SHA-256 stored with it.
    func load(_ key: String, from shelf: Shelf = .charts) -> Lookup { CacheEntry.read(entry(key, on: shelf)) }

    func store(_ data: Data, as key: String, on shelf: Shelf = .charts) { CacheEntry.write(data, to: entry(key, on: shelf)) }

    /// Removes the entries on a shelf that the latest build did not use, so the cache does not grow without end.
    func prune(_ shelf: Shelf = .charts, keeping keys: Set<String>) {
        prune(folder.appendingPathComponent(shelf.rawValue, isDirectory: true), keeping: keys)
    }

    /// Removes, from one folder of the cache, the entries and leftover temporary files it wrote
    /// itself (recognised by name) that are not kept; nothing else is touched.
    private func prune(_ folder: URL, keeping keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            let stale: Bool
            if let key = CacheNames.key(ofEntry: name) {
                stale = !keys.contains(key)
            } else {
                stale = name != "build-manifest.json" && (CacheNames.isEarlierEntry(name) || TemporaryName.isTemporary(name))
            }
            if stale { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }
}

/// One cached chart, pack or area's downloads: a header line with the SHA-256 of the bytes that follow it.
enum CacheEntry {
    private static let prefix = Data("dashboard-cache 1 ".utf8)

    static func read(_ url: URL) -> ChartCache.Lookup {
        guard let data = try? Data(contentsOf: url) else { return .missing }
        let headerLength = prefix.count + 65
        guard data.count > headerLength, data.starts(with: prefix), data[data.startIndex + headerLength - 1] == 0x0A else {
            return .damaged
        }
        let stored = String(decoding: data[(data.startIndex + prefix.count)..<(data.startIndex + headerLength - 1)], as: UTF8.self)
        let payload = data.subdata(in: (data.startIndex + headerLength)..<data.endIndex)
        return SHA256.hex(payload) == stored ? .found(payload) : .damaged
    }

    /// Stores an entry whole or not at all; a cache that cannot be written only costs a redraw next time.
    static func write(_ payload: Data, to url: URL) {
        var data = prefix
        data.append(Data((SHA256.hex(payload) + "\n").utf8))
        data.append(payload)
        try? AtomicFile.write(data, to: url, display: url.path)
    }
}
