// index.html: what the site is, one row per authority, and the side-by-side chart.

enum OverviewPage {
    static func page(site: SiteContext) -> Page {
        var page = Page(
            route: Route.overview, title: "Overview",
            description:
                "How English councils' adoption services changed during partnerships with a voluntary adoption agency, beside England over the same years.",
            body: [])
        let partnered = site.comparisons.filter { $0.authority.partnership != nil }
        let rows: [[HTMLNode]] = partnered.map { comparison in
            let authority = comparison.authority
            let name = Blocks.link(page.link(Route.authority(authority.id)), authority.name)
            let partnership = authority.partnership.map { "\($0.partner), \($0.datesLabel)" } ?? "No partnership recorded"
            guard let headline = comparison.headline else {
                return [name, .text(partnership), "No comparison yet", "", "", "", "", ""]
            }
            let unit = headline.indicator.unit
            let before =
                headline.baseline.map {
                    HTMLNode.text("\(UKFormat.value($0.observation.value, unit: unit)) (\($0.observation.period.label))")
                } ?? "—"
            let during =
                headline.outcome.map {
                    HTMLNode.text("\(UKFormat.value($0.observation.value, unit: unit)) (\($0.observation.period.label))")
                } ?? "—"
            let change =
                headline.change.map { HTMLNode.text(UKFormat.change($0, unit: unit)) }
                ?? .text(headline.unavailable.map { "Not compared: \($0.words)" } ?? "—")
            let direction = headline.change.map(Blocks.direction) ?? ""
            let england =
                headline.england.map { HTMLNode.text(UKFormat.change($0.change, unit: unit)) } ?? "No England figures for these periods"
            return [
                name, .text(partnership), Blocks.link(page.link(Route.indicator(headline.indicator.id)), headline.indicator.title),
                before, during, change, direction, england,
            ]
        }
        var body: [HTMLNode] = [
            Blocks.heading(1, "How adoption services changed during partnerships with a voluntary adoption agency"),
            Blocks.paragraph(
                "Some English councils asked a voluntary adoption agency, Coram, to run or help run their adoption services. This site sets each council's figures from before its partnership beside its figures during and after it, and beside England over the same years. Every figure names its source; where sources disagree, each is shown.",
                className: "lead"),
            Blocks.paragraph(
                "Every council's figures come from the Department for Education's published statistics. What a partnership, a council or the press reported is kept beside them, marked as reported, and compared only with other reported figures. Many of these are counts of a few dozen children a year, so read each change with its caveats, on the council's page."
            ),
            Blocks.heading(2, "The partnerships"),
            Blocks.table(
                caption:
                    "The headline measure for each council with a partnership: last figure before the partnership, latest during it, and England's change over the same periods",
                header: ["Authority", "Partnership", "Measure", "Before", "During", "Change", "Direction", "England, same periods"],
                rows: rows),
        ]
        body += councilLists(site, page: page)
        if let chart = mostCompared(site) {
            body.append(Blocks.heading(2, "Side by side"))
            body.append(ChartSection.html(chart, page: page, site: site))
        }
        body.append(Blocks.heading(2, "Measures"))
        body.append(
            el(
                "ul",
                children: site.dataset.indicators.filter { indicator in
                    site.comparisons.contains { $0.comparison(for: indicator.id) != nil }
                }.map { indicator in
                    el("li", Blocks.link(page.link(Route.indicator(indicator.id)), indicator.title))
                }))
        page = Page(route: page.route, title: page.title, description: page.description, body: body)
        return page
    }

    /// Every council, A to Z and then by region, as plain lists of links (no script needed), with
    /// the partnerships named first in each region.
    static func councilLists(_ site: SiteContext, page: Page) -> [HTMLNode] {
        // Listed by the short name people look for ("Kent", not "Kent County Council").
        let councils = site.dataset.authorities.filter { $0.type != .region && $0.type != .country }
            .sorted { ($0.shortName, $0.id) < ($1.shortName, $1.id) }
        let regions = site.dataset.authorities.filter { $0.type == .region }
        func item(_ authority: Authority) -> HTMLNode {
            var children: [HTMLNode] = [Blocks.link(page.link(Route.authority(authority.id)), authority.shortName)]
            var notes: [String] = []
            if let partnership = authority.partnership { notes.append("\(partnership.partner) partnership, \(partnership.datesLabel)") }
            if let lifetime = lifetime(of: authority) { notes.append(lifetime) }
            if !notes.isEmpty { children.append(.text(" (\(notes.joined(separator: "; ")))")) }
            return el("li", children: children)
        }
        var nodes: [HTMLNode] = [
            Blocks.heading(2, "Every council"),
            Blocks.paragraph(
                "All \(councils.count) councils in DfE's tables and code lists since 2010, with the partnerships marked. Councils that ended or began in a reorganisation are listed under their own names with their dates, and their pages link to the councils before and after them."
            ),
            Blocks.heading(3, "A to Z", id: "a-to-z"),
        ]
        let letters = Dictionary(grouping: councils) { String($0.shortName.prefix(1)).uppercased() }
        nodes.append(
            el(
                "nav", ["aria-label": "Councils by first letter"],
                el(
                    "ul", ["class": "letters"],
                    children: letters.keys.sorted().map { letter in
                        el("li", Blocks.link("#letter-\(letter.lowercased())", letter))
                    })))
        for letter in letters.keys.sorted() {
            nodes.append(Blocks.heading(4, letter, id: "letter-\(letter.lowercased())"))
            nodes.append(el("ul", ["class": "councils"], children: (letters[letter] ?? []).map(item)))
        }
        nodes.append(Blocks.heading(3, "By region", id: "by-region"))
        for region in regions.sorted(by: { $0.name < $1.name }) {
            let members = councils.filter { $0.region == region.name }
            guard !members.isEmpty else { continue }
            let ordered = members.filter { $0.partnership != nil } + members.filter { $0.partnership == nil }
            nodes.append(
                el(
                    "h4", ["id": "region-\(region.id)"],
                    Blocks.link(page.link(Route.authority(region.id)), region.name)))
            nodes.append(el("ul", ["class": "councils"], children: ordered.map(item)))
        }
        return nodes
    }

    /// "until 31 March 2019" or "from 1 April 2019" for a council that ended or began within the years
    /// the official tables cover; `nil` for the rest.
    static func lifetime(of authority: Authority) -> String? {
        guard let identity = authority.official else { return nil }
        var parts: [String] = []
        if let began = identity.began, began.description > "2009-04-01" { parts.append("from \(began.label)") }
        if let ended = identity.ended { parts.append("until \(ended.label)") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The side-by-side chart with the most authorities in it (the first, where several tie).
    static func mostCompared(_ site: SiteContext) -> Chart? {
        var best: SideBySideChart?
        for case let chart as SideBySideChart in site.charts.charts where chart.entries.count > (best?.entries.count ?? 0) {
            best = chart
        }
        return best
    }
}
