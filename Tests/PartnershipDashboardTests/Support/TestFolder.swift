// Temporary folders and the project's own files, for tests.

import Foundation

@testable import PartnershipDashboard

/// A temporary folder of its own for one test, removed when the test is done with it.
final class TestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dashboard-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    func remove(_ name: String) throws { try FileManager.default.removeItem(at: url.appendingPathComponent(name)) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) }
}

/// Paths to the project's real data and to the test fixtures.
enum Project {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let authorities = root.appendingPathComponent("Authorities", isDirectory: true)
    static let fixtures = root.appendingPathComponent("Tests/PartnershipDashboardTests/Fixtures", isDirectory: true)
    static let snapshots = root.appendingPathComponent("Tests/PartnershipDashboardTests/Snapshots", isDirectory: true)

    /// The real data and its comparisons, loaded once; a test fails if it does not load cleanly.
    static let analysis: Analysis = {
        let result = DatasetLoader.load(from: authorities, displayPrefix: "Authorities")
        guard let analysis = result.analysis else {
            fatalError("Authorities/ does not load: \(result.errors.map(\.description).joined(separator: "\n"))")
        }
        return analysis
    }()

    /// The real data.
    static var dataset: Dataset { analysis.dataset }

    /// A folder holding the real indicator catalogue, the synthetic England and Testshire files
    /// from Fixtures/Minimal, and Testshire's narrative: a small valid dataset to break on purpose.
    static func minimalFolder() throws -> TestFolder {
        let folder = try TestFolder()
        try folder.write("indicators.json", String(contentsOf: authorities.appendingPathComponent("indicators.json"), encoding: .utf8))
        for name in ["england.json", "testshire.json", "testshire.md"] {
            try folder.write(name, String(contentsOf: fixtures.appendingPathComponent("Minimal/\(name)"), encoding: .utf8))
        }
        return folder
    }

    static func minimalText(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("Minimal/\(name)"), encoding: .utf8)
    }
}
