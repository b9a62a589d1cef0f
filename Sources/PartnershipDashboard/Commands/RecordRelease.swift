// `dashboard release`: records what this release of the site changed in its figures.

import Foundation

package enum RecordRelease {
    /// Compares the published figures with those of the release before (the snapshot beside the
    /// data), adds a record of the differences to releases.json and keeps the new snapshot; both
    /// files change together or not at all. The release's day is site.json's `released`.
    package static func run(authorities: URL, display: String) -> CommandResult {
        let result = DatasetLoader.load(from: authorities, displayPrefix: display)
        guard let dataset = result.dataset else {
            return CommandResult.reporting(result.problems, summary: "\(display): errors; no release recorded.", showWarnings: false)
        }
        let siteFile = "\(display)/\(DatasetLoader.siteFile)"
        guard let date = dataset.settings.released else {
            return CommandResult(
                errors:
                    "error: \(siteFile) gives no \"released\" day; set it to this release's day, e.g. \"released\": \"2026-12-03\", then run `dashboard release` again. Nothing was written.\n",
                exitCode: 1)
        }
        if let latest = dataset.releases.first, latest.date.description >= date.description {
            return CommandResult(
                errors:
                    "error: \(display)/\(DatasetLoader.releasesFile) already records a release of \(latest.date.label); set \"released\" in \(siteFile) to a later day for a new release. Nothing was written.\n",
                exitCode: 1)
        }
        let snapshotURL = authorities.appendingPathComponent(DatasetLoader.snapshotFile)
        let snapshotDisplay = "\(display)/\(DatasetLoader.snapshotFile)"
        var previous: FigureSnapshot?
        if let data = FileManager.default.contents(atPath: snapshotURL.path) {
            switch FigureSnapshot.parse(String(decoding: data, as: UTF8.self)) {
            case .success(let snapshot): previous = snapshot
            case .failure(let error):
                return CommandResult(
                    errors:
                        "error: \(snapshotDisplay), line \(error.line): \(error.message). It holds the figures of the last release, which this one is compared with; restore it from version control. Nothing was written.\n",
                    exitCode: 1)
            }
            if previous?.date.description != dataset.releases.first?.date.description {
                return CommandResult(
                    errors:
                        "error: \(snapshotDisplay) holds the figures of the release of \(previous?.date.label ?? "an unknown day"), but \(display)/\(DatasetLoader.releasesFile) records \(dataset.releases.first.map { "its latest as \($0.date.label)" } ?? "no release"); restore both files from the same commit. Nothing was written.\n",
                    exitCode: 1)
            }
        } else if let latest = dataset.releases.first {
            return CommandResult(
                errors:
                    "error: \(snapshotDisplay) is missing: it holds the figures of the release of \(latest.date.label), which this one is compared with; restore it from version control. Nothing was written.\n",
                exitCode: 1)
        }
        let snapshot = FigureSnapshot(dataset, date: date)
        let release = snapshot.release(since: previous)
        let releasesURL = authorities.appendingPathComponent(DatasetLoader.releasesFile)
        do throws(FileFailure) {
            try AtomicFile.replaceAll([
                (
                    releasesURL, "\(display)/\(DatasetLoader.releasesFile)", Data(ReleaseFile.json([release] + dataset.releases).utf8),
                    !FileManager.default.fileExists(atPath: releasesURL.path)
                ),
                (snapshotURL, snapshotDisplay, Data(snapshot.text.utf8), previous == nil),
            ])
        } catch {
            return CommandResult(errors: "error: \(error); nothing was written.\n", exitCode: 1)
        }
        return CommandResult(
            output: "Recorded the release of \(date.label) in \(display)/\(DatasetLoader.releasesFile): \(summary(release)).\n")
    }

    /// "1 area added, 152 figures added, 3 revised and none removed".
    static func summary(_ release: Release) -> String {
        if release.first {
            return
                "the first release recorded, with \(UKFormat.counted(release.areas, "area")) and \(UKFormat.counted(release.figures, "figure"))"
        }
        let added = release.added.reduce(0) { $0 + $1.areas.count }
        let removed = release.removed.reduce(0) { $0 + $1.areas.count }
        return [
            UKFormat.counted(release.areasAdded.count, "area") + " added",
            UKFormat.counted(release.areasRemoved.count, "area") + " removed",
            UKFormat.counted(added, "figure") + " added", UKFormat.counted(release.revised.count, "figure") + " revised",
            UKFormat.counted(removed, "figure") + " removed",
        ].joined(separator: ", ")
    }
}
