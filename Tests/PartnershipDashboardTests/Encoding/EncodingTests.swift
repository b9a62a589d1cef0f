// The writers of downloads: ZIP archives read back by an independent reader, and JSON written
// concurrently byte for byte as it is written in one pass.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("ZIP and JSON writers")
struct EncodingTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Little-endian numbers at a byte offset, as ZIP stores them.
    static func number(_ bytes: [UInt8], _ at: Int, _ width: Int) -> Int {
        (0..<width).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    @Test("a ZIP lists its entries in name order, dated at noon on the day given, PNGs stored as they are")
    func zipLayout() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4])
        let text = Data(String(repeating: "hello, council ", count: 200).utf8)
        let zip = try ZIPWriter.archive(
            ["b.txt": text, "a.png": png], dated: Day(year: 2026, month: 4, day: 1), store: { $0.hasSuffix(".png") })
        let bytes = [UInt8](zip)
        #expect(SiteTests.zipEntryNames(zip) == ["a.png", "b.txt"])
        // The first local header is a.png's: method 0 (stored), its CRC-32 and sizes, then its bytes verbatim.
        #expect(Self.number(bytes, 0, 4) == 0x0403_4B50)
        #expect(Self.number(bytes, 8, 2) == 0)
        #expect(Self.number(bytes, 10, 2) == 12 << 11, "noon")
        #expect(Self.number(bytes, 12, 2) == (2026 - 1980) << 9 | 4 << 5 | 1, "1 April 2026")
        #expect(Self.number(bytes, 18, 4) == png.count && Self.number(bytes, 22, 4) == png.count)
        #expect(Array(bytes[30 + 5..<30 + 5 + png.count]) == [UInt8](png))
        // b.txt is deflated: far smaller than its 3,000 bytes, with the size before compression kept.
        let second = 30 + 5 + png.count
        #expect(Self.number(bytes, second + 8, 2) == 8)
        #expect(Self.number(bytes, second + 18, 4) < 200)
        #expect(Self.number(bytes, second + 22, 4) == text.count)
        // The end record counts two entries.
        #expect(Self.number(bytes, bytes.count - 22, 4) == 0x0605_4B50)
        #expect(Self.number(bytes, bytes.count - 12, 2) == 2)
        // The CRC-32 of "hello" is 0x3610A686, as every ZIP reader checks.
        let hello = [UInt8](try ZIPWriter.archive(["h": Data("hello".utf8)], dated: nil))
        #expect(Self.number(hello, 14, 4) == 0x3610_A686)
        #expect(Self.number(hello, 12, 2) == 1 << 5 | 1, "with no day, 1 January 1980, where ZIP's dates begin")
    }

    @Test(
        "Python's zipfile reads back every entry of a ZIP, checking each CRC",
        .enabled(if: python != nil, "skipped: no python3 here to read the archive independently"))
    func zipReadBack() throws {
        let entries: [String: Data] = [
            "figures.csv": Data(String(repeating: "kent,E10000016,2014-15,181\n", count: 5_000).utf8),
            "chart.png": Data((0..<4_000).map { UInt8($0 % 251) }), "empty.txt": Data(), "naïve.txt": Data("café".utf8),
        ]
        let folder = try TestFolder()
        let file = folder.url.appendingPathComponent("test.zip")
        try ZIPWriter.archive(entries, dated: Day(year: 2025, month: 3, day: 31), store: { $0.hasSuffix(".png") }).write(to: file)
        let script = """
            import sys, zipfile, hashlib
            with zipfile.ZipFile(sys.argv[1]) as z:
                assert z.testzip() is None
                for i in z.infolist():
                    print(i.filename, i.compress_type, i.date_time, oct(i.external_attr >> 16), hashlib.sha256(z.read(i)).hexdigest())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.split(separator: " ")[0]) } == ["chart.png", "empty.txt", "figures.csv", "naïve.txt"])
        for line in lines {
            let name = String(line.split(separator: " ")[0])
            let data = try #require(entries[name])
            #expect(line.hasSuffix(SHA256.hex([UInt8](data))), "\(name) reads back as written")
            #expect(line.contains("(2025, 3, 31, 12, 0, 0)") && line.contains("0o100644"), "\(line)")
            // The CSV is deflated; the PNG is stored, and so are entries too small for DEFLATE to shrink.
            #expect(line.contains(name == "figures.csv" ? " 8 (" : " 0 ("), "\(name): stored or deflated")
        }
    }

    @Test("a long array is written concurrently with the same bytes as item by item")
    func concurrentJSON() {
        let items = (0..<150).map { index -> JSONNode in
            .object([("id", .string("council-\(index)")), ("value", .number(Double(index) / 4)), ("note", .string("<&>\u{2028}"))])
        }
        let written = JSONWriter.write(.object([("authorities", .array(items))]))
        var expected = "{\n  \"authorities\": ["
        for index in 0..<150 {
            expected += index == 0 ? "\n" : ",\n"
            expected +=
                "    {\n      \"id\": \"council-\(index)\",\n      \"note\": \"\\u003c\\u0026\\u003e\\u2028\",\n      \"value\": \(JSONNode.literal(for: Double(index) / 4))\n    }"
        }
        expected += "\n  ]\n}\n"
        #expect(written == expected)
    }

    @Test("a ZIP with more files than a ZIP without ZIP64 can hold is refused, and the message names the download")
    func tooManyEntries() throws {
        let entries = Dictionary(uniqueKeysWithValues: (0..<0xFFFF).map { ("\($0).csv", Data()) })
        do {
            _ = try ZIPWriter.archive(entries, dated: nil, named: "downloads/figures.zip")
            Issue.record("65,535 entries were accepted")
        } catch {
            #expect("\(error)".contains("downloads/figures.zip"), "\(error)")
            #expect("\(error)".contains("holds at most 65,534"), "\(error)")
        }
    }

    @Test("a document joined from parts written on their own is byte for byte the document written whole")
    func jsonJoinedFromParts() {
        // Enough items for the concurrent path, empty arrays and objects, and keys given out of order.
        let items = (0..<70).map { index -> JSONNode in
            .object([("value", .number(Double(index) / 8)), ("id", .string("area-\(index)")), ("empty", .array([]))])
        }
        let settings = JSONNode.object([("title", .string("<Adoption & care>")), ("none", .object([]))])
        let whole = JSONWriter.bytes(.object([("settings", settings), ("areas", .array(items)), ("none", .array([]))]))
        let joined = JSONWriter.object(
            [
                ("settings", JSONWriter.bytes(settings, depth: 1)),
                ("areas", JSONWriter.array(items.map { JSONWriter.bytes($0, depth: 2) }, depth: 1)),
                ("none", JSONWriter.array([], depth: 1)),
            ], depth: 0)
        #expect(String(decoding: joined, as: UTF8.self) == String(decoding: whole, as: UTF8.self))
        #expect(JSONWriter.object([], depth: 0) == JSONWriter.bytes(.object([])))
    }

    @Test("an area's downloads survive the cache's form exactly, and a stored entry that does not add up is not read")
    func areaDownloadsStored() throws {
        let kent = try #require(Project.dataset.authority("kent"))
        let area = AreaDownloads(kent)
        #expect(area.figuresCSV.contains("\nkent,Kent County Council,"))
        #expect(AreaDownloads(cached: area.cached) == area)
        let stored = [UInt8](area.cached)
        let header = try #require(stored.firstIndex(of: 0x0A))
        for damaged in [
            Data(stored.dropLast()), Data(stored + [0x20]), Data(stored[(header + 1)...]),
            Data("1 2\nabc".utf8), Data("-1 2 2\nabc".utf8), Data("9223372036854775807 9223372036854775807 2\nab".utf8),
            Data([0x32, 0x20, 0x30, 0x20, 0x30, 0x0A, 0xFF, 0xFE]),
        ] {
            #expect(AreaDownloads(cached: damaged) == nil, "\(damaged.count) bytes")
        }
    }

    @Test("figures.json lists each area's sources once and every figure cites one of them by id")
    func figuresJSONCitesSourcesByID() throws {
        let text = String(decoding: Downloads.figuresJSON(Project.dataset), as: UTF8.self)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let areas = try #require(root["authorities"] as? [[String: Any]])
        let kent = try #require(areas.first { $0["id"] as? String == "kent" })
        let sources = try #require(kent["sources"] as? [[String: Any]])
        let ids = sources.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "each source once")
        #expect(sources.allSatisfy { $0["title"] is String && $0["url"] is String && $0["publisher"] is String })
        let figures = try #require(kent["figures"] as? [[String: Any]])
        let cited = figures.compactMap { $0["source"] as? String }
        #expect(cited.count == figures.count, "every figure names its source by id")
        #expect(Set(cited) == Set(ids).intersection(cited), "every cited id is listed")
        // DfE's 181 children adopted in Kent in 2014-15, cited to a DfE release listed above it.
        let adopted = try #require(
            figures.first {
                $0["indicator"] as? String == "children-adopted" && $0["period"] as? String == "2014-15"
                    && $0["status"] as? String != "reported-claim"
            })
        #expect(adopted["value"] as? Double == 181)
        let release = try #require(sources.first { $0["id"] as? String == adopted["source"] as? String })
        #expect((release["publisher"] as? String)?.contains("Department for Education") == true)
    }
}
