// index.html: what the site is, one row per authority, and the side-by-side chart.

enum OverviewPage {
    static func page(site: SiteContext) -> Page {
        var page = Page(
            path: "index.html", title: "Overview",
            description:
                "How English councils' adoption services changed during partnerships with a voluntary adoption agency, beside England over the same years.",
            body: [])
        let rows: [[HTMLNode]] = site.comparisons.map { comparison in
            let authority = comparison.authority
            let name = Blocks.link(page.link("authorities/\(authority.id).html"), authority.name)
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
                ?? .text(headline.unavailableReason.map { "Not compared: \($0)" } ?? "—")
            let direction = headline.change.map(Blocks.direction) ?? ""
            let england =
                headline.england.map { HTMLNode.text(UKFormat.change($0.change, unit: unit)) } ?? "No England figures for these periods"
            return [
                name, .text(partnership), Blocks.link(page.link("indicators/\(headline.indicator.id).html"), headline.indicator.title),
                before, during, change, direction, england,
            ]
        }
        var body: [HTMLNode] = [
            Blocks.heading(1, "How adoption services changed during partnerships with a voluntary adoption agency"),
            Blocks.paragraph(
                "Some English councils asked a voluntary adoption agency, Coram, to run or help run their adoption services. This site sets each council's figures from before its partnership beside its figures during and after it, and beside England over the same years. Every figure names its source; where sources disagree, each is shown.",
                className: "lead"),
            Blocks.paragraph(
                "Most of the figures were reported by the partnerships, councils or the press rather than read in official statistics, and many are counts of fewer than a few hundred children. Read each change with its caveats, on the authority's page."
            ),
            Blocks.heading(2, "Each authority's headline measure"),
            Blocks.table(
                caption:
                    "The headline measure for each authority: last figure before the partnership, latest during it, and England's change over the same periods",
                header: ["Authority", "Partnership", "Measure", "Before", "During", "Change", "Direction", "England, same periods"],
                rows: rows),
        ]
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
                    el("li", Blocks.link(page.link("indicators/\(indicator.id).html"), indicator.title))
                }))
        page = Page(path: page.path, title: page.title, description: page.description, body: body)
        return page
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
