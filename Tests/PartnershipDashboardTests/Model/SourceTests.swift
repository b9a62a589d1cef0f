// A source shares its fields between copies; two sources are still the same only when every field is.

import Testing

@testable import PartnershipDashboard

@Suite("Sources")
struct SourceTests {
    static func dfe(
        title: String = "Children looked after in England including adoptions", url: String = "https://example.org/cla",
        published: String? = "2024-11-14", note: String? = nil, symbols: [String: String] = ["x": "suppressed"]
    ) -> Source {
        Source(
            id: "dfe-cla-2024", title: title, publisher: "Department for Education", url: url,
            published: published.flatMap { try? PartialDate.parse($0).get() }, note: note, symbols: symbols)
    }

    @Test("two sources made apart with the same fields are equal, count once in a set and cite alike")
    func sameFieldsAreOneSource() {
        let first = Self.dfe()
        let second = Self.dfe()
        #expect(first == second)
        #expect(Set([first, second, first]).count == 1)
        #expect(
            first.citation == "Department for Education, “Children looked after in England including adoptions”, 14 November 2024")
        #expect(first.symbols["x"] == "suppressed")
    }

    @Test("a source differing in any one field is another source", arguments: 0..<5)
    func anyFieldMakesADifference(_ field: Int) {
        let base = Self.dfe()
        let other: Source
        switch field {
        case 0: other = Self.dfe(title: "Another release")
        case 1: other = Self.dfe(url: "https://example.org/other")
        case 2: other = Self.dfe(published: "2023-12-14")
        case 3: other = Self.dfe(note: "Revised")
        default: other = Self.dfe(symbols: ["x": "suppressed", "c": "confidential"])
        }
        #expect(base != other)
        #expect(Set([base, other]).count == 2)
    }
}
