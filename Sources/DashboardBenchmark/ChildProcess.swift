// Runs a program and measures it the way `/usr/bin/time` does: wall time and peak resident memory.

import Foundation
import PartnershipDashboard

/// One finished run of a program.
struct ChildRun {
    let exitCode: Int32
    let seconds: Double
    /// The largest resident set the program reached, in kibibytes (getrusage's ru_maxrss).
    let peakKilobytes: Int
    let output: String
    let errors: String

    var peakMegabytes: Double { Double(peakKilobytes) / 1024 }
}

enum ChildProcess {
    /// Runs `executable` with `arguments`, its output and errors captured in files under `scratch`,
    /// and waits for it with `wait4`, which reports the peak memory of that process alone.
    static func run(_ executable: String, _ arguments: [String], scratch: URL) throws -> ChildRun {
        let outputFile = scratch.appendingPathComponent("child-output.txt").path
        let errorFile = scratch.appendingPathComponent("child-errors.txt").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // The child answers Ctrl-C and SIGTERM itself, even though this process ignores them (it handles them on a queue).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw FileFailure("start", executable, errno: spawned)
        }
        // Interrupted, the benchmark stops its child first, which removes what it was writing.
        let child = pid
        let registration = Interruption.register {
            kill(child, SIGTERM)
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        defer { registration.end() }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // Exited normally: low 7 bits zero, code in the next byte; otherwise report the signal as 128 + n, like a shell.
        let exitCode = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return ChildRun(
            exitCode: exitCode, seconds: seconds, peakKilobytes: Int(usage.ru_maxrss), output: read(outputFile), errors: read(errorFile))
    }
}
