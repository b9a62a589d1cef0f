// What a command printed and how it exits, so tests can run commands without a process.

/// The outcome of running a command: what goes to standard output and error, and the exit code.
package struct CommandResult: Sendable {
    package var output: String
    package var errors: String
    package var exitCode: Int32

    package init(output: String = "", errors: String = "", exitCode: Int32 = 0) {
        self.output = output
        self.errors = errors
        self.exitCode = exitCode
    }

    /// Problems to standard error (warnings only when asked for, so errors stand out), then a
    /// summary; exit 1 when any is an error.
    static func reporting(_ problems: [Problem], summary: String, showWarnings: Bool) -> CommandResult {
        let errors = problems.filter { $0.severity == .error }
        let shown = showWarnings ? problems : errors
        let listing = shown.map { $0.description + "\n" }.joined()
        if errors.isEmpty {
            return CommandResult(output: summary + "\n", errors: listing, exitCode: 0)
        }
        return CommandResult(errors: listing + summary + "\n", exitCode: 1)
    }
}
