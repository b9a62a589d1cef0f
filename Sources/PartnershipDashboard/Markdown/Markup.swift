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
}
