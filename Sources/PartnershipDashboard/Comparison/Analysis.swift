// The engine's answers for a dataset, worked out once and handed to validation, narrative tokens,
// charts, pages and downloads, so that no later step compares anything again.

/// Every authority's comparison and joining comparison, computed once from a dataset.
package struct Analysis: Sendable {
    let dataset: Dataset
    /// Every authority's comparison, in the dataset's order (by id).
    let comparisons: [AuthorityComparison]
    /// Each council's joining date and the figures the joining comparisons look up.
    let joiningIndex: JoiningIndex
    /// Each council's figures around its joining of an agency, or why there are none, where its
    /// joining splits its years.
    private let joinings: [String: JoiningComparison.Outcome]

    init(_ dataset: Dataset) {
        self.dataset = dataset
        let comparer = Comparer(dataset: dataset)
        // Each authority's comparison reads the others' figures but not their comparisons.
        comparisons = dataset.authorities.concurrentMap { comparer.compare($0) }
        let index = JoiningIndex(dataset)
        joiningIndex = index
        let joinings = dataset.authorities.concurrentMap { authority in
            JoiningComparison.make(for: authority, index: index).map { (authority.id, $0) }
        }
        self.joinings = Dictionary(joinings.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }

    /// The analysis of what the site publishes: the same, unless drafts must be left out of it.
    var published: Analysis { dataset.authorities.contains(where: \.isDraft) ? Analysis(dataset.published) : self }

    /// The comparison of one authority's figures; `nil` for an id the dataset does not hold.
    func comparison(of authorityID: String) -> AuthorityComparison? {
        dataset.position(of: authorityID).map { comparisons[$0] }
    }

    /// What changed after a council joined its regional adoption agency; `nil` where its joining
    /// cannot split its years or DfE has no figures for both.
    func joining(of authorityID: String) -> JoiningComparison? {
        if case .compared(let comparison) = joinings[authorityID] { return comparison }
        return nil
    }

    /// Why a council whose joining splits its years has no comparison: `nil` where it has one, or
    /// its joining cannot split its years.
    func joiningGap(of authorityID: String) -> JoiningGap? {
        if case .notCompared(let gap) = joinings[authorityID] { return gap }
        return nil
    }
}
