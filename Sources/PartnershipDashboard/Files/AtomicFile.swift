// Files written whole or not at all: to a temporary name in the same folder, then renamed into place.

internal import CFileSystem
import Foundation

/// Writes files so that no reader, crash or interruption ever sees half of one.
package enum AtomicFile {
    /// Writes `data` to `url`, replacing what is there in one step. `display` names the file in messages.
    package static func write(_ data: Data, to url: URL, display: String, durable: Bool = false) throws(FileFailure) {
        let temporary = try writeTemporary(data, beside: url, display: display, durable: durable)
        defer { temporary.registration.end() }
        try Interruption.critical { () throws(FileFailure) in
            if rename(temporary.path, url.path) != 0 {
                let code = errno
                unlink(temporary.path)
                throw FileFailure("write", display, errno: code)
            }
        }
    }

    /// Writes each file to a temporary name, then renames them all into place only if none of them
    /// exists: either every file is created or none is. Throws `EEXIST`'s message if one exists.
    static func create(_ files: [(url: URL, display: String, data: Data)]) throws(FileFailure) {
        try replaceAll(files.map { ($0.url, $0.display, $0.data, true) })
    }

    /// A new file beside `url` holding `data`, removed if the command is interrupted.
    fileprivate static func writeTemporary(_ data: Data, beside url: URL, display: String, durable: Bool) throws(FileFailure) -> (
        path: String, registration: Interruption.Registration
    ) {
        let folder = url.deletingLastPathComponent().path
        let path = folder + "/." + url.lastPathComponent + "." + TemporaryName.random() + ".tmp"
        let registration = Interruption.removeOnInterrupt(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            registration.end()
            throw FileFailure("write", display, errno: code)
        }
        var failure: Int32 = 0
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
        } catch {
            failure = FileFailure.code(of: error)
            if failure == 0 { failure = EIO }
        }
        if failure == 0, durable, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            registration.end()
            throw FileFailure("write", display, errno: failure)
        }
        return (path, registration)
    }
}

extension AtomicFile {
    /// Writes several files as one change: each to a temporary name first, then all renamed into
    /// place; if any step fails, the files already replaced get their old content back and new ones
    /// are removed, so the folder is as it was. A file marked `create` must not exist yet.
    static func replaceAll(_ files: [(url: URL, display: String, data: Data, create: Bool)]) throws(FileFailure) {
        var temporaries: [(path: String, registration: Interruption.Registration)] = []
        defer {
            for temporary in temporaries {
                unlink(temporary.path)
                temporary.registration.end()
            }
        }
        for file in files {
            temporaries.append(try writeTemporary(file.data, beside: file.url, display: file.display, durable: true))
        }
        try Interruption.critical { () throws(FileFailure) in
            // The old content of every file to be replaced, kept under a second name until all are in place.
            var backups: [(original: String, backup: String)] = []
            var created: [String] = []
            func undo() {
                for path in created { unlink(path) }
                for backup in backups { rename(backup.backup, backup.original) }
            }
            for (file, temporary) in zip(files, temporaries) {
                if file.create {
                    if dashboard_rename_no_replace(temporary.path, file.url.path) != 0 {
                        let code = errno
                        undo()
                        throw FileFailure("create", file.display, errno: code)
                    }
                    created.append(file.url.path)
                    continue
                }
                let backup =
                    file.url.deletingLastPathComponent().path + "/." + file.url.lastPathComponent + "." + TemporaryName.random() + ".tmp"
                if link(file.url.path, backup) != 0 {
                    let code = errno
                    undo()
                    throw FileFailure("write", file.display, errno: code)
                }
                backups.append((file.url.path, backup))
                if rename(temporary.path, file.url.path) != 0 {
                    let code = errno
                    undo()
                    throw FileFailure("write", file.display, errno: code)
                }
            }
            for backup in backups { unlink(backup.backup) }
        }
    }
}
