// Ctrl-C and SIGTERM leave what was there before: what a command was writing is removed, then it exits.

import Foundation

/// What to undo if the command is interrupted, and the steps that must not be cut in half.
///
/// ``install()`` turns SIGINT, SIGTERM and SIGHUP into a clean stop: every cleanup registered
/// (staging folders, temporary files, child processes) runs, a line says nothing was changed, and
/// the process exits 130 (SIGINT) or 143 (SIGTERM). A step wrapped in ``critical(_:)`` (swapping a
/// folder in, renaming files into place) finishes before the cleanups run, so an interruption
/// never leaves a half-made change.
package enum Interruption {
    private static let state = InterruptionState()

    /// Starts handling the signals; call once, first thing, from the executable.
    package static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: state.queue)
            source.setEventHandler { stop(signalNumber) }
            source.resume()
            state.sources.append(source)
        }
    }

    /// Runs `cleanup` if the command is interrupted before ``Registration/end()`` is called.
    package static func register(_ cleanup: @escaping @Sendable () -> Void) -> Registration {
        state.lock.withLock {
            state.next += 1
            state.cleanups[state.next] = cleanup
            return Registration(id: state.next)
        }
    }

    /// Removes `path` (a temporary file or folder this command made) if the command is interrupted.
    /// It is renamed first, in one step, so that no thread still writing by its old path can add
    /// to it while it is being removed.
    package static func removeOnInterrupt(_ path: String) -> Registration {
        register {
            let stopped = path + "-stopped"
            let doomed = rename(path, stopped) == 0 ? stopped : path
            try? FileManager.default.removeItem(atPath: doomed)
        }
    }

    /// Runs `body` so that an interruption waits for it to finish; `body` fails with a
    /// ``FileFailure`` if the command has already been interrupted.
    static func critical<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        state.lock.lock()
        defer { state.lock.unlock() }
        return try body()
    }

    /// Whether a signal has arrived; work that creates folders checks it inside ``critical(_:)``.
    static var interrupted: Bool { state.lock.withLock { state.stopping } }

    /// A cleanup that is no longer needed once the work it undoes is finished.
    package struct Registration: Sendable {
        let id: Int
        package func end() { _ = Interruption.state.lock.withLock { Interruption.state.cleanups.removeValue(forKey: id) } }
    }

    /// Called before the command exits on its own: if a signal is being handled, waits for the
    /// handler to finish and exit with the signal's code, so that an error caused by the cleanup
    /// (a folder it removed) is not what the command reports.
    package static func waitIfStopping() {
        state.lock.lock()
        state.lock.unlock()
    }

    private static func stop(_ signalNumber: Int32) {
        // The lock is held until the process exits: critical steps finish first, and nothing else exits meanwhile.
        state.lock.lock()
        state.stopping = true
        for id in state.cleanups.keys.sorted().reversed() { state.cleanups[id]?() }
        state.cleanups = [:]
        let name = signalNumber == SIGINT ? "interrupted" : "stopped"
        FileHandle.standardError.write(
            Data("\n\(name): the command was stopped; what it was writing was removed, and every file it found is as it was.\n".utf8))
        _exit(128 + signalNumber)
    }
}

/// The cleanups and the lock they share; the lock is recursive so critical steps may register cleanups.
private final class InterruptionState: @unchecked Sendable {
    let lock = NSRecursiveLock()
    let queue = DispatchQueue(label: "dashboard.signals")
    var cleanups: [Int: @Sendable () -> Void] = [:]
    var next = 0
    var stopping = false
    var sources: [DispatchSourceSignal] = []
}
