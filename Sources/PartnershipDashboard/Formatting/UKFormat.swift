// Numbers written the way UK readers expect: 1,890; 16.6%; £24,076; £1.6 million; 124 days; 8th.

import Foundation

/// Formats figures and changes for people: thousands separators, £, %, "days", a real minus sign.
package enum UKFormat {
    /// U+2212, which screen readers say as "minus" and which lines up with "+".
    static let minus = "\u{2212}"

    /// "1 area", "1,234 figures", "2 authorities" (with the plural given when it is not the word and "s").
    static func counted(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(number(Double(count))) \(count == 1 ? one : (many ?? one + "s"))"
    }

    /// `1890` → "1,890"; `16.6` → "16.6"; `decimals` fixes the number of decimal places.
    package static func number(_ value: Double, decimals: Int? = nil) -> String {
        // Whole numbers, the commonest case, without Foundation's formatting.
        if decimals == nil || decimals == 0, value == value.rounded(), abs(value) < 1e15 {
            return grouped(Int64(value))
        }
        let magnitude = abs(value)
        var text: String
        if let decimals {
            text = fixed(magnitude, decimals: decimals)
        } else {
            text = JSONNode.literal(for: (magnitude * 1e6).rounded() / 1e6)
            // An exponent (1e+20): written out in full instead. (Bytes, not Foundation's substring search.)
            if text.utf8.contains(UInt8(ascii: "e")) { text = fixed(magnitude, decimals: 0) }
        }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var integer = parts[0]
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer.removeLast(3)
        }
        grouped = integer + grouped
        let result = parts.count > 1 ? "\(grouped).\(parts[1])" : grouped
        let isZero = Double(text) == 0
        return value < 0 && !isZero ? minus + result : result
    }

    /// C's `%.Nf`, called directly: the same digits as `String(format:)`, without its cost.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 400)
        let count = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.\(decimals)f", arguments) }
        }
        return String(decoding: buffer.prefix(min(Int(max(0, count)), buffer.count - 1)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// An integer with thousands separators and a real minus sign.
    static func grouped(_ value: Int64) -> String {
        var digits = Array(String(value.magnitude).utf8)
        var result: [UInt8] = []
        result.reserveCapacity(digits.count + digits.count / 3 + 3)
        let lead = digits.count % 3
        for (index, digit) in digits.enumerated() {
            if index > 0, (index - lead) % 3 == 0 { result.append(0x2C) }
            result.append(digit)
        }
        digits = result
        let text = String(decoding: digits, as: UTF8.self)
        return value < 0 ? minus + text : text
    }

    /// A value in its unit: "182", "16.6%", "124 days", "£24,076", "£1.6 million", "8th".
    static func value(_ value: Double, unit: Unit) -> String {
        switch unit {
        case .count: return number(value)
        case .percent: return number(value) + "%"
        case .days: return number(value) + (abs(value) == 1 ? " day" : " days")
        case .months: return number(value) + (abs(value) == 1 ? " month" : " months")
        case .years: return number(value) + (abs(value) == 1 ? " year" : " years")
        case .pounds: return pounds(value)
        case .rank: return ordinal(Int(value))
        }
    }

    /// A range "13 to 16" in a unit.
    static func range(_ low: Double, _ high: Double, unit: Unit) -> String {
        "\(value(low, unit: unit)) to \(value(high, unit: unit))"
    }

    /// Items joined the way a sentence lists them: "a", "a and b", "a, b and c" (or "a, b or c").
    static func list(_ items: [String], conjunction: String = "and") -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// "£440,000"; "£1.6 million" from a million up.
    static func pounds(_ amount: Double) -> String {
        let sign = amount < 0 ? minus : ""
        let magnitude = abs(amount)
        if magnitude >= 1_000_000 {
            let millions = magnitude / 1_000_000
            let text = millions == millions.rounded() ? number(millions) : number(millions, decimals: millions >= 10 ? 0 : 1)
            return "\(sign)£\(text) million"
        }
        return "\(sign)£\(number(magnitude))"
    }

    /// "1st", "2nd", "3rd", "11th", "22nd".
    static func ordinal(_ value: Int) -> String {
        let suffix: String
        switch (value % 10, value % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }

    /// A signed change in a unit: "+112", "−124 days", "+£40,000".
    static func signed(_ change: Double, unit: Unit) -> String {
        let text = value(abs(change), unit: unit)
        return change > 0 ? "+" + text : (change < 0 ? minus + text : text)
    }

    /// A relative change: "+160%", "−8.6%"; whole per cent from 10% up, else one decimal place.
    static func relative(_ percent: Double) -> String {
        let decimals = abs(percent) >= 10 ? 0 : 1
        let text = number(abs(percent), decimals: decimals)
        let rounded = Double(text.replacingOccurrences(of: ",", with: "")) ?? 0
        if rounded == 0 { return "0%" }
        return (percent > 0 ? "+" : minus) + text + "%"
    }

    /// Percentage points: "+17 percentage points", "−1.5 percentage points"; `short` gives "+17 pts".
    static func points(_ value: Double, short: Bool = false) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? number(abs(rounded), decimals: 0) : number(abs(rounded), decimals: 1)
        let sign = rounded > 0 ? "+" : (rounded < 0 ? minus : "")
        let unit = short ? " pts" : (abs(rounded) == 1 ? " percentage point" : " percentage points")
        return sign + text + unit
    }

    /// A change in the terms of a ``ChangeKind``: "+160%", "−124 days", "+2 percentage points".
    static func change(_ value: Double, kind: ChangeKind, unit: Unit, short: Bool = false) -> String {
        switch kind {
        case .absolute: return signed(value, unit: unit)
        case .relative: return relative(value)
        case .percentagePoints: return points(value, short: short)
        }
    }

    /// A change as a source stated it, to the precision it was stated: "+150%", "−5%", "−124 days".
    static func claimed(_ value: Double, kind: ChangeKind, unit: Unit) -> String {
        let sign = value > 0 ? "+" : (value < 0 ? minus : "")
        switch kind {
        case .relative: return sign + number(abs(value)) + "%"
        case .percentagePoints: return sign + number(abs(value)) + (abs(value) == 1 ? " percentage point" : " percentage points")
        case .absolute: return signed(value, unit: unit)
        }
    }

    /// A difference between two changes: relative changes differ in percentage points.
    static func difference(_ value: Double, measure: ChangeKind, unit: Unit, short: Bool = false) -> String {
        switch measure {
        case .relative, .percentagePoints: return points(value, short: short)
        case .absolute: return signed(value, unit: unit)
        }
    }
}
