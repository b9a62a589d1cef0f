// Reads a partnership: partner, dated phases, end, and where "during" begins.

extension AuthorityReader {
    mutating func readPartnership(_ node: JSONNode, at path: JSONPath) -> Partnership? {
        guard
            let reader = ObjectReader(
                node, at: path, log: log, expecting: "a partnership", keys: ["partner", "phases", "end", "comparisonStart"])
        else { return nil }
        let partner = reader.string("partner", required: "name the agency, e.g. \"Coram\"", maximumLength: 80)
        var phases: [Phase] = []
        let items =
            reader.list(
                "phases",
                required: "list the phases: \"phases\": [ { \"name\": …, \"start\": { \"date\": …, \"wording\": …, \"source\": … } } ]")
            ?? []
        if items.isEmpty, reader.has("phases") {
            log.error(
                "a partnership needs at least one phase with its start date", at: path.appending("phases"),
                offset: reader.offset(of: "phases"))
        }
        var allPhasesRead = true
        for (item, itemPath) in items {
            guard let phaseReader = ObjectReader(item, at: itemPath, log: log, expecting: "a phase", keys: ["name", "start"]) else {
                allPhasesRead = false
                continue
            }
            let name = phaseReader.string("name", required: "name the phase, e.g. \"Coram runs the adoption team\"", maximumLength: 120)
            let start = phaseReader.node(
                "start", required: "give the phase's start: { \"date\": \"2011-07\", \"wording\": \"July 2011\", \"source\": … }"
            )
            .flatMap { readMilestone($0, at: itemPath.appending("start")) }
            guard let name, let start else {
                allPhasesRead = false
                continue
            }
            if let previous = phases.last, start.date.firstDay <= previous.start.date.lastDay {
                log.error(
                    "this phase starts (\(start.date)) no later than the phase before it (\(previous.start.date)); list phases in order, each starting after the last",
                    at: itemPath.appending("start").appending("date"), offset: item.offset)
                allPhasesRead = false
            }
            phases.append(Phase(name: name, start: start))
        }
        let end = reader.node("end", required: nil).flatMap { readMilestone($0, at: path.appending("end")) }
        if let end, let last = phases.last, end.date.lastDay <= last.start.date.firstDay {
            log.error(
                "the partnership ends (\(end.date)) before its last phase starts (\(last.start.date)); check the dates",
                at: path.appending("end").appending("date"), offset: reader.offset(of: "end"))
            allPhasesRead = false
        }
        var comparisonStart: ComparisonStart?
        if let startNode = reader.node("comparisonStart", required: nil) {
            comparisonStart = readComparisonStart(startNode, at: path.appending("comparisonStart"), firstPhase: phases.first)
        } else if let first = phases.first, first.start.date.precision == .year {
            log.error(
                "the partnership's start (\(first.start.date)) gives only a year, so figures cannot be placed before or during it; add \"comparisonStart\": { \"date\": \"YYYY-MM-DD\", \"reason\": …, \"source\": … } with the first day figures count as during, and why",
                at: path.appending("phases").appending(0).appending("start").appending("date"),
                offset: items.first?.node.offset ?? reader.offset)
            allPhasesRead = false
        }
        guard let partner, !phases.isEmpty, allPhasesRead else { return nil }
        return Partnership(
            partner: partner, phases: phases, end: end, comparisonStart: comparisonStart,
            provenance: log.provenance(path, offset: node.offset))
    }

    private mutating func readMilestone(_ node: JSONNode, at path: JSONPath) -> Milestone? {
        guard let reader = ObjectReader(node, at: path, log: log, expecting: "a dated event", keys: ["date", "wording", "source", "note"])
        else { return nil }
        let date = reader.partialDate(
            "date", required: "write the date as precisely as the source gives it: \"2012\", \"2006-09\" or \"2007-03-01\"")
        let wording = reader.string("wording", required: "say how the source puts the date, e.g. \"early 2012\"", maximumLength: 60)
        let source = sources.resolve(reader)
        let note = reader.string("note", maximumLength: 600)
        guard let date, let wording, let source else { return nil }
        return Milestone(date: date, wording: wording, source: source, note: note)
    }

    private mutating func readComparisonStart(_ node: JSONNode, at path: JSONPath, firstPhase: Phase?) -> ComparisonStart? {
        guard let reader = ObjectReader(node, at: path, log: log, expecting: "the comparison start", keys: ["date", "reason", "source"])
        else { return nil }
        let date = reader.partialDate("date", required: "write the first day figures count as during the partnership, e.g. \"2012-04-01\"")
        let reason = reader.string("reason", required: "say why figures count from that day", maximumLength: 600)
        let source = sources.resolve(reader)
        guard let date, let reason, let source else { return nil }
        guard date.precision == .day else {
            log.error(
                "\"\(date)\" is not a whole date; the comparison start is one day, e.g. \"\(date.firstDay)\"", at: path.appending("date"),
                offset: reader.offset(of: "date"))
            return nil
        }
        if let firstPhase, date.firstDay < firstPhase.start.date.firstDay || date.firstDay > firstPhase.start.date.lastDay {
            log.error(
                "\(date) lies outside the partnership's start date (\(firstPhase.start.date)); the comparison start must fall within it",
                at: path.appending("date"), offset: reader.offset(of: "date"))
            return nil
        }
        return ComparisonStart(day: date.firstDay, reason: reason, source: source)
    }
}
