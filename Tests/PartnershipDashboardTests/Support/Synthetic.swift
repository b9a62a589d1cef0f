// Synthetic authorities for rule tests, written at run time and labelled as synthetic.

import Foundation

@testable import PartnershipDashboard

/// Builds a small synthetic authority file so that one rule can be tested at a time.
enum Synthetic {
    struct Figure {
        let period: String
        let value: Double
        var source = "s1"
        var preferred = false
    }

    /// A folder with the real catalogue, the synthetic England fixture and one synthetic authority.
    static func dataset(
        start: String = "2012-04-01", end: String? = "2016-03-31", comparisonStart: String? = nil,
        series: [(indicator: String, unit: String, figures: [Figure])], claims: [String] = []
    ) throws -> (folder: TestFolder, dataset: Dataset) {
        let folder = try Project.minimalFolder()
        let seriesText = series.map { entry in
            let figures = entry.figures.map { figure in
                "{ \"period\": \"\(figure.period)\", \"value\": \(JSONNode.literal(for: figure.value)), \"source\": \"\(figure.source)\", \"status\": \"published\"\(figure.preferred ? ", \"preferred\": true" : "") }"
            }.joined(separator: ",\n        ")
            return "{ \"id\": \"\(entry.indicator)\", \"unit\": \"\(entry.unit)\", \"observations\": [\n        \(figures)\n      ] }"
        }.joined(separator: ",\n    ")
        let endText = end.map { ", \"end\": { \"date\": \"\($0)\", \"wording\": \"the end\", \"source\": \"s1\" }" } ?? ""
        let comparisonText =
            comparisonStart.map { ", \"comparisonStart\": { \"date\": \"\($0)\", \"reason\": \"test\", \"source\": \"s1\" }" } ?? ""
        let text = """
            {
              "id": "testshire",
              "name": "Testshire Council (synthetic test data)",
              "gss": "E06000099",
              "headline": "\(series.first?.indicator ?? "children-adopted")",
              "partnership": { "partner": "Test Agency", "phases": [ { "name": "One", "start": { "date": "\(start)", "wording": "the start", "source": "s1" } } ]\(endText)\(comparisonText) },
              "sources": [
                { "id": "s1", "title": "Synthetic one", "publisher": "Test suite", "url": "https://example.org/1" },
                { "id": "s2", "title": "Synthetic two", "publisher": "Test suite", "url": "https://example.org/2" }
              ],
              "indicators": [
                \(seriesText)
              ],
              "claims": [\(claims.joined(separator: ","))]
            }
            """
        try folder.write("testshire.json", text)
        let result = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        guard let dataset = result.dataset else {
            throw SyntheticError(problems: result.errors.map(\.description).joined(separator: "\n"))
        }
        return (folder, dataset)
    }

    /// The comparison of the synthetic authority's first indicator.
    static func compare(
        start: String = "2012-04-01", end: String? = "2016-03-31", comparisonStart: String? = nil,
        indicator: String = "children-adopted", unit: String = "count", figures: [Figure], claims: [String] = []
    ) throws -> IndicatorComparison {
        let (_, dataset) = try dataset(
            start: start, end: end, comparisonStart: comparisonStart, series: [(indicator, unit, figures)], claims: claims)
        return Comparer(dataset: dataset).compare(dataset.authorities[0]).indicators[0]
    }

    struct SyntheticError: Error, CustomStringConvertible {
        let problems: String
        var description: String { problems }
    }
}
