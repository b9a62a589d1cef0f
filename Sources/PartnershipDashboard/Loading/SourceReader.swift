// Reads the sources a file cites, and resolves references to them.

import Foundation

extension Source {
    static let keys = ["id", "title", "publisher", "url", "published", "note", "symbols"]

    /// Reads a source; `id` is required unless `inlineID` is given (for sources written in place).
    static func read(_ node: JSONNode, at path: JSONPath, log: ProblemLog, inlineID: String? = nil) -> Source? {
        let keys = inlineID == nil ? Source.keys : Source.keys.filter { $0 != "id" }
        guard let reader = ObjectReader(node, at: path, log: log, expecting: "a source", keys: keys) else { return nil }
        let id = inlineID ?? reader.identifier("id", required: "give the source a short id that figures refer to, e.g. \"coram-kent-page\"")
        let title = reader.string("title", required: "write the source's title as published")
        let publisher = reader.string("publisher", required: "name who published it, e.g. \"Department for Education\"")
        let url = reader.string("url", required: "give the address where it can be read, starting https://", maximumLength: 500)
        let published = reader.partialDate("published")
        let note = reader.string("note", maximumLength: 1000)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.utf8.contains(UInt8(ascii: " ")) {
            log.error(
                "\"\(url)\" is not a web address; write the full address starting https:// (or http://)", at: path.appending("url"),
                offset: reader.offset(of: "url"))
            return nil
        }
        var symbols: [String: String] = [:]
        if let node = reader.node("symbols", required: nil) {
            if case .object(let members) = node.value {
                for member in members {
                    guard case .string(let meaning) = member.value.value, !member.key.isEmpty, member.key.count <= 10 else {
                        log.error(
                            "each symbol's meaning is text, e.g. \"x\": \"suppressed: 1 to 5 children\"",
                            at: path.appending("symbols").appending(member.key), offset: member.value.offset)
                        continue
                    }
                    symbols[member.key] = meaning
                }
            } else {
                log.error(
                    "\"symbols\" lists what each symbol means, e.g. { \"x\": \"suppressed: 1 to 5 children\" }",
                    at: path.appending("symbols"),
                    offset: node.offset)
            }
        }
        guard let id, let title, let publisher, let url else { return nil }
        return Source(id: id, title: title, publisher: publisher, url: url, published: published, note: note, symbols: symbols)
    }
}

/// The sources a file defines, for resolving `"source": "id"` references.
struct SourceTable {
    let sources: [String: Source]
    /// Ids of sources that were listed but could not be read; their problems are already reported.
    let broken: Set<String>
    private(set) var used: Set<String> = []

    init(_ list: [Source], broken: Set<String> = []) {
        var table: [String: Source] = [:]
        for source in list where table[source.id] == nil { table[source.id] = source }
        sources = table
        self.broken = broken
    }

    /// The source a field names, logging an unknown id with a suggestion.
    mutating func resolve(_ reader: ObjectReader, _ key: String = "source") -> Source? {
        guard let id = reader.string(key, required: "name the source of this figure: one of the ids under \"sources\"") else { return nil }
        guard let source = sources[id] else {
            if broken.contains(id) { return nil }
            let advice =
                sources.isEmpty
                ? "add it under \"sources\" with its title, publisher, url and date"
                : Suggestion.hint(for: id, in: sources.keys.sorted(), listing: "the sources in this file")
            reader.log.error("no source has the id \"\(id)\"; \(advice)", at: reader.path.appending(key), offset: reader.offset(of: key))
            return nil
        }
        used.insert(id)
        return source
    }
}
