// The regional adoption agencies: a page listing them all, a page per agency (its go-live, the
// dates sources disagree on, its members and when each joined, its sources), and the section of a
// council's page that names its agency.

import Foundation

enum AgencyPages {
    /// agencies.html: every agency, its go-live and how many councils it serves.
    static func index(site: SiteContext) -> Page {
        let shell = Page(route: Route.agencies, title: "Regional adoption agencies", description: "", body: [])
        let agencies = site.dataset.agencies
        let dated = agencies.filter(\.goLive.splitsPeriods).count
        let body: [HTMLNode] = [
            Blocks.heading(1, "Regional adoption agencies"),
            Blocks.paragraph(
                "From 2017 almost every council in England moved its adoption service into a regional adoption agency, a partnership of councils, sometimes with voluntary adoption agencies. Each went live on its own day. This site records \(UKFormat.counted(agencies.count, "agency", "agencies")); for \(UKFormat.counted(dated, "agency", "agencies")) a source gives the month or day it went live, and only such dates are used to tell a council's years before it joined from those after.",
                className: "lead"),
            el(
                "p",
                .text("How the councils that joined compare with those not yet in an agency over the same years: "),
                Blocks.link(shell.link(Route.nationalJoining), "after joining, nationally"), .text(".")),
            Blocks.table(
                caption: "Regional adoption agencies, by name", header: ["Agency", "DfE code", "Went live", "Member councils (2022-23)"],
                rows: agencies.map { agency in
                    [
                        Blocks.link(shell.link(Route.agency(agency.id)), agency.name), .text(agency.code ?? "none"),
                        .text(dateWords(agency.goLive)), .text(String(agency.currentMembers.count)),
                    ]
                }, numeric: [3]),
        ]
        return Page(
            route: shell.route, title: "Regional adoption agencies",
            description: "Every regional adoption agency in England: when it went live, as its sources say, and its member councils.",
            body: body)
    }

    /// joining.html: every council that joined on a sourced date, aligned on its own joining,
    /// against the councils not yet in an agency over the same years.
    static func national(site: SiteContext) -> Page? {
        guard let picture = site.charts.national else { return nil }
        let shell = Page(route: Route.nationalJoining, title: "", description: "", body: [])
        let noun = picture.measure.noun
        func index(_ value: Double?) -> String { value.map { UKFormat.number($0, decimals: 0) } ?? "" }
        let rows = picture.years.map { year -> [HTMLNode] in
            let sizes = year.points.map(\.comparisonCouncils)
            // A difference found against few councils moves with each of them: the reading says so.
            let caution =
                year.restsOnFewCouncils
                ? "; but some councils are set against fewer than \(NationalJoining.fewCouncils) not yet in an agency (as few as \(year.fewestCompared ?? 0)), so read with care"
                : ""
            return [
                .text(year.label), .text(String(year.points.count)), .text(index(year.indexMean)), .text(index(year.comparisonMean)),
                .text(
                    year.mean.map { mean in
                        index(mean) + (year.interval.map { " (\(index($0.lowerBound)) to \(index($0.upperBound)))" } ?? "")
                    } ?? ""),
                .text(sizes.isEmpty ? "" : (sizes.min() == sizes.max() ? "\(sizes[0])" : "\(sizes.min() ?? 0) to \(sizes.max() ?? 0)")),
                .text(year.reading.words + caution),
            ]
        }
        let body: [HTMLNode] =
            [
                Blocks.heading(1, "After joining a regional adoption agency, nationally"),
                Blocks.paragraph(
                    "Each council that joined an agency on a date a source states (\(picture.joiners) of the \(picture.members) councils in an agency) is lined up on its own joining: year +1 is its first full financial year in the agency, −2 the year before its last full year outside it. Its \(noun) each year is an index of its last full year before joining (= 100). Beside it, over exactly the same calendar years, are the councils that had not yet joined any agency, added together and indexed the same way, so that a change every council saw is not mistaken for one that joining brought.",
                    className: "lead"),
            ]
            + site.charts.charts(forIndicator: picture.measure.id).filter { $0.kind == .joining }.map {
                ChartSection.html($0, page: shell, site: site, headingLevel: 2)
            }
            + [
                Blocks.table(
                    caption: "\(picture.measure.title): councils aligned on their own joining, against the councils not yet in an agency",
                    header: [
                        "Years since joining", "Councils", "Their index (geometric mean)", "Not yet joined, same years (geometric mean)",
                        "Relative: 100 = changed as the not yet joined did (95% interval)", "Councils not yet joined, per council compared",
                        "Reading",
                    ], rows: rows, numeric: [1, 2, 3, 4, 5]),
                Blocks.heading(2, "What this can and cannot show"),
                el(
                    "ul",
                    el(
                        "li",
                        "Councils did not join at random or at once. Most joined between 2017 and 2021; those that joined later may differ from those that joined first, and the group not yet in an agency shrinks year by year until, from 2021, it is a few councils unlike the rest."
                    ),
                    el(
                        "li",
                        "Other things changed in the same years: court decisions on adoption (from 2013), the pandemic (from 2020) and local changes to children's services. Comparing with councils over the same calendar years allows for what they shared, not for what only the joiners had."
                    ),
                    el(
                        "li",
                        "Each row has its own councils: a council joining in 2020 has no year +4 yet in DfE's figures, so later rows rest on earlier joiners. The number of councils behind each row is given."
                    ),
                    el(
                        "li",
                        "The interval allows for how much councils differ from one another, not for the year-to-year chance in small counts, which it would widen further. Councils whose joining date is not known, or known only to the year, are left out."
                    )),
            ]
        return Page(
            route: Route.nationalJoining, title: "After joining, nationally",
            description:
                "Councils lined up on their own joining of a regional adoption agency, against those not yet in one over the same years.",
            body: body)
    }

    /// agencies/<id>.html.
    static func page(_ agency: Agency, site: SiteContext) -> Page {
        let shell = Page(route: Route.agency(agency.id), title: agency.name, description: "", body: [])
        let dataset = site.dataset
        let citations = Citations(agency.sources)
        var body: [HTMLNode] = [Blocks.heading(1, agency.name)]
        var lead = "Regional adoption agency"
        if let code = agency.code { lead += ", code \(code) in DfE's agency-level data" }
        if let host = agency.lead.flatMap(dataset.authority) { lead += "; led by \(host.name)" }
        body.append(Blocks.paragraph(lead + ".", className: "lead"))
        body.append(
            el("p", el("strong", "Went live: "), .text(dateWords(agency.goLive) + "."), citations.marks(agency.goLive.source)))
        if !agency.goLive.splitsPeriods {
            body.append(
                Blocks.paragraph(
                    "No source read gives the month or day it went live, so no council's years are split into before and after joining it."
                ))
        }
        // A member that worked with one of the agency's voluntary partners before the agency began.
        for (council, partnership) in bridges(agency, dataset: dataset) {
            body.append(
                el(
                    "p",
                    .text(
                        "\(council.shortName) had its own partnership with \(partnership.partner) from \(partnership.phases[0].start.wording), before this agency went live; "
                    ), Blocks.link(shell.link(Route.authority(council.id)), "its page"),
                    .text(" sets out both periods.")))
        }
        if !agency.otherGoLives.isEmpty {
            body.append(Blocks.heading(2, "Other dates given"))
            body.append(
                el(
                    "ul",
                    children: agency.otherGoLives.map { other in
                        el("li", .text(dateWords(other) + (other.note.map { ": \($0)" } ?? "")), citations.marks(other.source))
                    }))
            body.append(Blocks.paragraph("The date above is the one used; the others are shown so that the disagreement stays visible."))
        }
        if !agency.voluntaryPartners.isEmpty {
            body.append(Blocks.heading(2, "Voluntary partners"))
            body.append(
                el("ul", children: agency.voluntaryPartners.map { el("li", .text($0.name), citations.marks($0.source)) }))
        }
        if let note = agency.note { body.append(Blocks.paragraph(note)) }
        body.append(Blocks.heading(2, "Member councils"))
        body.append(
            Blocks.table(
                caption: "\(agency.name): member councils and when each joined", header: ["Council", "Joined", "Left", "Source"],
                rows: agency.members.sorted { areaName($0.authorityID, dataset) < areaName($1.authorityID, dataset) }.map { member in
                    let joined = agency.joining(of: member)
                    var joinedWords: String
                    switch member.joined {
                    case .atGoLive: joinedWords = "when it went live: \(dateWords(joined))"
                    case .on(let date): joinedWords = dateWords(date) + (date.note.map { ": \($0)" } ?? "")
                    }
                    if let note = member.note { joinedWords += ". \(note)" }
                    return [
                        dataset.authority(member.authorityID).map { Blocks.link(shell.link(Route.authority($0.id)), $0.name) }
                            ?? .text(member.authorityID),
                        .text(joinedWords), .text(member.left.map { dateWords($0) + ($0.note.map { ": \($0)" } ?? "") } ?? ""),
                        .group([citations.marks(member.source)]),
                    ]
                }))
        body.append(contentsOf: membersFigures(agency, dataset: dataset, page: shell))
        body.append(contentsOf: citations.section())
        return Page(
            route: shell.route, title: agency.name,
            description: "\(agency.name): when it went live, as its sources say, and its member councils with their joining dates.",
            body: body)
    }

    /// Each member's DfE counts in the last full year before the agency went live and the second
    /// full year after, and the founding members' counts added together (labelled as computed; only
    /// when every founding member has both figures).
    static func membersFigures(_ agency: Agency, dataset: Dataset, page: Page) -> [HTMLNode] {
        guard agency.goLive.splitsPeriods, let goLive = agency.goLive.date, let years = JoiningComparison.years(around: goLive) else {
            return []
        }
        var body: [HTMLNode] = [Blocks.heading(2, "Before and after it went live")]
        body.append(
            Blocks.paragraph(
                "DfE's figures for \(years.before.label), the last full year before \(agency.name) went live, and \(years.after.label), the second full year after. A member that joined later is shown but not added in. The total is computed here by adding the founding members' published counts; DfE does not publish it."
            ))
        for id in JoiningComparison.measures {
            guard let indicator = dataset.indicator(id) else { continue }
            var rows: [[HTMLNode]] = []
            var marks: [String] = []
            var total = (from: 0.0, to: 0.0)
            var complete = true
            for member in agency.members.sorted(by: { areaName($0.authorityID, dataset) < areaName($1.authorityID, dataset) }) {
                guard let council = dataset.authority(member.authorityID) else { continue }
                let founding: Bool
                if case .atGoLive = member.joined { founding = true } else { founding = false }
                let from = JoiningComparison.official(council, id, years.before)
                let to = JoiningComparison.official(council, id, years.after)
                if founding, let from, let to {
                    total.from += from.value
                    total.to += to.value
                } else if founding {
                    complete = false
                }
                let change = from.flatMap { from in
                    to.map {
                        UKFormat.change(
                            Change(from: from, to: $0, unit: indicator.unit, polarity: indicator.polarity), unit: indicator.unit)
                    }
                }
                // A cell DfE suppressed says so, with its symbol, whose meaning goes under the table; it is
                // never read as a number.
                func words(_ figure: Observation?, _ period: Period) -> String {
                    if let figure { return UKFormat.value(figure.value, unit: indicator.unit) }
                    guard let cell = council.series(for: id)?.suppression(in: period).first else { return "no figure" }
                    marks.append(cell.markedWords)
                    return cell.cellWords
                }
                rows.append([
                    Blocks.link(page.link(Route.authority(council.id)), council.name), .text(words(from, years.before)),
                    .text(words(to, years.after)), .text(change ?? ""),
                    .text(founding ? "" : laterWords(agency.joining(of: member))),
                ])
            }
            guard !rows.isEmpty else { continue }
            if complete, total.from > 0 {
                let relative = UKFormat.relative((total.to - total.from) / total.from * 100)
                rows.append([
                    .text("Founding members together (computed)"), .text(UKFormat.number(total.from)), .text(UKFormat.number(total.to)),
                    .text("\(UKFormat.signed(total.to - total.from, unit: indicator.unit)) (\(relative))"),
                    .text("the sum of the rows above; not published by DfE"),
                ])
            }
            body.append(
                Blocks.table(
                    caption: "\(indicator.title): \(agency.name)'s members, \(years.before.label) and \(years.after.label)",
                    header: ["Council", years.before.label, years.after.label, "Change", "Note"], rows: rows, numeric: [1, 2]))
            if !complete {
                marks.insert("No total is given: not every founding member has a DfE figure for both years.", at: 0)
            }
            if !marks.isEmpty { body.append(el("ul", ["class": "table-notes"], children: marks.uniqued().map { el("li", .text($0)) })) }
        }
        return body
    }

    /// The section of a council's page naming its agency (or agencies, for one that moved) and when it joined.
    static func councilSection(_ authority: Authority, site: SiteContext, page: Page) -> [HTMLNode] {
        let memberships = site.dataset.memberships(of: authority.id)
        guard !memberships.isEmpty else { return [] }
        var items: [HTMLNode] = []
        for (agency, member) in memberships {
            let joined = agency.joining(of: member)
            var words: String
            switch member.joined {
            case .atGoLive: words = ", a member since it went live: \(dateWords(joined))"
            case .on: words = ", joined: \(dateWords(joined))"
            }
            if let left = member.left { words += "; left: \(dateWords(left))" }
            if !joined.splitsPeriods { words += ". No source read gives the month or day it joined, so its years are not split at joining" }
            items.append(el("li", Blocks.link(page.link(Route.agency(agency.id)), agency.name), .text(words + ".")))
        }
        // Two periods of one relationship: the council's own partnership with a voluntary agency,
        // then the regional agency that agency is a partner of.
        var bridge: [HTMLNode] = []
        if let partnership = authority.partnership,
            let (agency, member) = memberships.first(where: { entry in
                bridges(entry.agency, dataset: site.dataset).contains { $0.0.id == authority.id }
            })
        {
            bridge.append(
                Blocks.paragraph(
                    "Two periods with \(partnership.partner): \(authority.shortName)'s own partnership, from \(partnership.phases[0].start.wording), and from \(dateWords(agency.joining(of: member))) \(agency.name), in which \(partnership.partner) is a voluntary partner\(agency.lead == authority.id ? " and which \(authority.shortName) leads" : ""). The partnership's before and after are set out above; what changed after joining the agency follows."
                ))
        }
        return [
            Blocks.heading(2, "Regional adoption agency"),
            el("ul", children: items),
        ] + bridge
            + (site.analysis.joining(of: authority.id).map { joiningSection(authority, $0) }
                ?? site.analysis.joiningGap(of: authority.id).map {
                    [Blocks.heading(3, "Before and after joining"), Blocks.paragraph($0.words(for: authority))]
                }
                ?? [])
    }

    /// DfE's counts from the last full year before the council joined to the second full year
    /// after, beside England without it and the councils that had not yet joined an agency.
    static func joiningSection(_ authority: Authority, _ joining: JoiningComparison) -> [HTMLNode] {
        let name = authority.shortName
        let groups = joining.rows.compactMap(\.notYetJoined?.councils)
        let waiting = groups.max() ?? 0
        func benchmark(_ pair: (from: Double, to: Double), standing: Standing?) -> String {
            let relative = pair.from > 0 ? " (\(UKFormat.relative((pair.to - pair.from) / pair.from * 100)))" : ""
            let words = standing.map { "; \(name)'s change is \($0.relation) theirs" } ?? ""
            return "\(UKFormat.number(pair.from)) to \(UKFormat.number(pair.to))\(relative)\(words)"
        }
        return [
            Blocks.heading(3, "Before and after joining"),
            Blocks.paragraph(
                "DfE's figures for \(joining.before.label), the last full year before \(name) joined \(joining.agency.name), and \(joining.after.label), the second full year after. Beside them, over the same two years: England without \(name), the median change in per cent of its statistical neighbours (leaving out any that joined an agency between the same two years, which are named), and the councils that had not joined any agency by the end of \(joining.after.label) (up to \(UKFormat.counted(waiting, "council")) with figures for both years, added together; councils whose joining date is not known are left out). A change is called better or worse than England's or the not-yet-joined councils' (higher or lower, for a measure with no better direction) only when chance would not explain the gap, at 95%; the neighbours' median is shown without such a test."
            ),
            Blocks.table(
                caption: "\(name): before and after joining \(joining.agency.name), beside England and the councils not yet in an agency",
                header: [
                    "Measure", joining.before.label, joining.after.label, "Change", "England without \(name)",
                    "Councils not yet in an agency", "Statistical neighbours",
                ],
                rows: joining.rows.map { row in
                    [
                        .text(row.indicator.title), .text(UKFormat.value(row.change.from.value, unit: row.indicator.unit)),
                        .text(UKFormat.value(row.change.to.value, unit: row.indicator.unit)),
                        .text("\(UKFormat.change(row.change, unit: row.indicator.unit)), \(row.change.directionWords)"),
                        .text(row.restOfEngland.map { benchmark(($0.from, $0.to), standing: $0.standing) } ?? "no figures"),
                        .text(
                            row.notYetJoined.map {
                                "\(UKFormat.counted($0.councils, "council")): " + benchmark(($0.from, $0.to), standing: $0.standing)
                            }
                                ?? "none with figures for both years"),
                        .text(row.neighbours.map(neighbourWords) ?? "no model of neighbours for these years"),
                    ]
                }, numeric: [1, 2]),
        ]
            + (groups.contains { $0 < 10 }
                ? [
                    Blocks.paragraph(
                        "By then fewer than 10 councils with figures had not joined an agency (as few as \(UKFormat.counted(groups.min() ?? 0, "council"))), so the comparison with them rests on very few councils: read it with care."
                    )
                ] : [])
            + [
                Blocks.paragraph(
                    "This cannot show that joining caused the change. Councils did not join at random, each joined on its own day, and other things changed in the same years; the councils not yet in an agency are a comparison over the same years, not a control group."
                )
            ]
    }

    /// "1 October 2019 (sourced, high confidence)", "not found".
    static func dateWords(_ date: AgencyDate) -> String {
        guard date.date != nil else { return "not found" }
        return date.words + (date.confidence.map { " (\($0.rawValue) confidence)" } ?? "")
    }

    /// "median +12% among 8 of its 10 neighbours (DfE's 2019 model); left out: Medway (joined an
    /// agency between the same two years), …".
    static func neighbourWords(_ neighbours: JoiningComparison.Neighbours) -> String {
        let counted = neighbours.counted.compactMap(\.change)
        var words =
            neighbours.median.map {
                "median \(UKFormat.relative($0)) among \(counted.count) of its \(neighbours.peers.count) neighbours"
            } ?? "no neighbour to set beside it"
        words += " (DfE's \(PeerWords.modelName(neighbours.model)))"
        let leftOut = neighbours.peers.compactMap { peer in peer.leftOut.map { "\(peer.name) (\($0.words))" } }
        if !leftOut.isEmpty { words += "; left out: \(UKFormat.list(leftOut))" }
        return words
    }

    /// The agency's members that had their own partnership with one of its voluntary partners,
    /// begun before the agency went live (Harrow and Coram before Coram Ambitious for Adoption).
    static func bridges(_ agency: Agency, dataset: Dataset) -> [(Authority, Partnership)] {
        agency.members.compactMap { member in
            guard let council = dataset.authority(member.authorityID), let partnership = council.partnership,
                agency.voluntaryPartners.contains(where: { $0.name == partnership.partner }),
                let wentLive = agency.goLive.date?.firstDay, partnership.phases[0].start.date.firstDay < wentLive
            else { return nil }
            return (council, partnership)
        }
    }

    /// Why a member is not added into the founding members' total: it joined after go-live, its
    /// joining was only planned, or no source says when it joined (so it is not called later).
    static func laterWords(_ joining: AgencyDate) -> String {
        switch joining.status {
        case .sourced: return "joined later; not added in"
        case .planned: return "joining planned, not confirmed; not added in"
        case .unknown: return "joining date not found; not added in"
        }
    }

    static func areaName(_ id: String, _ dataset: Dataset) -> String { dataset.authority(id)?.name ?? id }

    /// The sources an agency's page cites, numbered in order of first citation, with links back.
    struct Citations {
        let sources: [Source]

        init(_ sources: [Source]) { self.sources = sources }

        func marks(_ source: Source?) -> HTMLNode {
            guard let source, let index = sources.firstIndex(where: { $0.id == source.id }) else { return .group([]) }
            return .group([.text(" "), el("a", ["href": "#source-\(index + 1)"], .text("[\(index + 1)]"))])
        }

        func section() -> [HTMLNode] {
            guard !sources.isEmpty else { return [] }
            return [
                Blocks.heading(2, "Sources"),
                el(
                    "ol", ["class": "sources"],
                    children: sources.enumerated().map { index, source in
                        el("li", ["id": "source-\(index + 1)"], children: Blocks.citation(source))
                    }),
            ]
        }
    }
}
