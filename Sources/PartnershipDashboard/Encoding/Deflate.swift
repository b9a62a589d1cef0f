// DEFLATE by libdeflate, in the two wrappings the site writes: raw (ZIP entries) and zlib (PNG's IDAT).

internal import CDeflate

/// Compresses bytes in one call; the same input and level always give the same output.
enum Deflate {
    enum Wrapping {
        /// Bare DEFLATE, as a ZIP entry holds it.
        case raw
        /// DEFLATE with zlib's header and checksum, as PNG's IDAT holds it.
        case zlib
    }

    /// `input` compressed at libdeflate's `level`; `what` names the input in the error if it fails.
    static func compress(_ input: [UInt8], level: Int32, wrapping: Wrapping, what: String) throws(LibraryFailure) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw LibraryFailure(library: "libdeflate", action: "start a compressor at level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound =
            switch wrapping {
            case .raw: libdeflate_deflate_compress_bound(compressor, input.count)
            case .zlib: libdeflate_zlib_compress_bound(compressor, input.count)
            }
        var output = [UInt8](repeating: 0, count: bound)
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                switch wrapping {
                case .raw: libdeflate_deflate_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count)
                case .zlib: libdeflate_zlib_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count)
                }
            }
        }
        guard written > 0 else { throw LibraryFailure(library: "libdeflate", action: "compress \(what)") }
        output.removeSubrange(written...)
        return output
    }

    /// The CRC-32 that ZIP and PNG use, of `bytes`, continuing from `crc` (0 to start).
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        libdeflate_crc32(crc, bytes.baseAddress, bytes.count)
    }
}
