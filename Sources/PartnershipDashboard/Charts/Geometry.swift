// Points, rectangles, colours and type styles: the vocabulary charts are laid out in.

import Foundation

/// A point in pixels from the top-left corner of the image.
package struct Point: Hashable, Sendable {
    var x: Double
    var y: Double

    init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle in pixels.
package struct Rect: Hashable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The right and bottom edges. A rectangle that labels leave no room for has no width (or
    /// height), never a negative one, so the ranges a chart builds from its edges are never reversed.
    var maxX: Double { x + max(0, width) }
    var maxY: Double { y + max(0, height) }

    func contains(_ point: Point) -> Bool { point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY }

    /// Whether the two share any area (touching edges do not count).
    func intersects(_ other: Rect) -> Bool { x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY }
}

/// An opaque sRGB colour.
package struct Color: Hashable, Sendable, CustomStringConvertible {
    let red: UInt8
    let green: UInt8
    let blue: UInt8

    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `0x12436D` → #12436D.
    init(_ hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// `#12436D`.
    package var description: String { String(format: "#%02X%02X%02X", red, green, blue) }

    /// Relative luminance, as WCAG defines it.
    var luminance: Double {
        func channel(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The WCAG contrast ratio between two colours, from 1 to 21.
    func contrast(with other: Color) -> Double {
        let (light, dark) = luminance > other.luminance ? (luminance, other.luminance) : (other.luminance, luminance)
        return (light + 0.05) / (dark + 0.05)
    }
}

/// Regular or bold type.
enum FontWeight: String, Sendable { case regular, bold }

/// A size (in pixels) and weight of type.
package struct FontStyle: Hashable, Sendable {
    let size: Double
    let weight: FontWeight

    init(size: Double, weight: FontWeight = .regular) {
        self.size = size
        self.weight = weight
    }
}

/// How much room a line of text takes: its advance width, and how far it reaches above and below the baseline.
package struct TextMetrics: Hashable, Sendable {
    let width: Double
    let ascent: Double
    let descent: Double

}
