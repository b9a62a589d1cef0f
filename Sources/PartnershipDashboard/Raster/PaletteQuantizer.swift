// Reduces a chart to a small palette: its flat colours exactly, anti-aliased edges to the nearest kept colour.

/// A palette and one index per pixel, with how far any pixel moved.
struct PaletteImage {
    let palette: [Color]
    let indices: [UInt8]
    /// The largest change in any colour channel of any pixel, out of 255.
    let maximumError: Int
    /// The mean change per channel.
    let meanError: Double
}

/// Charts are flat colour with anti-aliased edges, so their most frequent colours are the flat ones
/// and the commonest blends: keeping the most frequent `colours` and mapping every other colour to
/// its nearest keeps flat areas exact and edges close.
///
/// Every pixel is visited, so the loops work on raw row pointers and count runs of one colour at a time.
enum PaletteQuantizer {
    /// Every colour in the image with how often it occurs, most frequent first (ties by colour
    /// value, so the palette is the same every time).
    static func histogram(_ raster: Raster) -> [(colour: UInt32, count: Int)] {
        var table = ColourTable()
        let width = raster.width
        raster.forEachRow { row in
            var x = 0
            while x < width {
                let colour = UInt32(truncatingIfNeeded: row[x]) & 0xFF_FFFF
                var end = x + 1
                while end < width, UInt32(truncatingIfNeeded: row[end]) & 0xFF_FFFF == colour { end += 1 }
                table.add(colour, count: UInt32(end - x))
                x = end
            }
        }
        return table.entries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.colour < $1.colour }
    }

    static func quantize(_ raster: Raster, ranked: [(colour: UInt32, count: Int)], colours: Int) -> PaletteImage {
        let width = raster.width
        let height = raster.height
        let kept = ranked.prefix(colours).map(\.colour)
        var index = ColourTable()
        for (position, colour) in kept.enumerated() { index.set(colour, UInt32(position)) }
        var maximum: Int32 = 0
        var total = 0
        for entry in ranked.dropFirst(colours) {
            let nearest = nearest(entry.colour, in: kept)
            index.set(entry.colour, UInt32(nearest))
            let chosen = kept[nearest]
            let dr = abs(Int32((entry.colour >> 16) & 0xFF) - Int32((chosen >> 16) & 0xFF))
            let dg = abs(Int32((entry.colour >> 8) & 0xFF) - Int32((chosen >> 8) & 0xFF))
            let db = abs(Int32(entry.colour & 0xFF) - Int32(chosen & 0xFF))
            maximum = max(maximum, dr, dg, db)
            total += Int(dr + dg + db) * entry.count
        }
        var indices = [UInt8](repeating: 0, count: width * height)
        indices.withUnsafeMutableBufferPointer { output in
            var offset = 0
            raster.forEachRow { row in
                var x = 0
                while x < width {
                    let colour = UInt32(truncatingIfNeeded: row[x]) & 0xFF_FFFF
                    var end = x + 1
                    while end < width, UInt32(truncatingIfNeeded: row[end]) & 0xFF_FFFF == colour { end += 1 }
                    let value = UInt8(truncatingIfNeeded: index.value(colour) ?? 0)
                    (output.baseAddress! + offset + x).update(repeating: value, count: end - x)
                    x = end
                }
                offset += width
            }
        }
        return PaletteImage(
            palette: kept.map { Color($0) }, indices: indices, maximumError: Int(maximum),
            meanError: Double(total) / Double(width * height * 3))
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

/// An open-addressing hash table from 24-bit colours to counts or indices: fast enough to visit every pixel.
struct ColourTable {
    private var keys: [UInt32]
    private var values: [UInt32]
    private var used = 0
    private static let empty = UInt32.max

    init(capacity: Int = 4096) {
        keys = [UInt32](repeating: ColourTable.empty, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
    }

    private func slot(for colour: UInt32) -> Int {
        let mask = keys.count - 1
        return keys.withUnsafeBufferPointer { keys in
            var slot = Int((colour &* 2_654_435_761) >> 8) & mask
            while keys[slot] != colour && keys[slot] != ColourTable.empty { slot = (slot + 1) & mask }
            return slot
        }
    }

    mutating func add(_ colour: UInt32, count: UInt32 = 1) {
        var position = slot(for: colour)
        if keys[position] == ColourTable.empty {
            keys[position] = colour
            used += 1
            if used * 2 > keys.count {
                grow()
                position = slot(for: colour)
            }
        }
        values[position] &+= count
    }

    mutating func set(_ colour: UInt32, _ value: UInt32) {
        var position = slot(for: colour)
        if keys[position] == ColourTable.empty {
            keys[position] = colour
            used += 1
            if used * 2 > keys.count {
                grow()
                position = slot(for: colour)
            }
        }
        values[position] = value
    }

    func value(_ colour: UInt32) -> UInt32? {
        let position = slot(for: colour)
        return keys[position] == colour ? values[position] : nil
    }

    var entries: [(colour: UInt32, count: Int)] {
        zip(keys, values).filter { $0.0 != ColourTable.empty }.map { ($0.0, Int($0.1)) }
    }

    private mutating func grow() {
        let old = Array(zip(keys, values))
        keys = [UInt32](repeating: ColourTable.empty, count: keys.count * 2)
        values = [UInt32](repeating: 0, count: keys.count)
        used = 0
        for (key, value) in old where key != ColourTable.empty {
            let position = slot(for: key)
            keys[position] = key
            values[position] = value
            used += 1
        }
    }
}
