// Every page and file of the site, named in one place.

/// A page or file of the site. Its path is written here and nowhere else: the build stores each
/// file at its route's path, pages link to routes, and a page's date is found from its route.
enum Route: Hashable, Sendable {
    case overview, methodology, accessibility, downloads, changes, notFound, agencies, nationalJoining
    case authority(String)
    case indicator(String)
    case agency(String)
    case chart(String)
    case chartData(String)
    case briefingPack(String)
    case areaFigures(String)
    case figuresZIP, comparisonsJSON, comparisonsCSV, sourcesCSV
    case stylesheet, robots, sitemap

    /// The path from the site's root.
    var path: String {
        switch self {
        case .overview: return "index.html"
        case .methodology: return "methodology.html"
        case .accessibility: return "accessibility.html"
        case .downloads: return "downloads.html"
        case .changes: return "changes.html"
        case .notFound: return "404.html"
        case .agencies: return "agencies.html"
        case .nationalJoining: return "joining.html"
        case .authority(let id): return "authorities/\(id).html"
        case .indicator(let id): return "indicators/\(id).html"
        case .agency(let id): return "agencies/\(id).html"
        case .chart(let id): return "charts/\(id).png"
        case .chartData(let id): return "charts/\(id).csv"
        case .briefingPack(let id): return "downloads/\(id)-briefing-pack.zip"
        case .areaFigures(let id): return "downloads/figures/\(id).csv"
        case .figuresZIP: return "downloads/figures.zip"
        case .comparisonsJSON: return "downloads/comparisons.json"
        case .comparisonsCSV: return "downloads/comparisons.csv"
        case .sourcesCSV: return "downloads/sources.csv"
        case .stylesheet: return "assets/site.css"
        case .robots: return "robots.txt"
        case .sitemap: return "sitemap.xml"
        }
    }

    /// The routes without an id.
    static let fixed: [Route] = [
        .overview, .methodology, .accessibility, .downloads, .changes, .notFound, .agencies, .nationalJoining, .figuresZIP,
        .comparisonsJSON,
        .comparisonsCSV, .sourcesCSV, .stylesheet, .robots, .sitemap,
    ]

    /// The routes with an id, each with what comes before and after the id in its path.
    private static let withID: [(make: @Sendable (String) -> Route, prefix: String, suffix: String)] = [
        (Route.authority, "authorities/", ".html"), (Route.indicator, "indicators/", ".html"), (Route.agency, "agencies/", ".html"),
        (Route.chart, "charts/", ".png"), (Route.chartData, "charts/", ".csv"),
        (Route.briefingPack, "downloads/", "-briefing-pack.zip"), (Route.areaFigures, "downloads/figures/", ".csv"),
    ]

    /// The route whose path this is, if the site has one.
    init?(path: String) {
        if let route = Route.fixed.first(where: { $0.path == path }) {
            self = route
            return
        }
        for pattern in Route.withID where path.hasPrefix(pattern.prefix) && path.hasSuffix(pattern.suffix) {
            let id = String(path.dropFirst(pattern.prefix.count).dropLast(pattern.suffix.count))
            let route = pattern.make(id)
            if !id.isEmpty, !id.utf8.contains(UInt8(ascii: "/")), route.path == path {
                self = route
                return
            }
        }
        return nil
    }
}
