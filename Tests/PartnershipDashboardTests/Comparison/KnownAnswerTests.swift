// Known answers from the real data in Authorities/: what the engine must say about each partnership.

import Testing

@testable import PartnershipDashboard

@Suite("Known answers from the real data")
struct KnownAnswerTests {
    let comparer = Comparer(dataset: Project.dataset)

    func row(_ authority: String, _ indicator: String) throws -> IndicatorComparison {
        let authority = try #require(Project.dataset.authority(authority))
        return try #require(comparer.compare(authority).comparison(for: indicator))
    }

    @Test("Kent: DfE's children adopted rose from 70 to 181, +111 and +159%; Coram's 182 is shown beside DfE's 181")
    func kentAdoptions() throws {
        let kent = try row("kent", "children-adopted")
        #expect(kent.baseline?.observation.period.notation == "2011-12")
        #expect(kent.baseline?.observation.value == 70)
        #expect(kent.baseline?.observation.official == true)
        #expect(kent.outcome?.observation.period.notation == "2014-15")
        #expect(kent.outcome?.observation.value == 181)
        #expect(kent.outcome?.observation.source.id == "dfe-cla-2015")
        let change = try #require(kent.change)
        #expect(change.absolute == 111)
        #expect((change.relative! * 100).rounded() / 100 == 158.57)
        #expect(change.direction == .improving)
        #expect(UKFormat.change(change, unit: .count) == "+111 (+159%)")
        #expect(
            kent.caveats.map(\.text).contains(
                "Sources disagree on 2014-15: the site uses 181 (Department for Education); also reported: 182 (Coram)."))
        // Coram's 70 for 2011-12 is the same number as DfE's, so it is no disagreement.
        #expect(!kent.caveats.map(\.text).contains { $0.hasPrefix("Sources disagree on 2011-12") })
    }

    @Test("Kent: England over the same years rose 54.5%, so Kent's rise was 104.1 points more")
    func kentAgainstEngland() throws {
        let england = try #require(try row("kent", "children-adopted").england)
        #expect(england.change.from.value == 3470)
        #expect(england.change.from.status == .revised)
        #expect(england.change.to.value == 5360)
        #expect((england.change.relative! * 100).rounded() / 100 == 54.47)
        #expect(england.measure == .relative)
        #expect((england.difference! * 100).rounded() / 100 == 104.1)
    }

    @Test("Kent: the source's claim of 150% differs from the 159% DfE's adoption figures give, and is about another measure")
    func kentClaim() throws {
        let adopted = try row("kent", "children-adopted")
        let claim = try #require(adopted.claims.first { $0.claim.id == "placements-up-150" })
        #expect(claim.claim.value == 150)
        #expect((claim.computed! * 10).rounded() / 10 == 158.6)
        #expect(claim.verdict == .differs)
        #expect(claim.measuresDiffer)
        #expect(adopted.caveats.contains { $0.kind == .claimDiffers })
        let placed = try row("kent", "children-placed-for-adoption")
        let sameMeasure = try #require(placed.claims.first { $0.claim.id == "placements-up-150" })
        #expect(sameMeasure.verdict == .agrees)
        #expect(sameMeasure.change?.from.value == 68)
        #expect(sameMeasure.change?.to.value == 170)
    }

    @Test("Kent: 2011-12 counts as before because the file names 1 April 2012 as the comparison start")
    func kentBoundary() throws {
        let kent = try #require(Project.dataset.authority("kent")?.partnership)
        #expect(kent.firstDay.description == "2012-04-01")
        #expect(kent.phase(of: try Period.parse("2011-12").get()) == .before)
        #expect(kent.phase(of: try Period.parse("2015-16").get()) == .spanningEnd)
    }

    @Test("Thurrock: days from placement order to match fell from 225 to 101, an improvement of 124 days within the 121-day threshold")
    func thurrockA2() throws {
        let thurrock = try row("thurrock", "a2-placement-order-to-match-days")
        let change = try #require(thurrock.change)
        #expect(change.from.value == 225)
        #expect(change.to.value == 101)
        #expect(change.absolute == -124)
        #expect(change.direction == .improving)
        let threshold = try #require(thurrock.outcomeThreshold)
        #expect(threshold.threshold.value == 121)
        #expect(threshold.met)
        #expect(thurrock.caveats.contains { $0.kind == .unstatedPeriod })
    }

    @Test("Thurrock: days from entering care to moving in fell from 391 to 358, within the 426-day threshold")
    func thurrockA1() throws {
        let thurrock = try row("thurrock", "a1-entry-to-move-in-days")
        #expect(thurrock.change?.absolute == -33)
        #expect(thurrock.outcomeThreshold?.threshold.value == 426)
        #expect(thurrock.outcomeThreshold?.met == true)
    }

    @Test(
        "Harrow: children looked after went from 175 to 160 in reported figures (DfE's start after the partnership), no clear change, while England's rose 6.9%"
    )
    func harrowLookedAfter() throws {
        let harrow = try row("harrow", "looked-after-children")
        let change = try #require(harrow.change)
        #expect(change.from.value == 175)
        #expect(change.to.value == 160)
        #expect(!change.from.official && !change.to.official)
        #expect(change.absolute == -15)
        // 15 fewer of about 170 is within what chance gives, so it is not called a fall.
        #expect(change.direction == .noClearChange)
        #expect(UKFormat.relative(change.relative!) == "−8.6%")
        #expect(
            harrow.caveats.map(\.text).contains(
                "DfE's figures start with 31 March 2010, after the partnership began, so this change is between figures that others reported; DfE's are not compared with them."
            ))
        // England is DfE's own series: 60,300 on 31 March 2006 to 64,460 on 31 March 2010.
        let england = try #require(harrow.england)
        #expect(england.change.from.official && england.change.to.official)
        #expect(england.change.absolute == 4160)
        #expect(UKFormat.relative(england.change.relative!) == "+6.9%")
    }

    @Test("Harrow: the share placed for adoption went from 4% to 20% (+16 points), from a baseline that spans the start")
    func harrowPlacedShare() throws {
        let harrow = try row("harrow", "lac-placed-for-adoption-share")
        #expect(harrow.baseline?.phase == .spanningStart)
        #expect(harrow.baseline?.observation.value == 4)
        #expect(harrow.change?.percentagePoints == 16)
        #expect(harrow.change?.relative == nil)
        #expect(harrow.caveats.map(\.kind).contains(.baselineSpansStart))
        #expect(harrow.caveats.map(\.kind).contains(.sourcesDisagree))
    }

    @Test("Cambridgeshire: A2 of 114 days met the preferred 152-day threshold, with the council's 121 shown beside it")
    func cambridgeshireThreshold() throws {
        let cambridgeshire = try row("cambridgeshire", "a2-placement-order-to-match-days")
        #expect(cambridgeshire.change == nil)
        #expect(cambridgeshire.outcome?.observation.value == 114)
        let threshold = try #require(cambridgeshire.outcomeThreshold)
        #expect(threshold.threshold.value == 152)
        #expect(threshold.met)
        #expect(threshold.alternatives.map(\.value) == [121])
    }

    @Test("England: claims are checked against their own source's figures, else DfE's as first published")
    func englandClaims() throws {
        let checks = comparer.englandClaims()
        // flw-2019 gives only 2018-19, so DfE's first-published pair is used: 3,850 to 3,590, −6.8%.
        let fell7 = try #require(checks.first { $0.claim.id == "adoptions-down-7-2019" })
        #expect(fell7.change?.from.value == 3850)
        #expect(fell7.change?.to.value == 3590)
        #expect(fell7.change?.to.official == true)
        #expect(fell7.verdict == .agrees)
        let fell13 = try #require(checks.first { $0.claim.id == "adoptions-down-13-2018" })
        #expect(fell13.verdict == .differs)
        #expect(
            fell13.explanation
                == "The source claims −13%; children adopted went from 4,370 in 2016-17 to 3,850 in 2017-18, −12%, which differs by 1.1 points."
        )
        // Checked against DfE's figures as first published (3,200 and 3,050), not the later 3,090.
        let fell5 = try #require(checks.first { $0.claim.id == "adoptions-down-5-2011" })
        #expect(fell5.change?.to.value == 3050)
        #expect(fell5.verdict == .agrees)
        // A claim whose source gives both years is checked against them alone.
        let rose15 = try #require(checks.first { $0.claim.id == "adoptions-up-15-2013" })
        #expect(rose15.change?.from.source.id == "dfe-press-2013")
        #expect(rose15.change?.to.source.id == "dfe-press-2013")
    }

    @Test("the real data validates without errors")
    func realDataIsClean() {
        let result = DatasetLoader.load(from: Project.authorities, displayPrefix: "Authorities")
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description))")
    }
}
