// The methodology, accessibility statement and "not found" pages.

enum InformationPages {
    /// Written from the same rules the engine follows, so the page cannot disagree with the computation.
    static func methodology(site: SiteContext) -> Page {
        var body: [HTMLNode] = [
            Blocks.heading(1, "How the figures are compared"),
            Blocks.paragraph(
                "Every comparison on this site follows the rules below. They are the rules the comparison engine runs; this page is generated from them.",
                className: "lead"),
        ]
        for rule in Methodology.descriptions {
            body.append(Blocks.heading(2, rule.title, id: rule.id))
            body.append(Blocks.paragraph(rule.text))
            let cited = Methodology.methods.filter { $0.rule == rule.id }
            if !cited.isEmpty {
                body.append(
                    el(
                        "ul", ["class": "methods"],
                        children: cited.map { method in
                            el("li", .text("Method: \(method.citation). "), el("a", ["href": method.url], .text(method.url)))
                        }))
            }
        }
        body.append(Blocks.heading(2, "Periods", id: "periods"))
        body.append(
            Blocks.paragraph(
                "Sources describe time in several ways. The data files write each in one notation, and the site shows it in words:"))
        let examples = [
            "2014-15", "2014", "2012-13..2014-15", "2019-03-31", "2013-04-01..2013-11-30", "..2015-09-30", "2007-03-01..", "unstated",
        ]
        body.append(
            Blocks.table(
                caption: "How periods are written and shown", header: ["Written", "Shown as", "Kind"],
                rows: examples.compactMap { try? Period.parse($0).get() }.map {
                    [.text($0.notation), .text($0.label), .text($0.kindDescription)]
                }))
        body.append(Blocks.heading(2, "How official a figure is", id: "status"))
        body.append(
            el(
                "ul",
                children: Status.allCases.map { status in
                    let meaning: String
                    switch status {
                    case .published: meaning = "an official statistic as first published"
                    case .revised: meaning = "an official statistic as revised in a later release"
                    case .provisional: meaning = "an official statistic marked provisional"
                    case .reportedClaim: meaning = "a figure reported by a partner, a council or the press, not read in official statistics"
                    }
                    return el("li", el("strong", .text(status.label)), .text(": \(meaning)."))
                }))
        if !site.dataset.agencies.isEmpty {
            body.append(Blocks.heading(2, "Joining a regional adoption agency", id: "joining"))
            body.append(
                Blocks.paragraph(
                    "Each council's page compares DfE's counts in the last full financial year before it joined its regional adoption agency with the second full year after (joining in November 2020: 2019-20 and 2022-23), for children adopted and children who left care through a special guardianship order. Only a joining date that a source states, known to the month or day, is used; a planned date, a date known only to the year, or one not found splits nothing, and the page says so. The council's change is set beside England's without it and beside the councils that had not joined any agency by the end of the later year, added together, with the same test of chance as the partnerships (a Wilson interval around the council's later count as a share of its two). Councils whose joining date is not known are left out of that group, since they cannot be placed."
                ))
            body.append(
                Blocks.paragraph(
                    "What this cannot show: that joining caused a change. Councils did not join at random, most joined within three years of each other, other things changed in the same years (the courts' decisions, the pandemic), and by 2022 almost every council had joined, so the group not yet in an agency becomes small and unlike the councils that joined."
                ))
        }
        body.append(Blocks.heading(2, "Narratives", id: "narratives"))
        body.append(
            Blocks.paragraph(
                "Each authority's evaluation is written in our own words. Its figures are filled in from the data when the site is built, so they cannot drift from it; a narrative that names a figure the data does not have stops the build."
            ))
        return Page(route: Route.methodology, title: "Methodology", description: "The rules the comparisons follow.", body: body)
    }

    static func accessibility(site: SiteContext) -> Page {
        let body: [HTMLNode] = [
            Blocks.heading(1, "Accessibility statement"),
            Blocks.paragraph(
                "We want everyone who needs these figures to be able to use this site. We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.",
                className: "lead"),
            Blocks.heading(2, "What we do"),
            el(
                "ul",
                el(
                    "li",
                    "Every page works without JavaScript, and every link and image path is relative, so the site works from a file share, a sub-folder of another site, or opened from disk. The one exception is the \u{201C}page not found\u{201D} page, which a web server shows at any address, so its links start from the site's own address."
                ),
                el(
                    "li",
                    "Every chart has a text alternative written from its numbers, a visible description, and the table of values behind it, with a caption and column headers."
                ),
                el(
                    "li",
                    "Change is always given in words (improving, worsening, increasing, decreasing) with an arrow, never by colour alone; chart lines differ in dash and marker as well as colour."
                ),
                el(
                    "li",
                    "Pages have a skip link, one main heading and headings in order, visible focus, text contrast of at least 4.5 to 1, and they reflow to 320 pixels wide, where short tables become one card per row. Text on the charts reaches 4.5 to 1 as well, measured on the drawn pixels."
                ),
                el("li", "Printing a page keeps its charts and tables and leaves out the navigation.")),
            Blocks.heading(2, "How we check"),
            el(
                "ul",
                el(
                    "li",
                    "Every build checks that each image has alternative text that is not its title, that every link and image resolves to a file in the site, and that text from the data is escaped."
                ),
                el(
                    "li",
                    "The project's checks run the Nu HTML checker on every page, follow every link, and audit every page in a real browser with axe-core against the WCAG 2.2 A and AA rules."
                )),
            Blocks.heading(2, "Known limitations"),
            el(
                "ul",
                el("li", "Charts are images. Their tables carry the same figures, and their descriptions say what they show."),
                el("li", "Most source documents are on other websites, which we do not control.")),
            Blocks.heading(2, "Reporting a problem"),
            site.settings.contact.map { contact -> HTMLNode in
                el(
                    "p", .text("If something on this site is hard to use, or you need its figures in another format, write to "),
                    Blocks.link(contact.hasPrefix("https://") ? contact : "mailto:\(contact)", contact),
                    .text(", saying which page and what went wrong."))
            }
                ?? Blocks.paragraph(
                    "If something on this site is hard to use, or you need its figures in another format, tell the team that publishes it, saying which page and what went wrong. This release of the site names no contact address."
                ),
            Blocks.heading(2, "Enforcement"),
            el(
                "p",
                .text(
                    "Where a public sector body publishes this site, the Equality and Human Rights Commission enforces the accessibility regulations that apply to it (the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018). If you are not content with the answer to a complaint about accessibility, contact the "
                ),
                Blocks.link("https://www.equalityadvisoryservice.com/", "Equality Advisory and Support Service"), .text(".")),
            Blocks.heading(2, "When this statement was prepared"),
            Blocks.paragraph(
                (site.settings.accessibilityTested.map {
                    "The site was last tested on \($0.label): every page through the Nu HTML checker and axe-core in a browser, and by looking at the pages and charts at full width, at 320 pixels and in print."
                } ?? "This release does not record when the site was last tested.")
                    + " This statement describes the release with figures published up to \(site.dataDateLabel)."),
        ]
        return Page(
            route: Route.accessibility, title: "Accessibility statement", description: "How this site is made accessible and checked.",
            body: body)
    }

    /// A host serves this page for any missing address, at any depth, so its links start from the
    /// site's address (or the host's root, where no address is set) and its styles travel with it.
    static func notFound(settings: SiteSettings) -> Page {
        let root = settings.baseURL ?? "/"
        return Page(
            route: Route.notFound, title: "Page not found", description: "The page was not found.",
            body: [
                Blocks.heading(1, "Page not found"),
                Blocks.paragraph("If you typed the address, check it is correct. If you followed a link, the page may have moved."),
                el("p", Blocks.link(root + Route.overview.path, "Go to the overview")),
            ], servedAnywhere: root)
    }
}
