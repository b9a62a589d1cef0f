// Authorities/schema.json: every real file passes it, and it and the Swift loader reject the same bad files.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("JSON Schema")
struct SchemaAgreementTests {
    static let badFiles: [String] = {
        let folder = Project.fixtures.appendingPathComponent("SchemaAgreement")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Runs Python's jsonschema (Draft 2020-12) over files; returns each file's error count.
    func schemaErrors(_ files: [URL]) throws -> [String: Int] {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for path in sys.argv[2:]:
                print(path, len(list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Project.authorities.appendingPathComponent("schema.json").path] + files.map(\.path)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with jsonschema is needed (pip install jsonschema): \(problems)")
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            counts[String(parts[0])] = Int(parts[1])
        }
        return counts
    }

    @Test("every file in Authorities/ (its agencies too) and the test fixtures passes the schema")
    func realFilesPass() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Project.authorities.path)
            .filter { $0.hasSuffix(".json") && $0 != "schema.json" }
        let agencies = Project.authorities.appendingPathComponent(DatasetLoader.agenciesFolder)
        let agencyFiles = try FileManager.default.contentsOfDirectory(atPath: agencies.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(agencyFiles.count >= 30, "the regional adoption agencies are checked too")
        let files =
            names.map { Project.authorities.appendingPathComponent($0) } + agencyFiles.map { agencies.appendingPathComponent($0) }
            + ["england.json", "testshire.json"].map { Project.fixtures.appendingPathComponent("Minimal/\($0)") }
        let counts = try schemaErrors(files)
        #expect(counts.count == files.count)
        for file in files { #expect(counts[file.path] == 0, "\(file.lastPathComponent) fails the schema") }
    }

    @Test("files written by `dashboard import` pass the schema: new areas' files and an existing file with its official block")
    func importedFilesPass() throws {
        let folder = try Project.minimalFolder()
        let result = Import.run(
            paths: [(Official.fixtures, "Official")], authorities: folder.url, display: "Authorities", dryRun: false)
        try #require(result.exitCode == 0, "\(result.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { folder.url.appendingPathComponent($0) }
        #expect(files.count == 7)
        let counts = try schemaErrors(files)
        for file in files { #expect(counts[file.path] == 0, "\(file.lastPathComponent) fails the schema") }
    }

    @Test("the schema and the Swift loader both reject each bad file", arguments: badFiles)
    func bothReject(_ name: String) throws {
        let file = Project.fixtures.appendingPathComponent("SchemaAgreement/\(name)")
        let counts = try schemaErrors([file])
        #expect((counts[file.path] ?? 0) > 0, "the schema accepts \(name)")
        let folder = try Project.minimalFolder()
        try folder.write("testshire.json", String(contentsOf: file, encoding: .utf8))
        let result = DatasetLoader.load(from: folder.url, displayPrefix: "Authorities")
        #expect(!result.errors.isEmpty, "the loader accepts \(name)")
    }

    @Test("there are bad files to check")
    func haveBadFiles() { #expect(Self.badFiles.count >= 20) }
}
