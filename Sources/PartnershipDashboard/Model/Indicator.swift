// What a measure means: defined once, referred to by id from every authority file.

/// The unit a figure is counted in; it decides how values are written and which changes make sense.
public enum Unit: String, CaseIterable, Sendable {
    case count, percent, days, months, years, pounds, rank

    /// Units an indicator series may use; the others appear only in key facts.
    public static let seriesUnits: [Unit] = [.count, .percent, .days, .pounds]
}

/// Whether a rise in a measure is good news, bad news, or neither.
public enum Polarity: String, CaseIterable, Sendable {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
    case neither
}

/// A measure, with its definition and where the definition comes from.
public struct Indicator: Sendable, Identifiable {
    public let id: String
    /// "Children adopted from care".
    public let title: String
    /// "children adopted", for use inside sentences.
    public let noun: String
    public let unit: Unit
    public let polarity: Polarity
    /// Why the polarity is what it is, in plain words.
    public let polarityReason: String
    public let definition: String
    public let definitionSource: Source
    /// Month and day a snapshot must fall on (e.g. 31 March), when the measure is a count on one day.
    public let snapshotDay: (month: Int, day: Int)?
    public let note: String?

    public init(
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
