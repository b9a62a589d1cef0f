// The frame every page shares: head, skip link, header and navigation, main, footer. Links are relative.

/// One page of the site, at a path relative to the site's root.
struct Page {
    /// "index.html", "authorities/kent.html".
    let path: String
    let title: String
    let description: String
    let body: [HTMLNode]

    /// How many folders deep the page is, so links can be written relative to it.
    var depth: Int { path.split(separator: "/").count - 1 }

    /// The prefix that leads from this page back to the site's root: "" or "../".
    var root: String { String(repeating: "../", count: depth) }

    /// A link from this page to a path relative to the root.
    func link(_ target: String) -> String { root + target }

    func html(site: SiteContext) -> String {
        let navigation: [(String, String)] = [
            ("index.html", "Overview"), ("methodology.html", "Methodology"), ("downloads.html", "Downloads"),
            ("accessibility.html", "Accessibility"),
        ]
        let nav = el(
            "nav", ["aria-label": "Main"],
            el(
                "ul",
                children: navigation.map { target, label in
                    el(
                        "li",
                        children: [
                            el(
                                "a", attributes: [("href", link(target)), ("aria-current", target == path ? "page" : nil)],
                                children: [.text(label)])
                        ])
                }))
        let document = el(
            "html", ["lang": "en-GB"],
            el(
                "head",
                el("meta", ["charset": "utf-8"]),
                el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                el("title", .text("\(title) – \(SiteContext.name)")),
                el("meta", ["name": "description", "content": description]),
                el("link", ["rel": "stylesheet", "href": link("assets/site.css")])),
            el(
                "body",
                el("a", ["class": "skip-link", "href": "#main"], "Skip to main content"),
                el(
                    "header", ["class": "site-header"],
                    el(
                        "div", ["class": "container"],
                        el("a", ["class": "site-name", "href": link("index.html")], .text(SiteContext.name)), nav)),
                el("main", ["id": "main", "class": "container", "tabindex": "-1"], children: body),
                el(
                    "footer", ["class": "site-footer"],
                    el(
                        "div", ["class": "container"],
                        el(
                            "p",
                            .text(
                                "Built from the files in Authorities/ by the Partnership Dashboard. Latest source publication: \(site.dataDateLabel). "
                            ),
                            el("a", ["href": link("accessibility.html")], "Accessibility statement"), ". ",
                            el("a", ["href": link("methodology.html")], "How the figures are compared"), "."),
                        el("p", "This site is independent; it is not a government service."))))
        )
        return "<!DOCTYPE html>\n" + document.rendered
    }
}

/// Small builders for the pieces pages repeat.
enum Blocks {
    static func heading(_ level: Int, _ text: String, id: String? = nil) -> HTMLNode {
        el("h\(level)", attributes: [("id", id)], children: [.text(text)])
    }

    static func paragraph(_ text: String, className: String? = nil) -> HTMLNode {
        el("p", attributes: [("class", className)], children: [.text(text)])
    }

    static func link(_ href: String, _ text: String) -> HTMLNode { el("a", ["href": href], .text(text)) }

    /// A table with a caption, a header row of column headers and, when `rowHeaders`, a header cell per row.
    static func table(caption: String, header: [String], rows: [[HTMLNode]], rowHeaders: Bool = true, numeric: Set<Int> = []) -> HTMLNode {
        let head = el(
            "thead",
            el(
                "tr",
                children: header.enumerated().map { index, title in
                    el(
                        "th", attributes: [("scope", "col"), ("class", numeric.contains(index) ? "numeric" : nil)], children: [.text(title)]
                    )
                }))
        let body = el(
            "tbody",
            children: rows.map { cells in
                el(
                    "tr",
                    children: cells.enumerated().map { index, cell in
                        index == 0 && rowHeaders
                            ? el("th", ["scope": "row"], cell)
                            : el("td", attributes: [("class", numeric.contains(index) ? "numeric" : nil)], children: [cell])
                    })
            })
        // The wrapper scrolls sideways on narrow screens; it can take focus so keyboards can scroll it too.
        return el(
            "div", ["class": "table-wrapper", "role": "region", "aria-label": caption, "tabindex": "0"],
            el("table", el("caption", .text(caption)), head, body))
    }

    /// The direction of a change as an arrow (hidden from screen readers) and a word.
    static func direction(_ change: Change) -> HTMLNode {
        .group([
            el("span", ["class": "arrow", "aria-hidden": "true"], .text(change.direction.arrow(for: change.absolute) + " ")),
            .text(change.directionWords),
        ])
    }

    /// "1.2 MB", "24 KB", for download links.
    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000
            ? "\(UKFormat.number(Double(bytes) / 1_000_000, decimals: 1)) MB" : "\(max(1, Int((Double(bytes) / 1000).rounded()))) KB"
    }
}
