// HTML built from nodes in which every text and attribute value is escaped by construction.

/// A piece of HTML: an element, escaped text, or the one trusted exception (sanitised Markdown).
///
/// There is no way to put unescaped text into a page except ``SanitisedHTML``, which only the
/// Markdown renderer can make, from cmark-gfm's safe mode.
public struct HTMLNode: Sendable, ExpressibleByStringLiteral {
    enum Content: Sendable {
        case element(name: String, attributes: [(String, String)], children: [HTMLNode])
        case text(String)
        case sanitised(SanitisedHTML)
        case group([HTMLNode])
    }

    let content: Content

    public init(stringLiteral value: String) { content = .text(value) }

    init(_ content: Content) { self.content = content }

    /// Escaped text.
    public static func text(_ text: String) -> HTMLNode { HTMLNode(.text(text)) }

    /// Nodes side by side, with no element around them.
    public static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(.group(nodes)) }

    public static let empty = HTMLNode(.group([]))

    /// Output of the Markdown renderer's safe mode.
    public static func sanitised(_ html: SanitisedHTML) -> HTMLNode { HTMLNode(.sanitised(html)) }

    /// The node as HTML text.
    public var rendered: String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        render(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "img", "input", "link", "meta", "source", "wbr", "hr"]
    /// Elements whose contents start on a new line, so pages stay readable as source.
    static let blockElements: Set<String> = [
        "html", "head", "body", "header", "footer", "main", "nav", "section", "article", "aside", "div", "table", "thead", "tbody",
        "tr", "ul", "ol", "dl", "figure", "details",
    ]
    /// Elements followed by a line break.
    static let lineElements: Set<String> = ["p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "caption", "th", "td", "title", "meta", "link"]

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
            if HTMLNode.voidElements.contains(name) { return }
            let block = HTMLNode.blockElements.contains(name)
            if block { output.append(0x0A) }
            for child in children { child.render(into: &output) }
            output.append(contentsOf: [0x3C, 0x2F])
            output.append(contentsOf: name.utf8)
            output.append(0x3E)
            if block || HTMLNode.lineElements.contains(name) { output.append(0x0A) }
        }
    }
}

/// HTML that may be inserted as it is: only the Markdown renderer (safe mode) creates it.
public struct SanitisedHTML: Sendable {
    let html: String
    init(trusted html: String) { self.html = html }
}

/// The two escaping rules for HTML, in one place.
public enum HTMLEscaping {
    /// Text between tags: `&`, `<` and `>` escaped.
    public static func text(_ text: String) -> String { escape(text, quotes: false) }

    /// An attribute value in double quotes: also `"` and `'` escaped.
    public static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var output: [UInt8] = []
        append(text, quotes: quotes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the escaped text as UTF-8. Every character that needs escaping is ASCII, so no byte
    /// of a multi-byte character is ever touched.
    static func append(_ text: String, quotes: Bool, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22 where quotes: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27 where quotes: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: output.append(byte)
            }
        }
    }
}

/// An element: `el("p", ["class": "lead"], "Text")`. Attributes keep the order they are given in.
public func el(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: HTMLNode...) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes.map { ($0.key, $0.value) }, children: children))
}

/// An element without attributes: `el("li", "Text")`.
public func el(_ name: String, _ children: HTMLNode...) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: [], children: children))
}

/// An element with a list of children built elsewhere.
public func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [HTMLNode]) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes.map { ($0.key, $0.value) }, children: children))
}

/// An element whose attributes are computed (optional ones left out when nil).
public func el(_ name: String, attributes: [(String, String?)], children: [HTMLNode] = []) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes.compactMap { key, value in value.map { (key, $0) } }, children: children))
}
