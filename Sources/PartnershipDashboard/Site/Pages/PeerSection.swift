// A partnership page's "Beside councils like it": each measure's change beside the council's
// statistical neighbours' and its rank among every council's, over the same years.

enum PeerSection {
    static func html(_ comparison: AuthorityComparison, dataset: Dataset, sources: SourceList, page: Page) -> [HTMLNode] {
        let authority = comparison.authority
        guard authority.partnership != nil, let models = authority.official?.neighbours, !models.isEmpty else { return [] }
        var section: [HTMLNode] = [
            Blocks.heading(2, "Beside councils like it", id: "neighbours"),
            Blocks.paragraph(
                "DfE's statistical neighbours are the ten councils most like each council on measures of need and circumstance. Each change below is set beside theirs and ranked among every council's over exactly the same years, from DfE's figures only. A neighbour with a partnership of its own over those years is shown and left out of the median."
            ),
        ]
        if let standing = Chance.adoptedShareStanding(of: authority, in: dataset) {
            section.append(
                Blocks.paragraph(
                    "The share of children leaving care who were adopted, in DfE's latest year: \(OfficialSummary.standingSentence(standing))"
                ))
        }
        let rows = comparison.indicators.filter {
            ($0.neighbours != nil || $0.rank != nil) && !OfficialMeasure.components.contains($0.indicator.id)
        }
        guard !rows.isEmpty else {
            // Nothing compared (the changes are between reported figures): say why, and list the neighbours.
            let model = models[0]
            let earliest = authority.series.flatMap(\.observations).filter(\.official).map(\.period).min()
            let why =
                earliest.flatMap { earliest in
                    authority.partnership.flatMap { partnership in
                        partnership.phase(of: earliest) == .before
                            ? nil
                            : "DfE's figures held here begin with \(earliest.label), after \(authority.shortName)'s partnership began in \(partnership.phases[0].start.wording), so DfE has no figure from before it to compare with."
                    }
                } ?? "No change on this page is between two of DfE's own figures."
            section.append(
                el(
                    "p",
                    children: [
                        .text(
                            "\(why) So no change here is set beside the neighbours'. \(authority.shortName)'s neighbours in DfE's \(PeerWords.modelName(model)) are "
                        )
                    ] + neighbourList(model, dataset: dataset, page: page) + [.text(". "), sources.reference(model.model)]))
            return section
        }
        for row in rows {
            guard let change = row.change else { continue }
            let unit = row.indicator.unit
            section.append(Blocks.heading(3, row.indicator.title))
            if let neighbours = row.neighbours {
                section.append(
                    el(
                        "p", .text(PeerWords.neighbours(neighbours, partner: authority, change: change, unit: unit) + " "),
                        sources.reference(neighbours.model.model)))
                section.append(table(neighbours, row: row, change: change, authority: authority, page: page))
            }
            if let rank = row.rank { section.append(Blocks.paragraph(PeerWords.rank(rank, partner: authority, change: change))) }
            if let without = row.england?.without {
                section.append(
                    Blocks.paragraph(
                        "England without \(authority.shortName), over the same years: \(row.indicator.noun) went from about \(UKFormat.number((without.from / 10).rounded() * 10)) to about \(UKFormat.number((without.to / 10).rounded() * 10)) (\(UKFormat.relative(without.relative))), DfE's national figures being rounded to the nearest 10."
                            + (row.england?.standing.map {
                                " " + PeerWords.standing($0, partner: authority, benchmark: "the rest of England's")
                            } ?? "")
                    ))
            }
            for (lead, change, neighbours, rank) in [
                ("From before the partnership to after it", row.afterChange, row.neighboursAfter, row.rankAfter),
                (
                    "From the latest year during the partnership to the latest after it", row.sinceDuring, row.neighboursSinceDuring,
                    row.rankSinceDuring
                ),
            ] {
                guard let change, neighbours != nil || rank != nil else { continue }
                let words =
                    [
                        "\(row.indicator.noun.sentenceCased) in \(authority.shortName) \(ChartWords.movement(change, unit: unit)) (\(ChartWords.pair(change, unit: unit)))."
                    ]
                    + [
                        neighbours.map { PeerWords.neighbours($0, partner: authority, change: change, unit: unit) },
                        rank.map { PeerWords.rank($0, partner: authority, change: change) },
                    ].compactMap { $0 }
                section.append(Blocks.paragraph("\(lead) (\(PeerWords.pair(change))): " + words.joined(separator: " ")))
            }
        }
        return section
    }

    /// Each neighbour's figures for the two years, its change and whether it is counted.
    private static func table(
        _ neighbours: NeighbourComparison, row: IndicatorComparison, change: Change, authority: Authority, page: Page
    ) -> HTMLNode {
        let unit = row.indicator.unit
        let rows: [[HTMLNode]] = neighbours.peers.map { peer in
            let name: HTMLNode = peer.authorityID.map { Blocks.link(page.link(Route.authority($0)), peer.name) } ?? .text(peer.name)
            var note: [String] = [peer.exclusion.map { "Left out: \($0.words)." } ?? "Counted."]
            if let source = peer.followedBackTo {
                note.append(
                    "The figures are \(source.shortName)'s: \(peer.name) did not exist over these years and took over part of its area.")
            }
            return [
                name, .text(peer.closeness ?? ""),
                .text(peer.change.map { UKFormat.value($0.from.value, unit: unit) } ?? "—"),
                .text(peer.change.map { UKFormat.value($0.to.value, unit: unit) } ?? "—"),
                .text(peer.change.map { UKFormat.change($0, unit: unit) } ?? "—"),
                .text(peer.change.map(\.directionWords) ?? ""),
                .text(note.joined(separator: " ")),
            ]
        }
        return Blocks.table(
            caption:
                "\(row.indicator.title), \(PeerWords.pair(change)): \(authority.shortName)'s statistical neighbours in DfE's \(PeerWords.modelName(neighbours.model))",
            header: [
                "Council", "Closeness", change.from.period.label, change.to.period.label, "Change", "Direction", "In the median",
            ],
            rows: rows, numeric: [2, 3, 4])
    }

    /// "Redbridge (Close), Ealing (Close), …", each linked to its page.
    private static func neighbourList(_ model: StatisticalNeighbours, dataset: Dataset, page: Page) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        for (index, neighbour) in model.nearest.enumerated() {
            if index > 0 { nodes.append(.text(index == model.nearest.count - 1 ? " and " : ", ")) }
            let name = neighbour.authorityID.flatMap(dataset.authority)?.shortName ?? "council \(neighbour.dfeCode)"
            nodes.append(neighbour.authorityID.map { Blocks.link(page.link(Route.authority($0)), name) } ?? .text(name))
            nodes.append(.text(" (\(neighbour.closeness.lowercased()))"))
        }
        return nodes
    }
}
