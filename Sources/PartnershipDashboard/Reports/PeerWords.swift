// The sentences that set a partner's change beside its statistical neighbours' and every council's.

/// Words for ``NeighbourComparison`` and ``CouncilRank``, used by the pages and `dashboard compare` alike.
enum PeerWords {
    /// "Kent's 10 statistical neighbours in DfE's April 2021 model: 9 have DfE figures for both 2011-12
    /// and 2014-15. Their changes ran from −12% to +85%, with a median of +30%; Kent's +159% is 129
    /// percentage points above it."
    static func neighbours(_ comparison: NeighbourComparison, partner: Authority, change: Change, unit: Unit) -> String {
        let name = partner.shortName
        let measure = comparison.measure
        let counted = comparison.counted.count
        var text =
            "\(name)'s \(comparison.peers.count) statistical neighbours in DfE's \(modelName(comparison.model)): \(counted == comparison.peers.count ? "all" : "\(counted)") \(counted == 1 ? "is" : "are") counted over the same years (\(pair(change)))."
        guard let median = comparison.median, let lowest = comparison.lowest, let highest = comparison.highest else {
            return text + " With none counted, there is no median to compare with."
        }
        guard let mine = change.value(in: measure), let difference = comparison.difference else {
            return text
                + " Their median change was \(UKFormat.change(median, kind: measure, unit: unit)); \(name)'s own has no per cent to set beside it."
        }
        let format = { (value: Double) in UKFormat.change(value, kind: measure, unit: unit) }
        text +=
            counted == 1
            ? " Its change was \(format(median))."
            : " Their changes ran from \(format(lowest)) to \(format(highest)), with a median of \(format(median))."
        let gap = UKFormat.difference(abs(difference), measure: measure, unit: unit).replacingOccurrences(of: "+", with: "")
        if difference == 0 {
            text += " \(name)'s \(format(mine)) equals that median."
        } else {
            text += " \(name)'s \(format(mine)) is \(gap) \(difference > 0 ? "above" : "below") \(counted == 1 ? "it" : "that median")."
        }
        if let pooled = comparison.pooled, counted > 1 {
            text +=
                " Added together, the counted neighbours went from \(UKFormat.value(pooled.from, unit: unit)) to \(UKFormat.value(pooled.to, unit: unit))."
            if let standing = pooled.standing { text += " " + PeerWords.standing(standing, partner: partner, benchmark: "theirs") }
        }
        return text
    }

    /// "Allowing for chance at 95%, Kent's change was better than theirs." A similar change says the
    /// gap could be chance, so no reader takes a difference in the figures for a difference in fact.
    static func standing(_ standing: Standing, partner: Authority, benchmark: String) -> String {
        standing == .similar
            ? "Allowing for chance at 95%, \(partner.shortName)'s change was similar to \(benchmark): the gap could be chance."
            : "Allowing for chance at 95%, \(partner.shortName)'s change was \(standing.relation) \(benchmark)."
    }

    /// "Among 148 councils with DfE figures for both years, Kent's change was the 3rd largest increase."
    static func rank(_ rank: CouncilRank, partner: Authority, change: Change) -> String {
        guard change.value(in: rank.measure) != nil else { return "" }
        let position = position(rank, change: change)
        var text =
            "Ranked among the \(rank.of) councils with DfE figures for both \(change.from.period.label) and \(change.to.period.label), \(partner.shortName)'s change was \(position)."
        if let same = rank.sameType, same.of > 1, let mine = change.value(in: rank.measure) {
            let kind = PeerWords.plural(same.type)
            if change.isClear {
                let position =
                    mine > 0 ? same.rank : 1 + rank.changes.filter { $0.authority.type == same.type && $0.value < mine }.count
                text +=
                    " Among the \(same.of) \(kind), it was \(position == 1 ? "the largest" : "the \(UKFormat.ordinal(position)) largest") \(mine > 0 ? "increase" : "decrease")."
            } else {
                text += " Among the \(same.of) \(kind), it was \(UKFormat.ordinal(same.rank)) from the largest increase."
            }
        }
        if change.direction == .noClearChange { text += " The change itself could be chance." }
        if change.isUntested { text += " The change itself was not tested against chance." }
        if !rank.leftOut.isEmpty {
            text += " Left out: " + UKFormat.list(rank.leftOut.map { "\($0.count) (\($0.group.words))" }) + "."
        }
        return text
    }

    /// "the 3rd largest increase", "the joint largest decrease", "no change, with 40 councils higher".
    /// A change chance could explain, or that was not tested, is placed by position alone ("74th
    /// from the largest increase"), never called an increase or a decrease.
    /// With `among`, the number of councils goes in its place: "the 11th largest increase of 117
    /// councils", "74th of 150 councils from the largest increase".
    static func position(_ rank: CouncilRank, change: Change, among: Int? = nil) -> String {
        guard let mine = change.value(in: rank.measure) else { return "" }
        let joint = rank.tiedWith > 0 ? "joint " : ""
        let of = among.map { " of \($0) councils" } ?? ""
        let place = { (position: Int) in position == 1 ? "the \(joint)largest" : "the \(joint)\(UKFormat.ordinal(position)) largest" }
        if !change.isClear { return "\(joint)\(UKFormat.ordinal(rank.rank))\(of) from the largest increase" }
        if mine > 0 { return "\(place(rank.rank)) increase\(of)" }
        return "\(place(1 + rank.changes.filter { $0.value < mine }.count)) decrease\(of)"
    }

    /// "county councils", "London boroughs".
    static func plural(_ type: AuthorityType) -> String {
        switch type {
        case .londonBorough: return "London boroughs"
        case .metropolitanBorough: return "metropolitan boroughs"
        case .county: return "county councils"
        case .unitary: return "unitary authorities"
        case .region: return "regions"
        case .country: return "countries"
        }
    }

    /// "April 2021 model", from the date DfE published it.
    static func modelName(_ model: StatisticalNeighbours) -> String {
        "\(model.model.published?.label ?? String(model.year)) model"
    }

    /// "2011-12 and 2014-15".
    static func pair(_ change: Change) -> String { "\(change.from.period.label) and \(change.to.period.label)" }
}
