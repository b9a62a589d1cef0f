// authorities/<id>.html: the narrative, key figures, every chart, key facts, claims, caveats and numbered sources.

enum AuthorityPage {
    static func page(_ comparison: AuthorityComparison, narrative: SanitisedHTML?, site: SiteContext) -> Page {
        let authority = comparison.authority
        let shell = Page(route: Route.authority(authority.id), title: authority.name, description: "", body: [])
        let sources = SourceList(authority: authority, england: site.dataset.england)
        var body: [HTMLNode] = [Blocks.heading(1, authority.name)]
        let identity = [authority.type?.label, authority.region, authority.gss.map { "GSS code \($0)" }].compactMap { $0 }.joined(
            separator: " · ")
        let region = site.dataset.region(of: authority)
        if let partnership = authority.partnership {
            body.append(Blocks.paragraph("\(partnership.partner) partnership, \(partnership.datesLabel). \(identity)", className: "lead"))
            if let start = OfficialSummary.seriesStart(authority) { body.append(Blocks.paragraph(start)) }
        } else if let years = officialYears(authority) {
            body.append(
                Blocks.paragraph(
                    "Official figures from the Department for Education for \(years). \(authority.type == .region ? "They count the region's councils together." : "No partnership with a voluntary adoption agency is recorded here.") \(identity)",
                    className: "lead"))
            let summary = OfficialSummary.sentences(authority, region: region, dataset: site.dataset)
            if !summary.isEmpty { body.append(Blocks.paragraph(summary.joined(separator: " "))) }
        } else if authority.official != nil {
            body.append(
                Blocks.paragraph(
                    "DfE's tables for the years ending March 2010 to 2025 hold no figures for \(authority.shortName). \(identity)",
                    className: "lead"))
        } else {
            body.append(Blocks.paragraph("No partnership is recorded yet. \(identity)", className: "lead"))
        }
        body += OfficialSummary.reorganisation(authority, all: site.dataset.authorities, page: shell)
        if authority.hasBriefingPack {
            body.append(
                el(
                    "p",
                    Blocks.link(
                        shell.link(Route.briefingPack(authority.id)),
                        "Download the briefing pack (ZIP): charts, their data, citations and a one-page summary")))
        }
        body.append(contentsOf: keyFigures(comparison, page: shell))
        if let partnership = authority.partnership {
            body.append(contentsOf: partnershipSection(partnership, sources: sources, page: shell))
        }
        if let narrative {
            body.append(el("section", ["class": "narrative", "aria-label": "Evaluation"], .sanitised(narrative)))
        }
        let charts = site.charts.charts(for: authority.id)
        if !charts.isEmpty {
            body.append(Blocks.heading(2, "Charts"))
            for chart in charts { body.append(ChartSection.html(chart, page: shell, site: site)) }
        }
        body.append(contentsOf: AgencyPages.councilSection(authority, site: site, page: shell))
        body.append(contentsOf: PeerSection.html(comparison, dataset: site.dataset, sources: sources, page: shell))
        body.append(contentsOf: figuresSection(comparison, sources: sources, page: shell))
        body.append(contentsOf: keyFactsSection(authority, sources: sources))
        body.append(contentsOf: claimsSection(comparison, sources: sources))
        body.append(contentsOf: caveatsSection(comparison))
        body.append(contentsOf: sources.section())
        // The description promises only what the page has: phases only for a partnership, an after only once it ended.
        // A long page opens with a list of its sections, after its introduction.
        if let contents = Blocks.contents(of: body),
            let first = body.firstIndex(where: { node in
                if case .element("h2", _, _) = node.content { return true } else { return false }
            })
        {
            body.insert(contents, at: first)
        }
        let description =
            authority.partnership.map { partnership in
                "\(authority.name): adoption figures before\(partnership.lastDay == nil ? " and during" : ", during and after") its partnership with \(partnership.partner), beside England and councils like it, with sources."
            }
            ?? "\(authority.name): DfE's figures on children in care and adoption, year by year, beside England and its region, with sources."
        return Page(route: shell.route, title: authority.name, description: description, body: body)
    }

    /// One card per measure with a change: before, during, change and direction, and England.
    static func keyFigures(_ comparison: AuthorityComparison, page: Page) -> [HTMLNode] {
        // Totals only, as in the before-and-after chart: DfE's components are in the charts and tables.
        let rows = comparison.indicators.filter { $0.change != nil && !OfficialMeasure.components.contains($0.indicator.id) }
        guard !rows.isEmpty else { return [] }
        let cards = rows.compactMap { row -> HTMLNode? in
            guard let change = row.change else { return nil }
            let unit = row.indicator.unit
            var items: [HTMLNode] = [
                el("h3", Blocks.link(page.link(Route.indicator(row.indicator.id)), row.indicator.title)),
                el(
                    "p", ["class": "figure-change"], .text(UKFormat.change(change, unit: unit)), " ",
                    el("span", ["class": "direction"], Blocks.direction(change))),
                Blocks.paragraph("\(ChartWords.pair(change, unit: unit).sentenceCased).", className: "figure-pair"),
                Blocks.paragraph("\(ChartWords.evidence(change).sentenceCased).", className: "figure-evidence"),
            ]
            if let england = row.england, let difference = england.difference {
                items.append(
                    Blocks.paragraph(
                        "England over the same periods: \(UKFormat.change(england.change, unit: unit)); difference \(UKFormat.difference(difference, measure: england.measure, unit: unit)).",
                        className: "figure-england"))
            }
            if let threshold = row.outcomeThreshold {
                items.append(
                    Blocks.paragraph(
                        "National threshold: \(UKFormat.value(threshold.threshold.value, unit: unit)), \(threshold.label).",
                        className: "figure-threshold"))
            }
            return el("li", ["class": "card"], children: items)
        }
        return [Blocks.heading(2, "Key figures"), el("ul", ["class": "cards"], children: cards)]
    }

    static func partnershipSection(_ partnership: Partnership, sources: SourceList, page: Page) -> [HTMLNode] {
        var items: [HTMLNode] = partnership.phases.map { phase in
            el(
                "li", el("strong", .text(phase.start.wording.sentenceCased)), .text(": \(phase.name). "),
                sources.reference(phase.start.source), .text(phase.start.note.map { " \($0)" } ?? ""))
        }
        if let end = partnership.end {
            items.append(
                el(
                    "li", el("strong", .text(end.wording.sentenceCased)), .text(": the partnership ended. "), sources.reference(end.source),
                    .text(end.note.map { " \($0)" } ?? "")))
        }
        var section: [HTMLNode] = [Blocks.heading(2, "The partnership"), el("ul", children: items)]
        if let start = partnership.comparisonStart {
            section.append(
                el(
                    "p", .text("Figures count as during the partnership from \(start.day.label). \(start.reason) "),
                    sources.reference(start.source)))
        }
        return section
    }

    /// An authority's narrative with its tokens filled in from the data, as HTML; `nil` when it has none.
    static func narrative(of comparison: AuthorityComparison, analysis: Analysis) -> Result<
        SanitisedHTML?, NarrativeProblems
    > {
        guard let text = comparison.authority.narrative else { return .success(nil) }
        let file = String(comparison.authority.file.dropLast(5)) + ".md"
        return NarrativeTokens(comparison, joining: analysis.joining(of: comparison.authority.id)).fill(text, file: file).flatMap {
            filled in
            do {
                return .success(try MarkdownRenderer.html(from: filled))
            } catch {
                return .failure(NarrativeProblems(problems: [Problem(severity: .error, file: file, message: "\(error)")]))
            }
        }
    }

    /// Every figure, by measure, with its phase, status and numbered source: the site's figures are traceable.
    static func figuresSection(_ comparison: AuthorityComparison, sources: SourceList, page: Page) -> [HTMLNode] {
        var section: [HTMLNode] = [
            Blocks.heading(2, "Every figure and its source"),
            Blocks.paragraph("Where sources disagree on a figure, its status says which one the comparisons use."),
            el(
                "p",
                Blocks.link(
                    page.link(Route.areaFigures(comparison.authority.id)),
                    "Download every figure of \(comparison.authority.shortName) (CSV), with its period, status and source")),
        ]
        // Without a partnership there is no phase to name, so the column is left out.
        let phased = comparison.authority.partnership != nil
        for row in comparison.indicators {
            guard let series = comparison.authority.series(for: row.indicator.id) else { continue }
            let unit = row.indicator.unit
            let preferred = series.preferredObservations
            var lines: [FigureLine] = series.observations.map { observation in
                let phase = row.observations.first { $0.observation.period == observation.period }?.phase.label ?? ""
                return FigureLine(
                    period: observation.period, source: observation.source,
                    cells: [.text(observation.period.label), .text(UKFormat.value(observation.value, unit: unit))]
                        + (phased ? [.text(phase)] : []),
                    status: observation.status.label,
                    used: agreement(observation, in: series, preferred: preferred, unit: unit),
                    note: note(observation.note, table: observation.table, column: observation.column))
            }
            // A suppressed cell is shown as what it is, never as a figure.
            lines += series.suppressed.map { cell in
                FigureLine(
                    period: cell.period, source: cell.source,
                    cells: [.text(cell.period.label), .text(cell.cellWords)] + (phased ? [.text("")] : []),
                    status: "suppressed", used: "", note: note(cell.meaning, table: cell.table, column: cell.column))
            }
            // Read in order of position, so that no line (with its cells and source) is copied to be moved.
            let keys = lines.map { ($0.period, $0.source.id) }
            let order = lines.indices.sorted { keys[$0] < keys[$1] }
            // A note every figure from a source shares (the table and column DfE published them in)
            // is written once under the table; a column with nothing in it is left out.
            var firstNote: [String: String] = [:]
            var differing: Set<String> = []
            for line in lines {
                if let note = firstNote[line.source.id] {
                    if note != line.note { differing.insert(line.source.id) }
                } else {
                    firstNote[line.source.id] = line.note
                }
            }
            let shared = firstNote.filter { !differing.contains($0.key) && !$0.value.isEmpty }
            let anyNote = lines.contains { shared[$0.source.id] == nil && !$0.note.isEmpty }
            // Whether sources disagree, and which figure is used, goes with the status: "revised; used".
            let rows = order.map { index -> [HTMLNode] in
                let line = lines[index]
                return line.cells + [
                    .text(line.used.isEmpty || line.status.isEmpty ? line.status + line.used : "\(line.status); \(line.used)"),
                    sources.reference(line.source),
                ]
                    + (anyNote ? [.text(shared[line.source.id] == nil ? line.note : "")] : [])
            }
            let header = ["Period", "Value"] + (phased ? ["Phase"] : []) + ["Status", "Source"] + (anyNote ? ["Note"] : [])
            // A partnership's figures are read on phones by briefing teams: there each row becomes a card.
            // Every other area's table is a reference table, which scrolls sideways like any long table.
            section.append(Blocks.table(caption: row.indicator.title, header: header, rows: rows, numeric: [1], cards: phased))
            var sharedNotes: [Source] = []
            var noted: Set<String> = []
            for index in order where shared[lines[index].source.id] != nil && noted.insert(lines[index].source.id).inserted {
                sharedNotes.append(lines[index].source)
            }
            if !sharedNotes.isEmpty {
                section.append(
                    el(
                        "ul", ["class": "table-notes"],
                        children: sharedNotes.map { source in
                            el("li", sources.reference(source), .text(" \(shared[source.id] ?? "")"))
                        }))
            }
        }
        return section
    }

    /// Whether the site uses a figure where sources give the period more than one, and for a
    /// reported figure, how it stands against DfE's own for the same period.
    /// `preferred` is the series' ``Series/preferredObservations``, worked out once per table.
    static func agreement(_ observation: Observation, in series: Series, preferred: [Observation], unit: Unit) -> String {
        let others = series.alternatives(to: observation)
        guard !others.isEmpty else { return "" }
        let used = preferred.contains { $0.provenance == observation.provenance } ? "used" : "not used"
        guard !observation.official, let official = preferred.first(where: { $0.period == observation.period && $0.official })
        else { return used }
        let difference = Change.clean(observation.value - official.value)
        if difference == 0 { return "\(used); agrees with DfE's \(UKFormat.value(official.value, unit: unit))" }
        return
            "\(used); DfE published \(UKFormat.value(official.value, unit: unit)), so this differs by \(UKFormat.signed(difference, unit: unit))"
    }

    /// "the years ending 31 March 2010 to 2025": the span of an area's official figures.
    static func officialYears(_ authority: Authority) -> String? {
        let years = authority.series.flatMap(\.observations).filter(\.official).compactMap { $0.period.end?.year }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first == last ? "the year ending 31 March \(first)" : "the years ending 31 March \(first) to \(last)"
    }

    /// A figure's note, with the table and column an imported figure was read from.
    static func note(_ note: String?, table: String?, column: String?) -> String {
        // Built in place: one of these is made for every figure of every council.
        var text = note.map { $0.hasSuffix(".") ? $0 : $0 + "." } ?? ""
        guard let table else { return text }
        if !text.isEmpty { text += " " }
        text += "Table " + table
        if let column { text += ", " + column }
        return text + "."
    }

    static func keyFactsSection(_ authority: Authority, sources: SourceList) -> [HTMLNode] {
        guard !authority.keyFacts.isEmpty else { return [] }
        let rows: [[HTMLNode]] = authority.keyFacts.map { fact in
            let value = fact.upTo.map { UKFormat.range(fact.value, $0, unit: fact.unit) } ?? UKFormat.value(fact.value, unit: fact.unit)
            var note = fact.note ?? ""
            if let about = fact.about,
                authority.keyFacts.contains(where: { $0.about == about && $0.id != fact.id && $0.value != fact.value })
            {
                note =
                    (fact.preferred
                        ? "Sources disagree; this is the one the site leads with. "
                        : "Sources disagree; another source's figure is preferred. ") + note
            }
            return [
                .text(fact.statement), .text(value), .text(fact.period.label), .text(fact.status.label), sources.reference(fact.source),
                .text(note),
            ]
        }
        return [
            Blocks.heading(2, "Key facts"),
            Blocks.table(
                caption: "Key facts, each with its source", header: ["Fact", "Value", "Period", "Status", "Source", "Note"], rows: rows,
                numeric: [1]),
        ]
    }

    static func claimsSection(_ comparison: AuthorityComparison, sources: SourceList) -> [HTMLNode] {
        let checks = comparison.indicators.flatMap(\.claims)
        guard !checks.isEmpty else { return [] }
        let items = checks.map { check -> HTMLNode in
            let verdict: String
            switch check.verdict {
            case .agrees: verdict = "Agrees with the data"
            case .differs: verdict = "Differs from the data"
            case .cannotCheck: verdict = "Cannot be checked"
            }
            return el(
                "li", el("strong", .text("\(verdict): ")), .text("\(check.claim.statement) "), sources.reference(check.claim.source),
                el("br"), .text(check.explanation))
        }
        return [Blocks.heading(2, "Claims checked against the data"), el("ul", ["class": "claims"], children: items)]
    }

    static func caveatsSection(_ comparison: AuthorityComparison) -> [HTMLNode] {
        let items = comparison.indicators.flatMap { row in row.caveats.map { (row.indicator.title, $0.text) } }
        let notCompared = comparison.indicators.compactMap { row in
            row.unavailable.map { (row.indicator.title, "Not compared: \($0.words).") }
        }
        guard !(items + notCompared).isEmpty else { return [] }
        return [
            Blocks.heading(2, "Caveats"),
            el("ul", children: (items + notCompared).map { title, text in el("li", el("strong", .text("\(title): ")), .text(text)) }),
        ]
    }
}

/// The sources cited on a page, numbered in the order they are first cited.
final class SourceList {
    private(set) var order: [Source] = []
    /// Each source's number by id, then address: a page cites a few sources thousands of times.
    private var numbers: [String: [(url: String, number: Int)]] = [:]

    init(authority: Authority, england: Authority?) {
        for source in authority.sources where numbers[source.id] == nil { add(source) }
    }

    private func add(_ source: Source) {
        order.append(source)
        numbers[source.id, default: []].append((source.url, order.count))
    }

    func number(of source: Source) -> Int {
        if let known = numbers[source.id]?.first(where: { $0.url == source.url }) { return known.number }
        add(source)
        return order.count
    }

    /// Numbers already referred to on the page: the first reference to each carries the id the
    /// list's back-link returns to.
    private var referenced: Set<Int> = []
    /// The reference to each number after its first, made once.
    private var repeated: [Int: HTMLNode] = [:]

    /// "[3]", linked to the source in the list at the foot of the page.
    func reference(_ source: Source) -> HTMLNode {
        let number = number(of: source)
        let first = referenced.insert(number).inserted
        if !first, let made = repeated[number] { return made }
        let made = el(
            "a",
            attributes: [
                ("class", "source-ref"), ("href", "#source-\(number)"), ("aria-label", "Source \(number): \(source.publisher)"),
                ("id", first ? "cite-\(number)" : nil),
            ], children: [.text("[\(number)]")])
        if !first { repeated[number] = made }
        return made
    }

    func section() -> [HTMLNode] {
        [
            Blocks.heading(2, "Sources", id: "sources"),
            el(
                "ol", ["class": "sources"],
                children: order.enumerated().map { index, source in
                    el(
                        "li", ["id": "source-\(index + 1)"],
                        children: Blocks.citation(source) + [
                            .text(source.note.map { " \($0)" } ?? ""),
                            referenced.contains(index + 1)
                                ? .group([
                                    .text(" "),
                                    el("a", ["class": "back", "href": "#cite-\(index + 1)"], "Back to where it is first cited"),
                                ]) : .empty,
                        ])
                }),
        ]
    }
}

/// One line of a measure's table of every figure: a figure, or a cell DfE suppressed.
private struct FigureLine {
    let period: Period
    let source: Source
    /// Period, value and (for a partnership) phase.
    let cells: [HTMLNode]
    let status: String
    /// Whether the comparisons use it, where sources disagree, and how it compares with DfE's figure.
    let used: String
    let note: String
}
