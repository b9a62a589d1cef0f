// Reads one authority file (or England's) into an ``Authority``, reporting every problem.

/// Reads one authority file against the indicator catalogue.
struct AuthorityReader {
    /// The longest short name: what fits beside a chart's lines at slide size.
    static let shortNameLength = 40

    /// A short name to suggest for a long one: the place, without a note in brackets, a leading "The",
    /// "London Borough of", "County Council" and the like, cut after a whole word to fit a chart's label.
    static func suggestedShortName(for name: String) -> String {
        var place = name.trimmingCharacters(in: .whitespaces)
        if place.hasSuffix(")"), let open = place.lastIndex(of: "("), open > place.startIndex {
            place = String(place[..<open]).trimmingCharacters(in: .whitespaces)
        }
        let prefixes = ["Royal Borough of ", "London Borough of ", "Metropolitan Borough of ", "Borough of ", "Council of the "]
        if place.hasPrefix("The ") { place.removeFirst(4) }
        if let prefix = prefixes.first(where: place.hasPrefix) { place.removeFirst(prefix.count) }
        let suffixes = [
            " Metropolitan Borough Council", " Metropolitan District Council", " County Borough Council", " County Council",
            " City Council", " Borough Council", " District Council", " Council",
        ]
        if let suffix = suffixes.first(where: place.hasSuffix), place.count > suffix.count { place.removeLast(suffix.count) }
        var words: [Substring] = []
        for word in place.split(separator: " ") {
            guard (words + [word]).joined(separator: " ").count <= shortNameLength else { break }
            words.append(word)
        }
        // A cut never ends on a word that joins it to what was cut ("Harrow and its").
        while words.count > 1, let last = words.last, ["and", "of", "the", "its", "&", "for"].contains(last.lowercased()) {
            words.removeLast()
        }
        return words.isEmpty ? String(place.prefix(shortNameLength)) : words.joined(separator: " ")
    }

    static let keys = [
        "id", "name", "shortName", "gss", "type", "region", "headline", "partnership",
        "sources", "indicators", "keyFacts", "claims", "thresholds", "official", "draft",
    ]

    let log: ProblemLog
    let indicators: [String: Indicator]
    let fileID: String
    /// The ids of the folder's other files, so that no message advises a rename onto one of them.
    let takenIDs: Set<String>
    var sources = SourceTable([])

    init(log: ProblemLog, indicators: [String: Indicator], fileID: String, takenIDs: Set<String> = []) {
        self.log = log
        self.indicators = indicators
        self.fileID = fileID
        self.takenIDs = takenIDs
    }

    /// `narrativeFileExists`: there is a `<id>.md` even if it could not be used (its own problems
    /// are reported on it), so the authority is not also told it has none.
    mutating func read(_ node: JSONNode, narrative: String?, narrativeFileExists: Bool = false) -> Authority? {
        guard let top = ObjectReader(node, at: .root, log: log, expecting: "an authority file", keys: AuthorityReader.keys) else {
            return nil
        }
        let id = top.identifier("id", required: "write the authority's id, the file name without .json: \"\(fileID)\"")
        if let id, id != fileID {
            let advice =
                takenIDs.contains(id)
                ? "write \"\(fileID)\" (\(id).json is another file already, so renaming this one to it would replace it)"
                : "write \"\(fileID)\" or rename the file to \(id).json"
            log.error(
                "the id \"\(id)\" does not match the file name \(fileID).json; \(advice)", at: .root.appending("id"),
                offset: top.offset(of: "id"))
        }
        let name = top.string("name", required: "write the council's full name, e.g. \"Kent County Council\"", maximumLength: 120)
        let shortName = top.string("shortName", maximumLength: AuthorityReader.shortNameLength)
        // Charts label their lines with the short name, which is the name when there is none.
        if shortName == nil, top.node("shortName", required: nil) == nil, let name, name.count > AuthorityReader.shortNameLength {
            log.error(
                "the name has \(name.count) characters, too many to label a chart's line: add a \"shortName\" of \(AuthorityReader.shortNameLength) characters or fewer, e.g. \"\(AuthorityReader.suggestedShortName(for: name))\"",
                at: .root.appending("name"), offset: top.offset(of: "name"))
        }
        let gss = readGSS(top)
        let type = top.choice("type", of: AuthorityType.self)
        let region = top.string("region", maximumLength: 60)
        let isCountry = type == .country

        var sourceList: [Source] = []
        var seenSources: Set<String> = []
        var brokenSources: Set<String> = []
        for (item, path) in top.list(
            "sources",
            required: top.has(OfficialBlock.key)
                ? nil
                : "list the sources the figures come from: \"sources\": [ { \"id\", \"title\", \"publisher\", \"url\", \"published\" } ]")
            ?? []
        {
            guard let source = Source.read(item, at: path, log: log) else {
                if let id = AuthorityReader.rawString(item, "id") { brokenSources.insert(id) }
                continue
            }
            if !seenSources.insert(source.id).inserted {
                log.error(
                    "the source id \"\(source.id)\" is used twice; give each source its own id", at: path.appending("id"),
                    offset: item.offset)
                continue
            }
            sourceList.append(source)
        }
        sources = SourceTable(sourceList, broken: brokenSources)

        let partnership = top.node("partnership", required: nil).flatMap { readPartnership($0, at: .root.appending("partnership")) }
        let hasOfficial = top.has(OfficialBlock.key)
        if !isCountry, !top.has("partnership"), !hasOfficial {
            log.warning("no \"partnership\" yet: add the partner and its phases with dates so figures can be compared before and during it")
        }
        if isCountry, top.has("partnership") {
            log.error(
                "England is the comparator and has no partnership; remove \"partnership\"", at: .root.appending("partnership"),
                offset: top.offset(of: "partnership"))
        }
        let official = readOfficial(top)
        let series = AuthorityReader.merge(hasOfficial && !top.has("indicators") ? [] : readSeries(top), official?.series ?? [])
        let keyFacts = readKeyFacts(top)
        let claims = readClaims(top, series: series)
        var thresholds: [Threshold] = []
        if top.has("thresholds") {
            if isCountry {
                thresholds = readThresholds(top)
            } else {
                log.error(
                    "national thresholds belong in england.json; remove \"thresholds\" from this file", at: .root.appending("thresholds"),
                    offset: top.offset(of: "thresholds"))
            }
        }
        var headline: Indicator?
        if let headlineID = top.string("headline") {
            let listed = (top.list("indicators") ?? []).compactMap { AuthorityReader.rawString($0.node, "id") }
            if let found = series.first(where: { $0.indicator.id == headlineID }) {
                headline = found.indicator
            } else if series.count < listed.count {
                // A series that failed to read may be the headline's; its problems are already reported.
            } else {
                let advice = Suggestion.hint(for: headlineID, in: series.map(\.indicator.id), listing: "the indicators in this file")
                log.error(
                    "the headline \"\(headlineID)\" is not one of this file's indicators; \(advice)", at: .root.appending("headline"),
                    offset: top.offset(of: "headline"))
            }
        } else if !isCountry && !series.isEmpty && !hasOfficial {
            log.warning("no \"headline\": name the indicator the overview should show, e.g. \"headline\": \"\(series[0].indicator.id)\"")
        }
        for source in sourceList where !sources.used.contains(source.id) {
            log.warning("the source \"\(source.id)\" is not cited by any figure; remove it or cite it")
        }
        // A narrative evaluates a partnership; a council known only from the official tables needs none.
        if !isCountry && narrative == nil && !narrativeFileExists && (partnership != nil || !hasOfficial) {
            log.error("no narrative: write the evaluation in \(fileID).md beside this file (`dashboard new` writes a starter)")
        }
        let draft = top.bool("draft") ?? false
        // The starter narrative is instructions, not an evaluation: only a draft may still hold it.
        if !draft, let narrative, let line = StarterNarrative.line(in: narrative) {
            log.error(
                "\(fileID).md still holds the starter text from `dashboard new` (line \(line): \"\(StarterNarrative.marker)…\"); replace it with your own evaluation, or keep \"draft\": true until it is written"
            )
        }
        guard let id, let name else { return nil }
        return Authority(
            id: id, name: name, shortName: shortName ?? name, gss: gss, type: type, region: region,
            headline: headline, partnership: partnership, sources: sourceList, series: series, keyFacts: keyFacts,
            claims: claims, thresholds: thresholds, narrative: narrative, file: log.file, official: official?.identity,
            isDraft: draft)
    }

    /// A text field read without reporting anything, to keep one problem from causing others.
    static func rawString(_ node: JSONNode, _ key: String) -> String? {
        guard case .object(let members) = node.value,
            let member = members.first(where: { $0.key == key }), case .string(let text) = member.value.value
        else { return nil }
        return text
    }

    private func readGSS(_ top: ObjectReader) -> String? {
        guard let gss = top.string("gss", maximumLength: 20) else {
            if !top.has("gss") {
                log.warning(
                    "no \"gss\" code: add the ONS code, e.g. \"E10000016\" for Kent, so the authority can be matched to official tables")
            }
            return nil
        }
        let valid =
            gss.count == 9 && gss.first.map { ["E", "W", "S", "N", "K"].contains($0) } == true && gss.dropFirst().allSatisfy(\.isASCIIDigit)
        if !valid {
            log.error(
                "\"\(gss)\" is not a GSS code; GSS codes are a letter and 8 digits, e.g. \"E10000016\"", at: .root.appending("gss"),
                offset: top.offset(of: "gss"))
            return nil
        }
        return gss
    }
}
