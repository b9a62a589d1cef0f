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
        for path in ["/proc/self/exe", fonts.regular, fonts.bold] + ChartCache.librariesLoaded() {
            let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(url.path) \(size) \(modified)")
        }
        version = parts.joined(separator: "\n")
    }

    /// The shared libraries whose code decides the bytes written (drawing, glyphs, compression),
    /// as loaded into this process: upgrading any of them starts a new cache.
    static func librariesLoaded() -> [String] {
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return [] }
        let wanted = ["/libgd.so", "/libfreetype.so", "/libdeflate.so", "/libz.so", "/libpng16.so"]
        let paths = maps.split(separator: "\n").compactMap { line -> String? in
            guard let slash = line.firstIndex(of: "/") else { return nil }
            let path = String(line[slash...])
            return wanted.contains { path.contains($0) } ? path : nil
        }
        return Set(paths).sorted()
    }

    public func key(for chart: Chart) -> String { SHA256.hex(version + "\n" + chart.fingerprint) }

    /// The PNG stored under `key`, if there is one and it is whole: it starts with PNG's signature
    /// and ends with its IEND chunk. Anything else is drawn again.
    func load(_ key: String) -> Data? {
        guard let png = try? Data(contentsOf: folder.appendingPathComponent("\(key).png")),
            png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            png.suffix(12).elementsEqual([0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        else { return nil }
        return png
    }

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

    /// The briefing pack stored under `key`, if its ZIP ends with the end-of-directory record (the
    /// packs carry no ZIP comment, so that record is the last 22 bytes).
    func loadPack(_ key: String) -> Data? {
        guard let zip = try? Data(contentsOf: folder.appendingPathComponent("packs/\(key).zip")), zip.count >= 22,
            zip.suffix(22).starts(with: [0x50, 0x4B, 0x05, 0x06])
        else { return nil }
        return zip
    }

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
