// The engine's rules, one at a time, on synthetic data.

import Testing

@testable import PartnershipDashboard

typealias F = Synthetic.Figure

@Suite("Comparison rules")
struct ComparisonRuleTests {
    @Test("divides by the first non-zero base when the baseline is zero, and names it")
    func zeroBase() throws {
        let row = try Synthetic.compare(figures: [
            F(period: "2011-12", value: 0), F(period: "2012-13", value: 4), F(period: "2014-15", value: 10),
        ])
        let change = try #require(row.change)
        #expect(change.absolute == 10)
        #expect(change.relativeBase?.period.notation == "2012-13")
        #expect(change.relative == 150)
        #expect(row.indexed.map(\.index) == [100, 250])
        // The reader is told what the per cent is measured from, since 0 to 10 has no percentage.
        #expect(
            row.caveats.map(\.text).contains(
                "The baseline is 0, so the relative change is measured from 4 in 2012-13, the first later figure above zero; from so small a base it is large for a small difference in numbers."
            ))
    }

    @Test("Wilson's interval matches Newcombe's worked example: 81 of 263 gives 0.2553 to 0.3662")
    func wilsonInterval() throws {
        let interval = try #require(Chance.wilson(81, of: 263))
        #expect((interval.lowerBound * 10_000).rounded() / 10_000 == 0.2553)
        #expect((interval.upperBound * 10_000).rounded() / 10_000 == 0.3662)
        #expect(Chance.wilson(3, of: 0) == nil)
    }

    @Test("Byar's interval for a count of 10 is within 0.01 of the exact Poisson interval, 4.795 to 18.390")
    func byarInterval() throws {
        let interval = try #require(Chance.byar(10))
        #expect(abs(interval.lowerBound - 4.795) < 0.01)
        #expect(abs(interval.upperBound - 18.390) < 0.01)
        #expect(Chance.byar(0)?.lowerBound == 0)
    }

    @Test("below 10, a count's interval is the exact Poisson one, as Fingertips gives it: 5 gives 1.624 to 11.668, 0 gives 0 to 3.689")
    func exactPoissonInterval() throws {
        let five = try #require(Chance.count(5))
        #expect(abs(five.lowerBound - 1.6235) < 0.001 && abs(five.upperBound - 11.6683) < 0.001, "\(five)")
        let zero = try #require(Chance.count(0))
        #expect(zero.lowerBound == 0 && abs(zero.upperBound - 3.6889) < 0.001, "\(zero)")
        // From 10 up, Byar's.
        #expect(Chance.count(10) == Chance.byar(10))
        #expect(Chance.count(2.5) == nil)
    }

    @Test(
        "a change in a count is better, similar or worse than a benchmark's only when the benchmark's share lies outside its Wilson interval"
    )
    func changeAgainstABenchmark() throws {
        func change(_ from: Double, _ to: Double) throws -> Change {
            try #require(
                try Synthetic.compare(figures: [F(period: "2011-12", value: from), F(period: "2014-15", value: to)]).change)
        }
        // 40 to 80 against a benchmark that stood still: 80 of 120 has the Wilson interval 0.578 to
        // 0.745, clear of one half.
        let doubled = try change(40, 80)
        #expect(Chance.changeStanding(doubled, against: (100, 100), polarity: .higherIsBetter) == .better)
        #expect(Chance.changeStanding(doubled, against: (100, 100), polarity: .lowerIsBetter) == .worse)
        #expect(Chance.changeStanding(doubled, against: (100, 100), polarity: .neither) == .higher)
        #expect(Chance.changeStanding(doubled, against: (100, 400), polarity: .neither) == .lower)
        // Against a benchmark that went from 90 to 124, its share 0.5794 is just inside 0.5783 to 0.7447.
        #expect(Chance.changeStanding(doubled, against: (90, 124), polarity: .higherIsBetter) == .similar)
        // Harrow-sized numbers: 6 to 10 (10 of 16: 0.386 to 0.815) is similar to a benchmark that stood
        // still (one half), though better than one that halved (a third).
        let small = try change(6, 10)
        #expect(Chance.changeStanding(small, against: (100, 100), polarity: .higherIsBetter) == .similar)
        #expect(Chance.changeStanding(small, against: (100, 50), polarity: .higherIsBetter) == .better)
        #expect(Chance.changeStanding(small, against: (0, 50), polarity: .higherIsBetter) == nil, "no benchmark to set it against")
    }

    @Test("Newcombe's interval matches his worked example: 56 of 70 against 48 of 80 differ by 0.0524 to 0.3339")
    func newcombeInterval() throws {
        let interval = try #require(Chance.newcombe(48, of: 80, 56, of: 70))
        #expect((interval.lowerBound * 10_000).rounded() / 10_000 == 0.0524)
        #expect((interval.upperBound * 10_000).rounded() / 10_000 == 0.3339)
        #expect(Chance.proportionsDiffer(48, of: 80, 56, of: 70) == true)
        #expect(Chance.proportionsDiffer(5, of: 50, 7, of: 50) == false)
    }

    @Test("a change between small counts that chance could explain is not called a rise or fall")
    func noClearChange() throws {
        // Harrow-sized numbers: 6 adoptions one year, 10 the next.
        let small = try Synthetic.compare(figures: [F(period: "2011-12", value: 6), F(period: "2013-14", value: 10)])
        #expect(small.change?.direction == .noClearChange)
        #expect(small.change?.direction.label == "no clear change")
        #expect(ChartWords.movement(try #require(small.change), unit: .count) == "showed no clear change")
        // Kent-sized: 70 to 181 is far outside chance.
        let large = try Synthetic.compare(figures: [F(period: "2011-12", value: 70), F(period: "2013-14", value: 181)])
        #expect(large.change?.direction == .improving)
        #expect(Chance.countsDiffer(13, 7) == false)
        #expect(Chance.countsDiffer(70, 181) == true)
        #expect(Chance.countsDiffer(2.5, 7) == nil, "not counts of children")
    }

    @Test("gives no relative change when every earlier figure is zero")
    func noBase() throws {
        let row = try Synthetic.compare(figures: [F(period: "2011-12", value: 0), F(period: "2013-14", value: 10)])
        #expect(row.change?.relative == nil)
        #expect(row.change?.absolute == 10)
        #expect(row.indexed.isEmpty)
    }

    @Test("calls a fall improving when lower is better, and a rise worsening")
    func lowerIsBetter() throws {
        let fall = try Synthetic.compare(
            indicator: "a1-entry-to-move-in-days", unit: "days",
            figures: [F(period: "2011-12", value: 500), F(period: "2013-14", value: 400)])
        #expect(fall.change?.direction == .improving)
        let rise = try Synthetic.compare(
            indicator: "a1-entry-to-move-in-days", unit: "days",
            figures: [F(period: "2011-12", value: 400), F(period: "2013-14", value: 500)])
        #expect(rise.change?.direction == .worsening)
    }

    @Test("uses increasing and decreasing when a measure has no better direction")
    func neitherPolarity() throws {
        let row = try Synthetic.compare(
            indicator: "looked-after-children", unit: "count",
            figures: [F(period: "2012-03-31", value: 1000), F(period: "2014-03-31", value: 800)])
        #expect(row.change?.direction == .decreasing)
        #expect(row.change?.direction.label == "decreasing")
    }

    @Test("reports no change as no change")
    func noChange() throws {
        let row = try Synthetic.compare(figures: [F(period: "2011-12", value: 30), F(period: "2013-14", value: 30)])
        #expect(row.change?.direction == .noChange)
        #expect(UKFormat.change(row.change!, unit: .count) == "0 (0%)")
    }

    @Test("states percentages' changes in percentage points, never as a percentage of a percentage")
    func percentagePoints() throws {
        let row = try Synthetic.compare(
            indicator: "ceased-care-adopted-share", unit: "percent",
            figures: [F(period: "2011-12", value: 14), F(period: "2013-14", value: 18)])
        #expect(row.change?.percentagePoints == 4)
        #expect(row.change?.relative == nil)
        #expect(UKFormat.change(row.change!, unit: .percent) == "+4 percentage points")
    }

    @Test("never counts a figure that spans the start as before when a figure ends before it")
    func spanningIsNotBefore() throws {
        let row = try Synthetic.compare(
            start: "2012-07", figures: [F(period: "2010-11", value: 10), F(period: "2012-13", value: 15), F(period: "2013-14", value: 20)])
        #expect(row.baseline?.observation.period.notation == "2010-11")
        #expect(row.observations.first { $0.observation.period.notation == "2012-13" }?.phase == .spanningStart)
        #expect(row.outcome?.observation.period.notation == "2013-14")
        #expect(row.caveats.contains { $0.kind == .spanningFigures })
    }

    @Test("compares only the same kind of period: a part-year with the same part of another year")
    func sameKindOnly() throws {
        let row = try Synthetic.compare(figures: [
            F(period: "2011-12", value: 60), F(period: "2011-04-01..2011-11-30", value: 40),
            F(period: "2013-04-01..2013-11-30", value: 70),
        ])
        #expect(row.baseline?.observation.period.notation == "2011-04-01..2011-11-30")
        #expect(row.outcome?.observation.period.notation == "2013-04-01..2013-11-30")
        let unmatched = try Synthetic.compare(figures: [F(period: "2011-12", value: 60), F(period: "2013-04-01..2013-11-30", value: 70)])
        #expect(unmatched.change == nil)
        #expect(unmatched.unavailable?.words == "no figure during the partnership of the same kind of period as one before it")
    }

    @Test("gives a second outcome after the partnership ended")
    func afterTheEnd() throws {
        let row = try Synthetic.compare(figures: [
            F(period: "2011-12", value: 10), F(period: "2014-15", value: 20), F(period: "2017-18", value: 15),
        ])
        #expect(row.outcome?.observation.period.notation == "2014-15")
        #expect(row.after?.observation.period.notation == "2017-18")
        #expect(row.afterChange?.relative == 50)
    }

    @Test("a threshold is met exactly at its value")
    func thresholdAtEquality() throws {
        let row = try Synthetic.compare(
            indicator: "a2-placement-order-to-match-days", unit: "days",
            figures: [F(period: "2011-12", value: 200), F(period: "2013-14", value: 150)])
        #expect(row.outcomeThreshold?.threshold.value == 150)
        #expect(row.outcomeThreshold?.met == true)
        #expect(row.baselineThreshold == nil)
    }

    @Test("flags small numbers and a relative change from a tiny base")
    func smallNumbers() throws {
        let row = try Synthetic.compare(figures: [F(period: "2011-12", value: 3), F(period: "2013-14", value: 9)])
        let kinds = row.caveats.map(\.kind)
        #expect(kinds.contains(.smallNumbers))
        #expect(kinds.contains(.tinyBase))
        let large = try Synthetic.compare(figures: [F(period: "2011-12", value: 30), F(period: "2013-14", value: 90)])
        #expect(large.caveats.isEmpty)
    }

    @Test("uses the preferred figure where sources disagree, and says so")
    func preferredFigure() throws {
        let row = try Synthetic.compare(figures: [
            F(period: "2011-12", value: 10), F(period: "2011-12", value: 12, source: "s2", preferred: true),
            F(period: "2013-14", value: 18),
        ])
        #expect(row.baseline?.observation.value == 12)
        #expect(row.caveats.contains { $0.kind == .sourcesDisagree && $0.text.contains("also reported: 10") })
    }

    @Test(
        "a claim agrees when the computed change rounds to it at the precision the claim was stated to",
        arguments: [("150", ClaimCheck.Verdict.agrees), ("150.4", .agrees), ("150.0", .differs), ("151", .differs)])
    func claimTolerance(_ claimed: String, _ verdict: ClaimCheck.Verdict) throws {
        let claim =
            "{ \"id\": \"c\", \"statement\": \"x\", \"indicator\": \"children-adopted\", \"change\": \"relative\", \"value\": \(claimed), \"source\": \"s1\" }"
        let row = try Synthetic.compare(figures: [F(period: "2011-12", value: 250), F(period: "2013-14", value: 626)], claims: [claim])
        #expect(row.change?.relative == 150.4)
        #expect(row.claims.first?.verdict == verdict)
    }
}
