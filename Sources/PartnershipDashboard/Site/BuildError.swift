// Why a build stopped: the one error type of `dashboard build`, naming the step it stopped in.

/// The steps of a build, in the order they run; a failure names the one it happened in.
enum BuildStep: String, Sendable, CaseIterable {
    case claimingFolders = "checking the output and cache folders"
    case reading = "reading the data"
    case checking = "checking and comparing the data"
    case staging = "preparing the staging folder"
    case layingOut = "laying out the charts and filling in the narratives"
    case drawing = "drawing the charts"
    case writing = "writing the pages and downloads"
    case swappingIn = "swapping in the new site"
    /// `--check`: the site made in memory, compared with the output folder.
    case comparing = "building the site in memory to compare with the output"

    /// Whether the output could have been touched by the time this step runs: before staging,
    /// nothing was written at all; after it, the staging folder is discarded and the old site stays.
    var outputUntouched: Bool {
        switch self {
        case .claimingFolders, .reading, .checking: return true
        default: return false
        }
    }
}

/// A build that stopped: in which step, at which file or folder, what a person can do about it,
/// and the error beneath. Problems in the data come as ``problems``, each with its own file and line.
struct BuildError: Error, Sendable, CustomStringConvertible {
    let step: BuildStep
    /// The file or folder concerned; empty when the failure concerns none.
    let path: String
    let message: String
    let underlying: (any Error)?
    let problems: [Problem]

    /// Problems in the data, found in `step`.
    init(_ step: BuildStep, problems: [Problem]) {
        self.step = step
        path = problems.first?.file ?? ""
        message = "\(problems.count) \(problems.count == 1 ? "problem" : "problems") in the data"
        underlying = nil
        self.problems = problems
    }

    /// A failure of `step` with a message of its own.
    init(_ step: BuildStep, path: String, message: String) {
        self.step = step
        self.path = path
        self.message = message
        underlying = nil
        problems = []
    }

    /// Whatever `step` threw: a build error keeps the step it was first given; a file or library
    /// failure keeps its own words, which say what could not be done and where.
    init(_ step: BuildStep, wrapping error: any Error) {
        if let error = error as? BuildError {
            self = error
            return
        }
        self.step = step
        problems = []
        switch error {
        case let failure as FileFailure:
            path = failure.path
            message = failure.description
            underlying = failure
        case let failure as LibraryFailure:
            path = ""
            message = failure.description
            underlying = failure
        default:
            // Any other error is one the file system or a library reported: it is put in words
            // through its `errno`, never shown raw.
            path = ""
            message = "the build stopped: \(FileFailure.words(for: FileFailure.code(of: error)))"
            underlying = error
        }
    }

    /// The message, led by its file when the message does not name it, with the step it stopped in;
    /// except when the folders were being checked, whose messages ("could not use Site for the
    /// site: …") already say what was being done.
    var description: String {
        let text = path.isEmpty || message.contains(path) ? message : "\(path): \(message)"
        return step == .claimingFolders ? text : "\(text) (while \(step.rawValue))"
    }

    /// Runs one step of a build, giving anything it throws that step's name.
    static func step<T>(_ step: BuildStep, _ body: () throws -> T) throws(BuildError) -> T {
        do {
            return try body()
        } catch {
            throw BuildError(step, wrapping: error)
        }
    }
}
