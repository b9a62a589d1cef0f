// What a measure means: defined once, referred to by id from every authority file.

/// The unit a figure is counted in; it decides how values are written and which changes make sense.
enum Unit: String, CaseIterable, Sendable {
    case count, percent, days, months, years, pounds, rank

    /// Units an indicator series may use; the others appear only in key facts.
    static let seriesUnits: [Unit] = [.count, .percent, .days, .pounds]
}

/// Whether a rise in a measure is good news, bad news, or neither.
enum Polarity: String, CaseIterable, Sendable {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
    case neither
}

/// A measure, with its definition and where the definition comes from.
struct Indicator: Sendable, Identifiable {
    let id: String
    /// "Children adopted from care".
    let title: String
    /// "children adopted", for use inside sentences.
    let noun: String
    let unit: Unit
    let polarity: Polarity
    /// Why the polarity is what it is, in plain words.
    let polarityReason: String
    let definition: String
    let definitionSource: Source
    /// Month and day a snapshot must fall on (e.g. 31 March), when the measure is a count on one day.
    let snapshotDay: (month: Int, day: Int)?
    let note: String?

    init(
        id: String, title: String, noun: String, unit: Unit, polarity: Polarity, polarityReason: String,
        definition: String, definitionSource: Source, snapshotDay: (month: Int, day: Int)? = nil, note: String? = nil
    ) {
        self.id = id
        self.title = title
        self.noun = noun
        self.unit = unit
        self.polarity = polarity
        self.polarityReason = polarityReason
        self.definition = definition
        self.definitionSource = definitionSource
        self.snapshotDay = snapshotDay
        self.note = note
    }
}
