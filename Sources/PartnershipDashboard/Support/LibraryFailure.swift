// A C library that did not do what was asked: always thrown, never an empty result.

/// What a C library (libdeflate, libgd, cmark-gfm) failed to do, in words a person can act on.
package struct LibraryFailure: Error, Sendable, CustomStringConvertible {
    let library: String
    /// What it was asked to do: "start a compressor at level 6".
    let action: String

    package var description: String { "\(library) could not \(action); the output would be empty or broken, so nothing was written" }
}
