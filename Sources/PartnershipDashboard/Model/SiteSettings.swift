// How the published site describes itself, from Authorities/site.json.

/// The site's name, publisher, address, release, licences and contacts: what a citation, a chart's
/// footer and the accessibility statement need, and what a team publishing the site sets once.
package struct SiteSettings: Sendable {
    /// A licence and what it covers.
    struct Licence: Sendable {
        let name: String
        let url: String
        /// "DfE's figures", "the site's own text and charts".
        let covers: String
    }

    let title: String
    /// Who publishes the site; `nil` when not set.
    let publisher: String?
    /// Where the site is served, ending in "/"; `nil` when not set, and then no page claims an address.
    let baseURL: String?
    /// The day this release of the site was made: set by hand, never read from the clock.
    let released: PartialDate?
    /// Where readers write to, as an email address or a web address; `nil` when not set.
    let contact: String?
    let licences: [Licence]
    /// When the site was last tested for accessibility, and by what.
    let accessibilityTested: PartialDate?

    /// The settings of a folder without site.json: the name alone, and DfE's licence, which holds
    /// for DfE's figures wherever they are published.
    package static let unconfigured = SiteSettings(
        title: "Adoption partnerships dashboard", publisher: nil, baseURL: nil, released: nil, contact: nil,
        licences: [dfeLicence], accessibilityTested: nil)

    /// The Open Government Licence, under which DfE publishes its statistics.
    static let dfeLicence = Licence(
        name: "Open Government Licence v3.0",
        url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        covers: "the Department for Education's figures")

    /// The address of a path of the site ("authorities/kent.html"), when the site's address is set.
    func address(of path: String) -> String? { baseURL.map { $0 + path } }

    /// The line every chart carries at its foot: "Adoption partnerships dashboard, released 3 December
    /// 2026, https://…".
    package var credit: String {
        ([title] + [released.map { "released \($0.label)" }, baseURL].compactMap { $0 }).joined(separator: ", ")
    }
}
