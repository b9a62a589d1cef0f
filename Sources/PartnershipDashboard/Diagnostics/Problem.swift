// One message about the data: which file, where in it, what is wrong, what would be right.

/// A problem found in the data, worded for the person who edits the files.
package struct Problem: Sendable, Hashable, Comparable, CustomStringConvertible {
    enum Severity: String, Sendable { case error, warning }

    let severity: Severity
    /// The file as the user knows it, e.g. `Authorities/kent.json`.
    let file: String
    let position: TextPosition
    let path: JSONPath
    let message: String

    init(severity: Severity, file: String, position: TextPosition = .none, path: JSONPath = .root, message: String) {
        self.severity = severity
        self.file = file
        self.position = position
        self.path = path
        self.message = message
    }

    /// `Authorities/kent.json:14:19: error: indicators[2].observations[4].period: "2014/5" is not a period; …`
    package var description: String {
        let place = position == .none ? file : "\(file):\(position.line):\(position.column)"
        let field = path.components.isEmpty ? "" : "\(path): "
        return "\(place): \(severity.rawValue): \(field)\(message)"
    }

    package static func < (lhs: Problem, rhs: Problem) -> Bool {
        (lhs.file, lhs.position, lhs.path.description, lhs.message) < (rhs.file, rhs.position, rhs.path.description, rhs.message)
    }
}

/// Collects the problems found in one file, turning byte offsets into lines and columns.
final class ProblemLog: Sendable {
    let file: String
    /// Whether text fields holding HTML tags are errors (always, except in tests of the site's escaping).
    let rejectsMarkup: Bool
    private let lines: LineMap?
    private let found = Locked<[Problem]>([])

    /// Every problem recorded so far, in the order found.
    var problems: [Problem] { found.value }

    init(file: String, bytes: [UInt8]? = nil, rejectsMarkup: Bool = true) {
        self.file = file
        self.lines = bytes.map(LineMap.init)
        self.rejectsMarkup = rejectsMarkup
    }

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    func error(_ message: String, at path: JSONPath = .root, offset: Int = -1) {
        add(.error, message, path, offset)
    }

    func warning(_ message: String, at path: JSONPath = .root, offset: Int = -1) {
        add(.warning, message, path, offset)
    }

    /// The line and column of a byte offset in this file.
    func position(of offset: Int) -> TextPosition { lines?.position(of: offset) ?? .none }

    /// Records where something was written, for checks that run after loading.
    func provenance(_ path: JSONPath, offset: Int) -> Provenance {
        Provenance(file: file, path: path, position: position(of: offset))
    }

    func add(_ problem: Problem) { found.withLock { $0.append(problem) } }

    private func add(_ severity: Problem.Severity, _ message: String, _ path: JSONPath, _ offset: Int) {
        let position = lines?.position(of: offset) ?? .none
        found.withLock { $0.append(Problem(severity: severity, file: file, position: position, path: path, message: message)) }
    }
}
