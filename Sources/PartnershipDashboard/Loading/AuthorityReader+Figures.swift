// Reads an authority's series of figures and England's thresholds.

extension AuthorityReader {
    static let observationKeys = ["period", "value", "source", "status", "preferred", "note"]

    mutating func readSeries(_ top: ObjectReader) -> [Series] {
        var result: [Series] = []
        var seen: Set<String> = []
        for (item, path) in top.list(
            "indicators", required: "list the figures by indicator: \"indicators\": [ { \"id\": …, \"unit\": …, \"observations\": [ … ] } ]"
        ) ?? [] {
            guard
                let reader = ObjectReader(
                    item, at: path, log: log, expecting: "an indicator's figures", keys: ["id", "unit", "observations"])
            else { continue }
            let indicator = indicatorReference(reader, "id")
            let unit = reader.choice("unit", of: Unit.self, required: "say the unit the figures are in, as the indicator defines it")
            if let indicator, !seen.insert(indicator.id).inserted {
                log.error(
                    "the indicator \"\(indicator.id)\" is listed twice; put all its figures in one list", at: path.appending("id"),
                    offset: reader.offset(of: "id"))
                continue
            }
            if let indicator, let unit, unit != indicator.unit {
                log.error(
                    "\"\(unit.rawValue)\" does not match the indicator \"\(indicator.id)\", which is measured in \(indicator.unit.rawValue); write \"\(indicator.unit.rawValue)\" and check the values are in \(indicator.unit.rawValue)",
                    at: path.appending("unit"), offset: reader.offset(of: "unit"))
                continue
            }
            let items =
                reader.list(
                    "observations",
                    required: "list the figures: \"observations\": [ { \"period\": …, \"value\": …, \"source\": …, \"status\": … } ]") ?? []
            guard let indicator, unit != nil else { continue }
            let observations = items.compactMap { readObservation($0.node, at: $0.path, indicator: indicator) }
            checkAgreement(observations, indicator: indicator)
            checkScaleAndDates(observations, indicator: indicator)
            result.append(Series(indicator: indicator, observations: observations, provenance: log.provenance(path, offset: item.offset)))
        }
        return result
    }

    /// The indicator a field names, with "did you mean" when unknown.
    func indicatorReference(_ reader: ObjectReader, _ key: String, required: Bool = true) -> Indicator? {
        guard let id = reader.string(key, required: required ? "name an indicator from indicators.json, e.g. \"children-adopted\"" : nil)
        else { return nil }
        if let indicator = indicators[id] { return indicator }
        let advice = Suggestion.hint(for: id, in: indicators.keys.sorted(), listing: "the indicators defined in indicators.json")
        log.error(
            "unknown indicator \"\(id)\"; \(advice) (or define it there first)", at: reader.path.appending(key),
            offset: reader.offset(of: key))
        return nil
    }

    /// Where a figure comes from and how far to trust it: its source, status, preference among
    /// disagreeing sources, and note. Every figure and key fact carries these four.
    mutating func readOrigin(_ reader: ObjectReader) -> (source: Source?, status: Status?, preferred: Bool, note: String?) {
        let source = sources.resolve(reader)
        let status = reader.choice(
            "status", of: Status.self,
            required: "say how official the figure is: \"published\", \"revised\", \"provisional\" or \"reported-claim\"")
        return (source, status, reader.bool("preferred") ?? false, reader.string("note", maximumLength: 1000))
    }

    private mutating func readObservation(_ node: JSONNode, at path: JSONPath, indicator: Indicator) -> Observation? {
        guard let reader = ObjectReader(node, at: path, log: log, expecting: "a figure", keys: AuthorityReader.observationKeys) else {
            return nil
        }
        let period = reader.period("period", required: "give the period the figure covers, e.g. \"period\": \"2014-15\"")
        let value = reader.number("value", required: "give the figure, e.g. \"value\": 182")
        let origin = readOrigin(reader)
        var valid = true
        if let value, let problem = ValueRules.problem(with: value.value, in: indicator.unit) {
            log.error("\(value.literal) is impossible here: \(problem)", at: path.appending("value"), offset: reader.offset(of: "value"))
            valid = false
        }
        if let period {
            switch period {
            case .startingOn, .unstated:
                log.error(
                    "\"\(period.notation)\" cannot be placed in time; a figure in a series needs a period with an end (use key facts for figures without one)",
                    at: path.appending("period"), offset: reader.offset(of: "period"))
                valid = false
            case .snapshot(let day):
                if let required = indicator.snapshotDay, (day.month, day.day) != required {
                    let expected = Day(clampingYear: day.year, month: required.month, day: required.day)
                    log.error(
                        "\"\(period.notation)\" is not \(required.day) \(Day.monthNames[required.month - 1]): \(indicator.noun) are counted on that day each year; write \"\(expected)\" or record the figure as a key fact",
                        at: path.appending("period"), offset: reader.offset(of: "period"))
                    valid = false
                }
            default:
                if indicator.snapshotDay != nil {
                    log.error(
                        "\(indicator.noun) are counted on one day; write the day, e.g. \"\(period.end.map { "\($0.year)" } ?? "2019")-03-31\"",
                        at: path.appending("period"), offset: reader.offset(of: "period"))
                    valid = false
                }
            }
        }
        if let value, valid, indicator.unit == .count, SmallCount.contains(value.value) {
            log.warning(
                "\(value.literal) is a small number (\(SmallCount.limit) or fewer): the site flags it, and changes from it are shown with a caveat",
                at: path.appending("value"), offset: reader.offset(of: "value"))
        }
        guard valid, let period, let value, let source = origin.source, let status = origin.status else { return nil }
        return Observation(
            period: period, value: value.value, source: source, status: status, preferred: origin.preferred, note: origin.note,
            provenance: log.provenance(path, offset: node.offset))
    }

    /// Two slips that stay inside the allowed range: a proportion written among percentages (0.09
    /// beside 9 and 12), and a figure for a period that began after its source was published.
    func checkScaleAndDates(_ observations: [Observation], indicator: Indicator) {
        if indicator.unit == .percent {
            let larger = observations.map(\.value).filter { $0 > 1 }.sorted()
            if larger.count >= 2 {
                let examples = UKFormat.list(larger.prefix(2).map { UKFormat.number($0) })
                for observation in observations where observation.value > 0 && observation.value <= 1 {
                    log.add(
                        observation.provenance.appending("value").problem(
                            .warning,
                            "\(UKFormat.number(observation.value)) looks like a proportion among percentages (\(examples), …): write \(UKFormat.number(observation.value * 100)) if the source says \(UKFormat.number(observation.value * 100))%"
                        ))
                }
            }
        }
        for observation in observations {
            guard let published = observation.source.published, let start = observation.period.start, start > published.lastDay else {
                continue
            }
            log.add(
                observation.provenance.appending("period").problem(
                    .warning,
                    "\(observation.period.label) began after its source \"\(observation.source.id)\" was published (\(published.label)); check the period, or the source's \"published\" date"
                ))
        }
    }

    /// Same period twice: an error from one source; from several, one must be marked preferred.
    func checkAgreement(_ observations: [Observation], indicator: Indicator) {
        let groups = Dictionary(grouping: observations, by: \.period)
        for (period, group) in groups.sorted(by: { $0.key < $1.key }) {
            var bySource: [String: Observation] = [:]
            for observation in group {
                if let first = bySource[observation.source.id] {
                    log.add(
                        observation.provenance.problem(
                            .error,
                            "\(indicator.noun) for \(period.label) from \"\(observation.source.id)\" is listed twice (first at line \(first.provenance.position.line)); keep one"
                        ))
                }
                bySource[observation.source.id] = observation
            }
            let isRevision = Set(group.map(\.status)) == [.published, .revised] && group.count == 2
            checkDisagreement(
                group.map { SourcedValue(value: $0.value, source: $0.source.id, preferred: $0.preferred, provenance: $0.provenance) },
                on: "\(indicator.noun) for \(period.label)", warn: !isRevision)
            if group.count == 1, let lone = group.first, lone.preferred {
                log.add(
                    lone.provenance.problem(
                        .warning, "\"preferred\" is only needed where sources disagree; no other source gives \(period.label)"))
            }
        }
    }

    /// One source's value for something several sources report.
    struct SourcedValue {
        let value: Double
        let source: String
        let preferred: Bool
        let provenance: Provenance
    }

    /// Where sources give different values for the same thing, exactly one must be preferred;
    /// then the disagreement is a warning (unless `warn` is false), else an error.
    func checkDisagreement(_ values: [SourcedValue], on subject: String, warn: Bool = true) {
        guard Set(values.map(\.value)).count > 1 else { return }
        let listing = values.map { "\(JSONNode.literal(for: $0.value)) from \"\($0.source)\"" }.joined(separator: ", ")
        let preferred = values.filter(\.preferred)
        if preferred.count == 1 {
            if warn {
                log.add(
                    preferred[0].provenance.problem(
                        .warning,
                        "sources disagree on \(subject) (\(listing)); the site uses \"\(preferred[0].source)\" and shows the others"))
            }
        } else {
            let target = preferred.count > 1 ? preferred[1] : values[0]
            log.add(
                target.provenance.problem(
                    .error,
                    "sources disagree on \(subject) (\(listing)); mark exactly one with \"preferred\": true — the one the site should use"))
        }
    }

    mutating func readThresholds(_ top: ObjectReader) -> [Threshold] {
        var thresholds: [Threshold] = []
        for (item, path) in top.list("thresholds") ?? [] {
            guard
                let reader = ObjectReader(
                    item, at: path, log: log, expecting: "a threshold",
                    keys: ["indicator", "period", "value", "source", "preferred", "note"])
            else { continue }
            let indicator = indicatorReference(reader, "indicator")
            let period = reader.period("period", required: "give the period the threshold applies to, e.g. \"2012-13..2014-15\"")
            let value = reader.number("value", required: "give the threshold, e.g. \"value\": 487")
            let source = sources.resolve(reader)
            let preferred = reader.bool("preferred") ?? false
            let note = reader.string("note", maximumLength: 1000)
            if let value, let indicator, let problem = ValueRules.problem(with: value.value, in: indicator.unit) {
                log.error(
                    "\(value.literal) is impossible here: \(problem)", at: path.appending("value"), offset: reader.offset(of: "value"))
                continue
            }
            if let indicator, indicator.polarity == .neither {
                log.error(
                    "\"\(indicator.id)\" has no better direction, so a threshold cannot be met or missed; give the indicator a polarity first",
                    at: path.appending("indicator"), offset: reader.offset(of: "indicator"))
                continue
            }
            guard let indicator, let period, let value, let source else { continue }
            thresholds.append(
                Threshold(
                    indicator: indicator, period: period, value: value.value, source: source, preferred: preferred, note: note,
                    provenance: log.provenance(path, offset: item.offset)))
        }
        let groups = Dictionary(grouping: thresholds) { "\($0.indicator.id) \($0.period.notation)" }
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            checkDisagreement(
                group.map { SourcedValue(value: $0.value, source: $0.source.id, preferred: $0.preferred, provenance: $0.provenance) },
                on: "the \(group[0].indicator.noun) threshold for \(group[0].period.label)")
        }
        return thresholds
    }
}
