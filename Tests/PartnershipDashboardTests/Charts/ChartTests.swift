// Charts: layout read as text, pixels where the layout says they are, text kept inside the image.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Charts")
struct ChartTests {
    static let measurer = GlyphMeasurer()
    static let catalogue = ChartCatalogue(Project.analysis)

    func chart(_ id: String) throws -> Chart {
        try #require(Self.catalogue.charts.first { $0.id == id }, "no chart \(id)")
    }

    func recording(_ chart: Chart) -> RecordingCanvas {
        let canvas = chart.recordingCanvas(.standard, measurer: Self.measurer)
        chart.draw(on: canvas)
        return canvas
    }

    func pixels(_ chart: Chart) throws -> (png: Data, raster: Raster) {
        let png = try ChartRenderer.render(chart, measurer: Self.measurer).png
        return (png, try #require(Raster(png: png)))
    }

    @Test("every chart kind exists for the real data where the data allows it")
    func everyKindExists() {
        let ids = Set(Self.catalogue.charts.map(\.id))
        for id in [
            "kent-children-adopted-over-time", "thurrock-a2-placement-order-to-match-days-over-time", "kent-before-and-after",
            "thurrock-before-and-after", "harrow-before-and-after", "children-adopted-side-by-side",
            "children-placed-for-adoption-event-time", "kent-children-adopted-rank", "thurrock-children-adopted-rank",
            "kent-children-adopted-neighbours", "thurrock-ceased-care-adopted-share-neighbours",
        ] {
            #expect(ids.contains(id), "missing \(id)")
        }
        #expect(!ids.contains("lac-placed-for-adoption-share-event-time"), "percentages are not indexed")
    }

    @Test(
        "layouts match the golden recordings",
        arguments: [
            "kent-children-adopted-over-time", "thurrock-a2-placement-order-to-match-days-over-time", "kent-before-and-after",
            "looked-after-children-side-by-side", "children-placed-for-adoption-event-time", "kent-children-adopted-rank",
            "kent-children-adopted-neighbours",
        ])
    func goldenLayout(_ id: String) throws {
        try expectSnapshot(recording(try chart(id)).log, named: "Charts/\(id).txt")
    }

    @Test(
        "a year DfE suppressed is named as such, in the description and in the table, so a line that stops says why; one it marks not applicable says that"
    )
    func suppressedYears() throws {
        // DfE's counts of Harrow's adoptions are suppressed for 2014-15 and from 2019-20 on.
        let harrow = try chart("harrow-children-adopted-over-time")
        #expect(
            harrow.description.contains(
                "DfE published no figure for Harrow for 2014-15 and 2019-20 to 2024-25 (marked \"-\", \"x\" or \"c\"), so the line has no point there."
            ), "\(harrow.description)")
        let row = try #require(harrow.table.rows.first { $0.first?.display == "2014-15" })
        #expect(row.map(\.display).contains("not published (\"-\")"), "\(row.map(\.display))")
        // "z" is DfE's "not applicable" (Kent's special guardianship orders are not split by carer after
        // 2017-18): nothing was withheld, and the cell in the table of every figure says so.
        let kent = try #require(Project.analysis.dataset.authority("kent"))
        let split = try #require(kent.series(for: "ceased-care-sgo-former-foster-carer"))
        let notApplicable = try #require(split.suppressed.first { $0.period == .financialYear(2018) })
        #expect(notApplicable.cellWords == "not applicable (\"z\")")
        let harrowArea = try #require(Project.analysis.dataset.authority("harrow"))
        let withheld = try #require(harrowArea.series(for: "children-adopted")?.suppressed.first { $0.symbol == "c" })
        #expect(withheld.cellWords == "not published (\"c\")")
        // Kent's count has every year, and says nothing of the kind.
        #expect(!(try chart("kent-children-adopted-over-time")).description.contains("DfE published no figure"))
        #expect(
            OverTimeWords.runs([.financialYear(2014), .financialYear(2019), .financialYear(2020), .calendarYear(2021)]) == [
                "2014-15", "2019-20 to 2020-21", "2021",
            ])
    }

    @Test("titles state the message from the numbers; descriptions do more than repeat them")
    func words() throws {
        let kent = try chart("kent-children-adopted-over-time")
        #expect(kent.title == "Kent: children adopted rose by 159%, from 70 in 2011-12 to 181 in 2014-15; England's rose by 54%")
        #expect(
            kent.subtitle
                == "Children adopted from care, Kent County Council, 2010-11 to 2024-25. Index: 2011-12 = 100 for Kent, South East and England. Hollow markers: part of a year, or a year that spans the partnership's start or end."
        )
        // The line is DfE's alone, and so are the region's and England's: one publisher, named once.
        #expect(kent.source.line == "Source: Department for Education (official statistics).")
        #expect(
            kent.description.hasPrefix(
                "Line chart of children adopted in Kent County Council, 2010-11 to 2024-25, indexed to 2011-12 = 100, with South East and England over the same years."
            ))
        #expect(kent.description.contains("South East went from 430 to 740 over the same periods, +310 (+72%)."))
        #expect(kent.description.contains("England went from 3,470 to 5,360 over the same periods, +1,890 (+54%)."))
        #expect(
            kent.description.contains(
                "Not drawn, but in the table: 93 in 2006 (KentOnline), 78 in 2008-09 (KentOnline) and 69 in 2009-10 (KentOnline), reported for years DfE's published figures here do not cover; the line is DfE's alone."
            ))
        let thurrock = try chart("thurrock-a2-placement-order-to-match-days-over-time")
        #expect(thurrock.description.contains("within the 121-day threshold"))
        #expect(
            try chart("thurrock-before-and-after").title
                == "Thurrock: neither of the 2 measures tested against chance improved during the Coram partnership, with 5 more measures shown"
        )
        // Totals only: DfE's components (adoptions by legal route, special guardianship by carer) keep their own charts.
        let kentSummary = try chart("kent-before-and-after")
        #expect(
            kentSummary.title
                == "Kent: all 3 measures with a better direction improved during the Coram partnership, with 3 more measures shown")
        #expect(!kentSummary.description.contains("consent dispensed"))
        // A single figure is never set against itself.
        #expect(
            try chart("kent-a1-entry-to-move-in-days-over-time").title
                == "Kent: average days from entering care to moving in with the adoptive family stood at 652 days in 2008-09 to 2010-11; England's at 636 days"
        )
        // A council without a partnership: its region and England beside it, and words that give the ends of each line.
        let barnet = try chart("barnet-children-adopted-over-time")
        #expect(barnet.title == "Barnet: children adopted stood at 11 in 2024-25, against 9 in 2010-11")
        #expect(
            barnet.description.contains(
                "Barnet went from 9 in 2010-11 to 11 in 2024-25; London from 390 to 180; England from 3,090 to 3,040."))
        #expect(barnet.table.header == ["Period", "Barnet", "Barnet index", "London", "London index", "England", "England index"])
        for chart in Self.catalogue.charts {
            #expect(chart.description != chart.title)
            #expect(!chart.description.contains(chart.title))
            #expect(chart.description.count > 80, "\(chart.id): \(chart.description)")
        }
    }

    @Test("the rank chart says where the partner's change falls, and only calls a change a rise when chance does not explain it")
    func rankWords() throws {
        let kent = try chart("kent-children-adopted-rank")
        #expect(
            kent.title
                == "Children adopted from care: Kent rose by 159% from 2011-12 to 2014-15, the 11th largest increase of 117 councils")
        #expect(kent.source.line == "Source: Department for Education (official statistics).")
        #expect(
            kent.description.hasPrefix(
                "Sorted bar chart of the per cent change in children adopted from 2011-12 to 2014-15 for 117 councils, Kent's bar highlighted: +159%, the 11th largest increase. The largest was Gloucestershire's +271%"
            ))
        #expect(kent.description.contains("A line marks the median of Kent's statistical neighbours, +91%."))
        #expect(kent.table.rows.count == 117)
        #expect(kent.table.rows[10].map(\.display) == ["11th", "Kent County Council", "70", "181", "+159%"])
        let thurrock = try chart("thurrock-looked-after-children-rank")
        #expect(
            thurrock.title
                == "Children looked after on 31 March: Thurrock showed no clear change from 31 March 2015 to 31 March 2018, 92nd of 150 councils from the largest increase"
        )
    }

    @Test("the event-time chart runs on past a partnership's end with hollow markers, and puts 95% whiskers on counts")
    func eventTimeAfterAndIntervals() throws {
        let chart = try #require(try chart("children-adopted-event-time") as? EventTimeChart)
        #expect(chart.subtitle.hasSuffix("Hollow markers: years after a partnership ended. Whiskers: 95% intervals for each year's count."))
        // Kent's partnership ran from 1 April 2012 (its comparison start) to 22 January 2016.
        #expect(chart.description.contains("Its partnership ended 3.8 years after it began; 6 of these figures are from after it ended."))
        let kent = try #require(chart.lines.first { $0.authority.id == "kent" })
        let canvas = recording(chart)
        let markers = canvas.lines.filter { $0.hasPrefix("marker square ") }
        #expect(markers.count == kent.points.count, "one square per figure of Kent's")
        // 2016-17 to 2021-22 (the chart runs to 10 years after the start) is after the end: hollow (white inside, Kent's colour round it); 2015-16 spans the end and stays filled.
        let hollow = markers.filter { $0.hasSuffix(" \(ChartStyle.background)/\(ChartStyle.categorical[1])") }
        #expect(hollow.count == kent.points.filter { $0.observation.period.notation >= "2016-17" }.count && hollow.count == 6)
        // Thurrock's 6 adoptions in 2023-24, on a base of 13: the exact Poisson interval 2.2019 to 13.0591
        // children is index 16.9 to 100.5.
        let row = try #require(chart.table.rows.first { $0[0].display == "Thurrock Council" && $0[1].display == "2023-24" })
        #expect(row.map(\.display) == ["Thurrock Council", "2023-24", "after", "8.0", "6", "46.2", "16.9 to 100.5"])
        #expect(chart.table.header.last == "Index: 95% interval")
    }

    @Test("the neighbours chart names the model, draws only the neighbours counted, and says which are not drawn and why")
    func neighbourWords() throws {
        let kent = try chart("kent-children-adopted-neighbours")
        #expect(
            kent.title
                == "Children adopted from care: Kent rose by 159% from 2011-12 to 2014-15, against a median of +91% among its statistical neighbours"
        )
        #expect(kent.subtitle.contains("in DfE's April 2021 model"))
        #expect(kent.table.header.contains("West Northamptonshire (Northamptonshire's figures)"))
        let row = try #require(kent.table.rows.first { $0[0].display == "2014-15" })
        #expect(row[1].display == "258.6", "Kent's 181 against its 70 in 2011-12")
        #expect(row[2].display == "190.9", "the neighbours' median index in 2014-15")
        let cambridgeshire = try chart("cambridgeshire-children-adopted-neighbours")
        #expect(
            cambridgeshire.description.hasSuffix(
                "Not drawn: South Gloucestershire (suppressed), Central Bedfordshire (suppressed) and West Berkshire (suppressed)."))
        #expect(cambridgeshire.subtitle.contains("beside 7 of its 10 statistical neighbours in DfE's May 2025 model"))
    }

    @Test("the partner's bar is the only dark-blue bar, at its rank's place among the grey ones")
    func rankPixels() throws {
        let chart = try #require(try chart("kent-children-adopted-rank") as? RankChart)
        let area = chart.barArea(on: RecordingCanvas(format: .standard, measurer: Self.measurer))
        let (_, raster) = try pixels(chart)
        let rows = Int(area.y)..<Int(area.maxY)
        let columns = { (colour: UInt32) in
            (Int(area.x)..<Int(area.maxX)).filter { x in rows.contains { raster.pixel(x: x, y: $0) == colour } }
        }
        let blue = columns(0x12436D)
        let blueFirst = try #require(blue.first)
        let blueLast = try #require(blue.last)
        #expect(blueLast - blueFirst + 1 == blue.count, "one contiguous dark-blue bar: \(blue)")
        let step = area.width / 117
        let expected = area.x + 10.5 * step
        #expect(
            abs(Double(blueFirst + blueLast) / 2 - expected) <= step / 2, "Kent's bar at \(blueFirst)–\(blueLast), expected at \(expected)")
        // Every other bar is grey: the first column of the area and the last hold grey bars.
        #expect(columns(0xBFBFBF).count > Int(area.width * 0.8))
    }

    @Test("a chart's text alternative is short, names every area and measure drawn, and never repeats the description")
    func alternativeText() throws {
        let overTime = try chart("kent-children-adopted-over-time")
        #expect(
            ChartSection.altText(overTime)
                == "Line chart of children adopted for Kent County Council, South East and England, 2010-11 to 2024-25. The full description follows the chart."
        )
        let rank = try chart("kent-children-adopted-rank")
        #expect(ChartSection.altText(rank).hasPrefix("Sorted bar chart of children adopted for 118 areas, 2011-12 to 2014-15."))
        for chart in Self.catalogue.charts {
            #expect(!chart.description.hasPrefix(ChartSection.altText(chart).dropLast(40)), "\(chart.id)")
        }
    }

    @Test("the table behind a chart has the figures drawn, and its CSV the raw numbers")
    func table() throws {
        let table = try chart("kent-children-adopted-over-time").table
        #expect(
            table.header == [
                "Period", "Phase", "Kent", "Kent: source", "Kent index", "South East", "South East index", "England", "England index",
            ])
        let row = try #require(table.rows.first { $0[0].display == "2014-15" })
        #expect(row.map(\.display) == ["2014-15", "during", "181", "Department for Education", "258.6", "740", "172.1", "5,360", "154.5"])
        #expect(table.csv.text.contains("\n2014-15,during,181,Department for Education,258.6,740,172.1,5360,154.5\n"))
        // A reported figure for a year DfE does not cover stays in the table, marked whose it is.
        #expect(table.csv.text.contains("\n2009-10,before,69,KentOnline (reported),,,,,\n"))
        // The CSV download is tidy: one row per figure, the unit and period in their own columns,
        // and whether each figure is an official statistic and whose it is.
        let figures = try chart("kent-children-adopted-over-time").figuresCSV.text
        #expect(figures.hasPrefix("area,role,measure,period,value,unit,index_last_year_before_100,evidence,publisher\n"))
        #expect(
            figures.contains(
                "\nKent County Council,during,Children adopted from care,2014-15,181,count,258.6,official statistics,Department for Education\n"
            ))
        #expect(
            figures.contains(
                "\nEngland,England,Children adopted from care,2014-15,5360,count,154.5,official statistics,Department for Education\n"))
        let reported = try chart("kent-before-and-after").figuresCSV.text
        #expect(
            reported.contains(
                "\nKent County Council,before,Children placed for adoption,2011-12,68,count,,\"reported, not official statistics\",Coram\n")
        )
    }

    @Test("PNGs are 1200 × 675, start with the PNG signature, and re-render byte for byte")
    func pngBasics() throws {
        let chart = try chart("kent-children-adopted-over-time")
        let (png, raster) = try pixels(chart)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(raster.width == 1200 && raster.height == 675)
        let again = try ChartRenderer.render(chart, measurer: GlyphMeasurer()).png
        #expect(again == png)
        #expect(png.count < 60_000, "a chart PNG is small: \(png.count) bytes")
    }

    @Test("the partnership is shaded from the x of its first day to the x of its last")
    func bandPixels() throws {
        let chart = try #require(try chart("kent-children-adopted-over-time") as? OverTimeChart)
        let layout = chart.layout(on: RecordingCanvas(format: .standard, measurer: Self.measurer))
        let start = layout.x.position(Day(year: 2012, month: 4, day: 1)!)
        let end = layout.x.position(Day(year: 2016, month: 1, day: 23)!)
        let y = Int(layout.plot.y + layout.plot.height * 0.9)
        let (_, raster) = try pixels(chart)
        let band = UInt32(0xEDF2F7)
        #expect(raster.pixel(x: Int(start) + 5, y: y) == band)
        #expect(raster.pixel(x: Int(end) - 5, y: y) == band)
        #expect(raster.pixel(x: Int(start) - 5, y: y) == 0xFFFFFF)
        #expect(raster.pixel(x: Int(end) + 5, y: y) == 0xFFFFFF)
    }

    @Test("the threshold in force is drawn at the y of its value across the year it applies to")
    func thresholdPixels() throws {
        let chart = try #require(try chart("thurrock-a2-placement-order-to-match-days-over-time") as? OverTimeChart)
        let layout = chart.layout(on: RecordingCanvas(format: .standard, measurer: Self.measurer))
        let y = Int(layout.y.position(121).rounded())
        let from = Int(layout.x.position(Day(year: 2016, month: 11, day: 1)!))
        let to = Int(layout.x.position(Day(year: 2017, month: 3, day: 1)!))
        let (_, raster) = try pixels(chart)
        let inked = (from...to).filter { x in (y - 1...y + 1).contains { raster.pixel(x: x, y: $0) == 0x3D3D3D } }.count
        #expect(Double(inked) / Double(to - from + 1) > 0.5, "threshold ink on \(inked) of \(to - from + 1) columns")
        let above = Int(layout.y.position(170).rounded())
        #expect((from...to).allSatisfy { raster.pixel(x: $0, y: above) != 0x3D3D3D })
    }

    @Test("every text on the partnerships' charts reaches 4.5:1 against the pixels around it, measured on the rendered PNG")
    func labelContrast() throws {
        let format = ChartFormat.standard
        let charts = Self.catalogue.charts.filter {
            ["kent", "thurrock", "cambridgeshire"].contains($0.authorityID ?? "") || $0.kind == .eventTime
        }
        #expect(charts.count > 20)
        for chart in charts {
            let canvas = chart.recordingCanvas(format, measurer: Self.measurer)
            chart.draw(on: canvas)
            let (_, raster) = try pixels(chart)
            #expect((raster.width, raster.height) == (canvas.width, canvas.height))
            for (text, box) in canvas.texts {
                // Behind the text is the colour most of its box has; its ink is the pixel furthest from that.
                var counts: [UInt32: Int] = [:]
                let xs = max(0, Int(box.x))..<min(raster.width, Int(box.maxX.rounded(.up)))
                let ys = max(0, Int(box.y))..<min(raster.height, Int(box.maxY.rounded(.up)))
                for y in ys { for x in xs { counts[raster.pixel(x: x, y: y), default: 0] += 1 } }
                guard let behind = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else { continue }
                let color = { (pixel: UInt32) in Color(pixel) }
                let ink = counts.keys.map { color($0).contrast(with: color(behind)) }.max() ?? 1
                #expect(ink >= 4.5, "\(chart.id): \"\(text)\" reaches only \((ink * 100).rounded() / 100):1")
            }
        }
    }

    @Test("an over-time chart names no financial year on its axis that begins after its last figure and its partnership")
    func noEmptyYearOnAxis() throws {
        // The axis runs to 31 December, so figures ending on 31 March 2025 once left a labelled,
        // empty 2025-26 at the end (Barnsley's adoptions, every year of Dorset's from 2019).
        // The years named under the plot (a title can wrap onto a line that is just "2010-11").
        let years = { (chart: OverTimeChart) in
            let canvas = recording(chart)
            let axis = chart.layout(on: canvas).plot.maxY
            return canvas.texts.filter { $0.box.y > axis }.compactMap { text in
                text.text.wholeMatch(of: /(\d{4})-\d{2}/).flatMap { Int($0.1) }
            }
        }
        let barnsley = try #require(try chart("barnsley-children-adopted-over-time") as? OverTimeChart)
        #expect(years(barnsley) == [2010, 2013, 2016, 2019, 2022], "\(years(barnsley))")
        let dorset = try #require(try chart("dorset-from-2019-ceased-care-sgo-over-time") as? OverTimeChart)
        #expect(years(dorset) == Array(2019...2024), "\(years(dorset))")
        let charts = Self.catalogue.charts.compactMap { $0 as? OverTimeChart }
        #expect(charts.count > 500)
        for chart in charts {
            let ends = chart.authorityFigures.compactMap(\.observation.period.end) + [chart.partnership?.lastDay].compactMap { $0 }
            let last = try #require(ends.max())
            for year in years(chart) {
                #expect(Day(clampingYear: year, month: 4, day: 1) <= last, "\(chart.id) labels \(year) after its last day, \(last)")
            }
        }
    }

    @Test("part of a year is drawn hollow and apart, and the whole years on either side of it are joined")
    func partYearApart() throws {
        let chart = try chart("kent-children-placed-for-adoption-over-time")
        let canvas = recording(chart)
        // 2011-12, 2012-13 and 2013-14 in one line; 1 April to December 2013 on its own, hollow.
        let lines = canvas.lines.filter { $0.hasPrefix("line \(ChartStyle.primary) 4px solid:") }
        #expect(lines.count == 1 && lines.first?.split(separator: " ").count == 7, "\(lines)")
        #expect(
            canvas.lines.filter { $0.hasPrefix("marker ") && $0.hasSuffix(" \(ChartStyle.background)/\(ChartStyle.primary)") }.count == 1)
        #expect(chart.subtitle.hasSuffix("Hollow markers: part of a year, or a year that spans the partnership's start or end."))
    }

    @Test("a line that falls short of 3:1 on the partnership's shading is edged in white; the dark blue is not")
    func edgedLines() throws {
        #expect(ChartStyle.needsEdge(ChartStyle.comparator) && !ChartStyle.needsEdge(ChartStyle.primary))
        #expect(ChartStyle.comparator.contrast(with: ChartStyle.background) >= 3, "orange reaches 3:1 against the white edge")
        let lines = recording(try chart("kent-children-adopted-over-time")).lines
        for (index, line) in lines.enumerated() where line.hasPrefix("line \(ChartStyle.comparator) 4px") {
            let points = line.split(separator: ":").last
            #expect(index > 0 && lines[index - 1] == "line \(ChartStyle.background) 8px solid:\(points ?? "")", "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("line \(ChartStyle.comparator) 4px") })
        #expect(
            !lines.contains {
                $0.hasPrefix("line \(ChartStyle.primary) 4px")
                    && lines.contains("line \(ChartStyle.background) 8px solid:" + ($0.split(separator: ":").last ?? ""))
            })
    }

    @Test(
        "no chart puts ink in the outer margin",
        arguments: [
            "kent-children-adopted-over-time", "harrow-before-and-after", "children-adopted-side-by-side",
            "children-placed-for-adoption-event-time",
        ])
    func margins(_ id: String) throws {
        let (_, raster) = try pixels(try chart(id))
        let border = 24
        for y in 0..<raster.height {
            for x in 0..<raster.width where x < border || x >= raster.width - border || y < border || y >= raster.height - 12 {
                if raster.pixel(x: x, y: y) != 0xFFFFFF {
                    Issue.record("ink at \(x),\(y) in \(id)")
                    return
                }
            }
        }
    }

    @Test(
        "at 1200 × 675, no real chart has text under 24 px (10 points at half a slide's width), text cut short, text outside the image or words over words",
        arguments: ChartKind.allCases)
    func legibleOnASlide(kind: ChartKind) throws {
        let charts = Self.catalogue.charts.filter { $0.kind == kind }
        #expect(!charts.isEmpty)
        for chart in charts {
            let canvas = chart.recordingCanvas(.standard, measurer: Self.measurer)
            // 16:9, except a chart of more rows than fit (before-and-after, side by side), which grows taller.
            let rows = [.beforeAndAfter, .sideBySide].contains(kind)
            #expect(canvas.width == 1200 && (canvas.height == 675 || (rows && canvas.height > 675)))
            chart.draw(on: canvas)
            ChartFrame.drawCredit("Adoption partnerships dashboard, released 3 December 2026", on: canvas)
            let sizes = canvas.calls.compactMap { call -> Double? in
                if case .text(_, _, let style, _, _) = call { return style.size }
                return nil
            }
            #expect(sizes.count == canvas.texts.count)
            #expect(sizes.allSatisfy { $0 >= 24 }, "\(chart.id): text at \(sizes.min() ?? 0) px")
            for (index, (text, box)) in canvas.texts.enumerated() {
                #expect(!text.hasSuffix("…"), "\(chart.id): \"\(text)\" is cut short")
                #expect(
                    box.x >= 0 && box.maxX <= 1200 && box.y >= 0 && box.maxY <= Double(canvas.height), "\(chart.id): \"\(text)\" at \(box)")
                for (other, otherBox) in canvas.texts.dropFirst(index + 1) {
                    let overlap =
                        box.x < otherBox.maxX - 1 && otherBox.x < box.maxX - 1 && box.y < otherBox.maxY - 1 && otherBox.y < box.maxY - 1
                    #expect(!overlap, "\(chart.id): \"\(text)\" overlaps \"\(other)\"")
                }
            }
        }
    }

    @Test("every text of every real chart is inside the image, and direct labels do not overlap")
    func textInside() throws {
        for chart in Self.catalogue.charts {
            let canvas = recording(chart)
            for (text, box) in canvas.texts {
                #expect(
                    box.x >= 0 && box.maxX <= Double(canvas.width) && box.y >= 0 && box.maxY <= Double(canvas.height),
                    "\(chart.id): \"\(text)\" at \(box)")
            }
        }
    }
}

@Suite("Charts with hostile names and values")
struct ChartStressTests {
    @Test("long names and extreme values still fit inside the image without overlapping labels")
    func longNamesAndExtremes() throws {
        let (folder, dataset) = try Synthetic.dataset(series: [
            (
                "children-adopted", "count",
                [F(period: "2010-11", value: 12_345_678), F(period: "2011-12", value: 3), F(period: "2013-14", value: 98_765_432)]
            ),
            ("a2-placement-order-to-match-days", "days", [F(period: "2011-12", value: 99_999), F(period: "2013-14", value: 0)]),
        ])
        var text = try folder.read("testshire.json")
        text = text.replacingOccurrences(
            of: "\"name\": \"Testshire Council (synthetic test data)\"",
            with:
                "\"name\": \"The Royal and Ancient Borough of Extremely-Long-Named-Testshire-upon-Sea and Parishes (synthetic test data)\", \"shortName\": \"Extremely-Long-Testshire-upon-Sea\""
        )
        try folder.write("testshire.json", text)
        let reloaded = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").dataset)
        _ = dataset
        let charts = ChartCatalogue(Analysis(reloaded)).charts
        #expect(charts.count >= 3)
        for chart in charts {
            let canvas = chart.recordingCanvas(.standard, measurer: ChartTests.measurer)
            chart.draw(on: canvas)
            for (label, box) in canvas.texts {
                #expect(
                    box.x >= 0 && box.maxX <= Double(canvas.width) && box.y >= 0 && box.maxY <= Double(canvas.height),
                    "\(chart.id): \"\(label)\" at \(box)")
            }
            let rightLabels = canvas.texts.filter {
                $0.box.x > 900 && ["England", "Threshold", "Extremely-Long-Testshire-upon-Sea"].contains($0.text)
            }
            for (i, a) in rightLabels.enumerated() {
                for b in rightLabels.dropFirst(i + 1) {
                    let overlap = a.box.x < b.box.maxX && b.box.x < a.box.maxX && a.box.y < b.box.maxY && b.box.y < a.box.maxY
                    #expect(!overlap, "\(chart.id): \(a.text) overlaps \(b.text)")
                }
            }
        }
    }

    @Test("a plot that labels leave no room for has no width or height, never a negative one, so no range a chart builds is reversed")
    func noNegativeRoom() {
        let squeezed = Rect(x: 100, y: 50, width: -40, height: -10)
        #expect(squeezed.maxX == 100)
        #expect(squeezed.maxY == 50)
        // The ranges every chart builds from its plot's edges (a reversed one would stop the build).
        #expect((squeezed.x...squeezed.maxX).contains(100))
        #expect((squeezed.y...squeezed.maxY).contains(50))
        #expect(Rect(x: 0, y: 0, width: 30, height: 20).maxX == 30)
    }

    @Test("a threshold whose year ends on 29 February is drawn from the 1st of March before it, not a crash")
    func thresholdEndingOnLeapDay() throws {
        // Synthetic test data: England's threshold for A2 covers 1 March 2011 to 29 February 2012.
        // Its start, a year back from the end, once asked for 29 February 2011, which does not exist.
        let folder = try Project.minimalFolder()
        let england = try folder.read("england.json")
        try folder.write(
            "england.json",
            england.replacingOccurrences(
                of: "\"period\": \"2013-14\", \"value\": 150", with: "\"period\": \"2011-03-01..2012-02-29\", \"value\": 150"))
        let analysis = try #require(DatasetLoader.load(from: folder.url, displayPrefix: "Authorities").analysis)
        let charts = ChartCatalogue(analysis).charts
        let chart = try #require(charts.first { $0.id == "testshire-a2-placement-order-to-match-days-over-time" })
        let canvas = RecordingCanvas(format: .standard, measurer: ChartTests.measurer)
        chart.draw(on: canvas)
        #expect(canvas.texts.contains { $0.text == "Threshold" }, "the threshold is drawn and labelled")
    }
}
