// Lists said in words name each thing once, in the order it first comes.

extension Sequence where Element: Equatable {
    /// The elements in order, each kept only where it first appears.
    func uniqued() -> [Element] {
        reduce(into: []) { kept, element in if !kept.contains(element) { kept.append(element) } }
    }
}
