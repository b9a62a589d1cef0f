// The mark of a folder the tool wrote: every file in it, with its SHA-256, in a file of the folder itself.

import Foundation

/// `.dashboard-site.json` (and the synthetic and chart folders' marks): proof that the tool made the
/// folder, listing every file it wrote there.
///
/// A command replaces such a folder only when it carries this manifest (or is new or empty), stops
/// if the folder holds anything the manifest does not list, and afterwards removes only the files
/// listed. The manifest is written last and is byte-identical for the same files; the site's is
/// part of what `build --check` compares.
enum FolderManifest {
    /// The manifest for files given as path → SHA-256 hex.
    static func json(for kind: FolderKind, files: [String: String]) -> String {
        JSONWriter.write(
            .object([
                ("about", .string(about(kind))),
                ("files", .object(files.map { ($0.key, .string($0.value)) })),
            ]))
    }

    /// The files a manifest of `kind` lists, or nil if the data is not one this tool wrote.
    static func files(in data: Data, kind: FolderKind) -> [String: String]? {
        guard let node = try? JSONParser.parse([UInt8](data)), case .object(let members) = node.value,
            let about = members.first(where: { $0.key == "about" }), case .string(let text) = about.value.value,
            text == FolderManifest.about(kind),
            let files = members.first(where: { $0.key == "files" }), case .object(let listed) = files.value.value
        else { return nil }
        var result: [String: String] = [:]
        for member in listed {
            guard case .string(let digest) = member.value.value, !member.key.utf8.starts(with: [0x2F]),
                !member.key.utf8.containsTwice(UInt8(ascii: "."))
            else {
                return nil
            }
            result[member.key] = digest
        }
        return result
    }

    /// The files listed by the manifest in `folder`, if it carries one of `kind`.
    static func files(inFolder folder: String, kind: FolderKind) -> [String: String]? {
        FileManager.default.contents(atPath: folder + "/" + kind.markName).flatMap { files(in: $0, kind: kind) }
    }

    private static func about(_ kind: FolderKind) -> String {
        let command: String
        switch kind {
        case .site: command = "dashboard build"
        case .synthetic: command = "dashboard synthetic"
        case .charts, .cache: command = "dashboard charts"
        }
        return
            "Written by `\(command)` (Partnership Dashboard). It lists every file the command wrote into this folder; the command replaces the folder only if it holds nothing else."
    }
}
