// What each release of the site changed: areas and figures added, figures revised and removed,
// from the records `dashboard release` keeps in releases.json.

enum ChangesPage {
    static func page(site: SiteContext) -> Page {
        let dataset = site.dataset
        var body: [HTMLNode] = [
            Blocks.heading(1, "What each release changed"),
            Blocks.paragraph(
                "Each release of this site is recorded when it is made: how many areas and figures it holds, and which figures were added, revised or removed since the release before. A revised figure is one whose source now gives a different value, or newly suppresses it, for the same area, measure and period.",
                className: "lead"),
        ]
        if dataset.releases.isEmpty {
            body.append(Blocks.paragraph("No release has been recorded yet."))
        }
        for (index, release) in dataset.releases.enumerated() {
            body.append(Blocks.heading(2, release.date.label, id: "release-\(release.date)"))
            let holds =
                "This release holds \(UKFormat.counted(release.figures, "figure")) and \(UKFormat.counted(release.suppressed, "suppressed cell")) for \(UKFormat.counted(release.areas, "area")) (councils, regions and England)."
            guard !release.first else {
                body.append(Blocks.paragraph("The first release recorded. \(holds)"))
                continue
            }
            let before = index + 1 < dataset.releases.count ? " of \(dataset.releases[index + 1].date.label)" : ""
            body.append(Blocks.paragraph("\(holds) Changes since the release\(before):"))
            if !release.changedFigures {
                body.append(Blocks.paragraph("No figure was added, revised or removed."))
                continue
            }
            for (title, ids) in [("Areas added", release.areasAdded), ("Areas removed", release.areasRemoved)] where !ids.isEmpty {
                body.append(Blocks.heading(3, title))
                body.append(el("ul", children: ids.map { el("li", .text(areaName($0, dataset))) }))
            }
            for (title, groups) in [("Figures added", release.added), ("Figures removed", release.removed)] where !groups.isEmpty {
                body.append(Blocks.heading(3, title))
                body.append(
                    Blocks.table(
                        caption: "\(title) in the release of \(release.date.label), by measure and period",
                        header: ["Measure", "Period", "Areas"],
                        rows: groups.map { group in
                            [
                                .text(measureName(group.measure, dataset)), .text(periodWords(group.period)),
                                .text(
                                    group.areas.count <= 5
                                        ? group.areas.map { areaName($0, dataset) }.joined(separator: ", ")
                                        : UKFormat.counted(group.areas.count, "area")),
                            ]
                        }))
            }
            if !release.revised.isEmpty {
                body.append(Blocks.heading(3, "Figures revised"))
                body.append(
                    Blocks.table(
                        caption: "Figures revised in the release of \(release.date.label)",
                        header: ["Area", "Measure", "Period", "Source", "Was", "Now"],
                        rows: release.revised.map { revision in
                            let unit = dataset.indicator(revision.measure)?.unit
                            return [
                                .text(areaName(revision.area, dataset)), .text(measureName(revision.measure, dataset)),
                                .text(periodWords(revision.period)), .text(revision.source), .text(valueWords(revision.from, unit: unit)),
                                .text(valueWords(revision.to, unit: unit)),
                            ]
                        }, numeric: [4, 5]))
            }
        }
        return Page(
            route: Route.changes, title: "What each release changed",
            description: "The areas and figures each release of the site added, revised and removed.", body: body)
    }

    static func areaName(_ id: String, _ dataset: Dataset) -> String { dataset.authority(id)?.name ?? id }

    static func measureName(_ id: String, _ dataset: Dataset) -> String { dataset.indicator(id)?.title ?? id }

    /// "2024-25" as the site shows it elsewhere; the notation itself if it cannot be read.
    static func periodWords(_ notation: String) -> String { (try? Period.parse(notation).get())?.label ?? notation }

    /// "182", "16.6%", or "suppressed (x)".
    static func valueWords(_ text: String, unit: Unit?) -> String {
        if text.hasPrefix("suppressed ") { return "suppressed (\(text.dropFirst("suppressed ".count)))" }
        guard let value = Double(text) else { return text }
        return unit.map { UKFormat.value(value, unit: $0) } ?? UKFormat.number(value)
    }
}
