// Where a thing was written, kept with it so that checks after loading can point at it.

/// Where in which file a thing was written, so later checks can point at it.
struct Provenance: Sendable, Hashable {
    let file: String
    let path: JSONPath
    let position: TextPosition

    /// A problem about the thing written here.
    func problem(_ severity: Problem.Severity, _ message: String) -> Problem {
        Problem(severity: severity, file: file, position: position, path: path, message: message)
    }

    /// The same file and position, one key further into the JSON.
    func appending(_ key: String) -> Provenance { Provenance(file: file, path: path.appending(key), position: position) }
}
