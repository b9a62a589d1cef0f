// The instructions `dashboard new` writes into a narrative: a draft may hold them, a published page may not.

enum StarterNarrative {
    /// The words the starter narrative's instructions begin with.
    static let marker = "Write, in your own words"

    /// The line of a narrative on which the starter's instructions still stand, if they do.
    static func line(in narrative: String) -> Int? {
        narrative.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) }.map { $0 + 1 }
    }
}
