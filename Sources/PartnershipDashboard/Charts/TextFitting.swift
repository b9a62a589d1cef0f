// Keeping text inside the image: wrapping, shrinking, and shortening with an ellipsis as a last resort.

/// Lines of text that fit a width, in a style that may have been shrunk to make them fit.
struct FittedText: Sendable {
    let lines: [String]
    let style: FontStyle

    var lineHeight: Double { (style.size * 1.22).rounded() }
    var height: Double { Double(lines.count) * lineHeight }
}

extension Canvas {
    /// Wraps `text` into at most `maxLines` lines no wider than `width`, shrinking the type down
    /// to `minimumSize` first and shortening the last line with "…" only if it still does not fit.
    /// Neither size goes below the format's smallest text.
    func fit(_ text: String, style: FontStyle, width: Double, maxLines: Int, minimumSize: Double? = nil) -> FittedText {
        var size = format.atLeast(style.size)
        let floor = format.atLeast(minimumSize ?? style.size)
        while true {
            let candidate = FontStyle(size: size, weight: style.weight)
            let lines = wrap(text, style: candidate, width: width)
            if lines.count <= maxLines { return FittedText(lines: lines, style: candidate) }
            if size - 1 < floor {
                var kept = Array(lines.prefix(maxLines))
                kept[maxLines - 1] = shorten(
                    kept[maxLines - 1] + " " + lines[maxLines...].joined(separator: " "), style: candidate, width: width)
                return FittedText(lines: kept, style: candidate)
            }
            size -= 1
        }
    }

    /// Round ticks from `minimum` to `maximum` for a horizontal axis `width` wide, as many as fit
    /// with their labels side by side and room between them (at most seven, at least two).
    func ticksThatFit(minimum: Double, maximum: Double, width: Double, label: (Double) -> String) -> [Double] {
        var count = 7
        while true {
            let ticks = LinearScale.niceTicks(minimum: minimum, maximum: maximum, count: count)
            let widest = ticks.map { measure(label($0), format.axisLabel).width }.max() ?? 0
            if count <= 2 || Double(ticks.count) * (widest + 16) <= width { return ticks }
            count -= 1
        }
    }

    /// Greedy word wrap; a single word wider than the line is shortened.
    ///
    /// Lines are measured as the sum of their words and spaces (each word measured once), which
    /// differs from the drawn width only by kerning across spaces; ``wrapSlack`` covers that.
    func wrap(_ text: String, style: FontStyle, width: Double) -> [String] {
        let limit = width - TextFitting.wrapSlack
        let space = measure(" ", style).width
        var lines: [String] = []
        var current: [String] = []
        var currentWidth = 0.0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let wordWidth = measure(word, style).width
            let candidateWidth = current.isEmpty ? wordWidth : currentWidth + space + wordWidth
            if candidateWidth <= limit {
                current.append(word)
                currentWidth = candidateWidth
            } else if current.isEmpty {
                lines.append(shorten(word, style: style, width: limit))
            } else {
                lines.append(current.joined(separator: " "))
                if wordWidth <= limit {
                    current = [word]
                    currentWidth = wordWidth
                } else {
                    lines.append(shorten(word, style: style, width: limit))
                    current = []
                    currentWidth = 0
                }
            }
        }
        if !current.isEmpty { lines.append(current.joined(separator: " ")) }
        return lines.isEmpty ? [""] : lines
    }

    /// The longest prefix of `text`, ending in "…", that fits `width`.
    func shorten(_ text: String, style: FontStyle, width: Double) -> String {
        if measure(text, style).width <= width { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces() + "…"
            if measure(candidate, style).width <= width { return candidate }
        }
        return "…"
    }

    /// Draws fitted lines with the first baseline at `top + ascent`, returning the bottom.
    @discardableResult
    func draw(_ fitted: FittedText, x: Double, top: Double, color: Color, alignRight: Bool = false) -> Double {
        var baseline = top + fitted.style.size * 0.95
        for line in fitted.lines {
            let lineWidth = alignRight ? measure(line, fitted.style).width : 0
            text(line, at: Point(alignRight ? x - lineWidth : x, baseline), style: fitted.style, color: color)
            baseline += fitted.lineHeight
        }
        return top + fitted.height
    }
}

enum TextFitting {
    /// Pixels kept free at the end of a wrapped line, for kerning the word-by-word measure leaves out.
    static let wrapSlack = 3.0
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }

    /// "children adopted" → "Children adopted".
    var sentenceCased: String { prefix(1).uppercased() + dropFirst() }
}
