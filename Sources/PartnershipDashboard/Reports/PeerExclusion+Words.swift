// Why a council is left out of a comparison, in words.

extension PeerExclusion {
    /// Why it is left out, as a clause: "DfE published no figure for 2011-12 (\"x\": …)".
    var words: String {
        switch self {
        case .ownPartnership(let partner, let dates):
            return "it had its own partnership with \(partner) (\(dates)) over these years"
        case .suppressed(let period, let symbol, let meaning):
            return "DfE published no figure for \(period.label) (\"\(symbol)\": \(meaning))"
        case .missing(let period): return "DfE's tables hold no figure for \(period.label)"
        case .notInExistence(let existence):
            let when: String
            switch existence {
            case .began(let day): when = "began on \(day.label)"
            case .ended(let day, let via):
                when = via.map { "was followed back to \($0), which ended on \(day.label)" } ?? "ended on \(day.label)"
            }
            return "it \(when), so its figures do not cover the years compared"
        case .tinyBase(let base):
            return
                "its base is \(UKFormat.number(base)), and a relative change from \(ComparisonRules.tinyBaseLimit) or fewer is not ranked"
        case .zeroBase(let period): return "its figure for \(period.label) is 0, so it has no per cent change"
        case .sameFiguresAs(let name): return "its figures are also \(name)'s, counted once"
        case .noFile(let code): return "no file holds council \(code)'s figures"
        }
    }

    /// A short reason for counts: "suppressed", "no figure", "base of 10 or fewer".
    var kind: String { group.words }
}

extension PeerExclusion.Group {
    /// The reason as a rank's counts name it.
    var words: String {
        switch self {
        case .ownPartnership: return "its own partnership"
        case .suppressed: return "suppressed"
        case .noFigure: return "no figure"
        case .didNotExist: return "did not exist"
        case .tinyBase: return "base of \(ComparisonRules.tinyBaseLimit) or fewer"
        case .countedOnce: return "counted once"
        }
    }
}

extension ListedCouncil {
    /// "Medway", or "council 887" for a council the dataset has no file for.
    var name: String {
        switch self {
        case .named(let name): return name
        case .code(let code): return "council \(code)"
        }
    }
}

extension PeerChange {
    /// The council as the list names it.
    var name: String { listed.name }
}

extension JoiningComparison.Neighbours.Peer {
    /// The council as the list names it.
    var name: String { listed.name }
}
