// sitemap.xml and robots.txt; dates come from the data, never the clock.

enum Sitemap {
    /// The sitemap protocol requires full addresses, so there is a sitemap only when the site's
    /// address is set; each page's last change is the latest publication date among the sources it
    /// draws on.
    static func xml(pages: [(path: String, lastChange: PartialDate?)], settings: SiteSettings) -> String? {
        guard settings.baseURL != nil else { return nil }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"]
        for page in pages.sorted(by: { $0.path < $1.path }) {
            guard let address = settings.address(of: page.path) else { continue }
            let lastChange = page.lastChange.map { "<lastmod>\($0)</lastmod>" } ?? ""
            lines.append("  <url><loc>\(HTMLEscaping.attribute(address))</loc>\(lastChange)</url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every page may be crawled; the sitemap is named by its full address, when there is one.
    static func robots(settings: SiteSettings) -> String {
        "User-agent: *\nAllow: /\n" + (settings.address(of: Route.sitemap.path).map { "Sitemap: \($0)\n" } ?? "")
    }
}
