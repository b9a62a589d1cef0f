// Reads releases.json: what each recorded release of the site changed in its figures.

enum ReleaseReader {
    /// Every release the file records; a release with a problem is logged and left out.
    static func read(_ node: JSONNode, log: ProblemLog) -> [Release] {
        guard let file = ObjectReader(node, at: .root, log: log, expecting: "the record of the site's releases", keys: ["releases"]),
            let items = file.list("releases", required: "list the releases, as `dashboard release` writes them")
        else { return [] }
        var releases: [Release] = []
        var dates: Set<String> = []
        for (item, path) in items {
            let keys = ["date", "areas", "figures", "suppressed", "first", "areasAdded", "areasRemoved", "added", "removed", "revised"]
            guard let reader = ObjectReader(item, at: path, log: log, expecting: "a release", keys: keys),
                let date = reader.partialDate("date", required: "give the release's day, e.g. \"2026-12-03\""),
                let areas = count(reader, "areas"), let figures = count(reader, "figures"), let suppressed = count(reader, "suppressed")
            else { continue }
            guard dates.insert(date.description).inserted else {
                log.error(
                    "a second release dated \(date); each release has its own day. Keep the record `dashboard release` wrote",
                    at: path.appending("date"), offset: reader.offset(of: "date"))
                continue
            }
            releases.append(
                Release(
                    date: date, areas: areas, figures: figures, suppressed: suppressed, first: reader.bool("first") ?? false,
                    areasAdded: words(reader, "areasAdded"), areasRemoved: words(reader, "areasRemoved"),
                    added: groups(reader, "added", log),
                    removed: groups(reader, "removed", log), revised: revisions(reader, log)))
        }
        return releases.sorted { $0.date.description > $1.date.description }
    }

    private static func count(_ reader: ObjectReader, _ key: String) -> Int? {
        guard let number = reader.number(key, required: "give how many, a whole number") else { return nil }
        guard number.value >= 0, number.value == number.value.rounded() else {
            reader.log.error(
                "\(number.literal) is not a count; give a whole number, 0 or more", at: reader.path.appending(key),
                offset: reader.offset(of: key))
            return nil
        }
        return Int(number.value)
    }

    private static func words(_ reader: ObjectReader, _ key: String) -> [String] {
        (reader.list(key) ?? []).compactMap { item, path in
            guard case .string(let text) = item.value else {
                reader.log.error("expected an area's id in quotes, found \(item.kindDescription)", at: path, offset: item.offset)
                return nil
            }
            return text
        }
    }

    private static func groups(_ reader: ObjectReader, _ key: String, _ log: ProblemLog) -> [Release.Group] {
        (reader.list(key) ?? []).compactMap { item, path in
            guard
                let group = ObjectReader(
                    item, at: path, log: log, expecting: "figures of one measure and period", keys: ["measure", "period", "areas"]),
                let measure = group.string("measure", required: "name the measure's id"),
                let period = group.string("period", required: "give the period, e.g. \"2024-25\"")
            else { return nil }
            return Release.Group(measure: measure, period: period, areas: words(group, "areas"))
        }
    }

    private static func revisions(_ reader: ObjectReader, _ log: ProblemLog) -> [Release.Revision] {
        (reader.list("revised") ?? []).compactMap { item, path in
            let keys = ["area", "measure", "period", "source", "from", "to"]
            guard let revision = ObjectReader(item, at: path, log: log, expecting: "a revised figure", keys: keys),
                let area = revision.string("area", required: "name the area's id"),
                let measure = revision.string("measure", required: "name the measure's id"),
                let period = revision.string("period", required: "give the period, e.g. \"2024-25\""),
                let from = revision.string("from", required: "give the figure before, e.g. \"182\""),
                let to = revision.string("to", required: "give the figure now, e.g. \"183\"")
            else { return nil }
            return Release.Revision(
                area: area, measure: measure, period: period, source: revision.string("source") ?? "", from: from, to: to)
        }
    }
}
