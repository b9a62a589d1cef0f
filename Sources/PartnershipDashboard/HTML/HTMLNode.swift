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
        var output = ""
        render(into: &output)
        return output
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "img", "input", "link", "meta", "source", "wbr", "hr"]
    /// Elements whose contents start on a new line, so pages stay readable as source.
    static let blockElements: Set<String> = [
        "html", "head", "body", "header", "footer", "main", "nav", "section", "article", "aside", "div", "table", "thead", "tbody",
        "tr", "ul", "ol", "dl", "figure", "details",
    ]

    func render(into output: inout String) {
        switch content {
        case .text(let text): output += HTMLEscaping.text(text)
        case .sanitised(let html): output += html.html
        case .group(let nodes): for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let children):
            output += "<" + name
            for (key, value) in attributes { output += " \(key)=\"\(HTMLEscaping.attribute(value))\"" }
            output += ">"
            if HTMLNode.voidElements.contains(name) { return }
            let block = HTMLNode.blockElements.contains(name)
            if block { output += "\n" }
            for child in children { child.render(into: &output) }
            output += "</\(name)>"
            if block || ["p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "caption", "th", "td", "title", "meta", "link"].contains(name) {
                output += "\n"
            }
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
    public static func text(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An attribute value in double quotes: also `"` and `'` escaped.
    public static func attribute(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
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
