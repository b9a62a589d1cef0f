// Where a figure comes from: every number in the data names one.

/// A publication a figure was read in.
struct Source: Sendable, Hashable, Identifiable {
    let id: String
    let title: String
    let publisher: String
    let url: String
    /// When the source was published, as precisely as known; `nil` when not known.
    let published: PartialDate?
    let note: String?
    /// What each symbol the source writes in place of a figure means (`x`: suppressed, 1 to 5 children).
    let symbols: [String: String]

    init(
        id: String, title: String, publisher: String, url: String, published: PartialDate?, note: String? = nil,
        symbols: [String: String] = [:]
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.published = published
        self.note = note
        self.symbols = symbols
    }

    /// Who published what, and when: "Coram, “Coram-Kent adoption partnership”, date not known",
    /// "Department for Education, “Children looked after in England including adoptions”, 14 November 2024".
    /// Every list of sources, on every page and in every briefing pack, names a source this way, with
    /// its address after it.
    var citation: String { "\(publisher), “\(title)”, \(published?.label ?? "date not known")" }
}
