// Reads an agency file (agencies/<id>.json): a regional adoption agency, its go-live, members and sources.

struct AgencyReader {
    static let keys = ["id", "name", "code", "lead", "voluntaryPartners", "goLive", "goLiveOther", "members", "note", "sources"]

    let log: ProblemLog
    /// The ids of every area file, so that a member or lead must be one of them.
    let authorityIDs: Set<String>
    let fileID: String
    let file: String

    /// The agency, or `nil` (with every problem logged) when it cannot be read.
    func read(_ node: JSONNode) -> Agency? {
        guard let reader = ObjectReader(node, at: .root, log: log, expecting: "a regional adoption agency", keys: AgencyReader.keys)
        else { return nil }
        let id = reader.identifier("id", required: "give the agency's id, the file's name without .json")
        if let id, id != fileID {
            log.error(
                "the id \"\(id)\" differs from the file's name; write \"\(fileID)\", or rename the file to \(id).json",
                at: JSONPath.root.appending("id"), offset: reader.offset(of: "id"))
        }
        let name = reader.string("name", required: "give the agency's name, e.g. \"Adopt London West\"")
        let code = reader.string("code", maximumLength: 10)
        if let code, !(code.hasPrefix("RAA") && (4...5).contains(code.count) && code.dropFirst(3).allSatisfy(\.isASCIIDigit)) {
            log.error(
                "\"\(code)\" is not one of DfE's agency codes; write it as DfE's agency-level data does, e.g. \"RAA21\", or leave it out",
                at: JSONPath.root.appending("code"), offset: reader.offset(of: "code"))
        }
        let lead = reader.identifier("lead")
        if let lead { checkArea(lead, at: JSONPath.root.appending("lead"), offset: reader.offset(of: "lead"), reader: reader) }
        var listed: [Source] = []
        var broken: Set<String> = []
        for (item, path) in reader.list("sources", required: "list the sources the dates and members come from") ?? [] {
            if let source = Source.read(item, at: path, log: log) {
                listed.append(source)
            } else if case .object(let members) = item.value, let idNode = members.first(where: { $0.key == "id" }),
                case .string(let brokenID) = idNode.value.value
            {
                broken.insert(brokenID)
            }
        }
        var sources = SourceTable(listed, broken: broken)
        var partners: [(name: String, source: Source)] = []
        for (item, path) in reader.list("voluntaryPartners") ?? [] {
            guard let partner = ObjectReader(item, at: path, log: log, expecting: "a voluntary partner", keys: ["name", "source"]),
                let partnerName = partner.string("name", required: "name the voluntary adoption agency, e.g. \"Coram\""),
                let source = sources.resolve(partner)
            else { continue }
            partners.append((partnerName, source))
        }
        let goLive = reader.node(
            "goLive", required: "say when the agency went live, or that it is not known: { \"date\": null, \"status\": \"unknown\" }"
        )
        .flatMap { date($0, at: JSONPath.root.appending("goLive"), sources: &sources) }
        var others: [AgencyDate] = []
        for (item, path) in reader.list("goLiveOther") ?? [] {
            if let other = date(item, at: path, sources: &sources) { others.append(other) }
        }
        var members: [Agency.Member] = []
        var seen: Set<String> = []
        for (item, path) in reader.list("members", required: "list the member councils") ?? [] {
            guard
                let member = ObjectReader(
                    item, at: path, log: log, expecting: "a member council", keys: ["authority", "joined", "left", "source", "note"]),
                let authority = member.identifier("authority", required: "name the council's id, its file's name without .json")
            else { continue }
            checkArea(authority, at: path.appending("authority"), offset: member.offset(of: "authority"), reader: member)
            guard seen.insert(authority).inserted else {
                log.error(
                    "\(authority) is listed twice; list each member once", at: path.appending("authority"),
                    offset: member.offset(of: "authority"))
                continue
            }
            let joined: Agency.Member.Joined?
            switch member.node("joined", required: "say when it joined: \"go-live\", or { \"date\": …, \"status\": … }")?.value {
            case .string("go-live"): joined = .atGoLive
            case .object:
                joined = member.node("joined", required: nil).flatMap {
                    date($0, at: path.appending("joined"), sources: &sources, sourceRequired: false)
                }.map { .on($0) }
            case nil: joined = nil
            default:
                log.error(
                    "\"joined\" is \"go-live\" (a member from the day the agency went live) or a date object, e.g. { \"date\": \"2024-04-01\", \"status\": \"sourced\", \"source\": \"s1\" }",
                    at: path.appending("joined"), offset: member.offset(of: "joined"))
                joined = nil
            }
            var left = member.node("left", required: nil).flatMap {
                date($0, at: path.appending("left"), sources: &sources, sourceRequired: false)
            }
            let source = sources.resolve(member)
            let note = member.string("note", maximumLength: 600)
            guard var joined, let source else { continue }
            // A date without its own source is the membership's source's.
            if case .on(let date) = joined, date.source == nil { joined = .on(date.citing(source)) }
            if let date = left, date.source == nil { left = date.citing(source) }
            members.append(Agency.Member(authorityID: authority, joined: joined, left: left, source: source, note: note))
        }
        let note = reader.string("note", maximumLength: 1000)
        for source in listed where !sources.used.contains(source.id) {
            log.warning(
                "the source \"\(source.id)\" is listed but nothing cites it; cite it or remove it", at: JSONPath.root.appending("sources"))
        }
        guard let id, let name, let goLive else { return nil }
        return Agency(
            id: id, name: name, code: code, lead: lead, voluntaryPartners: partners, goLive: goLive, otherGoLives: others, members: members,
            note: note, sources: listed, file: file)
    }

    private func checkArea(_ id: String, at path: JSONPath, offset: Int, reader: ObjectReader) {
        guard !authorityIDs.contains(id) else { return }
        log.error(
            "no area file has the id \"\(id)\"; \(Suggestion.hint(for: id, in: authorityIDs.sorted(), listing: "the councils' ids"))",
            at: path,
            offset: offset)
    }

    /// A date object: `{ "date": "2019-10-01" or null, "status": …, "confidence": …, "source": …, "note": … }`.
    /// A member's joining or leaving date may leave out its source when the membership's own source gives it.
    private func date(_ node: JSONNode, at path: JSONPath, sources: inout SourceTable, sourceRequired: Bool = true) -> AgencyDate? {
        guard
            let reader = ObjectReader(
                node, at: path, log: log, expecting: "a date", keys: ["date", "status", "confidence", "source", "note"])
        else { return nil }
        let status = reader.choice("status", of: DateStatus.self, required: "say how the date is known: sourced, planned or unknown")
        // null says the date is not known; a missing "date" is an error.
        var day: PartialDate?
        if !reader.has("date") {
            log.error(
                "missing \"date\"; give the date (\"2019-10-01\", \"2017-07\") or null when it is not known", at: path, offset: node.offset)
            return nil
        } else if reader.node("date", required: nil) != nil {
            day = reader.partialDate("date")
        }
        let confidence = reader.choice("confidence", of: Confidence.self)
        let source = reader.has("source") ? sources.resolve(reader) : nil
        let note = reader.string("note", maximumLength: 600)
        guard let status else { return nil }
        if status == .unknown, day != nil {
            log.error(
                "a date whose status is \"unknown\" has no date; write \"date\": null, or give the status \"sourced\" or \"planned\"",
                at: path.appending("status"), offset: reader.offset(of: "status"))
            return nil
        }
        if status != .unknown, day == nil {
            log.error(
                "no date is given, so its status is \"unknown\"; give the date, or write \"status\": \"unknown\"",
                at: path.appending("status"),
                offset: reader.offset(of: "status"))
            return nil
        }
        if sourceRequired, status != .unknown, source == nil, !reader.has("source") {
            log.error(
                "a date needs the source that gives it; add \"source\" with one of the ids under \"sources\"", at: path,
                offset: reader.offset(of: "date"))
            return nil
        }
        return AgencyDate(date: day, status: status, confidence: confidence, source: source, note: note)
    }
}
