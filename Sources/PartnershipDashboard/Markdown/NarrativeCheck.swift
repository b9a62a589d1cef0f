// Raw HTML and unsafe links in a narrative, found by the parser that renders it.

internal import CCmark

/// cmark-gfm keeps process-wide state: its extensions are registered once, unlocked, and parsing
/// changes a shared table of special characters. Every use goes through ``CMark/serially(_:)``.
enum CMark {
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
    private static let lock = Locked(())

    /// Runs `body` with the extensions registered, while no other thread uses cmark-gfm.
    static func serially<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        try lock.withLock { (_: inout Void) throws(Failure) -> T in
            _ = registered
            return try body()
        }
    }
}

/// Checks a narrative with cmark-gfm, the parser (and the extensions) that renders it, so that what
/// it reports is what the site would drop: an HTML block or inline, and a link or picture whose
/// address cmark-gfm's safe mode removes (`javascript:`, `vbscript:`, `file:`, and `data:` other than
/// a PNG, GIF, JPEG or WebP picture). Code spans and code blocks (fenced with any number of backticks
/// or tildes, or indented) are code, not HTML, so nothing in them is reported. One problem per
/// finding, at its line and column; at most ``limit``.
enum NarrativeCheck {
    /// GitHub's extensions narratives may use: the renderer and this check parse with the same.
    static let extensions = ["table", "strikethrough"]
    /// More findings than this in one file are summed up in one last problem.
    static let limit = 100

    static func problems(in text: String, file: String) -> [Problem] {
        CMark.serially { check(text, file: file) }
    }

    private static func check(_ text: String, file: String) -> [Problem] {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            return [Problem(severity: .error, file: file, message: "could not be checked: cmark-gfm could not start a parser")]
        }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        guard let document = cmark_parser_finish(parser) else {
            return [Problem(severity: .error, file: file, message: "could not be checked: cmark-gfm gave no document")]
        }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else {
            return [Problem(severity: .error, file: file, message: "could not be checked: cmark-gfm could not walk the document")]
        }
        defer { cmark_iter_free(iterator) }
        // Built only when there is something to report.
        var lines: LineMap?
        func position(of node: OpaquePointer) -> TextPosition {
            let map = lines ?? LineMap(Array(text.utf8))
            lines = map
            return NarrativeCheck.position(of: node, in: map)
        }
        var problems: [Problem] = []
        var found = 0
        // An element's end tag ("</iframe>") is part of the problem its start tag was reported as.
        var reportedIn: Set<OpaquePointer> = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let message: String
            switch type {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let html = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if type == CMARK_NODE_HTML_INLINE, let parent = cmark_node_parent(node) {
                    if html.hasPrefix("</"), reportedIn.contains(parent) { continue }
                    reportedIn.insert(parent)
                }
                let shown = Markup.firstTag(in: html) ?? String(html.prefix(20)).trimmingCharacters(in: .whitespacesAndNewlines)
                message = "raw HTML (\"\(shown)\") is not allowed in a narrative: the site would drop it; write Markdown instead"
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let scheme = unsafeScheme(of: cmark_node_get_url(node).map { String(cString: $0) } ?? "") else { continue }
                message =
                    "a \(type == CMARK_NODE_IMAGE ? "picture" : "link") to \"\(scheme)…\" is not allowed in a narrative: link to an https:// address instead"
            default: continue
            }
            found += 1
            if found <= limit { problems.append(Problem(severity: .error, file: file, position: position(of: node), message: message)) }
        }
        if found > limit {
            problems.append(
                Problem(
                    severity: .error, file: file,
                    message:
                        "\(UKFormat.number(Double(found - limit))) more raw HTML or unsafe links than the \(limit) reported; mend those and check again"
                ))
        }
        return problems
    }

    /// The scheme of an address that cmark-gfm's safe mode removes, as cmark-gfm tests it: the
    /// address's first bytes, ASCII letters in either case.
    static func unsafeScheme(of url: String) -> String? {
        let lowered = url.utf8.prefix(20).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        func starts(_ prefix: String) -> Bool { lowered.starts(with: prefix.utf8) }
        for scheme in Markup.unsafeSchemes where starts(scheme) {
            if scheme == "data:", ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: starts) {
                return nil
            }
            return scheme
        }
        return nil
    }

    /// Where a node starts, in characters as every message counts them (cmark counts bytes); an
    /// inline that cmark gives no position of is placed at its paragraph's start.
    private static func position(of node: OpaquePointer, in lines: LineMap) -> TextPosition {
        var current: OpaquePointer? = node
        while let here = current {
            let line = Int(cmark_node_get_start_line(here))
            if line > 0 { return lines.position(line: line, byteColumn: max(1, Int(cmark_node_get_start_column(here)))) }
            current = cmark_node_parent(here)
        }
        return TextPosition(line: 1, column: 1)
    }
}
