// The one way the tool's concurrent code shares state it changes: a value behind a lock.

import Foundation

/// A value that several threads change, reached only inside `withLock`. Every class the tool
/// shares between threads keeps its mutable state in one of these, so none needs its own lock.
final class Locked<State: Sendable>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    init(_ state: State) { self.state = state }

    /// Runs `body` with the value while holding the lock; nothing else reads or changes it meanwhile.
    func withLock<T, Failure: Error>(_ body: (inout State) throws(Failure) -> T) throws(Failure) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    /// A copy of the value as it is now.
    var value: State { withLock { $0 } }
}
