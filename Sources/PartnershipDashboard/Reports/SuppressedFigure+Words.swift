// How a table cell reads when DfE printed a symbol instead of a figure.

extension SuppressedFigure {
    /// `not published ("x")`, for a table whose notes say what the symbol means; `not applicable
    /// ("z")` where the symbol says there was nothing to publish, which is not a figure withheld.
    var cellWords: String { "\(meaning.hasPrefix("not applicable") ? "not applicable" : "not published") (\"\(symbol)\")" }

    /// `Marked "x" by DfE, meaning suppressed: 1 to 5 children, …`, said once under a table whose cells
    /// give only the symbol.
    var markedWords: String { "Marked \"\(symbol)\" by DfE, meaning \(meaning)" + (meaning.hasSuffix(".") ? "" : ".") }
}
