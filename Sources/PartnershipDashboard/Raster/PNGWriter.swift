// A small PNG writer for palette images: signature, IHDR, PLTE, IDAT (zlib format, by libdeflate) and IEND.

import Foundation

/// Writes 4- or 8-bit palette PNGs with fixed settings, so identical pixels give identical bytes.
enum PNGWriter {
    /// Each pixel's palette index is `mapping` of its colour number in `image`.
    static func png(_ image: ColourRuns, palette: [Color], mapping: [UInt8], level: Int32) throws(LibraryFailure) -> Data {
        var output = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian: UInt32(image.width))
        header.append(bigEndian: UInt32(image.height))
        let depth: UInt8 = palette.count <= 16 ? 4 : 8
        header.append(contentsOf: [depth, 3, 0, 0, 0])  // bit depth, palette colour, deflate, no filter method, no interlace
        chunk("IHDR", header, into: &output)
        chunk("PLTE", Data(palette.flatMap { [$0.red, $0.green, $0.blue] }), into: &output)
        let pixels = try Deflate.compress(
            scanlines(image, mapping: mapping, depth: depth), level: level, wrapping: .zlib, what: "a chart's pixels")
        chunk("IDAT", Data(pixels), into: &output)
        chunk("IEND", Data(), into: &output)
        return output
    }

    /// Each row preceded by filter type 0 (none): for palette images the filters only cost time.
    /// At depth 4, two pixels share a byte, high nibble first.
    private static func scanlines(_ image: ColourRuns, mapping: [UInt8], depth: UInt8) -> [UInt8] {
        let width = image.width
        let rowBytes = depth == 4 ? (width + 1) / 2 : width
        var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * image.height)
        raw.withUnsafeMutableBufferPointer { target in
            guard var output = target.baseAddress else { return }
            image.forEachRow(mapping: mapping) { input in
                output += 1  // filter type 0, already zero
                if depth == 4 {
                    for byte in 0..<(width / 2) { output[byte] = input[2 * byte] << 4 | input[2 * byte + 1] }
                    if width % 2 == 1 { output[rowBytes - 1] = input[width - 1] << 4 }
                } else {
                    if let start = input.baseAddress { output.update(from: start, count: width) }
                }
                output += rowBytes
            }
        }
        return raw
    }

    private static func chunk(_ type: String, _ data: Data, into output: inout Data) {
        output.append(bigEndian: UInt32(data.count))
        let typeBytes = Data(type.utf8)
        output.append(typeBytes)
        output.append(data)
        let crc = data.withUnsafeBytes { data in typeBytes.withUnsafeBytes { Deflate.crc32(data, continuing: Deflate.crc32($0)) } }
        output.append(bigEndian: crc)
    }
}

extension Data {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
