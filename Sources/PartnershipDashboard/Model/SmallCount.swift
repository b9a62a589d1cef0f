// Small numbers: counts so small that one child changes them noticeably.

/// Counts from 1 to ``limit`` are "small numbers": the data check warns of them, and the engine
/// puts a caveat on every change made from them, as official statistics suppress such counts.
enum SmallCount {
    static let limit = 5

    /// Whether a count is a small number (1 to ``limit``).
    static func contains(_ value: Double) -> Bool {
        value >= 1 && value <= Double(limit)
    }
}
