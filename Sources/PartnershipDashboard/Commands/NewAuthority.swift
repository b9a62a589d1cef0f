// `dashboard new`: a valid starter file and narrative for a new authority.

import Foundation

package enum NewAuthority {
    package static func run(id: String, name: String, shortName: String? = nil, authorities: URL, display: String) -> CommandResult {
        if let problem = Identifier.problem(with: id) {
            return CommandResult(errors: "error: \(problem)\n", exitCode: 1)
        }
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedName.isEmpty, trimmedName.count <= 120 else {
            return CommandResult(
                errors: "error: --name must be the council's name, 1 to 120 characters, e.g. --name \"Kent County Council\"\n", exitCode: 1)
        }
        let limit = AuthorityReader.shortNameLength
        let trimmedShortName = shortName?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmedShortName, trimmedShortName.isEmpty || trimmedShortName.count > limit {
            return CommandResult(
                errors: "error: --short-name must be 1 to \(limit) characters, e.g. --short-name \"Kent\"; nothing was written.\n",
                exitCode: 1)
        }
        if trimmedShortName == nil, trimmedName.count > limit {
            let example = AuthorityReader.suggestedShortName(for: trimmedName)
            return CommandResult(
                errors:
                    "error: --name has \(trimmedName.count) characters, too many to label a chart's line; add --short-name with \(limit) or fewer, e.g. --short-name \"\(example)\"; nothing was written.\n",
                exitCode: 1)
        }
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: authorities.path, isDirectory: &isFolder), isFolder.boolValue else {
            return CommandResult(
                errors: "error: \(display) is not a folder; run from the project folder or pass --authorities\n", exitCode: 1)
        }
        let dataURL = authorities.appendingPathComponent("\(id).json")
        let narrativeURL = authorities.appendingPathComponent("\(id).md")
        for url in [dataURL, narrativeURL] where manager.fileExists(atPath: url.path) {
            return CommandResult(
                errors: "error: \(display)/\(url.lastPathComponent) already exists; nothing was written. Edit it, or choose another id.\n",
                exitCode: 1)
        }
        // Both files are written whole under temporary names, then put in place together, only if
        // neither exists: a full disk or Ctrl-C leaves nothing behind, so the command can be run again.
        do {
            try AtomicFile.create([
                (dataURL, "\(display)/\(id).json", Data(starterData(id: id, name: trimmedName, shortName: trimmedShortName).utf8)),
                (narrativeURL, "\(display)/\(id).md", Data(starterNarrative(name: trimmedName).utf8)),
            ])
        } catch {
            return CommandResult(errors: "error: \(error); nothing was written.\n", exitCode: 1)
        }
        return CommandResult(
            output: """
                Wrote \(display)/\(id).json and \(display)/\(id).md.
                Next: add the GSS code, the partnership's phases, sources and figures (see README.md, "Adding an authority"), and write the evaluation in \(id).md, then run `dashboard validate`. The site leaves the authority out until you remove "draft": true.

                """)
    }

    static func starterData(id: String, name: String, shortName: String? = nil) -> String {
        let node = JSONNode.object(
            [
                ("$schema", .string("schema.json")),
                ("id", .string(id)),
                // Left out of the site until its figures and narrative are written.
                ("draft", .bool(true)),
                ("name", .string(name)),
            ] + (shortName.map { [("shortName", JSONNode.string($0))] } ?? []) + [
                ("sources", .array([])),
                ("indicators", .array([])),
                ("keyFacts", .array([])),
                ("claims", .array([])),
            ])
        return JSONWriter.write(node)
    }

    static func starterNarrative(name: String) -> String {
        """
        # \(name): evaluation

        \(StarterNarrative.marker), what the partnership set out to do, what changed, and what the
        evidence does and does not show. Quote a source only briefly, marked as a quotation with the
        speaker and the source.

        Figures can be filled in from the data with tokens, so the text cannot drift from it.

        """
    }
}
