// HTML where plain text belongs: tags in data fields, raw HTML and unsafe links in narratives.

/// Finds markup that the site would escape or drop, so the person editing hears about it.
enum Markup {
    /// The first thing in `text` that looks like an HTML tag ("<script", "</b", "<!--"), if any.
    static func firstTag(in text: String) -> String? {
        guard text.utf8.contains(0x3C) else { return nil }
        let characters = Array(text)
        for index in characters.indices where characters[index] == "<" && index + 1 < characters.count {
            let next = characters[index + 1]
            guard next.isLetter || next == "/" || next == "!" || next == "?" else { continue }
            var end = index + 1
            while end < characters.count, end - index < 20, !characters[end].isWhitespace, characters[end] != ">" { end += 1 }
            return String(characters[index..<end])
        }
        return nil
    }

    /// Link schemes a narrative may not use: they run code or reach outside the web.
    static let unsafeSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    /// Raw HTML and unsafe links in a narrative, each with its line; code spans and blocks are skipped.
    static func narrativeProblems(in text: String, file: String) -> [Problem] {
        var problems: [Problem] = []
        var inFence = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            let prose = withoutCodeSpans(String(line))
            let position = TextPosition(line: index + 1, column: 1)
            if let tag = firstTag(in: withoutAutolinks(prose)) {
                problems.append(
                    Problem(
                        severity: .error, file: file, position: position,
                        message: "raw HTML (\"\(tag)\") is not allowed in a narrative: the site would drop it; write Markdown instead"))
            }
            let lowered = prose.lowercased()
            for scheme in unsafeSchemes
            where lowered.contains("(\(scheme)") || lowered.contains("<\(scheme)") || lowered.contains("]: \(scheme)") {
                problems.append(
                    Problem(
                        severity: .error, file: file, position: position,
                        message: "a link to \"\(scheme)…\" is not allowed in a narrative: link to an https:// address instead"))
            }
        }
        return problems
    }

    /// The line with `code spans` blanked out.
    private static func withoutCodeSpans(_ line: String) -> String {
        var result = ""
        var inCode = false
        for character in line {
            if character == "`" { inCode.toggle() }
            result.append(inCode || character == "`" ? " " : character)
        }
        return result
    }

    /// The line with Markdown autolinks (<https://…>, <mailto:…>) blanked out: they are not HTML.
    private static func withoutAutolinks(_ line: String) -> String {
        var result = line
        for prefix in ["<https://", "<http://", "<mailto:"] {
            while let start = result.range(of: prefix), let end = result[start.upperBound...].firstIndex(of: ">") {
                result.replaceSubrange(
                    start.lowerBound...end, with: String(repeating: " ", count: result.distance(from: start.lowerBound, to: end) + 1))
            }
        }
        return result
    }
}
