// Which values are possible for each unit.

import Foundation

enum ValueRules {
    /// Why `value` is impossible in `unit`, or `nil` when it is possible.
    static func problem(with value: Double, in unit: Unit) -> String? {
        switch unit {
        case .count:
            if value < 0 { return "a count cannot be negative" }
            if value != value.rounded() { return "a count is a whole number" }
        case .percent:
            if value < 0 || value > 100 { return "a percentage runs from 0 to 100; write 16.6 for 16.6%" }
        case .days, .months, .years:
            if value < 0 { return "a length of time cannot be negative; put the direction of a change in the words, not the sign" }
        case .pounds:
            if value < 0 { return "an amount cannot be negative; say in the statement whether it is a cost or a saving" }
        case .rank:
            if value < 1 || value != value.rounded() { return "a rank is a whole number from 1 (first)" }
        }
        return nil
    }

    /// Half a unit of the last digit written: 0.5 for "150", 0.05 for "16.6".
    static func tolerance(of literal: String) -> Double {
        let mantissa = literal.lowercased().split(separator: "e").first.map(String.init) ?? literal
        guard let dot = mantissa.firstIndex(of: ".") else { return 0.5 }
        let decimals = mantissa.distance(from: dot, to: mantissa.endIndex) - 1
        return 0.5 * pow(10, -Double(decimals))
    }
}
