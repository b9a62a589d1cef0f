// Reads key facts (figures that are not series) and claims (changes stated by sources).

extension AuthorityReader {
    static let keyFactKeys = ["id", "about", "statement", "value", "upTo", "unit", "period", "source", "status", "preferred", "note"]
    static let claimKeys = ["id", "statement", "indicator", "presentedWith", "change", "value", "from", "to", "source", "note"]

    mutating func readKeyFacts(_ top: ObjectReader) -> [KeyFact] {
        var facts: [KeyFact] = []
        var seen: Set<String> = []
        for (item, path) in top.list("keyFacts") ?? [] {
            guard let reader = ObjectReader(item, at: path, log: log, expecting: "a key fact", keys: AuthorityReader.keyFactKeys) else {
                continue
            }
            let id = reader.identifier("id", required: "give the fact a short id, e.g. \"annual-saving\"")
            let about = reader.identifier("about")
            let statement = reader.string("statement", required: "say in your own words what the figure is", maximumLength: 400)
            let value = reader.number("value", required: "give the figure")
            let upTo = reader.number("upTo")
            let unit = reader.choice(
                "unit", of: Unit.self,
                required: "say what the figure counts: \(Unit.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            let period = reader.period("period", required: "give the period the figure covers, or \"unstated\" when the source gives none")
            let origin = readOrigin(reader)
            var valid = true
            if let unit {
                for number in [value, upTo].compactMap({ $0 }) {
                    if let problem = ValueRules.problem(with: number.value, in: unit) {
                        log.error("\(number.literal) is impossible here: \(problem)", at: path, offset: item.offset)
                        valid = false
                    }
                }
            }
            if let value, let upTo, upTo.value <= value.value {
                log.error(
                    "\"upTo\" (\(upTo.literal)) must be above \"value\" (\(value.literal)) for a range", at: path.appending("upTo"),
                    offset: reader.offset(of: "upTo"))
                valid = false
            }
            if let id, !seen.insert(id).inserted {
                log.error(
                    "the key fact id \"\(id)\" is used twice; give each fact its own id", at: path.appending("id"),
                    offset: reader.offset(of: "id"))
                valid = false
            }
            guard valid, let id, let statement, let value, let unit, let period, let source = origin.source, let status = origin.status
            else { continue }
            facts.append(
                KeyFact(
                    id: id, about: about, statement: statement, value: value.value, upTo: upTo?.value, unit: unit, period: period,
                    source: source, status: status, preferred: origin.preferred, note: origin.note,
                    provenance: log.provenance(path, offset: item.offset))
            )
        }
        checkFactAgreement(facts)
        return facts
    }

    /// Facts about the same thing that differ need one marked preferred.
    private func checkFactAgreement(_ facts: [KeyFact]) {
        let groups = Dictionary(grouping: facts.compactMap { fact in fact.about.map { ($0, fact) } }, by: \.0)
        for (about, group) in groups.sorted(by: { $0.key < $1.key }) {
            checkDisagreement(
                group.map(\.1).map {
                    SourcedValue(value: $0.value, source: $0.source.id, preferred: $0.preferred, provenance: $0.provenance)
                },
                on: "\"\(about)\"")
        }
    }

    mutating func readClaims(_ top: ObjectReader, series: [Series]) -> [Claim] {
        var claims: [Claim] = []
        var seen: Set<String> = []
        for (item, path) in top.list("claims") ?? [] {
            guard let reader = ObjectReader(item, at: path, log: log, expecting: "a claim", keys: AuthorityReader.claimKeys) else {
                continue
            }
            let id = reader.identifier("id", required: "give the claim a short id, e.g. \"placements-up-150\"")
            let statement = reader.string("statement", required: "say in your own words what the source claims", maximumLength: 400)
            let indicator = indicatorReference(reader, "indicator")
            let presentedWith = reader.has("presentedWith") ? indicatorReference(reader, "presentedWith") : nil
            let change = reader.choice(
                "change", of: ChangeKind.self,
                required: "say how the change is stated: \"relative\" (per cent), \"absolute\" or \"percentage-points\"")
            let value = reader.number("value", required: "give the claimed change, e.g. 150 for \"150% more\", -13 for \"13% fewer\"")
            let from = reader.period("from")
            let to = reader.period("to")
            let source = sources.resolve(reader)
            let note = reader.string("note", maximumLength: 1000)
            var valid = true
            if reader.has("from") != reader.has("to") {
                log.error(
                    "give both \"from\" and \"to\", or neither (then the claim is checked against the partnership's baseline and outcome)",
                    at: path, offset: item.offset)
                valid = false
            }
            if let from, let to, !(from < to) {
                log.error(
                    "\"from\" (\(from.label)) must come before \"to\" (\(to.label))", at: path.appending("to"),
                    offset: reader.offset(of: "to"))
                valid = false
            }
            if let id, !seen.insert(id).inserted {
                log.error(
                    "the claim id \"\(id)\" is used twice; give each claim its own id", at: path.appending("id"),
                    offset: reader.offset(of: "id"))
                valid = false
            }
            if let indicator, presentedWith?.id == indicator.id {
                log.error(
                    "\"presentedWith\" is for figures of a different measure; remove it", at: path.appending("presentedWith"),
                    offset: reader.offset(of: "presentedWith"))
                valid = false
            }
            guard valid, let id, let statement, let indicator, let change, let value, let source else { continue }
            if from == nil && top.node("partnership", required: nil) == nil {
                log.error("this file has no partnership, so the claim needs \"from\" and \"to\" periods", at: path, offset: item.offset)
                continue
            }
            claims.append(
                Claim(
                    id: id, statement: statement, indicator: indicator, presentedWith: presentedWith, change: change,
                    value: value.value, tolerance: ValueRules.tolerance(of: value.literal), from: from, to: to, source: source,
                    note: note, provenance: log.provenance(path, offset: item.offset)))
        }
        return claims
    }
}
