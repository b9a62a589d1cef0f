// A small PNG writer for palette images: signature, IHDR, PLTE, IDAT (zlib format, by libdeflate) and IEND.

internal import CDeflate
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
        chunk("IDAT", try deflate(scanlines(image, mapping: mapping, depth: depth), level: level), into: &output)
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

    /// The scanlines as a zlib stream (PNG's IDAT), compressed by libdeflate in one pass.
    private static func deflate(_ input: [UInt8], level: Int32) throws(LibraryFailure) -> Data {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw LibraryFailure(library: "libdeflate", action: "start a compressor at level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, input.count))
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                libdeflate_zlib_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count)
            }
        }
        guard written > 0 else { throw LibraryFailure(library: "libdeflate", action: "compress a chart's pixels") }
        return Data(output.prefix(written))
    }

    private static func chunk(_ type: String, _ data: Data, into output: inout Data) {
        output.append(bigEndian: UInt32(data.count))
        let typeBytes = Data(type.utf8)
        output.append(typeBytes)
        output.append(data)
        var crc: UInt32 = 0
        typeBytes.withUnsafeBytes { crc = libdeflate_crc32(crc, $0.baseAddress, $0.count) }
        data.withUnsafeBytes { crc = libdeflate_crc32(crc, $0.baseAddress, $0.count) }
        output.append(bigEndian: crc)
    }
}

extension Data {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
