// The part of an authority file that `dashboard import` owns: the `"official"` block, written from
// DfE's releases and replaced whole by each import, with nothing else in the file touched.

import Foundation

/// One cell of a release as the block keeps it: a figure, or a symbol where there is none.
struct OfficialRecord: Sendable, Equatable {
    let indicator: String
    let period: String
    let value: Double?
    let symbol: String?
    let source: String
    let table: String
    let column: String
}

/// What the block says about a council besides its figures: its codes, when it operated, and the
/// councils before and after it.
struct OfficialIdentity: Sendable {
    var dfeCode: String?
    /// ONS codes with the days they applied, from DfE's list.
    var codes: [(gss: String, from: String?, to: String?)] = []
    var predecessors: [String] = []
    var successors: [String] = []
    /// The council's statistical neighbours, one entry per model, oldest model first.
    var neighbours: [OfficialNeighbours] = []
}

/// A council's ten nearest councils in one of DfE's models: each one's code, its file's id where
/// there is one, and DfE's band of closeness.
struct OfficialNeighbours: Sendable {
    let model: NeighbourModel
    let nearest: [(code: String, id: String?, closeness: String)]
}

/// Writes and reads the `"official"` block.
enum OfficialBlock {
    static let key = "official"
    static let about =
        "Written by `dashboard import` from the Department for Education's published tables. Each import replaces this block, and nothing else in the file; do not edit it by hand."

    /// The block's text, indented to sit as a member of the file's top-level object.
    ///
    /// Each release's cells are kept with that release as their source. Where a later release gives
    /// the same as the one before it, it is not repeated; where it differs, the later figure is
    /// marked `revised` (the first is `published`). Symbols are kept in `"suppressed"`, never as figures.
    /// The block's text, and how many cells it keeps (a figure repeated unchanged by a later release is kept once).
    static func text(identity: OfficialIdentity, releases: [DfERelease], records: [OfficialRecord]) -> (text: String, cells: Int) {
        let order = Dictionary(releases.sorted().enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [String] = ["{", "    \"about\": \(JSONWriter.quoted(about)),"]
        if let code = identity.dfeCode { lines.append("    \"dfeCode\": \(JSONWriter.quoted(code)),") }
        if !identity.codes.isEmpty {
            lines.append("    \"codes\": [")
            lines += identity.codes.enumerated().map { index, code in
                var fields = [("gss", JSONWriter.quoted(code.gss))]
                if let from = code.from { fields.append(("from", JSONWriter.quoted(from))) }
                if let to = code.to { fields.append(("to", JSONWriter.quoted(to))) }
                return "      " + inline(fields) + (index < identity.codes.count - 1 ? "," : "")
            }
            lines.append("    ],")
        }
        for (name, ids) in [("predecessors", identity.predecessors), ("successors", identity.successors)] where !ids.isEmpty {
            lines.append("    \"\(name)\": [\(ids.map(JSONWriter.quoted).joined(separator: ", "))],")
        }
        if !identity.neighbours.isEmpty {
            lines.append("    \"neighbours\": [")
            for (position, group) in identity.neighbours.enumerated() {
                lines.append("      { \"model\": \(JSONWriter.quoted(group.model.id)), \"nearest\": [")
                lines += group.nearest.enumerated().map { index, neighbour in
                    var fields = [("dfeCode", JSONWriter.quoted(neighbour.code))]
                    if let id = neighbour.id { fields.append(("council", JSONWriter.quoted(id))) }
                    fields.append(("closeness", JSONWriter.quoted(neighbour.closeness)))
                    return "        " + inline(fields) + (index < group.nearest.count - 1 ? "," : "")
                }
                lines.append("      ] }" + (position < identity.neighbours.count - 1 ? "," : ""))
            }
            lines.append("    ],")
        }
        let used = Set(records.map(\.source))
        let cited = Array(Set(releases.filter { used.contains($0.id) })).sorted()
        lines.append("    \"sources\": [")
        lines += cited.enumerated().map { index, release in
            var fields = [
                ("id", JSONWriter.quoted(release.id)), ("title", JSONWriter.quoted(release.title)),
                ("publisher", JSONWriter.quoted(DfERelease.publisher)), ("url", JSONWriter.quoted(release.url)),
                ("published", JSONWriter.quoted(release.published)),
            ]
            if let note = release.note { fields.append(("note", JSONWriter.quoted(note))) }
            let symbols = release.symbols.keys.sorted().map { "\(JSONWriter.quoted($0)): \(JSONWriter.quoted(release.symbols[$0] ?? ""))" }
            fields.append(("symbols", "{ " + symbols.joined(separator: ", ") + " }"))
            return "      " + inline(fields) + (index < cited.count - 1 || !identity.neighbours.isEmpty ? "," : "")
        }
        lines += identity.neighbours.enumerated().map { index, group in
            let model = group.model
            let fields = [
                ("id", JSONWriter.quoted(model.id)), ("title", JSONWriter.quoted(model.title)),
                ("publisher", JSONWriter.quoted(DfERelease.publisher)), ("url", JSONWriter.quoted(DfERelease.laitPage)),
                ("published", JSONWriter.quoted(model.published)), ("note", JSONWriter.quoted(model.note)),
            ]
            return "      " + inline(fields) + (index < identity.neighbours.count - 1 ? "," : "")
        }
        lines.append("    ],")
        lines.append("    \"indicators\": [")
        let byIndicator = Dictionary(grouping: records, by: \.indicator)
        let indicators = OfficialMeasure.all.filter { byIndicator[$0] != nil }
        var cells = 0
        for (position, indicator) in indicators.enumerated() {
            let (observations, suppressed) = chains(byIndicator[indicator] ?? [], order: order)
            cells += observations.count + suppressed.count
            lines.append("      {")
            lines.append("        \"id\": \(JSONWriter.quoted(indicator)),")
            lines.append("        \"unit\": \(JSONWriter.quoted(OfficialMeasure.isPercentage(indicator) ? "percent" : "count")),")
            for (name, entries, last) in [("observations", observations, false), ("suppressed", suppressed, true)] {
                if entries.isEmpty {
                    lines.append("        \"\(name)\": []" + (last ? "" : ","))
                    continue
                }
                lines.append("        \"\(name)\": [")
                lines += entries.enumerated().map { index, entry in "          " + inline(entry) + (index < entries.count - 1 ? "," : "") }
                lines.append("        ]" + (last ? "" : ","))
            }
            lines.append("      }" + (position < indicators.count - 1 ? "," : ""))
        }
        lines.append("    ]")
        lines.append("  }")
        return (lines.joined(separator: "\n"), cells)
    }

    /// Each period's cells in release order, keeping only changes: figures as observations (the
    /// first `published`, later changes `revised`) and symbols as suppressed cells.
    private static func chains(_ records: [OfficialRecord], order: [String: Int]) -> (
        observations: [[(String, String)]], suppressed: [[(String, String)]]
    ) {
        var observations: [[(String, String)]] = []
        var suppressed: [[(String, String)]] = []
        let byPeriod = Dictionary(grouping: records, by: \.period)
        for period in byPeriod.keys.sorted() {
            let cells = (byPeriod[period] ?? []).sorted { (order[$0.source] ?? 0) < (order[$1.source] ?? 0) }
            var previous: OfficialRecord?
            var hadValue = false
            for cell in cells {
                defer { previous = cell }
                if let previous, previous.value == cell.value, previous.symbol == cell.symbol { continue }
                var fields = [("period", JSONWriter.quoted(period))]
                if let value = cell.value {
                    fields.append(("value", JSONNode.literal(for: value)))
                    fields.append(("source", JSONWriter.quoted(cell.source)))
                    fields.append(("status", JSONWriter.quoted(hadValue ? "revised" : "published")))
                    hadValue = true
                } else {
                    fields.append(("symbol", JSONWriter.quoted(cell.symbol ?? "")))
                    fields.append(("source", JSONWriter.quoted(cell.source)))
                }
                fields.append(("table", JSONWriter.quoted(cell.table)))
                fields.append(("column", JSONWriter.quoted(cell.column)))
                if cell.value != nil { observations.append(fields) } else { suppressed.append(fields) }
            }
        }
        return (observations, suppressed)
    }

    /// `{ "a": 1, "b": "x" }` on one line, keys in the order given.
    private static func inline(_ fields: [(String, String)]) -> String {
        "{ " + fields.map { "\(JSONWriter.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + " }"
    }

    /// The cells an existing block holds, so an import of some releases keeps the others'.
    static func records(in node: JSONNode) -> [OfficialRecord] {
        guard case .object(let members) = node.value,
            let indicators = members.first(where: { $0.key == "indicators" }), case .array(let items) = indicators.value.value
        else { return [] }
        var records: [OfficialRecord] = []
        for item in items {
            guard case .object(let fields) = item.value, let id = string(fields, "id") else { continue }
            for list in ["observations", "suppressed"] {
                guard let entries = fields.first(where: { $0.key == list }), case .array(let cells) = entries.value.value else { continue }
                for cell in cells {
                    guard case .object(let values) = cell.value, let period = string(values, "period"),
                        let source = string(values, "source")
                    else { continue }
                    var value: Double?
                    if let member = values.first(where: { $0.key == "value" }), case .number(let number, _) = member.value.value {
                        value = number
                    }
                    records.append(
                        OfficialRecord(
                            indicator: id, period: period, value: value, symbol: string(values, "symbol"), source: source,
                            table: string(values, "table") ?? "", column: string(values, "column") ?? ""))
                }
            }
        }
        return records
    }

    private static func string(_ members: [JSONNode.Member], _ key: String) -> String? {
        guard let member = members.first(where: { $0.key == key }), case .string(let text) = member.value.value else { return nil }
        return text
    }

    /// The file's text with its `"official"` member replaced by `block`, or added as the last member;
    /// every other byte of the file is kept as it was.
    static func splice(_ block: String, into bytes: [UInt8], root: JSONNode) -> [UInt8] {
        guard case .object(let members) = root.value else { return bytes }
        let member = "\"\(key)\": " + block
        if let existing = members.first(where: { $0.key == key }) {
            let end = JSONText.end(of: bytes, valueAt: existing.value.offset)
            return Array(bytes[..<existing.keyOffset]) + Array(member.utf8) + Array(bytes[end...])
        }
        guard let close = bytes.lastIndex(of: UInt8(ascii: "}")) else { return bytes }
        var last = close - 1
        while last >= 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[last]) { last -= 1 }
        let separator = members.isEmpty ? "\n  " : ",\n  "
        return Array(bytes[...last]) + Array((separator + member + "\n").utf8) + Array(bytes[close...])
    }
}

/// Finding where a JSON value ends in its text, so one member can be replaced and the rest kept.
enum JSONText {
    /// The offset just after the value that starts at `start` (a string, number, word, object or list).
    static func end(of bytes: [UInt8], valueAt start: Int) -> Int {
        var index = start
        var depth = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == 0x5C {
                    index += 2
                    continue
                }
                if byte == 0x22 {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else {
                switch byte {
                case 0x22: inString = true
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { return index + 1 }
                    if depth < 0 { return index }
                case 0x2C, 0x20, 0x0A, 0x0D, 0x09:
                    if depth == 0 { return index }
                default: break
                }
            }
            index += 1
        }
        return index
    }
}
