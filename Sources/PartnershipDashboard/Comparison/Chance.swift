// Whether a change between two counts is more than chance, by the methods England's public-health
// profiles (Fingertips) use: Wilson score intervals for proportions, Byar's for counts.

import Foundation

enum Chance {
    /// The normal quantile for a two-sided 95% interval.
    static let z95 = 1.959963984540054

    /// Wilson's score interval for `successes` out of `total` (Fingertips' method for proportions).
    static func wilson(_ successes: Double, of total: Double, z: Double = z95) -> ClosedRange<Double>? {
        guard total > 0, successes >= 0, successes <= total else { return nil }
        let p = successes / total
        let z2 = z * z
        let centre = p + z2 / (2 * total)
        let spread = z * (p * (1 - p) / total + z2 / (4 * total * total)).squareRoot()
        let divisor = 1 + z2 / total
        return ((centre - spread) / divisor)...((centre + spread) / divisor)
    }

    /// Byar's approximation to the exact Poisson interval for an observed count (Fingertips' method for counts).
    static func byar(_ count: Double, z: Double = z95) -> ClosedRange<Double>? {
        guard count >= 0 else { return nil }
        let lower: Double
        if count == 0 {
            lower = 0
        } else {
            lower = count * pow(1 - 1 / (9 * count) - z / (3 * count.squareRoot()), 3)
        }
        let next = count + 1
        let upper = next * pow(1 - 1 / (9 * next) + z / (3 * next.squareRoot()), 3)
        return lower...upper
    }

    /// The interval for an observed count as Fingertips gives it: the exact Poisson interval below
    /// 10, where Byar's approximation drifts, and Byar's from 10 up. `nil` for a count that is not a
    /// whole number of children.
    static func count(_ count: Double, z: Double = z95) -> ClosedRange<Double>? {
        guard count >= 0, count == count.rounded() else { return nil }
        return count < 10 ? exactPoisson(Int(count), z: z) : byar(count, z: z)
    }

    /// The exact (Garwood) interval for a Poisson count: the means under which the count, or a
    /// more extreme one, has probability α/2 on each side, found by bisection on the Poisson sums.
    static func exactPoisson(_ count: Int, z: Double = z95) -> ClosedRange<Double> {
        let tail = erfc(z / 2.squareRoot()) / 2
        // P(X ≤ k) for a Poisson mean `mean`.
        func cumulative(_ k: Int, _ mean: Double) -> Double {
            guard k >= 0 else { return 0 }
            var term = exp(-mean)
            var sum = term
            for i in stride(from: 1, through: k, by: 1) {
                term *= mean / Double(i)
                sum += term
            }
            return min(1, sum)
        }
        // The mean at which `probability(mean)`, which falls as the mean grows, equals `target`.
        func solve(_ target: Double, _ probability: (Double) -> Double) -> Double {
            var low = 0.0
            var high = Double(count) + 20 + 10 * Double(count).squareRoot()
            for _ in 0..<200 {
                let middle = (low + high) / 2
                if probability(middle) > target { low = middle } else { high = middle }
            }
            return (low + high) / 2
        }
        // Lower: P(X ≥ count) = α/2; upper: P(X ≤ count) = α/2.
        let lower = count == 0 ? 0 : solve(1 - tail) { cumulative(count - 1, $0) }
        let upper = solve(tail) { cumulative(count, $0) }
        return lower...upper
    }

    /// Newcombe's hybrid score interval (his method 10, built from the two Wilson intervals) for the
    /// difference `second / secondTotal − first / firstTotal`; `nil` when a total is zero.
    static func newcombe(
        _ first: Double, of firstTotal: Double, _ second: Double, of secondTotal: Double, z: Double = z95
    ) -> ClosedRange<Double>? {
        guard let one = wilson(first, of: firstTotal, z: z), let two = wilson(second, of: secondTotal, z: z) else { return nil }
        let p1 = first / firstTotal
        let p2 = second / secondTotal
        let difference = p2 - p1
        let below = ((p2 - two.lowerBound) * (p2 - two.lowerBound) + (one.upperBound - p1) * (one.upperBound - p1)).squareRoot()
        let above = ((two.upperBound - p2) * (two.upperBound - p2) + (p1 - one.lowerBound) * (p1 - one.lowerBound)).squareRoot()
        return (difference - below)...(difference + above)
    }

    /// Whether two proportions differ by more than chance at 95%: Newcombe's interval for their
    /// difference leaves out zero. `nil` when a total is zero.
    static func proportionsDiffer(
        _ first: Double, of firstTotal: Double, _ second: Double, of secondTotal: Double, z: Double = z95
    ) -> Bool? {
        newcombe(first, of: firstTotal, second, of: secondTotal, z: z).map { !$0.contains(0) }
    }

    /// Whether two counts of the same thing over periods of the same length differ by more than
    /// chance at 95%. If the underlying rate had not changed, the second count would be a binomial
    /// share, one half, of the two together; the change is clear when one half lies outside the
    /// Wilson interval of the share observed. `nil` when these are not counts of children (negative,
    /// or not whole numbers).
    static func countsDiffer(_ first: Double, _ second: Double, z: Double = z95) -> Bool? {
        guard first >= 0, second >= 0, first == first.rounded(), second == second.rounded() else { return nil }
        let total = first + second
        guard total > 0, let interval = wilson(second, of: total, z: z) else { return false }
        return !interval.contains(0.5)
    }
}
