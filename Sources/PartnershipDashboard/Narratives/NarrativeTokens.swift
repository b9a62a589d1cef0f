// Figures in narratives filled in from the data, so a narrative's numbers cannot drift from it.

/// Replaces `{{indicator.field}}`, `{{fact.id}}` and `{{partnership.field}}` in a narrative with
/// values the engine computes; an unknown token, or one with no value, is an error.
///
/// | token | example |
/// |---|---|
/// | `{{children-adopted.baseline}}` | 70 |
/// | `{{children-adopted.baseline-period}}` | 2011-12 |
/// | `{{children-adopted.outcome}}`, `.outcome-period` | 182, 2014-15 |
/// | `{{children-adopted.change}}` | +112 (+160%) |
/// | `{{children-adopted.absolute}}`, `.relative`, `.points` | +112, +160%, +16 percentage points |
/// | `{{children-adopted.direction}}` | improving |
/// | `{{children-adopted.england-change}}`, `.difference` | +1,890 (+54%), +105.5 percentage points |
/// | `{{a2-placement-order-to-match-days.threshold}}`, `.threshold-status` | 121 days, met |
/// | `{{children-adopted.neighbours-change}}` | +91% (the statistical neighbours' median change) |
/// | `{{children-adopted.versus-neighbours}}` | 67.7 percentage points above the median of its statistical neighbours (+91%) |
/// | `{{children-adopted.neighbours-model}}` | April 2021 model |
/// | `{{children-adopted.rank}}` | the 11th largest increase of 117 councils |
/// | `{{children-adopted.interval}}` | 156 to 209 (the 95% interval around the outcome) |
/// | `{{fact.annual-saving}}` | £440,000 |
/// | `{{partnership.partner}}`, `.dates`, `.start`, `.end` | Coram, early 2012 to 22 January 2016 |
/// | `{{joining.agency}}`, `.date`, `.years` | Adoption Partnership South East, 1 November 2020, 2019-20 to 2022-23 |
/// | `{{joining.children-adopted}}` | −24 (−13%) (DfE's figures, last full year before joining to the second after) |
/// | `{{joining.children-adopted-not-yet-joined}}` | +9.6% for the 2 councils not yet in an agency; the council's change is similar to theirs |
struct NarrativeTokens {
    let comparison: AuthorityComparison
    /// The council's change around its joining of a regional adoption agency, when a sourced date splits its years.
    let joining: JoiningComparison?
    /// Whether a known token with no value is reported. Off while data files have errors: a figure
    /// that failed to load would otherwise be reported again as every token that needs it.
    let reportingMissingValues: Bool

    init(_ comparison: AuthorityComparison, joining: JoiningComparison? = nil, reportingMissingValues: Bool = true) {
        self.comparison = comparison
        self.joining = joining
        self.reportingMissingValues = reportingMissingValues
    }

    /// The fields of an indicator's tokens (`{{children-adopted.change}}`): the one list of their
    /// names, from which the known tokens are listed and each value is found, with no default.
    enum IndicatorField: String, CaseIterable {
        case baseline
        case baselinePeriod = "baseline-period"
        case outcome
        case outcomePeriod = "outcome-period"
        case change, absolute, relative, points
        case direction
        case englandChange = "england-change"
        case difference, threshold
        case thresholdStatus = "threshold-status"
        case neighboursChange = "neighbours-change"
        case versusNeighbours = "versus-neighbours"
        case neighboursModel = "neighbours-model"
        case rank, interval
    }

    /// The fields of `{{partnership.…}}`.
    enum PartnershipField: String, CaseIterable { case partner, dates, start, end }

    /// The fields of `{{joining.…}}`: three about the joining, and per measure the council's change
    /// and that of the councils not yet in an agency.
    enum JoiningField {
        case agency, date, years
        case change(measure: String)
        case notYetJoined(measure: String)

        static let suffix = "-not-yet-joined"

        static var all: [JoiningField] {
            [.agency, .date, .years] + JoiningComparison.measures.flatMap { [.change(measure: $0), .notYetJoined(measure: $0)] }
        }

        var name: String {
            switch self {
            case .agency: return "agency"
            case .date: return "date"
            case .years: return "years"
            case .change(let measure): return measure
            case .notYetJoined(let measure): return measure + JoiningField.suffix
            }
        }

        init?(_ name: String) {
            guard let field = JoiningField.all.first(where: { $0.name == name }) else { return nil }
            self = field
        }
    }

    /// The narrative with every token replaced, or the problems, each at its line and column in the
    /// .md file. A token is `{{name.field}}` on one line; one written with a single brace on either
    /// side, or left unclosed, is reported rather than published as it stands.
    func fill(_ markdown: String, file: String) -> Result<String, NarrativeProblems> {
        var problems: [Problem] = []
        var output = ""
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { output += "\n" }
            output += fill(line: line, number: index + 1, file: file, problems: &problems)
        }
        return problems.isEmpty ? .success(output) : .failure(NarrativeProblems(problems: problems))
    }

    private func fill(line: Substring, number: Int, file: String, problems: inout [Problem]) -> String {
        func report(_ at: Substring.Index, _ message: String) {
            let column = line.distance(from: line.startIndex, to: at) + 1
            problems.append(Problem(severity: .error, file: file, position: TextPosition(line: number, column: column), message: message))
        }
        var output = ""
        var rest = line
        while let brace = rest.firstIndex(of: "{") {
            output += rest[..<brace]
            let afterBrace = rest.index(after: brace)
            let double = afterBrace < rest.endIndex && rest[afterBrace] == "{"
            let nameStart = double ? rest.index(after: afterBrace) : afterBrace
            let name = rest[nameStart...].prefix { NarrativeTokens.isNameCharacter($0) }
            let closing = rest[name.endIndex...]
            let looksLikeToken = name.contains(".") && !name.hasPrefix(".") && !name.hasSuffix(".")
            if double {
                guard closing.hasPrefix("}}") else {
                    let written = "{{" + name + (closing.hasPrefix("}") ? "}" : "")
                    report(
                        brace,
                        closing.hasPrefix("}")
                            ? "the token \(written) is closed with one brace; close it with two: {{\(name)}}"
                            : "a token opened with {{ is not closed with }} on the same line; write it as {{name.field}}, e.g. {{children-adopted.change}}"
                    )
                    output += rest[brace..<closing.startIndex]
                    rest = closing
                    continue
                }
                let token = String(name).trimmingCharacters(in: .whitespaces)
                do {
                    output += NarrativeTokens.escapeMarkdown(try value(of: token))
                } catch let problem where problem.isMissingValue && !reportingMissingValues {
                    output += "{{\(token)}}"
                } catch {
                    report(brace, error.message)
                }
                rest = closing.dropFirst(2)
                continue
            }
            // One brace around what reads as a token would be published as it stands.
            if looksLikeToken, closing.hasPrefix("}") || closing.hasPrefix("}}") {
                report(brace, "a token needs two braces on each side: write {{\(name)}}")
            }
            output += "{"
            rest = rest[afterBrace...]
        }
        return output + rest
    }

    /// The characters a token's name is made of: an id, a dot, a field.
    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || character == "-" || character == "." || character == " ")
    }

    /// Every token name this authority's narrative may use.
    var knownTokens: [String] {
        comparison.indicators.flatMap { row in IndicatorField.allCases.map { "\(row.indicator.id).\($0.rawValue)" } }
            + comparison.authority.keyFacts.map { "fact.\($0.id)" } + PartnershipField.allCases.map { "partnership.\($0.rawValue)" }
            + JoiningField.all.map { "joining.\($0.name)" }
    }

    func value(of name: String) throws(TokenProblem) -> String {
        // Built only when needed: the suggestion compares the name with every token there is.
        var unknown: TokenProblem {
            TokenProblem(message: "unknown token {{\(name)}}; \(Suggestion.hint(for: name, in: knownTokens, listing: "tokens here"))")
        }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw unknown }
        let (subject, field) = (parts[0], parts[1])
        func need<T>(_ value: T?, _ reason: String) throws(TokenProblem) -> T {
            guard let value else { throw TokenProblem(message: "{{\(name)}} has no value: \(reason)", isMissingValue: true) }
            return value
        }
        if subject == "fact" {
            guard let fact = comparison.authority.keyFacts.first(where: { $0.id == field }) else { throw unknown }
            return fact.upTo.map { UKFormat.range(fact.value, $0, unit: fact.unit) } ?? UKFormat.value(fact.value, unit: fact.unit)
        }
        if subject == "partnership" {
            guard let partnership = comparison.authority.partnership, let field = PartnershipField(rawValue: field) else { throw unknown }
            switch field {
            case .partner: return partnership.partner
            case .dates: return partnership.datesLabel
            case .start: return partnership.phases[0].start.wording
            case .end: return try need(partnership.end?.wording, "the partnership has not ended")
            }
        }
        if subject == "joining" {
            guard let field = JoiningField(field) else { throw unknown }
            return try joiningValue(field, token: name)
        }
        guard let row = comparison.comparison(for: subject), let field = IndicatorField(rawValue: field) else { throw unknown }
        let unit = row.indicator.unit
        let missing = row.unavailable?.words ?? "the data does not give one"
        let noEngland = "England has no figures for the same periods"
        let threshold = row.outcomeThreshold ?? row.baselineThreshold
        switch field {
        case .baseline: return UKFormat.value(try need(row.baseline, missing).observation.value, unit: unit)
        case .baselinePeriod: return try need(row.baseline, missing).observation.period.label
        case .outcome: return UKFormat.value(try need(row.outcome, missing).observation.value, unit: unit)
        case .outcomePeriod: return try need(row.outcome, missing).observation.period.label
        case .change: return UKFormat.change(try need(row.change, missing), unit: unit)
        case .absolute: return UKFormat.signed(try need(row.change, missing).absolute, unit: unit)
        case .relative:
            return UKFormat.relative(
                try need(row.change?.relative, row.change == nil ? missing : "the measure is a percentage; use .points"))
        case .points:
            return UKFormat.points(
                try need(row.change?.percentagePoints, row.change == nil ? missing : "the measure is not a percentage; use .relative"))
        case .direction: return try need(row.change, missing).directionWords
        case .englandChange: return UKFormat.change(try need(row.england, noEngland).change, unit: unit)
        case .difference:
            let england = try need(row.england, noEngland)
            return UKFormat.difference(try need(england.difference, noEngland), measure: england.measure, unit: unit)
        case .neighboursChange:
            let neighbours = try need(row.neighbours, noNeighbours(row))
            return UKFormat.change(
                try need(neighbours.median, "no neighbour has figures for both years"), kind: neighbours.measure, unit: unit)
        case .versusNeighbours:
            let neighbours = try need(row.neighbours, noNeighbours(row))
            let median = try need(neighbours.median, "no neighbour has figures for both years")
            let difference = try need(neighbours.difference, "no neighbour has figures for both years")
            let gap = UKFormat.difference(abs(difference), measure: neighbours.measure, unit: unit).replacingOccurrences(of: "+", with: "")
            let medianText = UKFormat.change(median, kind: neighbours.measure, unit: unit)
            return difference == 0
                ? "the same as the median of its statistical neighbours (\(medianText))"
                : "\(gap) \(difference > 0 ? "above" : "below") the median of its statistical neighbours (\(medianText))"
        case .neighboursModel: return PeerWords.modelName(try need(row.neighbours, noNeighbours(row)).model)
        case .rank:
            let rank = try need(
                row.rank,
                row.change == nil
                    ? missing
                    : "only changes between DfE's own figures are ranked, and not a per cent change from \(ComparisonRules.tinyBaseLimit) or fewer"
            )
            return PeerWords.position(rank, change: try need(row.change, missing), among: rank.of)
        case .interval:
            let outcome = try need(row.outcome, missing).observation
            let interval = try need(
                unit == .count ? Chance.count(outcome.value) : nil,
                unit == .count ? "the figure is not a count" : "intervals are given for counts; use the page's interval for shares")
            return "\(UKFormat.number(interval.lowerBound.rounded())) to \(UKFormat.number(interval.upperBound.rounded()))"
        case .threshold: return UKFormat.value(try need(threshold, "no threshold applies to these figures").threshold.value, unit: unit)
        case .thresholdStatus: return try need(threshold, "no threshold applies to these figures").label
        }
    }

    /// A `{{joining.…}}` token's value, from DfE's figures around the council's joining of its agency.
    private func joiningValue(_ field: JoiningField, token: String) throws(TokenProblem) -> String {
        func missing(_ reason: String) -> TokenProblem {
            TokenProblem(message: "{{\(token)}} has no value: \(reason)", isMissingValue: true)
        }
        guard let joining else {
            throw missing("no sourced joining date, known to the month or day, splits the council's years (or DfE has no figures for both)")
        }
        func row(_ measure: String) throws(TokenProblem) -> JoiningComparison.Row {
            guard let row = joining.rows.first(where: { $0.indicator.id == measure }) else {
                throw missing("DfE has no figures for both years")
            }
            return row
        }
        switch field {
        case .agency: return joining.agency.name
        case .date: return joining.joined.label
        case .years: return "\(joining.before.label) to \(joining.after.label)"
        case .change(let measure):
            let row = try row(measure)
            return UKFormat.change(row.change, unit: row.indicator.unit)
        case .notYetJoined(let measure):
            let row = try row(measure)
            guard let waiting = row.notYetJoined, waiting.from > 0 else {
                throw missing("no council not yet in an agency has figures for both years")
            }
            let relative = UKFormat.relative((waiting.to - waiting.from) / waiting.from * 100)
            let standing = waiting.standing.map { "; the council's change is \($0.relation) theirs" } ?? ""
            return "\(relative) for the \(UKFormat.counted(waiting.councils, "council")) not yet in an agency\(standing)"
        }
    }

    /// Why a measure has no neighbour comparison.
    private func noNeighbours(_ row: IndicatorComparison) -> String {
        if row.change == nil { return row.unavailable?.words ?? "there is no change to compare" }
        if comparison.authority.official?.neighbours.isEmpty ?? true { return "the council has no statistical neighbours in the data" }
        return "only changes between DfE's own figures are set beside the neighbours'"
    }

    /// Backslash-escapes Markdown punctuation, so a value is always read as plain text.
    static func escapeMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]()#+-.!<>|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// Why a token cannot be filled in.
struct TokenProblem: Error, Sendable {
    let message: String
    /// The token is known but the data gives it no value (rather than the token being unknown).
    var isMissingValue = false
}

/// Every token problem in one narrative.
struct NarrativeProblems: Error, Sendable {
    let problems: [Problem]
}
