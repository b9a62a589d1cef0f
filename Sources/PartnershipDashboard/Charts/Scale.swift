// Linear scales and "nice" ticks for value axes, and a time scale measured in days.

import Foundation

/// Maps values to pixels along one axis.
struct LinearScale: Sendable {
    let domain: ClosedRange<Double>
    let range: ClosedRange<Double>
    /// True when larger values go to smaller pixel coordinates (a vertical axis).
    let inverted: Bool

    init(domain: ClosedRange<Double>, range: ClosedRange<Double>, inverted: Bool) {
        self.domain = domain
        self.range = range
        self.inverted = inverted
    }

    /// A scale from the first tick to the last (0 to 1 without ticks, which no axis has).
    init(ticks: [Double], range: ClosedRange<Double>, inverted: Bool) {
        let low = ticks.first ?? 0
        self.init(domain: low...max(low, ticks.last ?? 1), range: range, inverted: inverted)
    }

    func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0 : (value - domain.lowerBound) / span
        return inverted
            ? range.upperBound - t * (range.upperBound - range.lowerBound)
            : range.lowerBound + t * (range.upperBound - range.lowerBound)
    }

    /// Round tick values covering `0…maximum` (or `minimum…maximum`), at most `count` of them.
    static func niceTicks(minimum: Double, maximum: Double, count: Int) -> [Double] {
        let low = min(0, minimum)
        let high = max(maximum, low + 1)
        let rough = (high - low) / Double(max(1, count - 1))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = floor(low / step) * step
        let last = ceil(high / step) * step
        let n = Int(((last - first) / step).rounded())
        return (0...n).map { first + Double($0) * step }.map { abs($0) < step / 1e6 ? 0 : $0 }
    }
}

/// Maps days to pixels along a horizontal time axis.
struct TimeScale: Sendable {
    let first: Day
    let last: Day
    let range: ClosedRange<Double>

    func position(_ day: Day) -> Double {
        let span = Double(last.ordinal - first.ordinal)
        return range.lowerBound + Double(day.ordinal - first.ordinal) / span * (range.upperBound - range.lowerBound)
    }

    /// The years whose day in `month` (1 January by default; 1 October for the middle of a
    /// financial year) falls in range, thinned so labels do not crowd.
    func yearTicks(maximum: Int = 12, startingIn month: Int = 1) -> [Int] {
        let firstYear = first.year + (first.month < month || (first.month == month && first.day == 1) ? 0 : 1)
        let lastYear = last.year - (last.month < month ? 1 : 0)
        guard firstYear <= lastYear else { return [] }
        let years = Array(firstYear...lastYear)
        let step = max(1, Int((Double(years.count) / Double(maximum)).rounded(.up)))
        return years.filter { ($0 - years[0]) % step == 0 }
    }
}
