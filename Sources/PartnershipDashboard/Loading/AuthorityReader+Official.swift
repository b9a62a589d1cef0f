// Reads the `"official"` block that `dashboard import` writes: DfE's figures, suppressed cells and releases.

extension AuthorityReader {
    static let officialKeys = ["about", "dfeCode", "codes", "predecessors", "successors", "neighbours", "sources", "indicators"]
    static let officialObservationKeys = ["period", "value", "source", "status", "table", "column"]
    static let suppressedKeys = ["period", "symbol", "source", "table", "column"]

    /// The block's identity and its series, which are merged with the file's own series of the same indicator.
    mutating func readOfficial(_ top: ObjectReader) -> (identity: OfficialIdentityRecord, series: [Series])? {
        guard let node = top.node(OfficialBlock.key, required: nil) else { return nil }
        let path = JSONPath.root.appending(OfficialBlock.key)
        guard let block = ObjectReader(node, at: path, log: log, expecting: "the official block", keys: AuthorityReader.officialKeys)
        else { return nil }
        var codes: [(gss: String, from: String?, to: String?)] = []
        for (item, itemPath) in block.list("codes") ?? [] {
            guard let reader = ObjectReader(item, at: itemPath, log: log, expecting: "an ONS code", keys: ["gss", "from", "to"]),
                let gss = reader.string("gss", required: "give the ONS code")
            else { continue }
            codes.append((gss, reader.string("from"), reader.string("to")))
        }
        let links = { (key: String) -> [String] in
            (block.list(key) ?? []).compactMap { item, _ in
                if case .string(let id) = item.value { return id }
                return nil
            }
        }
        var identity = OfficialIdentityRecord(
            dfeCode: block.string("dfeCode", maximumLength: 3), codes: codes, predecessors: links("predecessors"),
            successors: links("successors"))

        // The block's sources are its own: the releases, cited by its figures only.
        var releases: [String: Source] = [:]
        for (item, itemPath) in block.list("sources") ?? [] {
            guard let source = Source.read(item, at: itemPath, log: log) else { continue }
            if releases[source.id] != nil {
                log.error(
                    "the release \"\(source.id)\" is listed twice; import the tables again to rewrite this block",
                    at: itemPath.appending("id"),
                    offset: item.offset)
            }
            if sources.sources[source.id] != nil {
                log.error(
                    "\"\(source.id)\" is also a source of the file's own; the ids dfe-cla-… and dfe-lait-… belong to the official block, so rename the file's",
                    at: itemPath.appending("id"), offset: item.offset)
            }
            releases[source.id] = source
        }
        identity.neighbours = readNeighbours(block, releases, dfeCode: identity.dfeCode)
        var result: [Series] = []
        for (item, itemPath) in block.list("indicators") ?? [] {
            guard
                let reader = ObjectReader(
                    item, at: itemPath, log: log, expecting: "an indicator's official figures",
                    keys: ["id", "unit", "observations", "suppressed"]),
                let indicator = indicatorReference(reader, "id")
            else { continue }
            var observations: [Observation] = []
            for (cell, cellPath) in reader.list("observations") ?? [] {
                guard
                    let figure = ObjectReader(
                        cell, at: cellPath, log: log, expecting: "an official figure", keys: AuthorityReader.officialObservationKeys),
                    let period = figure.period("period", required: "give the period"),
                    let value = figure.number("value", required: "give the figure"),
                    let source = release(figure, releases),
                    let status = figure.choice("status", of: Status.self, required: "say \"published\" or \"revised\"")
                else { continue }
                if let problem = ValueRules.problem(with: value.value, in: indicator.unit) {
                    log.error(
                        "\(value.literal) is impossible here: \(problem)", at: cellPath.appending("value"),
                        offset: figure.offset(of: "value"))
                    continue
                }
                observations.append(
                    Observation(
                        period: period, value: value.value, source: source, status: status,
                        provenance: log.provenance(cellPath, offset: cell.offset),
                        table: figure.string("table"), column: figure.string("column"), official: true))
            }
            var suppressed: [SuppressedFigure] = []
            for (cell, cellPath) in reader.list("suppressed") ?? [] {
                guard
                    let entry = ObjectReader(
                        cell, at: cellPath, log: log, expecting: "a suppressed cell", keys: AuthorityReader.suppressedKeys),
                    let period = entry.period("period", required: "give the period"),
                    let symbol = entry.string("symbol", required: "give DfE's symbol, e.g. \"x\"", maximumLength: 10),
                    let source = release(entry, releases)
                else { continue }
                guard let meaning = source.symbols[symbol] else {
                    log.error(
                        "\"\(symbol)\" is not one of the symbols \(source.id) lists (\(source.symbols.keys.sorted().joined(separator: ", "))); import the release again",
                        at: cellPath.appending("symbol"), offset: entry.offset(of: "symbol"))
                    continue
                }
                suppressed.append(
                    SuppressedFigure(
                        period: period, symbol: symbol, meaning: meaning, source: source, table: entry.string("table"),
                        column: entry.string("column"), provenance: log.provenance(cellPath, offset: cell.offset)))
            }
            result.append(
                Series(
                    indicator: indicator, observations: observations, suppressed: suppressed,
                    provenance: log.provenance(itemPath, offset: item.offset)))
        }
        return (identity, result)
    }

    /// The council's statistical neighbours in each model the block cites.
    private func readNeighbours(_ block: ObjectReader, _ sources: [String: Source], dfeCode: String?) -> [StatisticalNeighbours] {
        var groups: [StatisticalNeighbours] = []
        for (item, itemPath) in block.list("neighbours") ?? [] {
            guard
                let reader = ObjectReader(
                    item, at: itemPath, log: log, expecting: "one model's statistical neighbours", keys: ["model", "nearest"]),
                let id = reader.string("model", required: "name the model, e.g. \"dfe-sn-2021\"")
            else { continue }
            guard let model = sources[id], let year = NeighbourModel(id: id)?.year else {
                log.error(
                    "\"\(id)\" is not a model of statistical neighbours among the official block's sources; import DfE's neighbour files again",
                    at: itemPath.appending("model"), offset: reader.offset(of: "model"))
                continue
            }
            if groups.contains(where: { $0.year == year }) {
                log.error(
                    "the \(year) model is listed twice; import DfE's neighbour files again to rewrite this block",
                    at: itemPath.appending("model"),
                    offset: reader.offset(of: "model"))
                continue
            }
            var nearest: [StatisticalNeighbours.Neighbour] = []
            var codes: Set<String> = []
            for (entry, entryPath) in reader.list("nearest") ?? [] {
                guard
                    let neighbour = ObjectReader(
                        entry, at: entryPath, log: log, expecting: "a neighbour", keys: ["dfeCode", "council", "closeness"]),
                    let code = neighbour.string("dfeCode", required: "give the neighbour's DfE code, e.g. \"881\"", maximumLength: 3),
                    let closeness = neighbour.string("closeness", required: "give DfE's band, e.g. \"Very close\"")
                else { continue }
                guard NeighbourTable.bands.contains(closeness) else {
                    log.error(
                        "\"\(closeness)\" is not one of DfE's bands of closeness (\(NeighbourTable.bands.joined(separator: ", ")))",
                        at: entryPath.appending("closeness"), offset: neighbour.offset(of: "closeness"))
                    continue
                }
                if code == dfeCode {
                    log.error(
                        "council \(code) is listed as its own neighbour; a council's neighbours are other councils, so import DfE's file again",
                        at: entryPath.appending("dfeCode"), offset: neighbour.offset(of: "dfeCode"))
                    continue
                }
                guard codes.insert(code).inserted else {
                    log.error(
                        "council \(code) is listed twice in the \(year) model; keep it once, as DfE's file does",
                        at: entryPath.appending("dfeCode"),
                        offset: neighbour.offset(of: "dfeCode"))
                    continue
                }
                nearest.append(
                    .init(
                        dfeCode: code, authorityID: neighbour.identifier("council"), closeness: closeness,
                        provenance: log.provenance(entryPath, offset: entry.offset)))
            }
            groups.append(StatisticalNeighbours(model: model, year: year, nearest: nearest))
        }
        return groups.sorted { $0.year < $1.year }
    }

    /// The release a cell cites, from the block's own sources.
    private func release(_ reader: ObjectReader, _ releases: [String: Source]) -> Source? {
        guard let id = reader.string("source", required: "name the release, e.g. \"dfe-cla-2015\"") else { return nil }
        if let source = releases[id] { return source }
        log.error(
            "\"\(id)\" is not one of the official block's sources; import the release again", at: reader.path.appending("source"),
            offset: reader.offset(of: "source"))
        return nil
    }

    /// The file's own series with the official block's: figures of the same indicator go into one series.
    static func merge(_ own: [Series], _ official: [Series]) -> [Series] {
        var merged = own
        for series in official {
            if let index = merged.firstIndex(where: { $0.indicator.id == series.indicator.id }) {
                let mine = merged[index]
                merged[index] = Series(
                    indicator: mine.indicator, observations: mine.observations + series.observations, suppressed: series.suppressed,
                    provenance: mine.provenance)
            } else {
                merged.append(series)
            }
        }
        return merged
    }
}
