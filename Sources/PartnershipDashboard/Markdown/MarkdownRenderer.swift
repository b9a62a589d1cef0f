// CommonMark (with GitHub's tables and strikethrough) to HTML through cmark-gfm, in its safe mode.
// Only the files in Markdown/ import cmark.

internal import CCmark
import Foundation

/// Renders narratives: raw HTML is dropped and unsafe link schemes (javascript:, vbscript:, file:,
/// data: except images) are removed, because cmark-gfm's default is its safe mode.
enum MarkdownRenderer {
    /// Renders `markdown`, shifting every heading down by `headingOffset` levels so a narrative's
    /// "#" sits under the page's own heading.
    static func html(from markdown: String, headingOffset: Int = 1) throws(LibraryFailure) -> SanitisedHTML {
        try CMark.serially { () throws(LibraryFailure) -> SanitisedHTML in try render(markdown, headingOffset: headingOffset) }
    }

    private static func render(_ markdown: String, headingOffset: Int) throws(LibraryFailure) -> SanitisedHTML {
        let options = CMARK_OPT_DEFAULT  // safe: no raw HTML, no unsafe URLs
        guard let parser = cmark_parser_new(options) else { throw LibraryFailure(library: "cmark-gfm", action: "start a parser") }
        defer { cmark_parser_free(parser) }
        for name in NarrativeCheck.extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = cmark_parser_finish(parser) else {
            throw LibraryFailure(library: "cmark-gfm", action: "parse the narrative")
        }
        defer { cmark_node_free(document) }
        shiftHeadings(in: document, by: headingOffset)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            throw LibraryFailure(library: "cmark-gfm", action: "write the narrative as HTML")
        }
        defer { free(rendered) }
        return SanitisedHTML(trusted: String(cString: rendered))
    }

    private static func shiftHeadings(in document: OpaquePointer, by offset: Int) {
        guard offset != 0, let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_HEADING
            else { continue }
            cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + Int32(offset)))
        }
    }
}
