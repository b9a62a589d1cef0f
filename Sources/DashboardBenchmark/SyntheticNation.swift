// A synthetic national data set for the benchmark: every figure made up, and labelled so.

import Foundation
import PartnershipDashboard

/// Writes a synthetic Authorities folder: `authorities` councils × 8 indicators × `years` years,
/// plus a synthetic England with thresholds. Every name says "synthetic benchmark data", and the
/// numbers come from a fixed pseudo-random sequence, so the same size gives the same files.
///
/// Only ever written to a temporary folder, never to the project's Authorities/.
package struct SyntheticNation {
    let authorities: Int
    let years: Int

    package init(authorities: Int = 150, years: Int = 20) {
        self.authorities = authorities
        self.years = years
    }

    /// The eight real indicators the synthetic figures use, from the real catalogue.
    static let indicators: [(id: String, unit: String, range: ClosedRange<Double>)] = [
        ("children-adopted", "count", 5...180),
        ("children-placed-for-adoption", "count", 5...200),
        ("adopters-approved", "count", 5...160),
        ("looked-after-children", "count", 80...1_500),
        ("ceased-care-adopted-share", "percent", 4...30),
        ("placed-within-12-months-share", "percent", 30...100),
        ("a1-entry-to-move-in-days", "days", 320...720),
        ("a2-placement-order-to-match-days", "days", 90...320),
    ]

    /// The first financial year of every series.
    var firstYear: Int { 2024 - years }

    /// Writes the folder: indicators.json (the real catalogue), england.json and one file and
    /// narrative per authority, all at once through a staging folder. The folder must be new,
    /// empty or one this command wrote; the catalogue's own folder (the real data) is refused.
    package func write(to folder: URL, catalogue: URL, display: String? = nil) throws(FileFailure) {
        for (count, option) in [(authorities, "--authorities"), (years, "--years")] where count < 1 {
            throw FileFailure("write synthetic data", "", reason: "\(option) must be 1 or more, not \(count)")
        }
        let catalogueData: Data
        do {
            catalogueData = try Data(contentsOf: catalogue)
        } catch {
            throw FileFailure(
                "read the indicator catalogue", catalogue.path,
                reason: FileFailure.words(for: FileFailure.code(of: error)) + "; run from the project folder or pass --catalogue")
        }
        let protected = ProtectedPaths(authorities: ResolvedPath(catalogue.deletingLastPathComponent(), display: "the catalogue's folder"))
        let target = try OwnedFolder.claim(ResolvedPath(folder, display: display ?? folder.path), kind: .synthetic, protected: protected)
        let staging = try StagingFolder(for: target)
        do throws(FileFailure) {
            try staging.put("indicators.json", catalogueData)
            try staging.put("england.json", Data(JSONWriter.write(england()).utf8))
            for index in 1...authorities {
                let id = SyntheticNation.id(index)
                try staging.put("\(id).json", Data(JSONWriter.write(authority(index)).utf8))
                try staging.put("\(id).md", Data(narrative(index).utf8))
            }
            _ = try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    static func id(_ index: Int) -> String { "synthetic-\(Day.digits(index, 3))" }

    /// A deterministic sequence in 0..<1 (a 64-bit linear congruential generator).
    struct Sequence {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// Rewrites one authority's file as if its latest children-adopted figure had been revised up
    /// by one: the edit a rebuild after one authority's file changed is measured with.
    func writeRevision(of index: Int, to folder: URL) throws {
        let id = SyntheticNation.id(index)
        let file = folder.appendingPathComponent("\(id).json")
        try AtomicFile.write(Data(JSONWriter.write(authority(index, revised: true)).utf8), to: file, display: file.path)
    }

    func series(
        _ indicator: (id: String, unit: String, range: ClosedRange<Double>), seed: UInt64, scale: Double, raiseLatest: Double = 0
    ) -> [JSONNode] {
        var random = Sequence(state: seed)
        let span = indicator.range.upperBound - indicator.range.lowerBound
        var value = indicator.range.lowerBound + span * (0.2 + 0.5 * random.next() * scale)
        return (0..<years).map { offset in
            let year = firstYear + offset
            value = min(indicator.range.upperBound, max(indicator.range.lowerBound, value * (0.9 + 0.2 * random.next())))
            let rounded =
                (indicator.unit == "percent" ? (value * 10).rounded() / 10 : value.rounded()) + (offset == years - 1 ? raiseLatest : 0)
            let period = indicator.id == "looked-after-children" ? "\(year + 1)-03-31" : Period.financialYearNotation(year)
            return .object([
                ("period", .string(period)), ("value", .number(rounded)), ("source", .string("synthetic")),
                ("status", .string("published")),
            ])
        }
    }

    static let source: JSONNode = .object([
        ("id", .string("synthetic")), ("title", .string("Synthetic figures for the benchmark (not real data)")),
        ("publisher", .string("The benchmark")), ("url", .string("https://example.org/synthetic-benchmark-data")),
        ("published", .string("2024-03-31")),
    ])

    /// Every third authority's partnership has ended; the rest are still running.
    func partnershipEnds(_ index: Int) -> Bool { index % 3 == 0 }

    func authority(_ index: Int, revised: Bool = false) -> JSONNode {
        let start = firstYear + 4 + index % max(1, years - 8)
        var partnership: [(String, JSONNode)] = [
            ("partner", .string("Synthetic Agency")),
            (
                "phases",
                .array([
                    .object([
                        ("name", .string("Synthetic partnership phase")),
                        (
                            "start",
                            .object([
                                ("date", .string("\(start)-04-01")), ("wording", .string("1 April \(start)")),
                                ("source", .string("synthetic")),
                            ])
                        ),
                    ])
                ])
            ),
        ]
        if partnershipEnds(index) {
            partnership.append(
                (
                    "end",
                    .object([
                        ("date", .string("\(start + 4)-03-31")), ("wording", .string("31 March \(start + 4)")),
                        ("source", .string("synthetic")),
                    ])
                ))
        }
        let scale = 0.3 + Double((index * 37) % 100) / 100
        let series = SyntheticNation.indicators.enumerated().map { number, indicator -> JSONNode in
            .object([
                ("id", .string(indicator.id)), ("unit", .string(indicator.unit)),
                (
                    "observations",
                    .array(
                        self.series(
                            indicator, seed: UInt64(index * 1000 + number), scale: scale,
                            raiseLatest: revised && indicator.id == "children-adopted" ? 1 : 0))
                ),
            ])
        }
        return .object([
            ("id", .string(SyntheticNation.id(index))),
            ("name", .string("Synthetic Authority \(index) (synthetic benchmark data)")),
            ("shortName", .string("Synthetic \(index)")),
            ("gss", .string("E06\(Day.digits(900_000 + index, 6))")),
            ("type", .string("unitary")),
            ("region", .string("Synthetic region \(index % 9 + 1)")),
            ("headline", .string("children-adopted")),
            ("partnership", .object(partnership)),
            ("sources", .array([SyntheticNation.source])),
            ("indicators", .array(series)),
            (
                "keyFacts",
                .array([
                    .object([
                        ("id", .string("synthetic-saving")), ("statement", .string("A synthetic yearly saving (benchmark data)")),
                        ("value", .number(Double(10_000 * (index % 50 + 1)))), ("unit", .string("pounds")), ("period", .string("unstated")),
                        ("source", .string("synthetic")), ("status", .string("reported-claim")),
                    ])
                ])
            ),
            (
                "claims",
                .array([
                    .object([
                        ("id", .string("synthetic-claim")), ("statement", .string("A synthetic claim about adoptions (benchmark data).")),
                        ("indicator", .string("children-adopted")), ("change", .string("relative")),
                        ("value", .number(Double(index % 90 + 10))),
                        ("source", .string("synthetic")),
                    ])
                ])
            ),
        ])
    }

    func narrative(_ index: Int) -> String {
        """
        # Synthetic Authority \(index): synthetic benchmark narrative

        This authority and its figures are made up for the benchmark. Children adopted went from
        {{children-adopted.baseline}} in {{children-adopted.baseline-period}} to
        {{children-adopted.outcome}} in {{children-adopted.outcome-period}}, {{children-adopted.change}}.
        The partnership ran {{partnership.dates}}.

        """
    }

    func england() -> JSONNode {
        let series = SyntheticNation.indicators.enumerated().map { number, indicator -> JSONNode in
            let factor = indicator.unit == "count" ? 30.0 : 1.0
            let scaled = (indicator.range.lowerBound * factor)...(indicator.range.upperBound * factor)
            return .object([
                ("id", .string(indicator.id)), ("unit", .string(indicator.unit)),
                ("observations", .array(self.series((indicator.id, indicator.unit, scaled), seed: UInt64(999_000 + number), scale: 1))),
            ])
        }
        var thresholds: [JSONNode] = []
        for (id, high, low) in [("a1-entry-to-move-in-days", 640.0, 420.0), ("a2-placement-order-to-match-days", 215.0, 120.0)] {
            for offset in 0..<years {
                let value = (high - (high - low) * Double(offset) / Double(max(1, years - 1))).rounded()
                thresholds.append(
                    .object([
                        ("indicator", .string(id)), ("period", .string(Period.financialYearNotation(firstYear + offset))),
                        ("value", .number(value)), ("source", .string("synthetic")),
                    ]))
            }
        }
        return .object([
            ("id", .string("england")), ("name", .string("England (synthetic benchmark data)")), ("shortName", .string("England")),
            ("gss", .string("E92000001")), ("type", .string("country")), ("sources", .array([SyntheticNation.source])),
            ("indicators", .array(series)), ("thresholds", .array(thresholds)),
        ])
    }
}
