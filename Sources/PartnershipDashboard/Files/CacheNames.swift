// The names of the chart cache's files: what the cache may prune, and what an owned cache folder may hold.

/// The names the cache gives its files, so that pruning touches nothing else.
enum CacheNames {
    /// The key of an entry named `<64 hex digits>.entry`.
    static func key(ofEntry name: String) -> String? {
        guard name.hasSuffix(".entry") else { return nil }
        let key = String(name.dropLast(6))
        return isKey(key) ? key : nil
    }

    static func isKey(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// A file an earlier version kept in the cache: `<key>.png`, `packs/<key>.zip`, `.<key>.<pid>.tmp`,
    /// `build-manifest.json`. Given a name, or a path relative to the cache.
    static func isEarlierEntry(_ path: String) -> Bool {
        let name = path.hasPrefix("packs/") ? String(path.dropFirst(6)) : path
        if path == "build-manifest.json" { return true }
        if name.hasSuffix(".png") || name.hasSuffix(".zip") { return isKey(String(name.dropLast(4))) }
        let parts = name.split(separator: ".")
        return name.hasPrefix(".") && parts.count == 3 && isKey(String(parts[0])) && parts[2] == "tmp"
    }
}
