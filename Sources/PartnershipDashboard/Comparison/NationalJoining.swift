// The national picture: every council that joined a regional adoption agency on a sourced date,
// aligned on its own joining, set against the councils that had not yet joined in the same years.

import Foundation

/// Councils aligned on their own joining date (years −4 … +4 around it), each year's change set
/// against the councils not yet in an agency over the same calendar years, so that the national
/// trend is not mistaken for an effect of joining.
public struct NationalJoining: Sendable {
    /// One council in one year relative to its joining.
    public struct Point: Sendable, Equatable {
        public let authorityID: String
        /// The council's count that year as an index of its last full year before joining (= 100).
        public let index: Double
        /// The not-yet-joined councils' counts added together, as an index of the same base year.
        public let comparison: Double
        /// How many councils the comparison adds together.
        public let comparisonCouncils: Int
        /// `index ÷ comparison × 100`: 100 when the council changed as the not-yet-joined did.
        public var relative: Double { index / comparison * 100 }
    }

    /// One year relative to joining, over every council with figures for it.
    public struct Year: Sendable {
        public let offset: Int
        public let points: [Point]
        /// The geometric mean of the councils' relative indices, with its 95% interval (from the
        /// spread of their logarithms, Student's t); `nil` with fewer than two councils.
        public let mean: Double?
        public let interval: ClosedRange<Double>?
    }

    public let measure: Indicator
    public let years: [Year]
    /// Councils with a sourced joining date known to the month or day, of all councils in an agency.
    public let joiners: Int
    public let members: Int

    /// Years before and after joining; the last full year before (−1) is the base, 100 by definition.
    public static let offsets = [-4, -3, -2, 1, 2, 3, 4]

    /// The national picture for a count over the year (children adopted by default).
    public static func make(dataset: Dataset, measure id: String = "children-adopted") -> NationalJoining? {
        guard let indicator = dataset.indicator(id) else { return nil }
        let index = JoiningIndex(dataset, measures: [id])
        var joined: [(council: Authority, before: Int, firstAfter: Int)] = []
        var members: Set<String> = []
        for council in dataset.authorities where council.type != .region {
            let memberships = dataset.memberships(of: council.id)
            if !memberships.isEmpty { members.insert(council.id) }
            guard let first = memberships.first, case let date = first.agency.joining(of: first.member), date.splitsPeriods,
                let day = date.date, let years = JoiningComparison.years(around: day),
                case .financialYear(let before) = years.before, case .financialYear(let after) = years.after
            else { continue }
            joined.append((council, before, after - 1))
        }
        joined.sort { $0.council.id < $1.council.id }
        let years = offsets.map { offset -> Year in
            let points = joined.compactMap { entry -> Point? in
                let baseYear = Period.financialYear(entry.before)
                let year = Period.financialYear(offset < 0 ? entry.before + 1 + offset : entry.firstAfter + offset - 1)
                guard let base = index.value(entry.council.id, id, baseYear), let value = index.value(entry.council.id, id, year), base > 0,
                    value > 0
                else { return nil }
                // The comparison: councils that had joined no agency by the end of that year, with figures for both years.
                var pooled = (base: 0.0, value: 0.0, councils: 0)
                for other in index.notYetJoined(by: offset < 0 ? baseYear : year, excluding: entry.council.id) {
                    guard let a = index.value(other.id, id, baseYear), let b = index.value(other.id, id, year) else { continue }
                    pooled = (pooled.base + a, pooled.value + b, pooled.councils + 1)
                }
                guard pooled.base > 0, pooled.value > 0 else { return nil }
                return Point(
                    authorityID: entry.council.id, index: value / base * 100, comparison: pooled.value / pooled.base * 100,
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
