// Folders the tool made and so may replace: each carries a mark, and anything else is refused.

import Foundation

/// The kinds of folder the tool writes, each with the mark that proves the tool made it.
package enum FolderKind: Sendable {
    /// The website (`dashboard build`): marked by its build manifest, which lists every file written.
    case site
    /// The chart cache: marked by a standard `CACHEDIR.TAG`, so backup tools skip it too.
    case cache
    /// A synthetic data set (`dashboard synthetic`).
    case synthetic
    /// Charts drawn to look at (`dashboard charts`).
    case charts

    /// The mark's file name inside the folder.
    var markName: String {
        switch self {
        case .site: return ".dashboard-site.json"
        case .cache: return "CACHEDIR.TAG"
        case .synthetic: return ".dashboard-synthetic.json"
        case .charts: return ".dashboard-charts.json"
        }
    }

    /// The cache's tag: the standard signature, then what the folder is.
    static let cacheTag = """
        Signature: 8a477f597d28d172789f06886806bc55
        # This file is a cache directory tag created by `dashboard build` (Partnership Dashboard).
        # Everything in this folder can be deleted; the next build draws it again.

        """

    /// What the folder is called in messages.
    var role: String {
        switch self {
        case .site: return "the site"
        case .cache: return "the chart cache"
        case .synthetic: return "synthetic data"
        case .charts: return "the charts"
        }
    }

    /// The option that names the folder.
    var option: String { self == .cache ? "--cache" : "--output" }
}

/// A folder the tool may replace or prune: absent, empty, or carrying its kind's mark.
package struct OwnedFolder: Sendable {
    let place: ResolvedPath
    let kind: FolderKind
    /// What was found there.
    let state: State
    /// For a marked folder, the files its manifest lists, with their SHA-256.
    var listed: [String: String] = [:]
    /// For a marked folder, everything found in it when it was claimed: the build's record of the
    /// output and the staging folder's list of files to keep are taken from this one walk.
    var found: [FolderEntry]? = nil

    enum State: Equatable, Sendable {
        case absent, empty, marked
        /// Made by a version of the tool from before marks: recognised by its shape, and marked on the next write.
        case earlierVersion
    }

    var url: URL { place.url }

    /// Checks `place` before any work: refuses protected folders, files, and folders holding
    /// anything the tool did not write, with a message naming the folder and what to do instead.
    package static func claim(_ place: ResolvedPath, kind: FolderKind, protected: ProtectedPaths) throws(FileFailure) -> OwnedFolder {
        let action = "use \(place.display.isEmpty ? "\"\"" : place.display) for \(kind.role)"
        if let reason = protected.refusal(of: place) { throw FileFailure(action, "", reason: reason) }
        if kind != .cache { Leftovers.clean(beside: place, kind: kind) }
        guard place.kind == .folder else { return OwnedFolder(place: place, kind: kind, state: .absent) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: place.path)
        } catch {
            throw FileFailure("read the folder", place.display, error: error)
        }
        if entries.isEmpty { return OwnedFolder(place: place, kind: kind, state: .empty) }
        if kind == .cache, FolderMarks.carries(place.path, kind: kind) { return OwnedFolder(place: place, kind: kind, state: .marked) }
        if let listed = FolderManifest.files(inFolder: place.path, kind: kind) {
            let found = FileTree.entries(in: place.url) ?? []
            if let foreign = FolderMarks.unlisted(found, kind: kind, listed: listed).first {
                throw FileFailure(
                    action, "",
                    reason:
                        "it holds \(foreign), which this tool did not write (\(kind.markName) does not list it); move it away, or choose a new or empty folder with \(kind.option)"
                )
            }
            return OwnedFolder(place: place, kind: kind, state: .marked, listed: listed, found: found)
        }
        if FolderMarks.earlierVersion(place.path, kind: kind) { return OwnedFolder(place: place, kind: kind, state: .earlierVersion) }
        let shown = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
        throw FileFailure(
            action, "",
            reason:
                "it holds files this tool did not write (\(shown)), and it replaces only folders it made; choose a new or empty folder with \(kind.option), or move those files away"
        )
    }
}

/// Reading and recognising marks.
enum FolderMarks {
    /// Whether `folder` carries `kind`'s mark.
    static func carries(_ folder: String, kind: FolderKind) -> Bool {
        if kind == .cache {
            guard let data = FileManager.default.contents(atPath: folder + "/" + kind.markName) else { return false }
            // The standard signature, and our own line: another tool's cache is not ours to prune.
            return data.starts(with: Data("Signature: 8a477f597d28d172789f06886806bc55".utf8)) && data.count < 4096
                && String(decoding: data, as: UTF8.self).contains("created by `dashboard build`")
        }
        return FolderManifest.files(inFolder: folder, kind: kind) != nil
    }

    /// Entries of a marked folder that its manifest does not list, described for a message:
    /// "notes.txt (a file)". Folders count as listed when they hold a listed file.
    static func unlisted(in folder: String, kind: FolderKind, listed: [String: String]) -> [String] {
        unlisted(FileTree.entries(in: URL(fileURLWithPath: folder)) ?? [], kind: kind, listed: listed)
    }

    /// The same, of entries a walk of the folder found.
    static func unlisted(_ entries: [FolderEntry], kind: FolderKind, listed: [String: String]) -> [String] {
        var folders: Set<String> = []
        for path in listed.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        return entries.compactMap { entry in
            switch entry.kind {
            case .file where entry.nameIsUTF8 && (listed[entry.path] != nil || entry.path == kind.markName): return nil
            case .folder where entry.nameIsUTF8 && folders.contains(entry.path): return nil
            default: return "\(entry.path) (\(entry.nameIsUTF8 ? entry.kind.words : "a name that is not UTF-8"))"
            }
        }
    }

    /// A site or cache written before folders were marked, recognised by its shape alone: only
    /// names the tool writes, and the files that every such folder has.
    static func earlierVersion(_ folder: String, kind: FolderKind) -> Bool {
        var status = stat()
        switch kind {
        case .site:
            let topLevel: Set<String> = [
                "404.html", "accessibility.html", "agencies", "agencies.html", "assets", "authorities", "changes.html", "charts",
                "downloads", "downloads.html",
                "index.html",
                "indicators", "methodology.html", "robots.txt", "sitemap.xml",
            ]
            let extensions: Set<String> = ["html", "css", "png", "csv", "json", "zip", "txt", "xml"]
            guard let entries = FileTree.entries(in: URL(fileURLWithPath: folder)),
                let stylesheet = FileManager.default.contents(atPath: folder + "/assets/site.css"),
                stylesheet.starts(with: Data(":root { --text: #0b0c0c;".utf8)), lstat(folder + "/robots.txt", &status) == 0
            else { return false }
            return entries.allSatisfy { entry in
                let parts = entry.path.split(separator: "/")
                guard let first = parts.first, topLevel.contains(String(first)) else { return false }
                switch entry.kind {
                case .folder: return true
                case .file: return extensions.contains(String(entry.path.split(separator: ".").last ?? ""))
                default: return false
                }
            }
        case .cache:
            guard let entries = FileTree.entries(in: URL(fileURLWithPath: folder)) else { return false }
            return entries.allSatisfy { entry in
                switch entry.kind {
                case .folder: return entry.path == "packs"
                case .file: return CacheNames.isEarlierEntry(entry.path)
                default: return false
                }
            }
        case .synthetic, .charts:
            return false
        }
    }
}
