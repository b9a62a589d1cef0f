// The words at the top of a council's page that its official figures support: its latest year in
// DfE's tables beside its region and England, where its series starts, and the councils before and after it.

enum OfficialSummary {
    /// A few sentences on the area's latest official year; empty when it has no official figures.
    /// They describe, and compare only a percentage with a percentage: no rise or fall is claimed.
    static func sentences(_ authority: Authority, region: Authority?, dataset: Dataset) -> [String] {
        let england = dataset.england
        var sentences: [String] = []
        let name = authority.shortName
        if let lookedAfter = latest(authority, OfficialMeasure.lookedAfter) {
            sentences.append(
                "\(ChartWords.when(lookedAfter.period).sentenceCased), \(name) looked after \(children(lookedAfter.value)).")
        }
        if let ceased = latest(authority, OfficialMeasure.ceased) {
            var parts: [String] = []
            for (measure, words) in [
                (OfficialMeasure.adopted, "were adopted"),
                (OfficialMeasure.specialGuardianship, "left through a special guardianship order"),
            ] {
                if let figure = figure(authority, measure, in: ceased.period) {
                    parts.append("\(UKFormat.number(figure.value)) \(words)")
                }
            }
            sentences.append(
                "\(ChartWords.when(ceased.period).sentenceCased), \(children(ceased.value)) left care\(parts.isEmpty ? "" : ": \(UKFormat.list(parts))")."
            )
        }
        if let share = latest(authority, OfficialMeasure.adoptedShare) {
            var others: [String] = []
            for area in [region, england].compactMap({ $0 }) {
                if let theirs = figure(area, OfficialMeasure.adoptedShare, in: share.period) {
                    others.append("\(UKFormat.value(theirs.value, unit: .percent)) in \(place(area))")
                }
            }
            sentences.append(
                "Of the children who left care \(ChartWords.when(share.period)), \(UKFormat.value(share.value, unit: .percent)) were adopted\(others.isEmpty ? "" : ", against \(UKFormat.list(others))")."
            )
        }
        if let standing = Chance.adoptedShareStanding(of: authority, in: dataset) { sentences.append(standingSentence(standing)) }
        return sentences
    }

    /// "With 11 adopted of 150 who left care, the 95% interval around 7% is 4% to 12%: similar to
    /// England's 9%, and worse than the 12% of its statistical neighbours taken together (…)."
    static func standingSentence(_ standing: ShareStanding) -> String {
        let whole = { (value: Double) in UKFormat.number(value, decimals: 0) + "%" }
        var comparisons: [String] = []
        if let england = standing.england { comparisons.append("\(england.standing.relation) England's \(whole(england.share))") }
        if let neighbours = standing.neighbours {
            comparisons.append(
                "\(neighbours.standing.relation) the \(whole(neighbours.share)) of its statistical neighbours taken together (\(neighbours.counted) of \(neighbours.of) with figures, DfE's \(PeerWords.modelName(neighbours.model)))"
            )
        }
        let level = standing.level == 95 ? "95%" : "99.8%"
        return
            "With \(UKFormat.number(standing.count)) adopted of \(UKFormat.number(standing.total)) who left care in \(standing.period.label), the \(level) interval around \(whole(standing.share)) is \(whole(standing.interval.lowerBound)) to \(whole(standing.interval.upperBound))\(comparisons.isEmpty ? "." : ": " + UKFormat.list(comparisons) + ".")"
    }

    /// The sentence for a partnership that began before the council's official series: nothing
    /// official is compared across the start, and the page says so.
    static func seriesStart(_ authority: Authority) -> String? {
        guard let partnership = authority.partnership else { return nil }
        let official = authority.series.flatMap(\.observations).filter(\.official)
        guard let first = official.min(by: { $0.period < $1.period }), let start = first.period.start, start > partnership.firstDay else {
            return nil
        }
        return
            "DfE's figures for \(authority.shortName) here start with \(first.period.label), after the partnership began (\(partnership.firstDay.label)), so no official figure is compared across its start: the before-and-during comparisons use figures that the partnership, the council or the press reported."
    }

    /// "It ended on 31 March 2019; its figures continue under …" and "It began on 1 April 2019,
    /// from …", with links to those councils' pages.
    static func reorganisation(_ authority: Authority, all: [Authority], page: Page) -> [HTMLNode] {
        guard let identity = authority.official else { return [] }
        func links(_ ids: [String]) -> [HTMLNode] {
            let found = ids.compactMap { id in all.first { $0.id == id } }
            var nodes: [HTMLNode] = []
            for (index, council) in found.enumerated() {
                if index > 0 { nodes.append(.text(index == found.count - 1 ? " and " : ", ")) }
                nodes.append(Blocks.link(page.link(Route.authority(council.id)), council.shortName))
            }
            return nodes
        }
        var paragraphs: [HTMLNode] = []
        if !identity.predecessors.isEmpty, let day = identity.began {
            paragraphs.append(
                el(
                    "p",
                    children: [.text("\(authority.shortName) began on \(day.label), taking over from ")] + links(identity.predecessors) + [
                        .text(".")
                    ]))
        }
        if let day = identity.ended {
            let successors = links(identity.successors)
            paragraphs.append(
                el(
                    "p",
                    children: [.text("\(authority.shortName) ended on \(day.label)")]
                        + (successors.isEmpty ? [.text(".")] : [.text("; its area's figures continue under ")] + successors + [.text(".")]))
            )
        }
        return paragraphs
    }

    /// "the South West", "London", "England": a region named for a compass point takes "the".
    static func place(_ area: Authority) -> String {
        let points = ["North ", "South ", "East ", "West "]
        return area.type == .region && points.contains(where: area.shortName.hasPrefix) ? "the \(area.shortName)" : area.shortName
    }

    private static func children(_ count: Double) -> String {
        count == 1 ? "1 child" : "\(UKFormat.number(count)) children"
    }

    /// The latest official figure of a measure, as the site uses it.
    private static func latest(_ authority: Authority, _ measure: String) -> Observation? {
        authority.series(for: measure)?.officialFigures.last
    }

    private static func figure(_ authority: Authority, _ measure: String, in period: Period) -> Observation? {
        authority.series(for: measure)?.officialFigure(in: period)
    }
}
