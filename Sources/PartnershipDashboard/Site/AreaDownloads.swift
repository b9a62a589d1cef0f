// One area's own downloads, made from that area's files alone and kept in the cache between builds.

import Foundation

/// One area's own downloads: its figures as CSV (linked from its page), its part of sources.csv
/// and its object in figures.json. Each is made from the area's ``Authority`` alone, which is read
/// from its own files (``DatasetLoader/areaFiles(of:)``) and the list of areas. So a build keys them by those files'
/// digests, as it keys a chart by what the chart shows, and when none has changed it takes them
/// from the cache instead of making them again. The same files give the same bytes either way.
struct AreaDownloads: Sendable, Equatable {
    let figuresCSV: String
    let sourcesCSV: String
    /// The area's object as figures.json holds it (``Downloads/areaJSON(_:)``).
    let json: [UInt8]

    init(_ authority: Authority) {
        figuresCSV = Downloads.figuresCSV(authority)
        sourcesCSV = Downloads.sourcesCSV(of: authority)
        json = Downloads.areaJSON(authority)
    }

    /// Every area's downloads, each from the cache when it holds an entry under the area's key in
    /// `keys` (see ``BuildManifest/InputDigests/areas``) that passes its SHA-256 check, and made
    /// (then stored) otherwise; entries no area used are removed. Also says how many were made, and
    /// how many of those because their entry was damaged (it failed its check, or does not read back).
    static func all(_ areas: [Authority], keys: [String: String], cache: ChartCache?) -> (
        areas: [AreaDownloads], made: Int, damaged: Int
    ) {
        let found = areas.concurrentMap { authority -> (AreaDownloads, made: Bool, damaged: Bool) in
            guard let cache, let key = keys[authority.id] else { return (AreaDownloads(authority), true, false) }
            var damaged = false
            switch cache.load(key, from: .areas) {
            case .found(let data):
                if let stored = AreaDownloads(cached: data) { return (stored, false, false) }
                damaged = true
            case .damaged: damaged = true
            case .missing: break
            }
            let made = AreaDownloads(authority)
            cache.store(made.cached, as: key, on: .areas)
            return (made, true, damaged)
        }
        cache?.prune(.areas, keeping: Set(areas.compactMap { keys[$0.id] }))
        return (found.map(\.0), found.filter(\.made).count, found.filter(\.damaged).count)
    }

    /// As the cache stores it: a line giving the three parts' lengths in bytes, then the parts.
    var cached: Data {
        let csv = Array(figuresCSV.utf8)
        let sources = Array(sourcesCSV.utf8)
        var data = Data("\(csv.count) \(sources.count) \(json.count)\n".utf8)
        data.append(contentsOf: csv)
        data.append(contentsOf: sources)
        data.append(contentsOf: json)
        return data
    }

    /// Reads what ``cached`` wrote; `nil` if the lengths do not add up or a text is not UTF-8.
    init?(cached data: Data) {
        let bytes = [UInt8](data)
        guard let lineEnd = bytes.firstIndex(of: 0x0A) else { return nil }
        let lengths = String(decoding: bytes[..<lineEnd], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
        guard lengths.count == 3, lengths.allSatisfy({ (0...bytes.count).contains($0) }), lineEnd + 1 + lengths.reduce(0, +) == bytes.count
        else { return nil }
        let csvEnd = lineEnd + 1 + lengths[0]
        let sourcesEnd = csvEnd + lengths[1]
        guard let csv = String(validating: bytes[(lineEnd + 1)..<csvEnd], as: UTF8.self),
            let sources = String(validating: bytes[csvEnd..<sourcesEnd], as: UTF8.self)
        else { return nil }
        figuresCSV = csv
        sourcesCSV = sources
        json = Array(bytes[sourcesEnd...])
    }
}
