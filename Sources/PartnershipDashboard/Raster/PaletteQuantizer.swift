// Reduces a chart to a small palette: its flat colours exactly, anti-aliased edges to the nearest kept colour.

/// A chart's pixels as runs of one colour along each row, each distinct colour numbered.
///
/// Charts are mostly long flat runs, so the image is read pixel by pixel once, here, and
/// everything after (choosing a palette, measuring its error, writing PNG rows) works on runs.
/// Runs never cross the end of a row.
struct ColourRuns {
    let width: Int
    let height: Int
    /// Each distinct colour as 0xRRGGBB, numbered in the order first seen.
    private(set) var colours: [UInt32] = []
    /// How many pixels have each colour.
    private(set) var counts: [Int] = []
    /// The runs in reading order: which colour, and how many pixels.
    private(set) var runColours: [UInt32] = []
    private(set) var runLengths: [UInt32] = []

    init(_ raster: Raster) {
        width = raster.width
        height = raster.height
        var numbers = ColourNumbers()
        let width = self.width
        var colours: [UInt32] = []
        var counts: [Int] = []
        var runColours: [UInt32] = []
        var runLengths: [UInt32] = []
        raster.forEachRow { row in
            var x = 0
            while x < width {
                let colour = UInt32(truncatingIfNeeded: row[x]) & 0xFF_FFFF
                var end = x + 1
                while end < width, UInt32(truncatingIfNeeded: row[end]) & 0xFF_FFFF == colour { end += 1 }
                let number = numbers.number(for: colour, next: UInt32(colours.count))
                if Int(number) == colours.count {
                    colours.append(colour)
                    counts.append(0)
                }
                counts[Int(number)] += end - x
                runColours.append(number)
                runLengths.append(UInt32(end - x))
                x = end
            }
        }
        self.colours = colours
        self.counts = counts
        self.runColours = runColours
        self.runLengths = runLengths
    }

    /// Colour numbers, most frequent first; ties by colour value, so the palette is the same every time.
    func ranked() -> [Int] {
        colours.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : colours[$0] < colours[$1] }
    }

    /// Calls `body` with each row as palette indices, one byte per pixel, top to bottom.
    func forEachRow(mapping: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var row = [UInt8](repeating: 0, count: width)
        row.withUnsafeMutableBufferPointer { row in
            runColours.withUnsafeBufferPointer { runColours in
                runLengths.withUnsafeBufferPointer { runLengths in
                    mapping.withUnsafeBufferPointer { mapping in
                        var x = 0
                        for run in 0..<runColours.count {
                            let length = Int(runLengths[run])
                            if let start = row.baseAddress { (start + x).update(repeating: mapping[Int(runColours[run])], count: length) }
                            x += length
                            if x == width {
                                body(UnsafeBufferPointer(row))
                                x = 0
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A palette for a ``ColourRuns`` image: the kept colours, each colour number's palette index,
/// and how far any pixel moved.
struct PaletteImage {
    let palette: [Color]
    let mapping: [UInt8]
    /// The largest change in any colour channel of any pixel, out of 255.
    let maximumError: Int
    /// The mean change per channel.
    let meanError: Double
}

/// Charts are flat colour with anti-aliased edges, so their most frequent colours are the flat ones
/// and the commonest blends: keeping the most frequent `colours` and mapping every other colour to
/// its nearest keeps flat areas exact and edges close.
enum PaletteQuantizer {
    static func quantize(_ image: ColourRuns, ranked: [Int], colours: Int) -> PaletteImage {
        let kept = ranked.prefix(colours).map { image.colours[$0] }
        var mapping = [UInt8](repeating: 0, count: image.colours.count)
        for (position, number) in ranked.prefix(colours).enumerated() { mapping[number] = UInt8(position) }
        var maximum: Int32 = 0
        var total = 0
        for number in ranked.dropFirst(colours) {
            let colour = image.colours[number]
            let nearest = nearest(colour, in: kept)
            mapping[number] = UInt8(nearest)
            let chosen = kept[nearest]
            let dr = abs(Int32((colour >> 16) & 0xFF) - Int32((chosen >> 16) & 0xFF))
            let dg = abs(Int32((colour >> 8) & 0xFF) - Int32((chosen >> 8) & 0xFF))
            let db = abs(Int32(colour & 0xFF) - Int32(chosen & 0xFF))
            maximum = max(maximum, dr, dg, db)
            total += Int(dr + dg + db) * image.counts[number]
        }
        return PaletteImage(
            palette: kept.map { Color($0) }, mapping: mapping, maximumError: Int(maximum),
            meanError: Double(total) / Double(image.width * image.height * 3))
    }

    private static func nearest(_ colour: UInt32, in palette: [UInt32]) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (position, candidate) in palette.enumerated() {
            let dr = Int((colour >> 16) & 0xFF) - Int((candidate >> 16) & 0xFF)
            let dg = Int((colour >> 8) & 0xFF) - Int((candidate >> 8) & 0xFF)
            let db = Int(colour & 0xFF) - Int(candidate & 0xFF)
            let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if distance < bestDistance {
                bestDistance = distance
                best = position
            }
        }
        return best
    }
}

/// An open-addressing hash table from 24-bit colours to their numbers: fast enough to visit every run.
struct ColourNumbers {
    private var keys = [UInt32](repeating: ColourNumbers.empty, count: 4096)
    private var values = [UInt32](repeating: 0, count: 4096)
    private var used = 0
    private static let empty = UInt32.max

    /// The colour's number, giving it `next` if it has none yet.
    mutating func number(for colour: UInt32, next: UInt32) -> UInt32 {
        let mask = keys.count - 1
        var slot = Int((colour &* 2_654_435_761) >> 8) & mask
        let found: UInt32? = keys.withUnsafeBufferPointer { keys in
            while keys[slot] != ColourNumbers.empty {
                if keys[slot] == colour { return values[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }
        if let found { return found }
        keys[slot] = colour
        values[slot] = next
        used += 1
        if used * 2 > keys.count { grow() }
        return next
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != ColourNumbers.empty }
        keys = [UInt32](repeating: ColourNumbers.empty, count: keys.count * 2)
        values = [UInt32](repeating: 0, count: keys.count)
        used = 0
        for (key, value) in old { _ = number(for: key, next: value) }
    }
}
