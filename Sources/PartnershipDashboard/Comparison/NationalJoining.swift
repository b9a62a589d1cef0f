// The national picture: every council that joined a regional adoption agency on a sourced date,
// aligned on its own joining, set against the councils that had not yet joined in the same years.

import Foundation

/// Councils aligned on their own joining date (years −4 … +4 around it), each year's change set
/// against the councils not yet in an agency over the same calendar years, so that the national
/// trend is not mistaken for an effect of joining.
struct NationalJoining: Sendable {
    /// One council in one year relative to its joining.
    struct Point: Sendable, Equatable {
        let authorityID: String
        /// The council's last full year before joining, and the year this point is for.
        let base: Period
        let year: Period
        /// The council's count that year as an index of its last full year before joining (= 100).
        let index: Double
        /// The not-yet-joined councils' counts added together, as an index of the same base year.
        let comparison: Double
        /// How many councils the comparison adds together.
        let comparisonCouncils: Int
        /// `index ÷ comparison × 100`: 100 when the council changed as the not-yet-joined did.
        var relative: Double { index / comparison * 100 }
    }

    /// One year relative to joining, over every council with figures for it.
    struct Year: Sendable {
        let offset: Int
        let points: [Point]
        /// The geometric mean of the councils' relative indices, with its 95% interval (from the
        /// spread of their logarithms, Student's t); `nil` with fewer than two councils.
        let mean: Double?
        let interval: ClosedRange<Double>?

        /// The geometric mean of the councils' own indices, and of their comparisons'.
        var indexMean: Double? { NationalJoining.geometricMean(points.map(\.index)) }
        var comparisonMean: Double? { NationalJoining.geometricMean(points.map(\.comparison)) }

        /// What the interval allows us to say.
        var reading: Reading {
            guard let interval else { return .tooFew }
            if interval.contains(100) { return .noClearDifference }
            return interval.lowerBound > 100 ? .higher : .lower
        }

        /// The fewest councils not yet joined that any council in this year is set against.
        var fewestCompared: Int? { points.map(\.comparisonCouncils).min() }

        /// A difference found against fewer than 10 councils moves with each of them.
        var restsOnFewCouncils: Bool {
            (reading == .higher || reading == .lower) && (fewestCompared ?? 0) < NationalJoining.fewCouncils
        }
    }

    /// How a year's interval reads against 100 (changed as the councils not yet joined did).
    enum Reading: Sendable, Equatable {
        case higher, lower, noClearDifference, tooFew
    }

    /// Fewer comparison councils than this, and a difference is flagged to be read with care.
    static let fewCouncils = 10

    static func geometricMean(_ indices: [Double]) -> Double? {
        guard !indices.isEmpty else { return nil }
        return exp(indices.map { log($0 / 100) }.reduce(0, +) / Double(indices.count)) * 100
    }

    let measure: Indicator
    let years: [Year]
    /// Councils with a sourced joining date known to the month or day, of all councils in an agency.
    let joiners: Int
    let members: Int

    /// Years before and after joining; the last full year before (−1) is the base, 100 by definition.
    static let offsets = [-4, -3, -2, 1, 2, 3, 4]

    /// The measure the national picture follows: a count over the year, so years line up with joining.
    static let measure = OfficialMeasure.adopted

    /// The national picture, from the index of joining dates and figures built once per build.
    static func make(index: JoiningIndex) -> NationalJoining? {
        let dataset = index.dataset
        let id = measure
        guard let indicator = dataset.indicator(id) else { return nil }
        var joined: [(council: Authority, before: Int, firstAfter: Int)] = []
        var members: Set<String> = []
        for council in dataset.authorities where council.type != .region {
            if !dataset.memberships(of: council.id).isEmpty { members.insert(council.id) }
            guard let first = dataset.firstJoining(of: council.id), let day = first.agency.joining(of: first.member).date,
                let years = JoiningComparison.years(around: day),
                case .financialYear(let before) = years.before, case .financialYear(let after) = years.after
            else { continue }
            joined.append((council, before, after - 1))
        }
        joined.sort { $0.council.id < $1.council.id }
        let councils = joined
        // Each offset's year is independent of the others': worked out on every core at once.
        let years = offsets.concurrentMap { offset -> Year in
            let points = councils.compactMap { entry -> Point? in
                let baseYear = Period.financialYear(entry.before)
                let year = Period.financialYear(offset < 0 ? entry.before + 1 + offset : entry.firstAfter + offset - 1)
                guard let base = index.value(entry.council.id, id, baseYear), let value = index.value(entry.council.id, id, year), base > 0,
                    value > 0
                else { return nil }
                // The comparison: councils that had joined no agency by the end of that year, with figures for both years.
                var pooled = (base: 0.0, value: 0.0, councils: 0)
                for other in index.notYetJoined(by: offset < 0 ? baseYear : year, excluding: entry.council.id) {
                    guard let a = index.value(other, id, baseYear), let b = index.value(other, id, year) else { continue }
                    pooled = (pooled.base + a, pooled.value + b, pooled.councils + 1)
                }
                guard pooled.base > 0, pooled.value > 0 else { return nil }
                return Point(
                    authorityID: entry.council.id, base: baseYear, year: year, index: value / base * 100,
                    comparison: pooled.value / pooled.base * 100,
                    comparisonCouncils: pooled.councils)
            }
            let logs = points.map { log($0.relative / 100) }
            guard logs.count >= 2 else { return Year(offset: offset, points: points, mean: nil, interval: nil) }
            let mean = logs.reduce(0, +) / Double(logs.count)
            let variance = logs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(logs.count - 1)
            let half = StudentT.quantile975(degreesOfFreedom: logs.count - 1) * (variance / Double(logs.count)).squareRoot()
            return Year(
                offset: offset, points: points, mean: exp(mean) * 100, interval: (exp(mean - half) * 100)...(exp(mean + half) * 100))
        }
        return NationalJoining(measure: indicator, years: years, joiners: joined.count, members: members.count)
    }
}

/// Student's t distribution, for intervals around a mean of few values.
enum StudentT {
    /// The 97.5th percentile (two-sided 95%) for `degreesOfFreedom` ≥ 1: exact table values to 30,
    /// then the normal approximation with Cornish–Fisher corrections.
    static func quantile975(degreesOfFreedom n: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101,
            2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        if n >= 1 && n <= table.count { return table[n - 1] }
        let z = 1.959963984540054
        let v = Double(max(n, 1))
        return z + (z * z * z + z) / (4 * v) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * v * v)
    }
}
