// Every regular file under a folder with its size and modification time, read with POSIX calls:
// Foundation's resource values cost more than the rest of a rebuild with nothing to draw.

import Foundation

/// A regular file found under a folder.
struct FileEntry: Equatable, Sendable {
    /// The full path.
    let path: String
    let size: Int
    /// Modification time in nanoseconds since 1970.
    let modified: Int
}

enum FileTree {
    /// Every regular file under `folder`, by path relative to it with `/` between parts; symbolic
    /// links are not followed. Empty if the folder does not exist.
    static func files(in folder: URL) -> [String: FileEntry] {
        var found: [String: FileEntry] = [:]
        walk(folder.standardizedFileURL.path, relative: "", into: &found)
        return found
    }

    private static func walk(_ path: String, relative: String, into found: inout [String: FileEntry]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = path + "/" + name
            let relativeName = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(full, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(full, relative: relativeName, into: &found)
            case S_IFREG:
                found[relativeName] = FileEntry(
                    path: full, size: Int(status.st_size),
                    modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
            default: continue
            }
        }
    }
}
