// The look every chart shares: the Analysis Function palette and line styles (sizes and type: ChartFormat).

/// Colours and line styles for every chart, following the Government Analysis Function's guidance.
package enum ChartStyle {
    static let background = Color(0xFFFFFF)
    static let text = Color(0x0B0C0C)
    static let secondaryText = Color(0x505A5F)
    static let axis = Color(0x6F777B)
    static let gridline = Color(0xE3E3E3)
    /// The partnership's shading, light enough for every series drawn over it to stay legible.
    package static let band = Color(0xEDF2F7)
    static let bandEdge = Color(0x7D8C9C)

    /// The Analysis Function categorical palette, in the order it must be used.
    static let categorical: [Color] = [
        Color(0x12436D), Color(0x28A197), Color(0x801650), Color(0xF46A25), Color(0x3D3D3D), Color(0xA285D1),
    ]
    /// Two series: dark blue for the authority, orange for England.
    static let primary = Color(0x12436D)
    package static let comparator = Color(0xF46A25)
    /// A third line, the council's region: plum, dotted, with diamonds.
    static let region = Color(0x801650)
    /// One series highlighted against others in grey.
    static let muted = Color(0xBFBFBF)
    package static let threshold = Color(0x3D3D3D)

    /// The colour a series' direct label is written in: the series' own where it reaches 4.5:1 on
    /// white and on the partnership's shading, else a darker shade of it that does (the palette's
    /// orange, teal and lavender reach only about 3:1, enough for a line but not for text).
    static func labelColor(for series: Color) -> Color {
        darkerForText[series] ?? series
    }

    /// Whether a series' line falls short of 3:1 against the partnership's shading, and so is
    /// drawn with a white edge: what lies next to it is then white, against which it reaches 3:1.
    static func needsEdge(_ series: Color) -> Bool { series.contrast(with: band) < 3 }

    static let darkerForText: [Color: Color] = [
        Color(0xF46A25): Color(0xB3470F), Color(0x28A197): Color(0x1C7A72), Color(0xA285D1): Color(0x6E55A6),
        Color(0xBFBFBF): Color(0x505A5F),
    ]

    /// Line styles that differ in dash as well as colour, so charts survive greyscale printing.
    static let dashes: [[Double]] = [[], [18, 9], [4, 7], [18, 7, 4, 7], [10, 10], [2, 5]]
    static let markers: [MarkerShape] = [.circle, .square, .diamond, .triangle, .circle, .square]

    /// At most this many gridlines on a value axis.
    static let maximumGridlines = 8
}
