// Names for temporary files that do not depend on process ids, and recognising them afterwards.

/// Names for temporary files and folders that do not depend on process ids being unique.
package enum TemporaryName {
    /// Twelve random hex digits.
    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() & 0xFFFF_FFFF_FFFF
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 12 - text.count) + text
    }

    /// A temporary file an atomic write was making when it was stopped: `.<name>.<12 hex>.tmp`.
    static func isTemporary(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return name.hasPrefix(".") && parts.count >= 4 && parts.last == "tmp" && parts[parts.count - 2].utf8.count == 12
            && parts[parts.count - 2].utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
