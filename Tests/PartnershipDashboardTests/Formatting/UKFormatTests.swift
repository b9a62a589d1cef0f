// Numbers as UK readers expect them.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("UK number formats")
struct UKFormatTests {
    @Test(
        "writes values in their units",
        arguments: [
            (1890.0, PartnershipDashboard.Unit.count, "1,890"), (16.6, .percent, "16.6%"), (124, .days, "124 days"), (1, .days, "1 day"),
            (24076, .pounds, "£24,076"), (1_600_000, .pounds, "£1.6 million"), (1_500_000_000, .pounds, "£1,500 million"),
            (8, .rank, "8th"), (11, .rank, "11th"), (22, .rank, "22nd"), (4, .months, "4 months"),
        ])
    func values(_ value: Double, _ unit: PartnershipDashboard.Unit, _ text: String) {
        #expect(UKFormat.value(value, unit: unit) == text)
    }

    @Test("writes changes with a real minus sign and sensible rounding")
    func changes() {
        #expect(UKFormat.signed(-124, unit: .days) == "−124 days")
        #expect(UKFormat.relative(160) == "+160%")
        #expect(UKFormat.relative(-8.571) == "−8.6%")
        #expect(UKFormat.relative(54.47) == "+54%")
        #expect(UKFormat.relative(0.01) == "0%")
        #expect(UKFormat.points(16) == "+16 percentage points")
        #expect(UKFormat.points(-1) == "−1 percentage point")
        #expect(UKFormat.points(105.53, short: true) == "+105.5 pts")
    }

    @Test("rounds to fixed decimals exactly as C's printf does, halves and huge numbers included")
    func fixedDecimals() {
        let values = [0.25, 0.35, 2.5, 3.5, 0.125, 1.005, 54.47, 105.525, 999.95, 1e20, 123_456_789.987_654, 0, 1e-9]
        for value in values {
            for decimals in 0...3 {
                #expect(UKFormat.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value) to \(decimals)")
            }
        }
        #expect(UKFormat.number(1234.5678, decimals: 2) == "1,234.57")
        #expect(UKFormat.number(-0.04, decimals: 1) == "0.0")
    }
}
