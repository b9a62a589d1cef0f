// HTML built from nodes in which every text and attribute value is escaped by construction.

/// A piece of HTML: an element, escaped text, or the one trusted exception (sanitised Markdown).
///
/// There is no way to put unescaped text into a page except ``SanitisedHTML``, which only the
/// Markdown renderer can make, from cmark-gfm's safe mode.
struct HTMLNode: Sendable, ExpressibleByStringLiteral {
    enum Content: Sendable {
        case element(name: String, attributes: [(String, String)], children: [HTMLNode])
        case text(String)
        case sanitised(SanitisedHTML)
        case group([HTMLNode])
    }

    let content: Content

    init(stringLiteral value: String) { content = .text(value) }

    init(_ content: Content) { self.content = content }

    /// Escaped text.
    static func text(_ text: String) -> HTMLNode { HTMLNode(.text(text)) }

    /// Nodes side by side, with no element around them.
    static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(.group(nodes)) }

    static let empty = HTMLNode(.group([]))

    /// Output of the Markdown renderer's safe mode.
    static func sanitised(_ html: SanitisedHTML) -> HTMLNode { HTMLNode(.sanitised(html)) }

    /// The node as HTML text.
    var rendered: String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        render(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// How an element sits in the page's source: void elements have no end tag; block elements
    /// start their contents on a new line and end with one, so pages stay readable as source;
    /// line elements are followed by a line break.
    enum Layout { case void, block, line, inline }

    /// An element's layout. A switch on the name, with the commonest elements of a page (table cells
    /// and rows, links, list items) first, is quicker than hashing every element's name.
    static func layout(of name: String) -> Layout {
        switch name {
        case "td", "th", "li", "p", "dt", "dd", "caption", "h1", "h2", "h3", "h4", "title": return .line
        case "tr", "table", "thead", "tbody", "ul", "ol", "dl", "div", "section", "figure", "details", "nav", "main", "header",
            "footer", "article", "aside", "html", "head", "body":
            return .block
        case "a", "span", "abbr", "strong", "em", "small", "code", "sup", "summary", "time", "b", "i": return .inline
        case "area", "base", "br", "col", "img", "input", "link", "meta", "source", "wbr", "hr": return .void
        default: return .inline
        }
    }

    /// Renders into UTF-8 bytes: pages are large, and bytes are much cheaper to append than strings.
    func render(into output: inout [UInt8]) {
        switch content {
        case .text(let text): HTMLEscaping.append(text, quotes: false, to: &output)
        case .sanitised(let html): output.append(contentsOf: html.html.utf8)
        case .group(let nodes): for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let children):
            output.append(0x3C)
            output.append(contentsOf: name.utf8)
            for (key, value) in attributes {
                output.append(0x20)
                output.append(contentsOf: key.utf8)
                output.append(contentsOf: [0x3D, 0x22])
                HTMLEscaping.append(value, quotes: true, to: &output)
                output.append(0x22)
            }
            output.append(0x3E)
            let layout = HTMLNode.layout(of: name)
            if layout == .void { return }
            if layout == .block { output.append(0x0A) }
            for child in children { child.render(into: &output) }
            output.append(contentsOf: [0x3C, 0x2F])
            output.append(contentsOf: name.utf8)
            output.append(0x3E)
            if layout == .block || layout == .line { output.append(0x0A) }
        }
    }
}

/// HTML that may be inserted as it is: only the Markdown renderer (safe mode) creates it.
struct SanitisedHTML: Sendable {
    let html: String
    init(trusted html: String) { self.html = html }
}

/// The two escaping rules for HTML, in one place.
enum HTMLEscaping {
    /// Text between tags: `&`, `<` and `>` escaped.
    static func text(_ text: String) -> String { escape(text, quotes: false) }

    /// An attribute value in double quotes: also `"` and `'` escaped.
    static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var output: [UInt8] = []
        append(text, quotes: quotes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the escaped text as UTF-8. Every character that needs escaping is ASCII, so no byte
    /// of a multi-byte character is ever touched. Runs of bytes that need no escaping are copied whole.
    static func append(_ text: String, quotes: Bool, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22 where quotes: entity = "&quot;"
                case 0x27 where quotes: entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

/// An element: `el("p", ["class": "lead"], "Text")`. Attributes keep the order they are given in.
func el(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: HTMLNode...) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes.map { ($0.key, $0.value) }, children: children))
}

/// An element without attributes: `el("li", "Text")`.
func el(_ name: String, _ children: HTMLNode...) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: [], children: children))
}

/// An element with a list of children built elsewhere.
func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [HTMLNode]) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes.map { ($0.key, $0.value) }, children: children))
}

/// An element whose attributes are computed (optional ones left out when nil).
func el(_ name: String, attributes: [(String, String?)], children: [HTMLNode] = []) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes.compactMap { key, value in value.map { (key, $0) } }, children: children))
}
