// Raw HTML and unsafe links in a narrative, found by the parser that renders it.

internal import CCmark

/// Checks a narrative with cmark-gfm, the parser (and the extensions) that renders it, so that what
/// it reports is exactly what the site would drop: an HTML block or inline, and a link or image whose
/// address uses a scheme that runs code or reaches outside the web. Code spans and code blocks
/// (fenced with any number of backticks or tildes, or indented) are code, not HTML, so nothing in them
/// is reported. One problem per finding, at its line and column.
enum NarrativeCheck {
    /// GitHub's extensions narratives may use: the renderer and this check parse with the same.
    static let extensions = ["table", "strikethrough"]

    static func problems(in text: String, file: String) -> [Problem] {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            return [Problem(severity: .error, file: file, message: "could not be checked: the Markdown parser could not start")]
        }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        guard let document = cmark_parser_finish(parser), let iterator = cmark_iter_new(document) else {
            return [Problem(severity: .error, file: file, message: "could not be checked: the Markdown parser gave no document")]
        }
        defer {
            cmark_iter_free(iterator)
            cmark_node_free(document)
        }
        var problems: [Problem] = []
        // An element's end tag ("</iframe>") is part of the problem its start tag was reported as.
        var reportedIn: Set<OpaquePointer> = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let html = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if type == CMARK_NODE_HTML_INLINE, let parent = cmark_node_parent(node) {
                    if html.hasPrefix("</"), reportedIn.contains(parent) { continue }
                    reportedIn.insert(parent)
                }
                let shown = Markup.firstTag(in: html) ?? String(html.prefix(20)).trimmingCharacters(in: .whitespacesAndNewlines)
                problems.append(
                    Problem(
                        severity: .error, file: file, position: position(of: node, in: text),
                        message: "raw HTML (\"\(shown)\") is not allowed in a narrative: the site would drop it; write Markdown instead"))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
                if let scheme = Markup.unsafeSchemes.first(where: { lowered.hasPrefix($0) }) {
                    problems.append(
                        Problem(
                            severity: .error, file: file, position: position(of: node, in: text),
                            message:
                                "a \(type == CMARK_NODE_IMAGE ? "picture" : "link") to \"\(scheme)…\" is not allowed in a narrative: link to an https:// address instead"
                        ))
                }
            default: continue
            }
        }
        return problems
    }

    /// Where a node starts, its column counted in characters as every message counts them (cmark
    /// counts bytes); an inline that cmark gives no position of is placed at its paragraph's start.
    private static func position(of node: OpaquePointer, in text: String) -> TextPosition {
        var current: OpaquePointer? = node
        while let here = current {
            let line = Int(cmark_node_get_start_line(here))
            if line > 0 {
                let byteColumn = max(1, Int(cmark_node_get_start_column(here)))
                let lineText = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false).dropFirst(line - 1).first
                let characters = lineText.map { String(decoding: $0.utf8.prefix(byteColumn - 1), as: UTF8.self).count } ?? 0
                return TextPosition(line: line, column: characters + 1)
            }
            current = cmark_node_parent(here)
        }
        return TextPosition(line: 1, column: 1)
    }
}
