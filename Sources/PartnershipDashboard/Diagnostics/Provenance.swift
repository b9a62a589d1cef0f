// Where a thing was written, kept with it so that checks after loading can point at it.

/// Where in which file a thing was written, so later checks can point at it.
public struct Provenance: Sendable, Hashable {
    public let file: String
    public let path: JSONPath
    public let position: TextPosition

    public init(file: String, path: JSONPath, position: TextPosition) {
        self.file = file
        self.path = path
        self.position = position
    }

    /// A problem about the thing written here.
    public func problem(_ severity: Problem.Severity, _ message: String) -> Problem {
        Problem(severity: severity, file: file, position: position, path: path, message: message)
    }

    /// The same file and position, one key further into the JSON.
    public func appending(_ key: String) -> Provenance { Provenance(file: file, path: path.appending(key), position: position) }
}
