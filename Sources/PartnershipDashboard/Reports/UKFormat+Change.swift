// A change worked out by the engine, in words: the wording layer's part of UKFormat.

extension UKFormat {
    /// A change as a reader wants it: "+112 (+160%)", "+17 percentage points", "−124 days (−55%)".
    static func change(_ change: Change, unit: Unit) -> String {
        if let points = change.percentagePoints { return self.points(points) }
        let absolute = signed(change.absolute, unit: unit)
        guard let relative = change.relative else { return absolute }
        return "\(absolute) (\(self.relative(relative)))"
    }
}
