// Which authority file each area's figures go into, and the new text of each: merged with what the
// file holds, so that only the `"official"` block changes and only for the releases imported.

import Foundation

/// The files an import would write, worked out before any is written.
struct ImportPlan: Sendable {
    struct FileChange: Sendable {
        let name: String
        let data: Data
        let isNew: Bool
        let areaName: String
        /// Figures in the block before and after, for the report.
        let before: Int
        let after: Int
    }

    var changes: [FileChange] = []
    var unchanged = 0
    var problems: [ImportFailure] = []

    /// Plans the import of `read` into the authority files in `folder`.
    static func make(_ read: OfficialImport, folder: URL, display: String) -> ImportPlan {
        var plan = ImportPlan()
        let existing = ExistingFiles(folder: folder, display: display, problems: &plan.problems)
        // Every measure must be defined before figures of it are written, or the files would not validate.
        let defined = Set(
            (try? JSONParser.parse([UInt8]((try? Data(contentsOf: folder.appendingPathComponent(DatasetLoader.catalogueFile))) ?? Data())))
                .map { node -> [String] in
                    guard case .object(let members) = node.value, let list = members.first(where: { $0.key == "indicators" }),
                        case .array(let items) = list.value.value
                    else { return [] }
                    return items.compactMap { AuthorityReader.rawString($0, "id") }
                } ?? [])
        for measure in Set(read.figures.map(\.indicator)).sorted() where !defined.contains(measure) {
            plan.problems.append(
                ImportFailure(
                    "\(display)/\(DatasetLoader.catalogueFile)",
                    "does not define \"\(measure)\", which the tables hold; add its definition (README, \"Importing DfE's tables\") and import again"
                ))
        }
        let releases = Array(Set(read.figures.map(\.release)))
        let imported = Set(releases.map(\.id))
        let byArea = Dictionary(grouping: read.figures, by: \.area)
        let councils = Dictionary(grouping: read.councils, by: \.code)
        var areas = Set(byArea.keys)
        for code in councils.keys { areas.insert(.council(code)) }
        let groups = Dictionary(grouping: read.neighbours, by: \.council)
        let models = Set(read.neighbours.map(\.model))
        for code in groups.keys where councils[code] != nil || existing.file(for: .council(code), rows: []) != nil {
            areas.insert(.council(code))
        }
        var taken = Set(existing.files.keys)
        // Every area's file is named first, so that predecessors and successors can be linked by id.
        var ids: [OfficialArea: String] = [:]
        var names: [OfficialArea: String] = [:]
        let registered = { (area: OfficialArea) -> [RegisteredCouncil] in
            if case .council(let code) = area { return councils[code] ?? [] }
            return []
        }
        for area in areas.sorted() {
            let rows = registered(area)
            let name = areaName(area, rows: rows, figures: byArea[area] ?? [])
            names[area] = name
            ids[area] = existing.file(for: area, rows: rows) ?? newID(for: name, rows: rows, taken: &taken)
        }
        // A neighbour is named by its file where there is one; a code no list or file knows is an error.
        let neighbourID = { (code: String) -> String? in ids[.council(code)] ?? existing.file(for: .council(code), rows: []) }
        let listed = Set(read.neighbours.flatMap { [$0.council] + $0.nearest.map(\.code) })
        for code in listed.sorted() where neighbourID(code) == nil {
            let model = read.neighbours.first { $0.council == code || $0.nearest.contains { $0.code == code } }?.model.year ?? 0
            plan.problems.append(
                ImportFailure(
                    display,
                    "the \(model) model of statistical neighbours names council \(code), which neither DfE's list of codes (las.csv) nor any file here knows; import las.csv with it"
                ))
        }
        for area in areas.sorted() {
            let figures = byArea[area] ?? []
            let rows = registered(area)
            let name = names[area] ?? ""
            let file = ids[area] ?? ""
            let current = existing.files[file]
            var records = (current?.records ?? []).filter { !imported.contains($0.source) }
            records += figures.map {
                OfficialRecord(
                    indicator: $0.indicator, period: $0.period, value: $0.value, symbol: $0.symbol, source: $0.release.id, table: $0.table,
                    column: $0.column)
            }
            let knownReleases = releases + (current?.releases ?? []).filter { !imported.contains($0.id) }
            var identity = current?.identity ?? OfficialIdentity()
            if case .council(let code) = area {
                identity.dfeCode = code
                if !rows.isEmpty {
                    identity.codes = rows.sorted { ($0.started ?? "") < ($1.started ?? "") }.map { ($0.gss, $0.started, $0.ended) }
                    identity.predecessors = adjoining(rows, in: read.councils, before: true).compactMap { ids[.council($0)] }
                    identity.successors = adjoining(rows, in: read.councils, before: false).compactMap { ids[.council($0)] }
                }
                identity.neighbours = identity.neighbours.filter { !models.contains($0.model) }
                identity.neighbours += (groups[code] ?? []).map { group in
                    OfficialNeighbours(
                        model: group.model,
                        nearest: group.nearest.map { ($0.code, neighbourID($0.code), $0.closeness) })
                }
                identity.neighbours.sort { $0.model < $1.model }
            }
            let block = OfficialBlock.text(identity: identity, releases: knownReleases, records: records)
            let bytes: [UInt8]
            if let current {
                bytes = OfficialBlock.splice(block.text, into: current.bytes, root: current.root)
            } else {
                bytes = Array(newFile(id: file, name: name, area: area, rows: rows, block: block.text).utf8)
            }
            if let current, current.bytes == bytes {
                plan.unchanged += 1
                continue
            }
            plan.changes.append(
                FileChange(
                    name: "\(file).json", data: Data(bytes), isNew: current == nil, areaName: name, before: current?.records.count ?? 0,
                    after: block.cells))
        }
        return plan
    }

    /// The area's name: DfE's list of codes first, then the latest release's spelling.
    private static func areaName(_ area: OfficialArea, rows: [RegisteredCouncil], figures: [OfficialFigure]) -> String {
        switch area {
        case .england: return "England"
        case .region(let code): return EnglishRegion.name(of: code) ?? code
        case .council:
            if let latest = rows.max(by: { ($0.started ?? "") < ($1.started ?? "") }) { return latest.name }
            return figures.max { $0.release < $1.release }?.areaName ?? "?"
        }
    }

    /// A new file's id from the name: lowercase words joined by hyphens; a council that ended and
    /// shares its name with a later one (Dorset) gets the year it ended.
    private static func newID(for name: String, rows: [RegisteredCouncil], taken: inout Set<String>) -> String {
        let base = name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: "-")
        var id = base.isEmpty ? "council" : base
        if taken.contains(id), let ended = rows.compactMap(\.ended).max(), !rows.contains(where: { $0.ended == nil }) {
            id += "-until-\(ended.prefix(4))"
        } else if taken.contains(id), let started = rows.compactMap(\.started).min() {
            id += "-from-\(started.prefix(4))"
        }
        var suffix = 2
        while taken.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        taken.insert(id)
        return id
    }

    /// The codes of councils that ended the day before this one began (`before`), or began the day
    /// after it ended. A council ends only when none of its rows runs on: a new GSS code for the same
    /// council (Barnsley's in 2025) is not a reorganisation.
    private static func adjoining(_ rows: [RegisteredCouncil], in all: [RegisteredCouncil], before: Bool) -> [String] {
        let code = rows[0].code
        let region = rows[0].region
        let byCode = Dictionary(grouping: all, by: \.code)
        func lastDay(_ rows: [RegisteredCouncil]) -> String? {
            rows.contains { $0.ended == nil } ? nil : rows.compactMap(\.ended).max()
        }
        func firstDay(_ rows: [RegisteredCouncil]) -> String? { rows.compactMap(\.started).min() }
        let found = byCode.filter { other, otherRows in
            guard other != code, otherRows.contains(where: { $0.region == region }) else { return false }
            if before {
                guard let started = firstDay(rows), let ended = lastDay(otherRows) else { return false }
                return dayAfter(ended) == started
            }
            guard let ended = lastDay(rows), let started = firstDay(otherRows) else { return false }
            return dayAfter(ended) == started
        }.map(\.key)
        return Reorganisation.narrow(found.sorted(), of: code, before: before, in: byCode)
    }

    /// DfE's list ends councils on 31 March and starts them on 1 April (or ends on the 30th of a month
    /// and starts on the 1st); enough to pair a council with the ones that replaced it.
    private static func dayAfter(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = parts[0] % 4 == 0 && (parts[0] % 100 != 0 || parts[0] % 400 == 0)
        let length = parts[1] == 2 && leap ? 29 : lengths[max(0, min(11, parts[1] - 1))]
        if parts[2] < length { return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2] + 1) }
        if parts[1] == 12 { return String(format: "%04d-01-01", parts[0] + 1) }
        return String(format: "%04d-%02d-01", parts[0], parts[1] + 1)
    }

    /// A new authority file: who the area is (which the import writes once and people may then
    /// edit), and its official block.
    private static func newFile(id: String, name: String, area: OfficialArea, rows: [RegisteredCouncil], block: String) -> String {
        var fields = [("$schema", JSONWriter.quoted("schema.json")), ("id", JSONWriter.quoted(id)), ("name", JSONWriter.quoted(name))]
        let latest = rows.max { ($0.started ?? "") < ($1.started ?? "") }
        switch area {
        case .england:
            fields.append(("type", JSONWriter.quoted("country")))
        case .region(let code):
            fields.append(("gss", JSONWriter.quoted(code)))
            fields.append(("type", JSONWriter.quoted("region")))
        case .council:
            if let latest {
                fields.append(("gss", JSONWriter.quoted(latest.gss)))
                fields.append(("type", JSONWriter.quoted(latest.type)))
                if let region = EnglishRegion.name(of: latest.region) { fields.append(("region", JSONWriter.quoted(region))) }
            }
        }
        fields.append((OfficialBlock.key, block))
        return "{\n" + fields.map { "  \(JSONWriter.quoted($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }
}

/// The authority files already in the folder: their bytes, their official blocks, and which area each is for.
private struct ExistingFiles {
    struct File {
        let bytes: [UInt8]
        let root: JSONNode
        let records: [OfficialRecord]
        let releases: [DfERelease]
        let identity: OfficialIdentity?
        let gss: String?
        let dfeCode: String?
        let type: String?
    }

    var files: [String: File] = [:]

    init(folder: URL, display: String, problems: inout [ImportFailure]) {
        guard case .files(let contents) = DatasetLoader.read(folder: folder, displayPrefix: display) else { return }
        for (name, content) in contents
        where DatasetLoader.isAuthorityFile(name) {
            guard case .bytes(let bytes) = content else { continue }
            guard let root = try? JSONParser.parse(bytes), case .object(let members) = root.value else {
                problems.append(
                    ImportFailure("\(display)/\(name)", "is not valid JSON; run `dashboard validate`, fix it, and import again"))
                continue
            }
            let block = members.first { $0.key == OfficialBlock.key }?.value
            let string = { (key: String, fields: [JSONNode.Member]) -> String? in
                guard let member = fields.first(where: { $0.key == key }), case .string(let text) = member.value.value else { return nil }
                return text
            }
            var dfeCode: String?
            var releases: [DfERelease] = []
            var identity: OfficialIdentity?
            if let block, case .object(let fields) = block.value {
                dfeCode = string("dfeCode", fields)
                releases = ExistingFiles.releases(in: fields)
                identity = ExistingFiles.identity(in: fields, dfeCode: dfeCode)
            }
            files[String(name.dropLast(5))] = File(
                bytes: bytes, root: root, records: block.map(OfficialBlock.records) ?? [], releases: releases, identity: identity,
                gss: string("gss", members), dfeCode: dfeCode, type: string("type", members))
        }
    }

    /// An existing block's codes and links, kept when an import brings no list of councils.
    private static func identity(in fields: [JSONNode.Member], dfeCode: String?) -> OfficialIdentity {
        var identity = OfficialIdentity()
        identity.dfeCode = dfeCode
        let strings = { (node: JSONNode) -> String? in
            if case .string(let text) = node.value { return text }
            return nil
        }
        for field in fields {
            guard case .array(let items) = field.value.value else { continue }
            switch field.key {
            case "codes":
                identity.codes = items.compactMap { item in
                    guard case .object(let members) = item.value,
                        let gss = members.first(where: { $0.key == "gss" }).flatMap({ strings($0.value) })
                    else { return nil }
                    return (
                        gss, members.first(where: { $0.key == "from" }).flatMap { strings($0.value) },
                        members.first(where: { $0.key == "to" }).flatMap { strings($0.value) }
                    )
                }
            case "neighbours":
                identity.neighbours = items.compactMap { item in
                    guard case .object(let members) = item.value,
                        let model = members.first(where: { $0.key == "model" }).flatMap({ strings($0.value) }).flatMap(
                            NeighbourModel.init(id:)),
                        let list = members.first(where: { $0.key == "nearest" }), case .array(let entries) = list.value.value
                    else { return nil }
                    let nearest = entries.compactMap { entry -> (code: String, id: String?, closeness: String)? in
                        guard case .object(let fields) = entry.value,
                            let code = fields.first(where: { $0.key == "dfeCode" }).flatMap({ strings($0.value) }),
                            let closeness = fields.first(where: { $0.key == "closeness" }).flatMap({ strings($0.value) })
                        else { return nil }
                        return (code, fields.first(where: { $0.key == "council" }).flatMap { strings($0.value) }, closeness)
                    }
                    return OfficialNeighbours(model: model, nearest: nearest)
                }
            case "predecessors": identity.predecessors = items.compactMap(strings)
            case "successors": identity.successors = items.compactMap(strings)
            default: break
            }
        }
        return identity
    }

    /// The releases an existing block cites, rebuilt from their ids so they keep their place in order.
    private static func releases(in fields: [JSONNode.Member]) -> [DfERelease] {
        guard let sources = fields.first(where: { $0.key == "sources" }), case .array(let items) = sources.value.value else { return [] }
        return items.compactMap { item in
            guard case .object(let members) = item.value, let id = members.first(where: { $0.key == "id" }),
                case .string(let text) = id.value.value
            else { return nil }
            let parts = text.split(separator: "-")
            guard parts.count == 3, parts[1] != "sn", let year = Int(parts[2]) else { return nil }
            if parts[1] == "lait" { return DfERelease.lait(year) }
            return year <= 2017 ? DfERelease.firstRelease(year) : DfERelease.explore(year)
        }
    }

    /// The existing file for an area: by DfE code in its block, then by ONS code, then England's by type.
    func file(for area: OfficialArea, rows: [RegisteredCouncil]) -> String? {
        switch area {
        case .england:
            return files.first { $0.value.type == "country" }?.key ?? (files["england"] != nil ? "england" : nil)
        case .region(let code):
            return files.first { $0.value.gss == code && $0.value.type == "region" }?.key
        case .council(let code):
            if let found = files.first(where: { $0.value.dfeCode == code })?.key { return found }
            let codes = Set(rows.map(\.gss))
            return files.filter { $0.value.gss.map(codes.contains) ?? false && $0.value.type != "region" }.keys.sorted().first
        }
    }

}
