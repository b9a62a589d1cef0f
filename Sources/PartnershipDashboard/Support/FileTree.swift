// Every regular file under a folder with its size and modification time, read with POSIX calls:
// Foundation's resource values cost more than the rest of a rebuild with nothing to draw.

import Foundation

/// A regular file found under a folder.
package struct FileEntry: Equatable, Sendable {
    /// The full path.
    package let path: String
    package let size: Int
    /// Modification time in nanoseconds since 1970.
    let modified: Int
}

package enum FileTree {
    /// Every regular file under `folder`, by path relative to it with `/` between parts; symbolic
    /// links are not followed. Empty if the folder does not exist.
    package static func files(in folder: URL) -> [String: FileEntry] { files(entries(in: folder) ?? [], in: folder) }

    /// The regular files among entries a walk of `folder` found, as ``files(in:)`` gives them.
    static func files(_ entries: [FolderEntry], in folder: URL) -> [String: FileEntry] {
        let root = folder.standardizedFileURL.path
        var found: [String: FileEntry] = [:]
        for entry in entries where entry.kind == .file && entry.nameIsUTF8 && entry.stamp.count == 3 {
            found[entry.path] = FileEntry(path: root + "/" + entry.path, size: entry.stamp[0], modified: entry.stamp[1])
        }
        return found
    }
}

/// Anything found under a folder, whatever its kind: what `--check` and the ownership checks look at.
struct FolderEntry: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case file, folder, link, pipe, socket, device

        /// How a message names it.
        var words: String {
            switch self {
            case .file: return "a file"
            case .folder: return "a folder"
            case .link: return "a symbolic link"
            case .pipe: return "a named pipe"
            case .socket: return "a socket"
            case .device: return "a device"
            }
        }
    }

    /// Relative to the folder walked, `/` between parts; a name that is not UTF-8 shows its bytes as `\xFF`.
    let path: String
    let kind: Kind
    /// Whether the name (at every level) is valid UTF-8.
    let nameIsUTF8: Bool
    /// For folders: whether it holds nothing at all.
    let isEmpty: Bool
    /// For files: size, modification time (nanoseconds since 1970) and inode, as `lstat` gave them.
    var stamp: [Int] = []
}

extension FileTree {
    /// A file's size, modification time (nanoseconds since 1970) and inode, as ``FolderEntry/stamp`` holds them.
    static func stamp(_ status: stat) -> [Int] {
        [Int(status.st_size), Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec), Int(status.st_ino)]
    }

    /// The stamp of one file, read with `lstat`; empty if it cannot be read.
    static func stamp(of path: String) -> [Int] {
        var status = stat()
        return lstat(path, &status) == 0 ? stamp(status) : []
    }

    /// Every entry under `folder`, of every kind, sorted by path; links are listed, not followed.
    /// Nil if `folder` cannot be read as a folder.
    static func entries(in folder: URL) -> [FolderEntry]? {
        var found: [FolderEntry] = []
        guard listEntries(folder.standardizedFileURL.path, relative: "", utf8: true, into: &found) != nil else { return nil }
        return found.sorted { $0.path < $1.path }
    }

    /// Adds the entries under `path`; returns how many it holds, or nil if it cannot be opened.
    @discardableResult
    private static func listEntries(_ path: String, relative: String, utf8: Bool, into found: inout [FolderEntry]) -> Int? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            count += 1
            let valid = String(bytes: bytes, encoding: .utf8)
            let name: String =
                valid
                ?? bytes.map { byte -> String in
                    byte < 0x80 ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
                }.joined()
            let full = path + "/" + String(decoding: bytes, as: UTF8.self)
            let relativeName = relative.isEmpty ? name : relative + "/" + name
            let nameIsUTF8 = utf8 && valid != nil
            var status = stat()
            // A name that is not UTF-8 cannot be reopened through a Swift string: report it, do not descend.
            guard valid != nil, lstat(full, &status) == 0 else {
                found.append(FolderEntry(path: relativeName, kind: .file, nameIsUTF8: false, isEmpty: false))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                let index = found.count
                found.append(FolderEntry(path: relativeName, kind: .folder, nameIsUTF8: nameIsUTF8, isEmpty: false))
                let inside = listEntries(full, relative: relativeName, utf8: nameIsUTF8, into: &found) ?? 0
                found[index] = FolderEntry(path: relativeName, kind: .folder, nameIsUTF8: nameIsUTF8, isEmpty: inside == 0)
            case S_IFREG:
                found.append(
                    FolderEntry(path: relativeName, kind: .file, nameIsUTF8: nameIsUTF8, isEmpty: false, stamp: stamp(status)))
            case S_IFLNK: found.append(FolderEntry(path: relativeName, kind: .link, nameIsUTF8: nameIsUTF8, isEmpty: false))
            case S_IFIFO: found.append(FolderEntry(path: relativeName, kind: .pipe, nameIsUTF8: nameIsUTF8, isEmpty: false))
            case S_IFSOCK: found.append(FolderEntry(path: relativeName, kind: .socket, nameIsUTF8: nameIsUTF8, isEmpty: false))
            default: found.append(FolderEntry(path: relativeName, kind: .device, nameIsUTF8: nameIsUTF8, isEmpty: false))
            }
        }
        return count
    }
}
