// Recording a release: every published figure as one line of a snapshot, and what changed since
// the snapshot of the release before.

/// The published figures of a dataset, one line each, as `dashboard release` keeps them between
/// releases: area, measure, period, source and value (or "suppressed" and DfE's symbol).
struct FigureSnapshot: Sendable, Equatable {
    /// The first line of every snapshot file, so the tool knows the file as its own.
    static let heading =
        "# dashboard release snapshot: every published figure of one release. Written by `dashboard release`; do not edit."
    static let columns = "area\tmeasure\tperiod\tsource\tvalue"

    /// A figure's identity: the same area, measure, period and source.
    struct Key: Hashable, Sendable, Comparable {
        let area: String
        let measure: String
        let period: String
        let source: String

        static func < (a: Key, b: Key) -> Bool {
            (a.area, a.measure, a.period, a.source) < (b.area, b.measure, b.period, b.source)
        }
    }

    let date: PartialDate
    let values: [Key: String]

    /// Every figure of every published area (England, regions and councils; drafts left out).
    init(_ dataset: Dataset, date: PartialDate) {
        self.date = date
        var values: [Key: String] = [:]
        for authority in dataset.published.authorities + (dataset.england.map { [$0] } ?? []) {
            for series in authority.series {
                for observation in series.observations {
                    let key = Key(
                        area: authority.id, measure: series.indicator.id, period: observation.period.notation,
                        source: observation.source.id)
                    values[key] = FigureSnapshot.text(observation.value)
                }
                for cell in series.suppressed {
                    let key = Key(area: authority.id, measure: series.indicator.id, period: cell.period.notation, source: cell.source.id)
                    values[key] = "suppressed \(cell.symbol)"
                }
            }
        }
        self.values = values
    }

    init(date: PartialDate, values: [Key: String]) {
        self.date = date
        self.values = values
    }

    /// "182", "16.6": the shortest text that reads back as the same number.
    static func text(_ value: Double) -> String {
        JSONNode.literal(for: value)
    }

    var areas: Set<String> { Set(values.keys.map(\.area)) }
    var suppressedCount: Int { values.values.filter { $0.hasPrefix("suppressed") }.count }

    /// The snapshot as a file: the heading, the release's date, the columns, then one line per figure, sorted.
    var text: String {
        var lines = [FigureSnapshot.heading, "# released \(date)", FigureSnapshot.columns]
        for key in values.keys.sorted() {
            lines.append([key.area, key.measure, key.period, key.source, values[key] ?? ""].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a snapshot file back; the error says which line is wrong and why.
    static func parse(_ text: String) -> Result<FigureSnapshot, SnapshotError> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == heading else {
            return .failure(
                SnapshotError(line: 1, message: "does not start with the line `dashboard release` writes, so it is not the tool's own"))
        }
        guard lines.count >= 3, lines[1].hasPrefix("# released "),
            case .success(let date) = PartialDate.parse(String(lines[1].dropFirst("# released ".count)))
        else {
            return .failure(
                SnapshotError(line: 2, message: "should read \"# released\" and the release's date, e.g. \"# released 2026-12-03\""))
        }
        guard lines[2] == columns else {
            return .failure(
                SnapshotError(line: 3, message: "should name the columns area, measure, period, source and value, tab-separated"))
        }
        var values: [Key: String] = [:]
        for (index, line) in lines.enumerated().dropFirst(3) where !line.isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5, !cells[0].isEmpty, !cells[1].isEmpty, !cells[2].isEmpty, !cells[4].isEmpty else {
                return .failure(
                    SnapshotError(line: index + 1, message: "should have five tab-separated cells: area, measure, period, source and value")
                )
            }
            values[Key(area: cells[0], measure: cells[1], period: cells[2], source: cells[3])] = cells[4]
        }
        return .success(FigureSnapshot(date: date, values: values))
    }

    /// What changed from `previous` (the snapshot of the release before) to this one; with no
    /// previous snapshot, this is the first release recorded.
    func release(since previous: FigureSnapshot?) -> Release {
        let figures = values.count - suppressedCount
        guard let previous else {
            return Release(date: date, areas: areas.count, figures: figures, suppressed: suppressedCount, first: true)
        }
        let newAreas = areas.subtracting(previous.areas)
        let goneAreas = previous.areas.subtracting(areas)
        var added: [String: [String]] = [:]
        var removed: [String: [String]] = [:]
        var revised: [Release.Revision] = []
        // Figures of a new or vanished area are summed up by the area itself, not listed again.
        for key in values.keys.sorted() where !newAreas.contains(key.area) {
            guard let before = previous.values[key] else {
                added["\(key.measure)\t\(key.period)", default: []].append(key.area)
                continue
            }
            let now = values[key] ?? ""
            if before != now {
                revised.append(
                    Release.Revision(area: key.area, measure: key.measure, period: key.period, source: key.source, from: before, to: now))
            }
        }
        for key in previous.values.keys.sorted() where values[key] == nil && !goneAreas.contains(key.area) {
            removed["\(key.measure)\t\(key.period)", default: []].append(key.area)
        }
        func groups(_ byMeasure: [String: [String]]) -> [Release.Group] {
            byMeasure.keys.sorted().map { key in
                let parts = key.split(separator: "\t").map(String.init)
                return Release.Group(measure: parts[0], period: parts[1], areas: Array(Set(byMeasure[key] ?? [])).sorted())
            }
        }
        return Release(
            date: date, areas: areas.count, figures: figures, suppressed: suppressedCount, first: false, areasAdded: newAreas.sorted(),
            areasRemoved: goneAreas.sorted(), added: groups(added), removed: groups(removed), revised: revised)
    }
}

/// Why a snapshot file could not be read: the line and what is wrong with it.
struct SnapshotError: Error, Sendable, Equatable {
    let line: Int
    let message: String
}

/// The releases file (`releases.json`) as the tool writes it: newest release first.
enum ReleaseFile {
    static func json(_ releases: [Release]) -> String {
        let sorted = releases.sorted { $0.date.description > $1.date.description }
        let items = sorted.map { release -> JSONNode in
            var members: [(String, JSONNode)] = [
                ("date", .string(release.date.description)), ("areas", .number(Double(release.areas))),
                ("figures", .number(Double(release.figures))), ("suppressed", .number(Double(release.suppressed))),
                ("first", .bool(release.first)),
            ]
            if !release.areasAdded.isEmpty { members.append(("areasAdded", .array(release.areasAdded.map(JSONNode.string)))) }
            if !release.areasRemoved.isEmpty { members.append(("areasRemoved", .array(release.areasRemoved.map(JSONNode.string)))) }
            func groups(_ groups: [Release.Group]) -> JSONNode {
                .array(
                    groups.map {
                        .object([
                            ("measure", .string($0.measure)), ("period", .string($0.period)),
                            ("areas", .array($0.areas.map(JSONNode.string))),
                        ])
                    })
            }
            if !release.added.isEmpty { members.append(("added", groups(release.added))) }
            if !release.removed.isEmpty { members.append(("removed", groups(release.removed))) }
            if !release.revised.isEmpty {
                members.append(
                    (
                        "revised",
                        .array(
                            release.revised.map {
                                .object([
                                    ("area", .string($0.area)), ("measure", .string($0.measure)), ("period", .string($0.period)),
                                    ("source", .string($0.source)), ("from", .string($0.from)), ("to", .string($0.to)),
                                ])
                            })
                    ))
            }
            return .object(members)
        }
        return JSONWriter.write(.object([("releases", .array(items))]))
    }
}
