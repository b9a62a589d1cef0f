// The comparison rules in plain words, for the methodology page, with the published methods they follow.

/// What the methodology page says of each rule the engine (``ComparisonRules``) follows.
enum Methodology {
    /// A rule, titled, in plain words.
    struct Description: Sendable {
        let id: String
        let title: String
        let text: String
    }

    /// A published method a rule follows, cited on the methodology page.
    struct Method: Sendable {
        let rule: String
        let citation: String
        let url: String
    }

    /// The published methods behind the rules on chance, neighbours and ranks.
    static let methods: [Method] = [
        Method(
            rule: "chance",
            citation:
                "Office for Health Improvement and Disparities, \u{201C}Public health technical guidance: proportions\u{201D} (Wilson score intervals, as Fingertips uses them)",
            url: "https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Proportions.html"),
        Method(
            rule: "chance",
            citation:
                "Public Health England, \u{201C}Technical guide: confidence intervals\u{201D}, 2018 (Byar's method for counts, and 99.8% intervals where many areas are compared), among Fingertips' guidance",
            url: "https://fingertips.phe.org.uk/profile/guidance"),
        Method(
            rule: "chance",
            citation:
                "R. G. Newcombe, \u{201C}Interval estimation for the difference between independent proportions: comparison of eleven methods\u{201D}, Statistics in Medicine 17 (1998), 873 to 890 (method 10)",
            url: "https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C873::AID-SIM779%3E3.0.CO;2-I"),
        Method(
            rule: "neighbours",
            citation:
                "Department for Education, statistical neighbours for children's services (April 2021 and May 2025 models), in the Local Authority Interactive Tool",
            url: "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait"),
    ]

    /// The rules in the order the methodology page shows them.
    static let descriptions: [Description] = [
        Description(
            id: "phases", title: "Before, during and after",
            text:
                "Each figure is placed by the dates it covers. It is before the partnership if it ends before the partnership's first day, during if it starts on or after that day and ends by the partnership's last day, and after if it starts after the last day. A figure whose dates cross either boundary spans it: it is shown and flagged, and never counted on either side. Where a source gives the start only to the year, the file names the first day figures count from and why. A month counts from its first day; an end given as a month counts to its last day."
        ),
        Description(
            id: "baseline", title: "Baseline and outcome",
            text:
                "The baseline is the latest figure before the partnership; the outcome is the latest figure during it, and a second outcome is the latest after it ended. Only figures of the same kind of period are compared: a financial year with a financial year, a three-year average with a three-year average, a count on 31 March with a count on 31 March, part of a year with the same part of another year. Where no figure ends before the start, a figure that spans the start may serve as baseline, with a caveat. Official statistics are compared only with official statistics, and reported figures only with reported ones, so a partner's figure from before a partnership is never set against DfE's from during it. A figure whose period the source does not state may stand beside any other, with a caveat, because the comparison is then the source's own."
        ),
        Description(
            id: "absolute", title: "Absolute change",
            text:
                "The outcome minus the baseline, in the measure's own unit (children, days, pounds). It is always shown with the two periods and the two values it is computed from."
        ),
        Description(
            id: "relative", title: "Relative change",
            text:
                "The absolute change divided by the size of the base, times 100: (outcome − base) ÷ |base| × 100. The base is the baseline; if the baseline is zero, the first later non-zero figure of the same kind is used and named. A relative change from a count of \(ComparisonRules.tinyBaseLimit) or fewer carries a caveat, because one child more or less moves it a long way."
        ),
        Description(
            id: "percentage-points", title: "Percentage points",
            text:
                "For measures that are themselves percentages, the change is the difference in percentage points (from 14% to 18% is +4 percentage points), not a percentage of a percentage."
        ),
        Description(
            id: "polarity", title: "Better or worse",
            text:
                "Each measure says whether higher is better, lower is better, or neither. A change is called improving or worsening when the measure has a better direction, and increasing or decreasing when it has not. The word always comes with an arrow; colour is never the only signal."
        ),
        Description(
            id: "chance", title: "Chance and small numbers",
            text:
                "Counts of a few dozen children move from year to year by chance alone. A change between two counts is called a rise or a fall, improving or worsening, only when chance would not explain it at the 95% level; otherwise the site says there was no clear change and gives both figures. The test follows the methods of England's public health profiles (Fingertips): if nothing but chance were at work, the later count would be about half of the two together, so the change is clear when one half lies outside the Wilson score interval of the later count's share. The interval of a single count is the exact Poisson interval below 10 and Byar's approximation from 10 up, as Fingertips gives it. A change in a percentage is tested the same way where DfE publishes the counts it is made of (the share of children leaving care who were adopted: those adopted, of all who left), with Newcombe's interval for the difference of two proportions, built from their Wilson intervals. Other percentages and lengths of time cannot be tested, because their sources give them without the numbers of children behind them: the site never calls such a change a rise or a fall, but says by how much the figure changed and that chance was not tested. Where a council's share is set beside England's or its neighbours', it is called better, similar or worse (higher, similar or lower for a measure without a better direction) only when the benchmark lies outside the Wilson interval around the council's share: at 95% for one council, and at 99.8% where every council is compared at once, so that about one council in twenty is not marked out by chance alone. A partner's change in a count is set against the rest of England's (England less the partner) and against its counted neighbours' added together by the same test: had the partner changed as the benchmark did, its later count would be the benchmark's share of its two counts together, and the change is called better or worse (higher or lower) than the benchmark's only when that share lies outside the Wilson interval of the partner's own. The benchmark's own uncertainty is left out, as Fingertips leaves it out, so a difference from a few neighbours is, if anything, called a little too readily."
        ),
        Description(
            id: "neighbours", title: "Councils like it: statistical neighbours",
            text:
                "DfE's statistical neighbours are, for each council, the ten councils most like it on measures of need and circumstance, nearest first, each with DfE's band of closeness (extremely close to not close). Only DfE's April 2021 and May 2025 models are held, so every comparison uses one of them, named beside it: the model published nearest the later of the two years compared. Each neighbour's change is worked out from DfE's figures over exactly the partner's two years, by the rules above, and the site gives their median and range and the partner's change minus the median (a difference-in-differences against councils like it). A neighbour with a partnership of its own over those years is shown and left out of the median. A neighbour that did not exist then (West Northamptonshire, formed in 2021) is followed back to the one council it came from, whose figures are used and named. A neighbour with a suppressed or missing year is left out and counted, with DfE's symbol and its meaning."
        ),
        Description(
            id: "rank", title: "Rank among every council",
            text:
                "The partner's change is ranked among the changes of every council that existed throughout the two years, with the largest increase first and equal changes ranked jointly. Councils with a suppressed or missing year are left out and counted. A relative change from a base of \(ComparisonRules.tinyBaseLimit) or fewer is left out of ranks and counted, because a few children more or less put such a council at either end of any ranking. Other partnerships are ranked like any council. The same rank is given among councils of the partner's own type (county councils, London boroughs, metropolitan boroughs, unitary authorities). England without the partner is England's figure less the partner's own, for counts, over the same years."
        ),
        Description(
            id: "thresholds", title: "Thresholds",
            text:
                "The national threshold in force for a figure is the one recorded for the same period, or else for a period ending on the same day (the scorecard covering the years to that date). A figure meets a threshold when it is at or below it for a measure where lower is better, at or above it where higher is better. Where sources disagree about a threshold, the preferred one is used and the others are shown."
        ),
        Description(
            id: "england", title: "England over the same years",
            text:
                "England's change is computed over exactly the same two periods as the authority's. The difference between them (the authority's change minus England's, a difference-in-differences) is stated in percentage points of relative change for counts and amounts, in percentage points for percentages, and in the measure's unit for lengths of time. No England figure is estimated for a period the sources do not give."
        ),
        Description(
            id: "index", title: "Indexing",
            text:
                "To put authorities of different sizes on one chart, each series is divided by its base and multiplied by \(Int(ComparisonRules.indexBase)), so the baseline reads \(Int(ComparisonRules.indexBase)) and a later figure of \(Int(ComparisonRules.indexBase) + 60) means 60% higher. Only figures of the baseline's kind of period are indexed. A chart of a council with nothing to compare is indexed to the first year it and England both have, and every council's chart draws its region and England on the same index, or on the same scale for percentages and days."
        ),
        Description(
            id: "rounding", title: "Rounding and small numbers",
            text:
                "Figures are shown as the source gives them. Relative changes are rounded to whole per cent, or to one decimal place below 10%; percentage-point changes to one decimal place. Counts from 1 to \(SmallCount.limit) are flagged as small numbers, as official statistics suppress them; changes involving them carry a caveat."
        ),
        Description(
            id: "claims", title: "Claims checked against the data",
            text:
                "Where a source states a change in words (\"150% more children placed\"), the claim is recorded with its source and compared with the change computed from the figures. A claim agrees when the computed value rounds to the stated one; otherwise both are shown and the difference is flagged. Where the claim speaks of one measure but is set beside figures of another, the site says the measures differ. A claim is checked against its own source's figures for both years where the source gives them; else against DfE's figures as first published, since a change stated at the time is not wrong because DfE later revised a year; else against the figures the site uses."
        ),
        Description(
            id: "sources", title: "Sources that disagree",
            text:
                "Where sources give different figures for the same period, each is recorded, one is marked preferred and used in calculations, and the others are shown beside it. A first-published official figure and its later revision are shown as such. Where DfE publishes a figure, the site uses it, and a figure a partner, a council or the press gave for the same year is shown beside it with the difference. Where DfE published no figure (a suppressed cell), the year is left out and the symbol DfE printed is shown with its meaning."
        ),
    ]
}
