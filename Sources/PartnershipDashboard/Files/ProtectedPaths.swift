// Where the tool may never write, whatever path a user types: resolved through links first.

import Foundation

/// A path as the user typed it and as it really is: absolute, with every symbolic link in the part
/// that exists resolved, so a link to a protected folder is judged as that folder.
package struct ResolvedPath: Sendable, Equatable {
    /// As the user typed it, for messages.
    let display: String
    /// Absolute, links resolved, no `.` or `..`.
    let path: String

    var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    init(_ typed: String, display: String? = nil) {
        self.display = display ?? (typed.count > 1 && typed.hasSuffix("/") ? String(typed.dropLast()) : typed)
        let base = FileManager.default.currentDirectoryPath
        path = typed.isEmpty ? "" : ResolvedPath.resolve(typed.hasPrefix("/") ? typed : base + "/" + typed)
    }

    package init(_ url: URL, display: String) { self.init(url.path, display: display) }

    /// `realpath` of the longest part that exists, then the rest of the components applied to it.
    static func resolve(_ absolute: String) -> String {
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let url = URL(fileURLWithPath: absolute)
        let last = url.lastPathComponent
        let parent = url.deletingLastPathComponent().path
        if parent == absolute || last.isEmpty || absolute == "/" { return absolute }
        let resolvedParent = resolve(parent)
        switch last {
        case ".": return resolvedParent
        case "..": return URL(fileURLWithPath: resolvedParent).deletingLastPathComponent().path
        default: return resolvedParent == "/" ? "/" + last : resolvedParent + "/" + last
        }
    }

    /// Whether `other` is this path or inside it.
    func holds(_ other: String) -> Bool { other == path || path == "/" || other.hasPrefix(path + "/") }

    /// What is at the path: nothing, a folder, or something else (a file, a device, a pipe).
    var kind: Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .absent }
        return status.st_mode & S_IFMT == S_IFDIR ? .folder : .other
    }

    enum Kind { case absent, folder, other }
}

/// The folders no output, cache or synthetic set may be, hold, or (for the data) sit inside.
package struct ProtectedPaths {
    /// The authorities folder the command reads, if it reads one.
    let authorities: ResolvedPath?

    package init(authorities: ResolvedPath?) {
        self.authorities = authorities
    }

    /// Why `place` may not be written into by a command that replaces or prunes it, or nil when it may.
    /// `what` names the folder's role for the message: "the output folder", "the cache".
    func refusal(of place: ResolvedPath) -> String? {
        if place.path.isEmpty { return "the path is empty; give a folder's name" }
        if place.path == "/" { return "it is the root of the file system; choose a new folder of its own" }
        for home in ProtectedPaths.homes() where place.holds(home) {
            return place.path == home
                ? "it is your home folder; choose a new folder of its own inside it"
                : "it holds your home folder; choose a new folder of its own"
        }
        if let marker = ProtectedPaths.projectMarker(in: place.path) {
            return "it holds \(marker), so it is a project's folder; choose a new folder of its own inside it, such as Site"
        }
        if let authorities, !authorities.path.isEmpty {
            if place.holds(authorities.path) {
                return place.path == authorities.path
                    ? "it is the authorities folder, where the data lives; choose another folder"
                    : "it holds the authorities folder \(authorities.display), where the data lives; choose another folder"
            }
            if place.path.hasPrefix(authorities.path + "/") {
                return "it is inside the authorities folder \(authorities.display), where the data lives; choose a folder outside it"
            }
        }
        if place.path.split(separator: "/").contains(".git") {
            return "it is inside a .git folder, where git keeps a project's history; choose another folder"
        }
        for root in projectRoots() where place.holds(root) {
            return "it holds the project folder \(root); choose a new folder of its own inside it, such as Site"
        }
        if place.kind == .other { return "it is a file, not a folder; choose a folder" }
        return nil
    }

    /// The folders holding `Package.swift` or `.git` above the working folder and the authorities folder.
    private func projectRoots() -> [String] {
        var starts = [ResolvedPath(".").path]
        if let authorities { starts.append(authorities.path) }
        return starts.compactMap { start in
            var folder = start
            while !folder.isEmpty {
                if ProtectedPaths.projectMarker(in: folder) != nil { return folder }
                if folder == "/" { break }
                folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
            }
            return nil
        }
    }

    /// `Package.swift` or `.git` if the folder holds one.
    private static func projectMarker(in folder: String) -> String? {
        for name in ["Package.swift", ".git"] {
            var status = stat()
            if lstat(folder + "/" + name, &status) == 0 { return name }
        }
        return nil
    }

    /// The user's home folder, from the environment and from the password database, resolved.
    private static func homes() -> [String] {
        var homes: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { homes.append(home) }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir { homes.append(String(cString: directory)) }
        return Set(homes.map { ResolvedPath($0).path }.filter { $0 != "/" && !$0.isEmpty }).sorted()
    }
}
