// Golden files: what people see, checked in under Snapshots/ and re-recorded only on request.

import Foundation
import Testing

/// Compares `text` with the golden file `name` under Snapshots/.
///
/// Set `RECORD_SNAPSHOTS=1` to write the file instead; the test then fails, so a recording is
/// never mistaken for a pass.
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Project.snapshots.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        Issue.record("recorded \(name); run the tests again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file \(name); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if expected != text {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "(end of file)" }
        Issue.record(
            "\(name) differs at line \(first + 1):\n  expected: \(shown(expectedLines))\n  actual:   \(shown(actualLines))\nRe-record with RECORD_SNAPSHOTS=1 if the change is intended.",
            sourceLocation: sourceLocation)
    }
}
