// PNGs kept between builds, keyed by what each chart shows: a rebuild draws only what changed.

internal import CGD
import Foundation

/// A folder of chart PNGs named by a digest of the chart's fingerprint and of everything else the
/// pixels depend on (this program, the font files, libgd). The same key always means the same bytes,
/// so output from the cache is byte-identical to a clean build.
public struct ChartCache: Sendable {
    public let folder: URL
    /// Identifies this program and its fonts: a different binary or font means a different cache.
    let version: String

    public init(folder: URL, fonts: FontFiles = .liberationSans) {
        self.folder = folder
        var parts = ["gd \(GD_MAJOR_VERSION).\(GD_MINOR_VERSION).\(GD_RELEASE_VERSION)"]
        for path in ["/proc/self/exe", fonts.regular, fonts.bold] {
            let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(url.path) \(size) \(modified)")
        }
        version = parts.joined(separator: "\n")
    }

    public func key(for chart: Chart) -> String { SHA256.hex(version + "\n" + chart.fingerprint) }

    func load(_ key: String) -> Data? { try? Data(contentsOf: folder.appendingPathComponent("\(key).png")) }

    func store(_ png: Data, as key: String) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(key).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try png.write(to: temporary)
            _ = try? FileManager.default.removeItem(at: folder.appendingPathComponent("\(key).png"))
            try FileManager.default.moveItem(at: temporary, to: folder.appendingPathComponent("\(key).png"))
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    func loadPack(_ key: String) -> Data? { try? Data(contentsOf: folder.appendingPathComponent("packs/\(key).zip")) }

    func storePack(_ zip: Data, as key: String) {
        let packs = folder.appendingPathComponent("packs", isDirectory: true)
        try? FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        try? zip.write(to: packs.appendingPathComponent("\(key).zip"), options: .atomic)
    }

    /// Removes briefing packs the latest build did not use.
    func prunePacks(keeping keys: Set<String>) {
        let packs = folder.appendingPathComponent("packs", isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: packs.path) else { return }
        for name in names where name.hasSuffix(".zip") && !keys.contains(String(name.dropLast(4))) {
            try? FileManager.default.removeItem(at: packs.appendingPathComponent(name))
        }
    }

    /// Removes entries no chart of the latest build uses, so the cache does not grow without end.
    func prune(keeping keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(".png") && !keys.contains(String(name.dropLast(4))) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
