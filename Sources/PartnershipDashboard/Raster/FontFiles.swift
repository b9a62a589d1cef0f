// The font the charts are drawn in: a fixed file from a Debian package, so output is reproducible.

import Foundation

/// The TrueType files for regular and bold text, checked to exist before any chart is drawn.
package struct FontFiles: Sendable {
    let regular: String
    let bold: String

    /// Liberation Sans, from Debian's fonts-liberation2: metric-compatible with Arial, free to use.
    static let liberationSans = FontFiles(
        regular: "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        bold: "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf")

    func file(for weight: FontWeight) -> String { weight == .bold ? bold : regular }

    /// Why the fonts cannot be used, naming the file and the package that provides it; `nil` when they can.
    var problem: String? {
        for path in [regular, bold] where !FileManager.default.isReadableFile(atPath: path) {
            return
                "the chart font \(URL(fileURLWithPath: path).lastPathComponent) is missing (\(path)); install Debian's fonts-liberation2 package (scripts/install-dependencies does)"
        }
        return nil
    }
}
