// One message style for everything the file system refuses: which file, what went wrong, and what to do.

import Foundation

/// A file or folder the tool could not read, write, move or remove, worded for the person running it:
/// `error: could not write Site/index.html: the disk is full; free some space and run the command again`.
///
/// Raw system errors (`NSCocoaErrorDomain Code=…`) never reach users: every error is turned into an
/// `errno` and that into the tool's own words.
package struct FileFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the tool was doing: "read", "write", "create the folder", "move", "remove".
    let action: String
    /// The path as the user typed or knows it.
    let path: String
    /// What went wrong and what to do, in the tool's own words.
    let reason: String

    package init(_ action: String, _ path: String, reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    /// From an `errno` value.
    package init(_ action: String, _ path: String, errno code: Int32) {
        self.init(action, path, reason: FileFailure.words(for: code))
    }

    /// From any error a file operation threw (Foundation's, POSIX's, or already one of these).
    package init(_ action: String, _ path: String, error: Error) {
        if let failure = error as? FileFailure {
            self = failure
        } else {
            self.init(action, path, reason: FileFailure.words(for: FileFailure.code(of: error)))
        }
    }

    package var description: String { path.isEmpty ? "could not \(action): \(reason)" : "could not \(action) \(path): \(reason)" }

    /// The `errno` behind an error, or 0 when there is none.
    package static func code(of error: Error) -> Int32 {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        switch nsError.code {
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return EACCES
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return ENOENT
        case NSFileWriteOutOfSpaceError: return ENOSPC
        case NSFileWriteVolumeReadOnlyError: return EROFS
        case NSFileWriteFileExistsError: return EEXIST
        case NSFileReadTooLargeError: return EFBIG
        case NSFileReadInapplicableStringEncodingError, NSFileReadCorruptFileError: return EILSEQ
        default: return 0
        }
    }

    /// What an `errno` means for the person running the command, and what they can do about it.
    package static func words(for code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full; free some space and run the command again"
        case EACCES, EPERM: return "permission denied; check the permissions of the file and the folders above it"
        case ENOENT: return "there is no such file or folder; check the path"
        case EROFS: return "the disk is read-only; choose a folder on a disk you can write to"
        case EEXIST: return "something with that name is already there; move it away or choose another name"
        case ENOTDIR: return "part of the path is a file, not a folder; check the path"
        case EISDIR: return "it is a folder, not a file; check the path"
        case ENOTEMPTY: return "the folder is not empty; move its contents away or choose another folder"
        case ENAMETOOLONG: return "the path is too long; choose a shorter one"
        case ELOOP: return "the path goes round a loop of symbolic links; check the links"
        case EXDEV: return "it is on another disk from the folder beside it; choose a folder on the same disk"
        case EMFILE, ENFILE: return "too many files are open; close other programs and run the command again"
        case EIO: return "the disk reported a read or write error; check the disk and run the command again"
        case EFBIG: return "the file is too large"
        case EILSEQ: return "the file is damaged or is not text in UTF-8"
        case EBUSY: return "it is in use by another program; close that program and run the command again"
        case 0: return "the system gave no reason; run the command again, and check the disk if it fails again"
        default: return "the system reported error \(code); check the path and the disk, then run the command again"
        }
    }
}
