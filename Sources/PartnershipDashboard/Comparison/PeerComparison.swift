// A partner's change beside the changes of councils like it (DfE's statistical neighbours) and of
// every council, over exactly the same two periods, by the same rules.

/// Why a council's change over the periods compared is not counted with the others'.
enum PeerExclusion: Sendable, Equatable {
    /// How a council's dates fall outside the years compared.
    enum Existence: Sendable, Equatable {
        case began(PartialDate)
        /// It ended; `via` names the council it was followed back to, which is the one that ended.
        case ended(PartialDate, via: String?)
    }

    /// It had a partnership of its own over the same years.
    case ownPartnership(partner: String, dates: String)
    /// DfE published a symbol, not a figure, for one of the periods.
    case suppressed(period: Period, symbol: String, meaning: String)
    /// DfE's tables hold nothing for it in one of the periods.
    case missing(period: Period)
    /// It did not exist over the years compared (it began after the first, or ended before the
    /// last) and cannot be followed back to one council before it: when it began, or when it (or
    /// the council it was followed back to) ended.
    case notInExistence(Existence)
    /// Its relative change is from a base of ``ComparisonRules/tinyBaseLimit`` or fewer.
    case tinyBase(Double)
    /// Its first figure is 0, so it has no per cent change.
    case zeroBase(Period)
    /// Another council in the list leads back to the same figures, which are counted once.
    case sameFiguresAs(String)
    /// The list names a council the dataset has no file for.
    case noFile(code: String)

    /// The reasons a rank counts councils by, declared in the order their words sort, which is
    /// the order pages list them in.
    enum Group: Sendable, Hashable, CaseIterable, Comparable {
        case tinyBase
        case countedOnce
        case didNotExist
        case ownPartnership
        case noFigure
        case suppressed
    }

    /// The reason a rank counts it under.
    var group: Group {
        switch self {
        case .ownPartnership: return .ownPartnership
        case .suppressed: return .suppressed
        case .missing, .noFile: return .noFigure
        case .notInExistence: return .didNotExist
        case .tinyBase, .zeroBase: return .tinyBase
        case .sameFiguresAs: return .countedOnce
        }
    }
}

/// A council as a list of neighbours names it: by the short name of the dataset's file for it, or,
/// where the dataset has none, by DfE's code alone (the wording layer says "council 123").
enum ListedCouncil: Sendable, Equatable {
    case named(String)
    case code(String)
}

/// One council's change over the partner's two periods, or why it has none.
struct PeerChange: Sendable {
    /// The council as the list names it.
    let listed: ListedCouncil
    let authorityID: String?
    /// DfE's band of closeness, for a statistical neighbour.
    let closeness: String?
    /// Where the council did not exist over the years compared: the council whose figures stand for it.
    let followedBackTo: Authority?
    /// The council whose figures the change is worked from: itself, or the one it is followed back to.
    let figuresOf: Authority?
    let change: Change?
    let exclusion: PeerExclusion?

    /// Whether the change is counted in the median or the rank.
    var counted: Bool { exclusion == nil && change != nil }
}

/// The partner's change beside its statistical neighbours' over the same two periods.
struct NeighbourComparison: Sendable {
    /// The model the neighbours come from.
    let model: StatisticalNeighbours
    /// What the changes are measured in: relative change for counts, percentage points for shares.
    let measure: ChangeKind
    /// Every neighbour the model lists, nearest first.
    let peers: [PeerChange]
    /// The median, lowest and highest of the counted neighbours' changes.
    let median: Double?
    let lowest: Double?
    let highest: Double?
    /// The partner's change minus the neighbours' median: a difference-in-differences.
    let difference: Double?
    /// For counts: the counted neighbours' figures added up for each of the two periods, and where
    /// the partner's change stands against their change taken together, allowing for chance at 95%.
    let pooled: (from: Double, to: Double, standing: Standing?)?

    var counted: [PeerChange] { peers.filter(\.counted) }
}

/// Where the partner's change falls among every council's over the same two periods.
struct CouncilRank: Sendable {
    /// 1 for the largest increase.
    let rank: Int
    /// Councils ranked, the partner among them.
    let of: Int
    /// Other councils with exactly the same change.
    let tiedWith: Int
    let measure: ChangeKind
    /// Councils left out, by reason, with how many.
    let leftOut: [(group: PeerExclusion.Group, count: Int)]
    /// Every ranked council's change, largest first, with its value in ``measure``, for charts and downloads.
    let changes: [(authority: Authority, value: Double, change: Change)]
    /// The same rank among councils of the partner's own type (county councils, London boroughs, …).
    let sameType: (type: AuthorityType, rank: Int, of: Int)?
}

extension Comparer {
    /// The statistical-neighbour model a comparison uses: the one published nearest the later of the
    /// two periods (the earlier model where two are as near), so the groups are as close as the
    /// data allows to the councils' situation at the time.
    static func model(for change: Change, in models: [StatisticalNeighbours]) -> StatisticalNeighbours? {
        StatisticalNeighbours.nearest(to: change.to.period, in: models)
    }

    /// The partner's official change beside its neighbours' over the same two periods. A neighbour
    /// with a partnership of its own over those years is shown and left out of the median; one that
    /// did not exist is followed back to the one council it came from, and flagged.
    func neighbours(of authority: Authority, _ indicator: Indicator, _ change: Change) -> NeighbourComparison? {
        guard change.from.official, change.to.official,
            let model = Comparer.model(for: change, in: authority.official?.neighbours ?? [])
        else { return nil }
        let measure = ComparisonRules.headlineMeasure(for: indicator.unit)
        var seen: [String: String] = [:]
        let peers = model.nearest.map { neighbour -> PeerChange in
            guard let id = neighbour.authorityID, let listed = dataset.authority(id) else {
                return PeerChange(
                    listed: .code(neighbour.dfeCode), authorityID: nil, closeness: neighbour.closeness, followedBackTo: nil,
                    figuresOf: nil, change: nil, exclusion: .noFile(code: neighbour.dfeCode))
            }
            if listed.id == authority.id {
                return PeerChange(
                    listed: .named(listed.shortName), authorityID: listed.id, closeness: neighbour.closeness, followedBackTo: nil,
                    figuresOf: listed,
                    change: nil, exclusion: .sameFiguresAs(authority.shortName))
            }
            let peer = peerChange(listed, indicator, change, measure: measure, forRank: false, closeness: neighbour.closeness)
            // Two entries leading to the same figures (a council and the one it is followed back to,
            // or a council listed twice) are counted once.
            guard peer.counted, let source = peer.figuresOf else { return peer }
            if let first = seen[source.id] {
                return PeerChange(
                    listed: peer.listed, authorityID: peer.authorityID, closeness: peer.closeness, followedBackTo: peer.followedBackTo,
                    figuresOf: source, change: peer.change, exclusion: .sameFiguresAs(first))
            }
            seen[source.id] = listed.shortName
            return peer
        }
        let values = peers.filter(\.counted).compactMap { $0.change?.value(in: measure) }.sorted()
        let median = ComparisonRules.median(values)
        let difference = median.flatMap { median in change.value(in: measure).map { Change.clean($0 - median) } }
        let counted = peers.filter(\.counted).compactMap(\.change)
        let pooled = (from: counted.map(\.from.value).reduce(0, +), to: counted.map(\.to.value).reduce(0, +))
        return NeighbourComparison(
            model: model, measure: measure, peers: peers, median: median, lowest: values.first, highest: values.last,
            difference: difference,
            pooled: indicator.unit == .count && !counted.isEmpty
                ? (pooled.from, pooled.to, Chance.changeStanding(change, against: pooled, polarity: indicator.polarity)) : nil)
    }

    /// The partner's change ranked among every council's over the same two periods. Other partners
    /// are ranked too: the rank places the partner among all councils, whatever they did.
    func rank(of authority: Authority, _ indicator: Indicator, _ change: Change) -> CouncilRank? {
        guard change.from.official, change.to.official else { return nil }
        let measure = ComparisonRules.headlineMeasure(for: indicator.unit)
        // The partner is held to the rule every other council is: no rank for a per cent change from a tiny base.
        guard let mine = change.value(in: measure), !ComparisonRules.tooSmallToRank(change.from.value, measure: measure) else {
            return nil
        }
        var ranked: [(authority: Authority, value: Double, change: Change)] = []
        var leftOut: [PeerExclusion.Group: Int] = [:]
        for council in dataset.authorities where council.type != .region && council.type != .country && council.official != nil {
            let peer =
                council.id == authority.id
                ? PeerChange(
                    listed: .named(council.shortName), authorityID: council.id, closeness: nil, followedBackTo: nil, figuresOf: council,
                    change: change, exclusion: nil)
                : peerChange(council, indicator, change, measure: measure, forRank: true, closeness: nil)
            // A council that had not begun, or had ended, is not a council of those years.
            if case .notInExistence = peer.exclusion { continue }
            if let exclusion = peer.exclusion {
                leftOut[exclusion.group, default: 0] += 1
                continue
            }
            guard let counted = peer.change, let value = counted.value(in: measure) else { continue }
            ranked.append((council, value, counted))
        }
        guard ranked.contains(where: { $0.authority.id == authority.id }) else { return nil }
        ranked.sort { ($1.value, $0.authority.id) < ($0.value, $1.authority.id) }
        let sameType = authority.type.map { type in
            let peers = ranked.filter { $0.authority.type == type }
            return (type, 1 + peers.filter { $0.value > mine }.count, peers.count)
        }
        return CouncilRank(
            rank: 1 + ranked.filter { $0.value > mine }.count, of: ranked.count,
            tiedWith: ranked.filter { $0.value == mine }.count - 1, measure: measure,
            leftOut: leftOut.keys.sorted().map { ($0, leftOut[$0] ?? 0) }, changes: ranked, sameType: sameType)
    }

    /// One council's official change between the partner's two periods, or why there is none.
    /// For a rank, every council that existed counts, and a relative change from a tiny base is left
    /// out (a rank orders extremes, which a base of a few children produces). For a neighbour, a
    /// council with its own partnership is left out, one that did not exist is followed back, and
    /// any base counts, since a median is not moved by one extreme.
    private func peerChange(
        _ council: Authority, _ indicator: Indicator, _ partner: Change, measure: ChangeKind, forRank: Bool, closeness: String?
    ) -> PeerChange {
        func result(_ change: Change?, _ exclusion: PeerExclusion?, via: Authority? = nil) -> PeerChange {
            PeerChange(
                listed: .named(council.shortName), authorityID: council.id, closeness: closeness, followedBackTo: via,
                figuresOf: via ?? council,
                change: change, exclusion: exclusion)
        }
        let from = partner.from.period
        let to = partner.to.period
        if !forRank, let own = council.partnership, let first = from.start, let last = to.end, own.overlaps(first, last) {
            return result(nil, .ownPartnership(partner: own.partner, dates: own.datesLabel))
        }
        var source = council
        if let began = council.official?.began, let start = from.start, began.firstDay > start {
            let before = council.official?.predecessors ?? []
            guard !forRank, before.count == 1, let predecessor = dataset.authority(before[0]) else {
                return result(nil, .notInExistence(.began(began)))
            }
            source = predecessor
        }
        let via = source.id == council.id ? nil : source
        if let ended = source.official?.ended, let end = to.end, ended.lastDay < end {
            return result(nil, .notInExistence(.ended(ended, via: via?.shortName)), via: via)
        }
        let series = source.series(for: indicator.id)
        var pair: [Observation] = []
        for period in [from, to] {
            if let figure = series?.officialFigure(in: period) {
                pair.append(figure)
            } else if let cell = series?.suppressed.first(where: { $0.period == period }) {
                return result(nil, .suppressed(period: period, symbol: cell.symbol, meaning: cell.meaning), via: via)
            } else {
                return result(nil, .missing(period: period), via: via)
            }
        }
        let change = judged(
            Change(from: pair[0], to: pair[1], unit: indicator.unit, polarity: indicator.polarity), indicator, source)
        if change.value(in: measure) == nil { return result(change, .zeroBase(from), via: via) }
        if forRank, ComparisonRules.tooSmallToRank(pair[0].value, measure: measure) {
            return result(change, .tinyBase(pair[0].value), via: via)
        }
        return result(change, nil, via: via)
    }
}
