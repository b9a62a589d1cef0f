// Lists in words name each thing once, in the order it first comes.

import Testing

@testable import PartnershipDashboard

@Suite("Each thing once")
struct UniquedTests {
    @Test("keeps the first of each, in order, and nothing else")
    func firstOfEach() {
        #expect(["\"x\"", "\"c\"", "\"x\"", "\"-\"", "\"c\""].uniqued() == ["\"x\"", "\"c\"", "\"-\""])
        #expect([String]().uniqued().isEmpty)
        #expect([3, 3, 3].uniqued() == [3])
    }
}
