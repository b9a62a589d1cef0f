// Where a figure comes from: every number in the data names one.

/// A publication a figure was read in.
public struct Source: Sendable, Hashable, Identifiable {
    public let id: String
    public let title: String
    public let publisher: String
    public let url: String
    /// When the source was published, as precisely as known; `nil` when not known.
    public let published: PartialDate?
    public let note: String?
    /// What each symbol the source writes in place of a figure means (`x`: suppressed, 1 to 5 children).
    public let symbols: [String: String]

    public init(
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
    public var citation: String { "\(publisher), “\(title)”, \(published?.label ?? "date not known")" }
}
