// Reads indicators.json: every measure, defined once.

enum IndicatorCatalogueReader {
    static let keys = [
        "id", "title", "noun", "unit", "polarity", "polarityReason", "definition", "definitionSource", "snapshotDay", "note",
    ]

    /// Reads the catalogue, logging every problem; returns the indicators that were read cleanly.
    static func read(_ node: JSONNode, log: ProblemLog) -> [Indicator] {
        guard let top = ObjectReader(node, at: .root, log: log, expecting: "the indicator catalogue", keys: ["indicators"]),
            let items = top.list("indicators", required: "list the indicators: \"indicators\": [ { \"id\": …, \"title\": …, … } ]")
        else { return [] }
        var indicators: [Indicator] = []
        var seen: Set<String> = []
        for (item, path) in items {
            guard let indicator = readIndicator(item, at: path, log: log) else { continue }
            if !seen.insert(indicator.id).inserted {
                log.error(
                    "the indicator id \"\(indicator.id)\" is defined twice; give each indicator its own id", at: path.appending("id"),
                    offset: item.offset)
                continue
            }
            indicators.append(indicator)
        }
        return indicators
    }

    private static func readIndicator(_ node: JSONNode, at path: JSONPath, log: ProblemLog) -> Indicator? {
        guard let reader = ObjectReader(node, at: path, log: log, expecting: "an indicator", keys: keys) else { return nil }
        let id = reader.identifier("id", required: "give the indicator an id that authority files refer to, e.g. \"children-adopted\"")
        let title = reader.string(
            "title", required: "write the measure's name as a heading, e.g. \"Children adopted from care\"", maximumLength: 120)
        let noun = reader.string(
            "noun", required: "write the measure as it reads inside a sentence, e.g. \"children adopted\"", maximumLength: 80)
        let unit = reader.choice(
            "unit", of: Unit.self,
            required: "say what the figures count: \(Unit.seriesUnits.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
        let polarity = reader.choice(
            "polarity", of: Polarity.self,
            required: "say whether higher is better: \"higher-is-better\", \"lower-is-better\" or \"neither\"")
        let reason = reader.string("polarityReason", required: "say in a sentence why a rise is good, bad or neither", maximumLength: 600)
        let definition = reader.string("definition", required: "define the measure in a sentence or two", maximumLength: 1500)
        let note = reader.string("note", maximumLength: 1500)
        var source: Source?
        if let sourceNode = reader.node(
            "definitionSource", required: "say where the definition comes from: { \"title\", \"publisher\", \"url\", \"published\" }")
        {
            source = Source.read(sourceNode, at: path.appending("definitionSource"), log: log, inlineID: "definition")
        }
        var snapshotDay: (month: Int, day: Int)?
        if let text = reader.string("snapshotDay") {
            let pieces = text.split(separator: "-").compactMap { Int($0) }
            if pieces.count == 2, text.count == 5, Day(year: 2000, month: pieces[0], day: pieces[1]) != nil {
                snapshotDay = (pieces[0], pieces[1])
            } else {
                log.error(
                    "\"\(text)\" is not a month and day; write it as MM-DD, e.g. \"03-31\" for 31 March", at: path.appending("snapshotDay"),
                    offset: reader.offset(of: "snapshotDay"))
            }
        }
        if let unit, !Unit.seriesUnits.contains(unit) {
            log.error(
                "\"\(unit.rawValue)\" is for key facts only; an indicator is measured in \(Unit.seriesUnits.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))",
                at: path.appending("unit"), offset: reader.offset(of: "unit"))
            return nil
        }
        guard let id, let title, let noun, let unit, let polarity, let reason, let definition, let source else { return nil }
        return Indicator(
            id: id, title: title, noun: noun, unit: unit, polarity: polarity, polarityReason: reason,
            definition: definition, definitionSource: source, snapshotDay: snapshotDay, note: note)
    }
}
