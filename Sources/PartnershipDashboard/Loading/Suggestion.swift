// "Did you mean …?" for misspelt keys, ids and values.

enum Suggestion {
    /// The candidate closest to `text`, if it is close enough to be a likely misspelling.
    static func closest(to text: String, in candidates: [String]) -> String? {
        let lowered = text.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, min(text.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// "; did you mean \"observations\"?" or, failing that, the list of what is allowed.
    static func hint(for text: String, in candidates: [String], listing what: String) -> String {
        if let match = closest(to: text, in: candidates) { return "did you mean \"\(match)\"?" }
        let shown = candidates.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
        return "\(what) \(candidates.count > 12 ? "include" : "are") \(shown)"
    }

    /// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
