// The charts' text: FreeType glyphs rendered once per font and size, then placed and blended like stamps.

internal import CFreeType
import Foundation

/// One glyph as FreeType renders it at one size: its coverage (0 = none, 255 = solid), where that
/// sits relative to the pen, and how far the pen then moves. Hinted advances are whole pixels, so
/// the same glyph looks the same wherever it is drawn.
struct Glyph: Sendable {
    let index: UInt32
    let advance: Int
    let left: Int
    let top: Int
    let width: Int
    let rows: Int
    let coverage: [UInt8]
}

/// A line of text laid out: each glyph with the pen position (in pixels from the line's start) it is drawn at.
struct GlyphRun: Sendable {
    let glyphs: [(glyph: Glyph, x: Int)]
    /// Where the pen ends: the line's advance width.
    let width: Int

    /// How far the inked pixels reach above and below the baseline.
    var ascent: Int { glyphs.filter { $0.glyph.rows > 0 }.map(\.glyph.top).max() ?? 0 }
    var descent: Int { glyphs.filter { $0.glyph.rows > 0 }.map { $0.glyph.rows - $0.glyph.top }.max() ?? 0 }
}

/// The chart fonts, opened once, and every glyph and kerning pair used so far.
///
/// FreeType objects may not be used from two threads at once, so all of it sits behind one lock;
/// a chart's text is laid out in one locked call per line, and blended onto the image outside it.
/// Hinting and rasterising a glyph is the costly part, and a national build draws the same few
/// hundred glyphs millions of times, so each is done once.
final class Typeface: @unchecked Sendable {
    static let shared = Typeface()

    private let lock = NSLock()
    private var library: FT_Library?
    private var faces: [String: FT_Face] = [:]
    private var sizes: [SizeKey: FT_Size] = [:]
    private var glyphs: [GlyphKey: Glyph] = [:]
    private var kerning: [KerningKey: Int] = [:]

    private struct SizeKey: Hashable {
        let file: String
        let size: Int
    }

    private struct GlyphKey: Hashable {
        let size: SizeKey
        let character: UInt32
    }

    private struct KerningKey: Hashable {
        let size: SizeKey
        let left: UInt32
        let right: UInt32
    }

    /// Coverage below this (an eighth) is dropped, and above 255 minus this is made solid.
    static let faint: UInt8 = 32

    private init() {
        var library: FT_Library?
        if FT_Init_FreeType(&library) == 0 { self.library = library }
    }

    /// Lays out one line of text in the font file at a pixel size; `nil` if the font cannot be opened.
    func layout(_ text: String, fontFile: String, pixelSize: Double) -> GlyphRun? {
        lock.lock()
        defer { lock.unlock() }
        // Sizes are kept in 64ths of a pixel, FreeType's unit.
        let key = SizeKey(file: fontFile, size: Int((pixelSize * 64).rounded()))
        guard let face = activate(key) else { return nil }
        var placed: [(glyph: Glyph, x: Int)] = []
        var pen = 0
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            guard let glyph = glyph(scalar.value, key: key, face: face) else { continue }
            if let previous { pen += kern(previous, glyph.index, key: key, face: face) }
            placed.append((glyph, pen))
            pen += glyph.advance
            previous = glyph.index
        }
        return GlyphRun(glyphs: placed, width: pen)
    }

    /// Opens the face if needed and makes the size current, keeping one FreeType size object per
    /// font size so the font's hinting program runs once per size, not once per line.
    private func activate(_ key: SizeKey) -> FT_Face? {
        guard let library else { return nil }
        let face: FT_Face
        if let known = faces[key.file] {
            face = known
        } else {
            var opened: FT_Face?
            guard FT_New_Face(library, key.file, 0, &opened) == 0, let opened else { return nil }
            faces[key.file] = opened
            face = opened
        }
        if let size = sizes[key] {
            FT_Activate_Size(size)
        } else {
            var size: FT_Size?
            guard FT_New_Size(face, &size) == 0, let size else { return nil }
            FT_Activate_Size(size)
            guard FT_Set_Char_Size(face, 0, FT_F26Dot6(key.size), 72, 72) == 0 else { return nil }
            sizes[key] = size
        }
        return face
    }

    private func glyph(_ character: UInt32, key: SizeKey, face: FT_Face) -> Glyph? {
        let glyphKey = GlyphKey(size: key, character: character)
        if let known = glyphs[glyphKey] { return known }
        let index = FT_Get_Char_Index(face, FT_ULong(character))
        guard FT_Load_Glyph(face, index, Int32(FT_LOAD_DEFAULT)) == 0, let slot = face.pointee.glyph,
            FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) == 0
        else { return nil }
        let bitmap = slot.pointee.bitmap
        let width = Int(bitmap.width)
        let rows = Int(bitmap.rows)
        var coverage = [UInt8](repeating: 0, count: width * rows)
        if let buffer = bitmap.buffer, width > 0 {
            let pitch = Int(bitmap.pitch)
            for row in 0..<rows {
                let source = buffer + (pitch >= 0 ? row * pitch : (rows - 1 - row) * -pitch)
                coverage.withUnsafeMutableBufferPointer { target in
                    if let start = target.baseAddress { (start + row * width).update(from: source, count: width) }
                }
            }
        }
        // The faintest fringe is left out and the nearly solid made solid: text looks the same, a
        // little crisper, and compresses smaller (5% off the median national chart).
        for position in coverage.indices {
            if coverage[position] < Typeface.faint {
                coverage[position] = 0
            } else if coverage[position] > 255 - Typeface.faint {
                coverage[position] = 255
            }
        }
        let glyph = Glyph(
            index: index, advance: Int((slot.pointee.advance.x + 32) >> 6), left: Int(slot.pointee.bitmap_left),
            top: Int(slot.pointee.bitmap_top), width: width, rows: rows, coverage: coverage)
        glyphs[glyphKey] = glyph
        return glyph
    }

    private func kern(_ left: UInt32, _ right: UInt32, key: SizeKey, face: FT_Face) -> Int {
        let kerningKey = KerningKey(size: key, left: left, right: right)
        if let known = kerning[kerningKey] { return known }
        var delta = FT_Vector()
        let pixels = FT_Get_Kerning(face, left, right, FT_KERNING_DEFAULT.rawValue, &delta) == 0 ? Int((delta.x + 32) >> 6) : 0
        kerning[kerningKey] = pixels
        return pixels
    }
}
