// Where a figure comes from: every number in the data names one.

/// A publication a figure was read in.
struct Source: Sendable, Hashable, Identifiable {
    /// The fields, in one allocation shared by every copy: each figure, page and list copies its
    /// sources many times, and a copy then costs one reference count instead of eight.
    private final class Fields: Sendable {
        let id: String
        let title: String
        let publisher: String
        let url: String
        let published: PartialDate?
        let note: String?
        let symbols: [String: String]

        init(id: String, title: String, publisher: String, url: String, published: PartialDate?, note: String?, symbols: [String: String]) {
            self.id = id
            self.title = title
            self.publisher = publisher
            self.url = url
            self.published = published
            self.note = note
            self.symbols = symbols
        }
    }

    private let fields: Fields

    var id: String { fields.id }
    var title: String { fields.title }
    var publisher: String { fields.publisher }
    var url: String { fields.url }
    /// When the source was published, as precisely as known; `nil` when not known.
    var published: PartialDate? { fields.published }
    var note: String? { fields.note }
    /// What each symbol the source writes in place of a figure means (`x`: suppressed, 1 to 5 children).
    var symbols: [String: String] { fields.symbols }

    init(
        id: String, title: String, publisher: String, url: String, published: PartialDate?, note: String? = nil,
        symbols: [String: String] = [:]
    ) {
        fields = Fields(id: id, title: title, publisher: publisher, url: url, published: published, note: note, symbols: symbols)
    }

    /// Equal when every field is: two sources read from different files may be the same.
    static func == (left: Source, right: Source) -> Bool {
        left.fields === right.fields
            || (left.id == right.id && left.title == right.title && left.publisher == right.publisher && left.url == right.url
                && left.published == right.published && left.note == right.note && left.symbols == right.symbols)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(title)
        hasher.combine(publisher)
        hasher.combine(url)
        hasher.combine(published)
        hasher.combine(note)
        hasher.combine(symbols)
    }

    /// Who published what, and when: "Coram, “Coram-Kent adoption partnership”, date not known",
    /// "Department for Education, “Children looked after in England including adoptions”, 14 November 2024".
    /// Every list of sources, on every page and in every briefing pack, names a source this way, with
    /// its address after it.
    var citation: String { "\(publisher), “\(title)”, \(published?.label ?? "date not known")" }
}
