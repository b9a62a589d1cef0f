// SHA-256, for content keys (a chart is drawn again only when what it shows changed) and for
// checking what is read back: cache entries, the manifests of folders the tool wrote, the build's inputs.

internal import CCrypto
import Foundation

/// The SHA-256 digest of some bytes, as 64 lowercase hex digits, computed by OpenSSL's libcrypto,
/// which uses the processor's SHA instructions where it has them (about ten times our own
/// straightforward implementation's speed, which mattered once every cache entry was checked on reading).
enum SHA256 {
    static func hex(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { hex($0) } }

    static func hex(_ data: Data) -> String { data.withUnsafeBytes { hex($0) } }

    static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let empty: UInt8 = 0
        let status = withUnsafePointer(to: empty) { fallback in
            EVP_Digest(bytes.baseAddress ?? UnsafeRawPointer(fallback), bytes.count, &digest, &length, EVP_sha256(), nil)
        }
        // EVP_Digest fails only if libcrypto cannot allocate a context; then no digest can be trusted.
        precondition(status == 1 && length == 32, "OpenSSL could not compute a SHA-256 digest")
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 64)
        for (index, byte) in digest.enumerated() {
            text[index * 2] = digits[Int(byte >> 4)]
            text[index * 2 + 1] = digits[Int(byte & 0x0F)]
        }
        return String(decoding: text, as: UTF8.self)
    }
}
