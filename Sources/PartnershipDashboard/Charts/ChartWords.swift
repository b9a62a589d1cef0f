// Phrases that chart titles and descriptions are built from, stated from the numbers.

enum ChartWords {
    /// "rose by 160%", "fell by 124 days", "rose by 16 percentage points", "did not change".
    /// With `noting` false, an untested change leaves out "(chance not tested)", for a sentence that says it once for all.
    static func movement(_ change: Change, unit: Unit, noting: Bool = true) -> String {
        if change.absolute == 0 { return "did not change" }
        if change.direction == .noClearChange { return "showed no clear change" }
        // A rise or fall is named only when chance was tested and does not explain it.
        let verb = change.testedAgainstChance ? (change.absolute > 0 ? "rose" : "fell") : "changed"
        if !change.testedAgainstChance {
            let measure = ComparisonRules.headlineMeasure(for: unit)
            let amount =
                measure == .relative && change.relative != nil
                ? UKFormat.relative(change.relative ?? 0)
                : (measure == .percentagePoints ? UKFormat.points(change.absolute) : UKFormat.signed(change.absolute, unit: unit))
            return "\(verb) by \(amount)" + (noting ? " (chance not tested)" : "")
        }
        switch ComparisonRules.headlineMeasure(for: unit) {
        case .percentagePoints:
            return "\(verb) by \(UKFormat.points(abs(change.absolute)).dropFirst())"
        case .absolute:
            return "\(verb) by \(UKFormat.value(abs(change.absolute), unit: unit))"
        case .relative:
            guard let relative = change.relative else { return "\(verb) by \(UKFormat.value(abs(change.absolute), unit: unit))" }
            return "\(verb) by \(UKFormat.relative(abs(relative)).dropFirst())"
        }
    }

    /// "in 2014-15", "on 31 March 2019", "before the partnership".
    static func when(_ period: Period) -> String {
        switch period {
        case .snapshot(let day): return "on \(day.label)"
        case .endingBy: return "before the partnership"
        case .unstated: return "in a period not stated"
        case .startingOn(let day): return "from \(day.label)"
        default: return "in \(period.label)"
        }
    }

    /// "from 70 in 2011-12 to 182 in 2014-15".
    static func pair(_ change: Change, unit: Unit) -> String {
        "from \(StatedFigure(change.from, unit: unit).words) to \(StatedFigure(change.to, unit: unit).words)"
    }

    /// "within the 121-day threshold", "above the 639-day threshold".
    static func threshold(_ status: ThresholdStatus, indicator: Indicator) -> String {
        let value: String
        switch indicator.unit {
        case .days: value = "\(UKFormat.number(status.threshold.value))-day"
        default: value = UKFormat.value(status.threshold.value, unit: indicator.unit)
        }
        let position: String
        switch (indicator.polarity, status.met) {
        case (.lowerIsBetter, true): position = "within"
        case (.lowerIsBetter, false): position = "above"
        case (_, true): position = "meeting"
        case (_, false): position = "below"
        }
        return "\(position) the \(value) threshold"
    }

    /// Whose figures a chart draws: each publisher once per line of the chart, marked as official
    /// statistics or as figures its publisher reported, so a pasted chart keeps its evidence status.
    /// Thresholds are named as their sources set them.
    static func source(_ groups: [(label: String?, figures: [Observation])], thresholds: [Source] = []) -> ChartSource {
        var parts: [(label: String?, publishers: [String])] = []
        for group in groups {
            var seen: [String] = []
            for figure in group.figures {
                let name =
                    figure.source.publisher
                    + (figure.official ? " (official statistics)" : " (figures it reported, not official statistics)")
                if !seen.contains(name) { seen.append(name) }
            }
            guard !seen.isEmpty else { continue }
            parts.append((group.label, seen))
        }
        var publishers: [String] = []
        for source in thresholds where !publishers.contains(source.publisher) { publishers.append(source.publisher) }
        if !publishers.isEmpty { parts.append(("Thresholds", publishers)) }
        // Every line from the same publishers: say them once.
        if let first = parts.first, parts.allSatisfy({ $0.publishers == first.publishers }) {
            return ChartSource(parts: [ChartSource.Part(label: nil, publishers: first.publishers)])
        }
        return ChartSource(parts: parts.map { ChartSource.Part(label: $0.label, publishers: $0.publishers) })
    }

    /// Whose the two figures of a change are: "official statistics (Department for Education)",
    /// "reported by Coram, not official statistics".
    static func evidence(_ change: Change) -> String {
        let figures = [change.from, change.to]
        if figures.allSatisfy(\.official) { return "official statistics (\(change.to.source.publisher))" }
        let reporters = UKFormat.list(Array(Set(figures.filter { !$0.official }.map(\.source.publisher))).sorted())
        return figures.contains(where: \.official)
            ? "one figure reported by \(reporters), not official statistics" : "reported by \(reporters), not official statistics"
    }

    /// "Kent's", "Harrow's".
    /// "per cent change", "change in percentage points", "change in days".
    static func measureWords(_ measure: ChangeKind, unit: Unit) -> String {
        switch measure {
        case .relative: return "per cent change"
        case .percentagePoints: return "change in percentage points"
        case .absolute: return "change in \(unit.rawValue)"
        }
    }

    /// Axis labels for changes, all written the same way: "−10%", "0%", "+5%", "+2 pts".
    static func changeTick(_ value: Double, measure: ChangeKind, unit: Unit) -> String {
        let sign = value > 0 ? "+" : (value < 0 ? UKFormat.minus : "")
        switch measure {
        case .relative: return sign + UKFormat.number(abs(value)) + "%"
        case .percentagePoints: return sign + UKFormat.number(abs(value)) + " pts"
        case .absolute: return sign + UKFormat.value(abs(value), unit: unit)
        }
    }

    static func possessive(_ name: String) -> String { name.hasSuffix("s") ? "\(name)'" : "\(name)'s" }
}

/// Whose figures a chart draws, by line of the chart; the chart's source line and its citation are
/// both written from it.
package struct ChartSource: Sendable, Equatable {
    struct Part: Sendable, Equatable {
        /// The line or group of the chart ("Thresholds"); nil when every line has the same publishers.
        let label: String?
        /// "Department for Education (official statistics)", each once.
        let publishers: [String]
    }

    let parts: [Part]

    /// "Department for Education (official statistics). Thresholds: Department for Education.":
    /// the publishers, as a citation lists them.
    var publishers: String {
        parts.map { ($0.label.map { "\($0): " } ?? "") + $0.publishers.joined(separator: "; ") }.joined(separator: ". ") + "."
    }

    /// "Source: Department for Education (official statistics).": the line drawn at the chart's foot.
    package var line: String { "Source: " + publishers }
}
