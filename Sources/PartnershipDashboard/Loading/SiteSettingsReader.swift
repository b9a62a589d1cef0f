// Reads site.json: the site's name, publisher, address, release, licences and contacts.

enum SiteSettingsReader {
    static let keys = ["title", "publisher", "baseURL", "released", "contact", "licences", "accessibilityTested"]

    /// The settings, or `nil` (with every problem logged) when they cannot be read.
    static func read(_ node: JSONNode, log: ProblemLog) -> SiteSettings? {
        guard let reader = ObjectReader(node, at: .root, log: log, expecting: "the site's settings", keys: keys) else { return nil }
        let title = reader.string("title", required: "name the site, e.g. \"Adoption partnerships dashboard\"", maximumLength: 100)
        let publisher = reader.string("publisher", maximumLength: 200)
        var baseURL = reader.string("baseURL", maximumLength: 300)
        if let url = baseURL {
            if !url.hasPrefix("https://") || url.contains(" ") || url.contains("?") || url.contains("#") {
                log.error(
                    "\"\(url)\" is not the address of a site; write where the site is served, starting https://, e.g. \"https://example.org/adoption/\"",
                    at: JSONPath.root.appending("baseURL"), offset: reader.offset(of: "baseURL"))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let released = reader.partialDate("released")
        if let released, released.precision != .day {
            log.error(
                "\"\(released)\" is not a day; give the day this release of the site was made, e.g. \"2026-12-03\"",
                at: JSONPath.root.appending("released"), offset: reader.offset(of: "released"))
        }
        let contact = reader.string("contact", maximumLength: 300)
        if let contact, !(contact.hasPrefix("https://") || (contact.contains("@") && !contact.contains(" "))) {
            log.error(
                "\"\(contact)\" is neither an email address nor a web address; write one readers can use, e.g. \"adoption-data@example.org\"",
                at: JSONPath.root.appending("contact"), offset: reader.offset(of: "contact"))
        }
        var licences: [SiteSettings.Licence] = []
        for (item, path) in reader.list("licences") ?? [] {
            guard let licence = ObjectReader(item, at: path, log: log, expecting: "a licence", keys: ["name", "url", "covers"]),
                let name = licence.string("name", required: "name the licence, e.g. \"Open Government Licence v3.0\""),
                let url = licence.string("url", required: "give the licence's address, starting https://", maximumLength: 300),
                let covers = licence.string("covers", required: "say what it covers, e.g. \"the site's own text and charts\"")
            else { continue }
            guard url.hasPrefix("https://"), !url.contains(" ") else {
                log.error(
                    "\"\(url)\" is not a web address; write the licence's address starting https://", at: path.appending("url"),
                    offset: licence.offset(of: "url"))
                continue
            }
            licences.append(SiteSettings.Licence(name: name, url: url, covers: covers))
        }
        let tested = reader.partialDate("accessibilityTested")
        guard let title else { return nil }
        if !licences.contains(where: { $0.url == SiteSettings.dfeLicence.url }) { licences.insert(SiteSettings.dfeLicence, at: 0) }
        return SiteSettings(
            title: title, publisher: publisher, baseURL: baseURL, released: released?.precision == .day ? released : nil, contact: contact,
            licences: licences, accessibilityTested: tested)
    }
}
