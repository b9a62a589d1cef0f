// The figures behind a chart, one row each, for its CSV download: a reader who has only the CSV
// knows what each number is, in what unit, for which period, from whom, and whether it is an
// official statistic.

/// One figure a chart draws.
package struct ChartFigure: Sendable {
    /// The area's full name: "Kent County Council", "England".
    let area: String
    let measure: Indicator
    let observation: Observation
    /// Where the chart draws it on an index scale (last year before = 100), if it does.
    let index: Double?
    /// What the figure is on the chart: "before", "during", "after", "spans the start", "England", "neighbour", ….
    let role: String
}

extension Chart {
    /// The chart's figures as a tidy CSV: one row per figure, the unit in its own column, the
    /// period apart from the value, whether each is an official statistic, and who published it.
    var figuresCSV: CSVTable {
        var table = CSVTable(header: ChartFigures.header)
        for figure in figures {
            let observation = figure.observation
            table.append([
                .text(figure.area), .text(figure.role), .text(figure.measure.title), .text(observation.period.label),
                .number(observation.value), .text(figure.measure.unit.rawValue),
                // The index to one decimal place, as the chart's table gives it.
                CSVTable.Cell(figure.index.map { ($0 * 10).rounded() / 10 }),
                .text(observation.official ? "official statistics" : "reported, not official statistics"),
                .text(observation.source.publisher),
            ])
        }
        return table
    }
}

enum ChartFigures {
    static var header: [String] { columns.map(\.name) }

    /// The columns of every chart's CSV, with what each holds, for the downloads page's guide.
    static let columns: [(name: String, meaning: String)] = [
        ("area", "the council, region or England"),
        (
            "role",
            "what the figure is on the chart: before, during or after the partnership, England, region, neighbour, from or to; on the after-joining chart, a council's year from joining or its last full year before"
        ),
        ("measure", "the measure's name"), ("period", "the period the figure covers"), ("value", "the figure"),
        ("unit", "count, percent, days or pounds"),
        (
            "index_last_year_before_100",
            "where an indexed chart draws it: the figure against the last year before the partnership (on the after-joining chart, before joining), = 100"
        ),
        ("evidence", "official statistics, or reported (by a partner, a council or the press), not official statistics"),
        (
            "publisher",
            "who published the figure; the area's own CSV gives each figure's source and its address, and sources.csv the publication's title"
        ),
    ]

    /// The phase of a figure in an authority's partnership, as the chart's words give it.
    static func role(_ observation: Observation, of authority: Authority?) -> String {
        authority?.partnership.map { $0.phase(of: observation.period).label } ?? "figure"
    }
}

extension OverTimeChart {
    package var figures: [ChartFigure] {
        let indexed: Bool
        if case .index = mode { indexed = true } else { indexed = false }
        let figure = { (area: String, plotted: PlottedFigure, role: String) in
            ChartFigure(
                area: area, measure: indicator, observation: plotted.observation, index: indexed ? plotted.y : nil, role: role)
        }
        return authorityFigures.map { plotted in
            figure(authorityFullName, plotted, partnership.map { $0.phase(of: plotted.observation.period).label } ?? "figure")
        }
            + (regionName.map { name in regionFigures.map { figure(name, $0, "region") } } ?? [])
            + englandFigures.map { figure("England", $0, "England") }
    }
}

extension BeforeAfterChart {
    var figures: [ChartFigure] {
        rows.flatMap { row in
            [(row.change.from, "before"), (row.change.to, "during")].map {
                ChartFigure(area: authorityName, measure: row.indicator, observation: $0.0, index: nil, role: $0.1)
            }
        }
    }
}

extension SideBySideChart {
    var figures: [ChartFigure] {
        entries.flatMap { entry in
            [(entry.change.from, "before"), (entry.change.to, "during")].map {
                ChartFigure(area: entry.authority.name, measure: indicator, observation: $0.0, index: nil, role: $0.1)
            }
                + (entry.england.map { england in
                    [(england.change.from, "England, before"), (england.change.to, "England, during")].map {
                        ChartFigure(area: "England", measure: indicator, observation: $0.0, index: nil, role: $0.1)
                    }
                } ?? [])
        }
    }
}

extension EventTimeChart {
    var figures: [ChartFigure] {
        lines.flatMap { line in
            line.points.map { point in
                ChartFigure(
                    area: line.authority.name, measure: indicator, observation: point.observation, index: point.index,
                    role: ChartFigures.role(point.observation, of: line.authority))
            }
        }
    }
}

extension RankChart {
    var figures: [ChartFigure] {
        rank.changes.flatMap { entry in
            [(entry.change.from, "from"), (entry.change.to, "to")].map {
                ChartFigure(
                    area: entry.authority.name, measure: indicator, observation: $0.0, index: nil,
                    role: entry.authority.id == partnerID ? "\($0.1), the partner" : $0.1)
            }
        }
            + (englandChange.map { change in
                [(change.from, "England, from"), (change.to, "England, to")].map {
                    ChartFigure(area: "England", measure: indicator, observation: $0.0, index: nil, role: $0.1)
                }
            } ?? [])
    }
}

extension NeighbourChart {
    var figures: [ChartFigure] {
        ([(partner, "partner")] + neighbours.map { ($0, "neighbour") } + (england.map { [($0, "England")] } ?? [])).flatMap {
            line, role in
            line.points.compactMap { point in
                point.observation.map {
                    ChartFigure(area: line.name, measure: indicator, observation: $0, index: indexed ? point.y : nil, role: role)
                }
            }
        }
    }
}
