// Writes ZIP archives in memory, deterministically: entries sorted by name, one date for all,
// DEFLATE by libdeflate with each entry compressed on its own core.

import Foundation

/// A ZIP archive (PKWARE's APPNOTE 6.3, without ZIP64) of files held in memory. The same entries
/// and date always give the same bytes.
enum ZIPWriter {
    /// libdeflate's level: its 6 compresses these CSVs and JSON a little smaller than zlib's
    /// default, in a third of the time.
    static let level: Int32 = 6

    /// The archive of `entries` (name to bytes), in name order, each dated `day` at noon (1 January
    /// 1980, where ZIP's dates begin, when there is no day). Entries
    /// for which `store` is true are kept as they are (PNGs, already compressed); the rest are
    /// deflated, unless that would make them larger.
    /// `named` says which download it is, for a message if an entry cannot be compressed.
    static func archive(
        _ entries: [String: Data], dated day: Day?, store: (String) -> Bool = { _ in false }, named archive: String = "the ZIP"
    ) throws -> Data {
        let names = entries.keys.sorted()
        guard names.count < 0xFFFF else {
            throw FileFailure("make \(archive)", "", reason: "it would hold \(names.count) files; a ZIP without ZIP64 holds at most 65,534")
        }
        let packed = try names.map { name in (name: name, data: entries[name] ?? Data(), store: store(name)) }
            .concurrentMap { entry in
                Result { () throws(LibraryFailure) in try Packed(entry.name, entry.data, store: entry.store, in: archive) }
            }
            .map { try $0.get() }
        let time = UInt16(12 << 11)
        let date = day.map { UInt16(max(0, min(127, $0.year - 1980)) << 9 | $0.month << 5 | $0.day) } ?? UInt16(1 << 5 | 1)
        var output: [UInt8] = []
        output.reserveCapacity(packed.reduce(0) { $0 + $1.body.count + 2 * $1.name.count + 100 } + 22)
        var directory: [UInt8] = []
        for entry in packed {
            let offset = output.count
            guard offset < 0xFFFF_FFFF, entry.body.count < 0xFFFF_FFFF, entry.size < 0xFFFF_FFFF else {
                throw FileFailure("make the ZIP", "", reason: "\(entry.name) would lie beyond 4 GB; a ZIP without ZIP64 stops there")
            }
            let common: [UInt8] =
                bytes(UInt16(20)) + bytes(entry.flags) + bytes(entry.method) + bytes(time) + bytes(date) + bytes(entry.crc)
                + bytes(UInt32(entry.body.count)) + bytes(UInt32(entry.size)) + bytes(UInt16(entry.name.count)) + bytes(UInt16(0))
            output += bytes(UInt32(0x0403_4B50)) + common + entry.name
            output += entry.body
            // Made by Unix (3) with APPNOTE 3.0, so readers apply the permissions: a regular file, rw-r--r--.
            directory +=
                bytes(UInt32(0x0201_4B50)) + bytes(UInt16(0x031E)) + common + bytes(UInt16(0)) + bytes(UInt16(0)) + bytes(UInt16(0))
                + bytes(UInt32(0o100644) << 16) + bytes(UInt32(offset)) + entry.name
        }
        let directoryStart = output.count
        guard directoryStart < 0xFFFF_FFFF else {
            throw FileFailure("make the ZIP", "", reason: "it would be larger than 4 GB; a ZIP without ZIP64 stops there")
        }
        output += directory
        output +=
            bytes(UInt32(0x0605_4B50)) + bytes(UInt16(0)) + bytes(UInt16(0)) + bytes(UInt16(packed.count)) + bytes(UInt16(packed.count))
            + bytes(UInt32(directory.count)) + bytes(UInt32(directoryStart)) + bytes(UInt16(0))
        return Data(output)
    }

    /// One entry, compressed or stored, with what its headers say of it.
    private struct Packed: Sendable {
        let name: [UInt8]
        let body: [UInt8]
        let size: Int
        let crc: UInt32
        /// 8 for DEFLATE, 0 for stored.
        let method: UInt16
        /// Bit 11: the name is UTF-8 (set only where it is not plain ASCII).
        let flags: UInt16

        init(_ name: String, _ data: Data, store: Bool, in archive: String) throws(LibraryFailure) {
            self.name = Array(name.utf8)
            flags = name.utf8.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
            size = data.count
            let input = [UInt8](data)
            crc = input.withUnsafeBytes { Deflate.crc32($0) }
            let compressed =
                store ? nil : try Deflate.compress(input, level: ZIPWriter.level, wrapping: .raw, what: "\(name) for \(archive)")
            if let compressed, compressed.count < input.count {
                body = compressed
                method = 8
            } else {
                body = input
                method = 0
            }
        }
    }

    /// A number's bytes, least significant first, as ZIP writes every number.
    private static func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
