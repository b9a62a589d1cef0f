// A council page's key: a digest of everything the page is made from, so that a build can keep the
// page the last build made from the same key instead of making it again.

/// Keys the pages of councils without a partnership. Such a page is made from:
/// - its council's own files (figures and narrative), and the figures files of England, its region
///   and the councils before and after it (no page shows another area's narrative);
/// - what every page reads: this program, the site's settings, the measures, the releases, the
///   agencies and the names of every area (``BuildManifest/InputDigests/shared``), and the site's date;
/// - its charts, which are drawn from the same files, and their sizes;
/// - three things made from other councils' figures, whose words are taken into the key as they
///   appear: the summary of its latest year (beside its statistical neighbours), its regional
///   adoption agency section (beside the councils not yet in one) and its narrative with its
///   tokens filled in.
///
/// A partnership's page reads its neighbours' and every council's changes throughout (medians,
/// ranks, their charts), so it has no key and is always made again, as is England's.
enum PageKeys {
    /// The key of `comparison`'s page, or `nil` for a page that is always made.
    static func key(
        of comparison: AuthorityComparison, narrative: SanitisedHTML?, site: SiteContext, inputs: BuildManifest.InputDigests
    ) -> String? {
        let authority = comparison.authority
        let dataset = site.dataset
        guard authority.partnership == nil, authority.id != dataset.england?.id, !authority.isDraft else { return nil }
        var lines = ["council page", inputs.shared, "dated \(site.dataDate?.description ?? "never")"]
        // The council's own files (the measures' catalogue is in `shared`); of the other areas the
        // page reads only their figures and names, not their narratives.
        func file(_ name: String) { lines.append(inputs.files[name] ?? "\(name) absent") }
        file("\(authority.id).json")
        file("\(authority.id).md")
        if let england = dataset.england { file("\(england.id).json") } else { lines.append("no England") }
        let region = dataset.region(of: authority)
        if let region { file("\(region.id).json") } else { lines.append("no region") }
        // The councils before and after it, found as the page finds them: among the published councils.
        for id in (authority.official?.predecessors ?? []) + (authority.official?.successors ?? []) {
            if dataset.authorities.contains(where: { $0.id == id }) { file("\(id).json") } else { lines.append("\(id) not published") }
        }
        for chart in site.charts.charts(for: authority.id) {
            let sizes = site.chartSizes[chart.id]
            lines.append(
                "chart \(chart.id) \(sizes.map { "\($0.png.bytes) \($0.png.width) \($0.png.height) \($0.csv)" } ?? "without sizes")")
        }
        lines.append("summary " + OfficialSummary.sentences(authority, region: region, dataset: dataset).joined(separator: " "))
        let shell = Page(route: Route.authority(authority.id), title: authority.name, description: "", body: [])
        var made: [UInt8] = Array("agency ".utf8)
        for node in AgencyPages.councilSection(authority, site: site, page: shell) { node.render(into: &made) }
        lines.append(SHA256.hex(made))
        lines.append("narrative " + (narrative.map { SHA256.hex($0.html) } ?? "none"))
        return SHA256.hex(lines.joined(separator: "\n"))
    }
}

/// What lets a build keep council pages from the last one: this build's input digests, and the key
/// each page was made from by the last build, by path.
struct PageReuse: Sendable {
    let inputs: BuildManifest.InputDigests
    let previous: [String: String]
}
