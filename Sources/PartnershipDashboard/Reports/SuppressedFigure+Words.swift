// How a table cell reads when DfE printed a symbol instead of a figure.

extension SuppressedFigure {
    /// `not published ("x")`, for a table whose notes say what the symbol means.
    var cellWords: String { "not published (\"\(symbol)\")" }

    /// `not published ("x": suppressed: 1 to 5 children, …)`, for a table with no notes beside it.
    var explainedCellWords: String { "not published (\"\(symbol)\": \(meaning))" }
}
