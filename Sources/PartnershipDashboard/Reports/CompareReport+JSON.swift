// The JSON form of `dashboard compare`; its shape is documented in README.md and read by the site and tests.

extension CompareReport {
    var json: JSONNode {
        .object([
            ("authorities", .array(comparisons.map(Self.authorityJSON))),
            ("englandClaims", .array(englandClaims.map(Self.claimJSON))),
        ])
    }

    static func authorityJSON(_ comparison: AuthorityComparison) -> JSONNode {
        let authority = comparison.authority
        let partnership: JSONNode =
            authority.partnership.map { partnership in
                .object([
                    ("partner", .string(partnership.partner)),
                    ("dates", .string(partnership.datesLabel)),
                    ("firstDay", .string(partnership.firstDay.description)),
                    ("lastDay", partnership.lastDay.map { .string($0.description) } ?? .null),
                    (
                        "phases",
                        .array(
                            partnership.phases.map { phase in
                                .object([
                                    ("name", .string(phase.name)), ("start", .string(phase.start.date.description)),
                                    ("wording", .string(phase.start.wording)),
                                ])
                            })
                    ),
                ])
            } ?? .null
        return .object([
            ("id", .string(authority.id)),
            ("name", .string(authority.name)),
            ("partnership", partnership),
            ("headline", authority.headline.map { .string($0.id) } ?? .null),
            ("indicators", .array(comparison.indicators.map(indicatorJSON))),
        ])
    }

    static func indicatorJSON(_ row: IndicatorComparison) -> JSONNode {
        let unit = row.indicator.unit
        let threshold: JSONNode = .object([
            ("baseline", row.baselineThreshold.map(thresholdJSON) ?? .null),
            ("outcome", row.outcomeThreshold.map(thresholdJSON) ?? .null),
            ("after", row.afterThreshold.map(thresholdJSON) ?? .null),
        ])
        let caveats: [JSONNode] = row.caveats.map { .object([("kind", .string($0.kind.rawValue)), ("text", .string($0.text))]) }
        var members: [(String, JSONNode)] = [
            ("indicator", .string(row.indicator.id)),
            ("title", .string(row.indicator.title)),
            ("unit", .string(unit.rawValue)),
            ("polarity", .string(row.indicator.polarity.rawValue)),
        ]
        members.append(("baseline", row.baseline.map(placedJSON) ?? .null))
        members.append(("outcome", row.outcome.map(placedJSON) ?? .null))
        members.append(("after", row.after.map(placedJSON) ?? .null))
        members.append(("change", row.change.map { changeJSON($0, unit: unit) } ?? .null))
        members.append(("afterChange", row.afterChange.map { changeJSON($0, unit: unit) } ?? .null))
        members.append(("threshold", threshold))
        members.append(("england", row.england.map { englandJSON($0, unit: unit) } ?? .null))
        members.append(("englandAfter", row.englandAfter.map { englandJSON($0, unit: unit) } ?? .null))
        members.append(("neighbours", row.neighbours.map { neighboursJSON($0, unit: unit) } ?? .null))
        members.append(("neighboursAfter", row.neighboursAfter.map { neighboursJSON($0, unit: unit) } ?? .null))
        members.append(("rank", row.rank.map(rankJSON) ?? .null))
        members.append(("rankAfter", row.rankAfter.map(rankJSON) ?? .null))
        members.append(("sinceDuring", row.sinceDuring.map { changeJSON($0, unit: unit) } ?? .null))
        members.append(("neighboursSinceDuring", row.neighboursSinceDuring.map { neighboursJSON($0, unit: unit) } ?? .null))
        members.append(("rankSinceDuring", row.rankSinceDuring.map(rankJSON) ?? .null))
        members.append(("claims", .array(row.claims.map(claimJSON))))
        members.append(("caveats", .array(caveats)))
        members.append(("indexed", .array(row.indexed.map(indexedJSON))))
        members.append(("unavailableReason", row.unavailable.map { JSONNode.string($0.words) } ?? .null))
        return .object(members)
    }

    static func neighboursJSON(_ neighbours: NeighbourComparison, unit: Unit) -> JSONNode {
        let number = { (value: Double?) -> JSONNode in value.map { .number(twoPlaces($0)) } ?? .null }
        let peers = neighbours.peers.map { peer -> JSONNode in
            .object([
                ("name", .string(peer.name)), ("id", peer.authorityID.map(JSONNode.string) ?? .null),
                ("closeness", peer.closeness.map(JSONNode.string) ?? .null),
                ("figuresOf", peer.followedBackTo.map { .string($0.id) } ?? .null),
                ("from", peer.change.map { .number($0.from.value) } ?? .null), ("to", peer.change.map { .number($0.to.value) } ?? .null),
                ("change", peer.change.flatMap { $0.value(in: neighbours.measure) }.map { .number(twoPlaces($0)) } ?? .null),
                ("direction", peer.change.map { .string($0.direction.rawValue) } ?? .null), ("counted", .bool(peer.counted)),
                ("leftOut", peer.exclusion.map { .string($0.words) } ?? .null),
            ])
        }
        return .object([
            ("model", .string(neighbours.model.model.id)), ("measure", .string(neighbours.measure.rawValue)),
            ("median", number(neighbours.median)), ("lowest", number(neighbours.lowest)), ("highest", number(neighbours.highest)),
            ("difference", number(neighbours.difference)),
            (
                "together",
                neighbours.pooled.map {
                    .object([
                        ("from", .number($0.from)), ("to", .number($0.to)), ("standing", $0.standing.map { .string($0.rawValue) } ?? .null),
                    ])
                } ?? .null
            ),
            ("peers", .array(peers)),
        ])
    }

    static func rankJSON(_ rank: CouncilRank) -> JSONNode {
        .object([
            ("rank", .number(Double(rank.rank))), ("of", .number(Double(rank.of))), ("tiedWith", .number(Double(rank.tiedWith))),
            ("measure", .string(rank.measure.rawValue)),
            ("leftOut", .object(rank.leftOut.map { ($0.group.words, JSONNode.number(Double($0.count))) })),
        ])
    }

    static func observationJSON(_ observation: Observation) -> JSONNode {
        .object([
            ("period", .string(observation.period.notation)),
            ("label", .string(observation.period.label)),
            ("value", .number(observation.value)),
            ("source", .string(observation.source.id)),
            ("status", .string(observation.status.rawValue)),
        ])
    }

    static func placedJSON(_ placed: PlacedObservation) -> JSONNode {
        guard case .object(let members) = observationJSON(placed.observation).value else { return .null }
        return .object(members.map { ($0.key, $0.value) } + [("phase", .string(placed.phase.rawValue))])
    }

    static func changeJSON(_ change: Change, unit: Unit) -> JSONNode {
        .object([
            ("from", .string(change.from.period.notation)),
            ("to", .string(change.to.period.notation)),
            ("absolute", .number(change.absolute)),
            ("relative", change.relative.map { .number(twoPlaces($0)) } ?? .null),
            ("relativeBase", change.relativeBase.map { .string($0.period.notation) } ?? .null),
            ("percentagePoints", change.percentagePoints.map(JSONNode.number) ?? .null),
            ("direction", .string(change.direction.rawValue)),
            ("text", .string(UKFormat.change(change, unit: unit))),
        ])
    }

    static func thresholdJSON(_ status: ThresholdStatus) -> JSONNode {
        .object([
            ("period", .string(status.threshold.period.notation)),
            ("value", .number(status.threshold.value)),
            ("met", .bool(status.met)),
            ("source", .string(status.threshold.source.id)),
            (
                "alternatives",
                .array(status.alternatives.map { .object([("value", .number($0.value)), ("source", .string($0.source.id))]) })
            ),
        ])
    }

    static func englandJSON(_ england: EnglandComparison, unit: Unit) -> JSONNode {
        .object([
            ("baseline", observationJSON(england.change.from)),
            ("outcome", observationJSON(england.change.to)),
            ("change", changeJSON(england.change, unit: unit)),
            ("measure", .string(england.measure.rawValue)),
            ("difference", england.difference.map { .number(twoPlaces($0)) } ?? .null),
            (
                "without",
                england.without.map {
                    .object([("from", .number($0.from)), ("to", .number($0.to)), ("relative", .number(twoPlaces($0.relative)))])
                } ?? .null
            ),
            ("standing", england.standing.map { .string($0.rawValue) } ?? .null),
            ("indexed", .array(england.indexed.map(indexedJSON))),
        ])
    }

    static func claimJSON(_ check: ClaimCheck) -> JSONNode {
        .object([
            ("id", .string(check.claim.id)),
            ("indicator", .string(check.claim.indicator.id)),
            ("checkedAgainst", .string(check.checkedAgainst.id)),
            ("change", .string(check.claim.change.rawValue)),
            ("claimed", .number(check.claim.value)),
            ("computed", check.computed.map { .number(twoPlaces($0)) } ?? .null),
            ("verdict", .string(check.verdict.rawValue)),
            ("measuresDiffer", .bool(check.measuresDiffer)),
            ("source", .string(check.claim.source.id)),
            ("explanation", .string(check.explanation)),
        ])
    }

    static func indexedJSON(_ point: IndexedPoint) -> JSONNode {
        .object([("period", .string(point.period.notation)), ("value", .number(point.value)), ("index", .number(twoPlaces(point.index)))])
    }
}
