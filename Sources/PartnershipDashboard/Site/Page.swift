// The frame every page shares: head, skip link, header and navigation, main, footer. Links are relative.

/// One page of the site, at a path relative to the site's root.
struct Page {
    /// Where the page is: ``Route/overview``, ``Route/authority(_:)``…
    let route: Route
    let title: String
    let description: String
    let body: [HTMLNode]
    /// For a page served at any address (the "not found" page): the site's own address, or "/",
    /// which every link starts from instead of a relative path.
    var servedAnywhere: String? = nil

    /// How many folders deep the page is, so links can be written relative to it.
    var depth: Int { path.split(separator: "/").count - 1 }

    /// The prefix that leads from this page back to the site's root: "" or "../", or the site's
    /// address for a page served anywhere.
    var root: String { servedAnywhere ?? String(repeating: "../", count: depth) }

    /// "index.html", "authorities/kent.html".
    var path: String { route.path }

    /// A link from this page to another page or file of the site, relative to this page.
    func link(_ target: Route) -> String { root + target.path }

    func html(site: SiteContext) -> String {
        String(decoding: document(site: site, lastChange: site.lastChange(of: self)), as: UTF8.self)
    }

    /// The whole page as UTF-8, its footer dated `lastChange` (see ``SiteContext/lastChange(of:)``).
    func document(site: SiteContext, lastChange: PartialDate?) -> [UInt8] {
        let settings = site.settings
        let navigation: [(Route, String)] =
            [(Route.overview, "Overview")] + (site.dataset.agencies.isEmpty ? [] : [(Route.agencies, "Regional agencies")]) + [
                (Route.methodology, "Methodology"), (Route.downloads, "Downloads"), (Route.accessibility, "Accessibility"),
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
                                "a", attributes: [("href", link(target)), ("aria-current", target == route ? "page" : nil)],
                                children: [.text(label)])
                        ])
                }))
        let document = el(
            "html", ["lang": "en-GB"],
            el(
                "head",
                el("meta", ["charset": "utf-8"]),
                el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                el("title", .text("\(title) – \(settings.title)")),
                el("meta", ["name": "description", "content": description]),
                settings.address(of: path).map { el("link", ["rel": "canonical", "href": $0]) } ?? .group([]),
                // A page served anywhere carries its styles, unless the site's address says where they are. The
                // stylesheet holds no &, < or >, so escaping leaves it as it is (SiteTests checks).
                servedAnywhere != nil && settings.baseURL == nil
                    ? el("style", .text(Stylesheet.inline)) : el("link", ["rel": "stylesheet", "href": link(Route.stylesheet)])),
            el(
                "body",
                el("a", ["class": "skip-link", "href": "#main"], "Skip to main content"),
                el(
                    "header", ["class": "site-header"],
                    el(
                        "div", ["class": "container"],
                        el("a", ["class": "site-name", "href": link(Route.overview)], .text(settings.title)), nav)),
                el("main", ["id": "main", "class": "container", "tabindex": "-1"], children: body),
                el(
                    "footer", ["class": "site-footer"],
                    el(
                        "div", ["class": "container"],
                        el(
                            "p",
                            .text(Page.updated(lastChange: lastChange, settings: settings) + " "),
                            el("a", ["href": link(Route.accessibility)], "Accessibility statement"), ". ",
                            el("a", ["href": link(Route.methodology)], "How the figures are compared"), ". ",
                            el("a", ["href": link(Route.changes)], "What each release changed"), "."),
                        el("p", "This site is independent; it is not a government service."))))
        )
        var output = Array("<!DOCTYPE html>\n".utf8)
        output.reserveCapacity(65_536)
        document.render(into: &output)
        return output
    }
}

extension Page {
    /// "Last updated with figures published up to 30 April 2026, in the release of this site of 3
    /// December 2026." Both dates come from the data and the settings, never the clock.
    static func updated(lastChange: PartialDate?, settings: SiteSettings) -> String {
        let figures = lastChange.map { "Last updated with figures published up to \($0.label)" } ?? "No figure on this page is dated"
        return figures + (settings.released.map { ", in the release of this site of \($0.label)." } ?? ".")
    }
}

/// Small builders for the pieces pages repeat.
enum Blocks {
    /// A heading; a section heading (level 2) gets an id from its words when it has none, so
    /// "On this page" can link to it.
    static func heading(_ level: Int, _ text: String, id: String? = nil) -> HTMLNode {
        el("h\(level)", attributes: [("id", id ?? (level == 2 ? slug(text) : nil))], children: [.text(text)])
    }

    /// "Beside councils like it" → "beside-councils-like-it".
    static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "section" : words.joined(separator: "-")
    }

    /// "On this page": a link to each section heading of a long page, in order; `nil` for a page
    /// with fewer than four sections.
    static func contents(of body: [HTMLNode]) -> HTMLNode? {
        let sections = body.compactMap { node -> (id: String, title: String)? in
            guard case .element("h2", let attributes, let children) = node.content,
                let id = attributes.first(where: { $0.0 == "id" })?.1, case .text(let title)? = children.first?.content
            else { return nil }
            return (id, title)
        }
        guard sections.count >= 4 else { return nil }
        return el(
            "nav", ["class": "on-this-page", "aria-label": "On this page"],
            el("h2", ["id": "on-this-page"], "On this page"),
            el("ul", children: sections.map { el("li", link("#\($0.id)", $0.title)) }))
    }

    static func paragraph(_ text: String, className: String? = nil) -> HTMLNode {
        el("p", attributes: [("class", className)], children: [.text(text)])
    }

    static func link(_ href: String, _ text: String) -> HTMLNode { el("a", ["href": href], .text(text)) }

    /// A source as every list of sources gives it: its ``Source/citation``, then its address as a link.
    static func citation(_ source: Source) -> [HTMLNode] { [.text("\(source.citation). "), link(source.url, source.url)] }

    /// Tables of up to this many rows become stacked cards on narrow screens; longer ones scroll.
    static let cardRows = 40

    /// A table with a caption, a header row of column headers and, when `rowHeaders`, a header cell per row.
    /// `cards: false` keeps a grid of figures a grid on narrow screens, scrolling sideways.
    static func table(
        caption: String, header: [String], rows: [[HTMLNode]], rowHeaders: Bool = true, numeric: Set<Int> = [], cards: Bool = true
    ) -> HTMLNode {
        let cards = cards && rows.count <= cardRows
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
                            : el(
                                "td",
                                attributes: [
                                    ("class", numeric.contains(index) ? "numeric" : nil),
                                    // On a narrow screen each row of a short table is a card, and each cell says
                                    // which column it is; long tables scroll sideways instead.
                                    ("data-label", cards && index < header.count ? header[index] : nil),
                                ], children: [cell])
                    })
            })
        // The wrapper scrolls sideways on narrow screens; it can take focus so keyboards can scroll it too.
        return el(
            "div",
            ["class": cards ? "table-wrapper cards-table" : "table-wrapper", "role": "region", "aria-label": caption, "tabindex": "0"],
            el("table", el("caption", .text(caption)), head, body))
    }

    /// The direction of a change as an arrow (hidden from screen readers) and a word.
    static func direction(_ change: Change) -> HTMLNode {
        .group([
            el("span", ["class": "arrow", "aria-hidden": "true"], .text(change.arrow + " ")),
            .text(change.directionWords),
        ])
    }

    /// "1.2 MB", "24 KB", for download links.
    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000
            ? "\(UKFormat.number(Double(bytes) / 1_000_000, decimals: 1)) MB" : "\(max(1, Int((Double(bytes) / 1000).rounded()))) KB"
    }
}
