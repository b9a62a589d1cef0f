// Runs independent work on every core and keeps the results in order.

import Foundation

extension Array where Element: Sendable {
    /// `map`, run concurrently across cores; results keep the input's order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(transform(self[index]), at: index)
        }
        return results.values
    }
}

extension Array {
    /// `indices.map`, run concurrently across cores; results keep the indices' order.
    func concurrentMapIndices<T: Sendable>(_ transform: @Sendable (Int) -> T) -> [T] {
        [Int](indices).concurrentMap(transform)
    }
}

/// Runs two pieces of work at once, one on each core, and returns both results.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let a = Locked<A?>(nil)
    let b = Locked<B?>(nil)
    DispatchQueue.concurrentPerform(iterations: 2) { job in
        if job == 0 {
            let value = first()
            a.withLock { $0 = value }
        } else {
            let value = second()
            b.withLock { $0 = value }
        }
    }
    // concurrentPerform returns only once both have run; the fallbacks keep this total without a trap.
    return (a.value ?? first(), b.value ?? second())
}

/// One slot per result; each index is written by exactly one task, then read after all finish.
private final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Locked<[T?]>

    init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }

    func store(_ value: T, at index: Int) { slots.withLock { $0[index] = value } }

    /// Every result, once every index has stored one.
    var values: [T] { slots.value.compactMap { $0 } }
}
