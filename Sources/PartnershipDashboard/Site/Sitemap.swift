// sitemap.xml and robots.txt; dates come from the data, never the clock.

enum Sitemap {
    /// Locations are relative, as every link on this site is; each page's last change is the latest
    /// publication date among the sources it draws on.
    static func xml(pages: [(path: String, lastChange: PartialDate?)]) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"]
        for page in pages.sorted(by: { $0.path < $1.path }) {
            let lastChange = page.lastChange.map { "<lastmod>\($0)</lastmod>" } ?? ""
            lines.append("  <url><loc>\(HTMLEscaping.attribute(page.path))</loc>\(lastChange)</url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    static let robots = "User-agent: *\nAllow: /\nSitemap: sitemap.xml\n"
}
