// The benchmark's figures as a Markdown table, with each target and whether it was met.

import Foundation
import PartnershipDashboard

extension Benchmark.Figures {
    /// The report printed by `dashboard bench`, pasted as it is into the README.
    package var report: String {
        let ratio = { (value: Double) in UKFormat.number(value, decimals: value >= 10 ? 0 : 2) }
        let met = { (yes: Bool) in yes ? "yes" : "**no**" }
        let megabytes = { (measured: Benchmark.Measured) in "\(UKFormat.number(measured.peakMegabytes * 1.048576, decimals: 0)) MB" }
        let time = { (value: Double) in "\(UKFormat.number(value, decimals: value < 1 ? 2 : 1)) s" }
        let seconds = { (measured: Benchmark.Measured) in
            guard let fastest = measured.runs.min(), let slowest = measured.runs.max(), measured.runs.count > 1 else {
                return time(measured.seconds)
            }
            return "\(time(measured.seconds)), the median of \(measured.runs.count) (\(time(fastest)) to \(time(slowest)))"
        }
        var rows: [[String]] = []
        if let peer {
            let speed = chartsPerSecond / peer.chartsPerSecond
            rows.append([
                "Charts per second", "\(UKFormat.number(chartsPerSecond, decimals: 0)) (\(cores) cores)",
                UKFormat.number(peer.chartsPerSecond, decimals: 1), "at least 10 × the peer's", "\(ratio(speed)) ×: \(met(speed >= 10))",
            ])
            rows.append([
                "Time per chart, on one core",
                "median \(UKFormat.number(medianChartMilliseconds, decimals: 1)) ms, mean \(UKFormat.number(meanChartMilliseconds, decimals: 1)) ms",
                "mean \(UKFormat.number(peer.meanMilliseconds, decimals: 1)) ms", "", "",
            ])
            let size = Double(peer.medianBytes) / Double(max(1, medianOverTimeBytes))
            rows.append([
                "Median PNG, over-time chart (the peer's kind; ours \(ChartFormat.standard.width) × \(ChartFormat.standard.height), the peer's \(peer.width) × \(peer.height))",
                "\(UKFormat.number(Double(medianOverTimeBytes))) bytes",
                "\(UKFormat.number(Double(peer.medianBytes))) bytes", "at most ¼ of the peer's",
                "peer ÷ ours = \(ratio(size)): \(met(size >= 4))",
            ])
            // Ours are drawn at 1200 × 675, the peer's at its own size: per pixel, the two compare like for like.
            let ourPixels = Double(ChartFormat.standard.width * ChartFormat.standard.height) / 1e6
            let peerPixels = Double(peer.width * peer.height) / 1e6
            if peerPixels > 0 {
                let ours = Double(medianOverTimeBytes) / ourPixels
                let theirs = Double(peer.medianBytes) / peerPixels
                rows.append([
                    "The same, per million pixels",
                    "\(UKFormat.number(ours, decimals: 0)) bytes", "\(UKFormat.number(theirs, decimals: 0)) bytes", "",
                    "peer ÷ ours = \(ratio(theirs / ours))",
                ])
            }
            rows.append([
                "Median PNG, every chart", "\(UKFormat.number(Double(medianChartBytes))) bytes", "", "",
                "peer ÷ ours = \(ratio(Double(peer.medianBytes) / Double(max(1, medianChartBytes))))",
            ])
        } else {
            rows.append(["Charts per second", "\(UKFormat.number(chartsPerSecond, decimals: 0)) (\(cores) cores)", "not run", "", ""])
            rows.append(["Median PNG, over-time chart", "\(UKFormat.number(Double(medianOverTimeBytes))) bytes", "not run", "", ""])
        }
        if let cleanBuild {
            rows.append(["Full national build", seconds(cleanBuild), "", "15 s or less", met(cleanBuild.seconds <= 15)])
            rows.append([
                "Peak memory, full build", megabytes(cleanBuild), "", "300 MB or less", met(cleanBuild.peakMegabytes * 1.048576 <= 300),
            ])
        }
        if let secondCleanBuild {
            rows.append([
                "Full national build, again (changed data)", seconds(secondCleanBuild), "", "15 s or less",
                met(secondCleanBuild.seconds <= 15),
            ])
        }
        if let noChange {
            rows.append(["Rebuild, nothing changed", seconds(noChange), "", "1 s or less", met(noChange.seconds <= 1)])
        }
        if let oneChange {
            let redrawn = chartsRedrawn.map { " (\(Validate.plural($0, "chart")) redrawn)" } ?? ""
            rows.append([
                "Rebuild, one authority's file changed", seconds(oneChange) + redrawn, "", "2 s or less", met(oneChange.seconds <= 2),
            ])
            rows.append([
                "…its output against a clean build", identicalToCleanBuild ? "byte-identical" : "differs", "", "byte-identical",
                met(identicalToCleanBuild),
            ])
        }
        if let real {
            if let importRun = real.importRun {
                rows.append([
                    "Real nation: import of every DfE table (\(real.areas) areas)", seconds(importRun), "", "5 s or less",
                    met(importRun.seconds <= 5),
                ])
            }
            if let importAgain = real.importAgain {
                rows.append([
                    "…the same import again",
                    seconds(importAgain) + (real.importAgainChangedNothing ? ", nothing changed" : ", **files changed**"),
                    "", "nothing changed", met(real.importAgainChangedNothing),
                ])
            }
            if let cleanBuild = real.cleanBuild {
                rows.append([
                    "Real site, every council: clean build (\(UKFormat.number(Double(real.files))) files, \(UKFormat.number(real.megabytes, decimals: 0)) MB)",
                    seconds(cleanBuild), "", "15 s or less", met(cleanBuild.seconds <= 15),
                ])
                rows.append(["Peak memory, real clean build", megabytes(cleanBuild), "", "", ""])
            }
            if let oneChange = real.oneChange {
                rows.append([
                    "Real site: rebuild after one council's narrative changed", seconds(oneChange), "", "0.5 s or less",
                    met(oneChange.seconds <= 0.5),
                ])
                rows.append([
                    "…the site after it, by `build --check`", real.narrativeRebuildChecked ? "what a clean build writes" : "differs", "",
                    "what a clean build writes", met(real.narrativeRebuildChecked),
                ])
                if let figureChange = real.figureChange {
                    rows.append([
                        "Real site: rebuild after one of a council's figures changed", seconds(figureChange), "", "1 s or less",
                        met(figureChange.seconds <= 1),
                    ])
                }
                rows.append([
                    "…the output after both against a clean build", real.identicalToCleanBuild ? "byte-identical" : "differs", "",
                    "byte-identical",
                    met(real.identicalToCleanBuild),
                ])
            }
        }
        var text = """
            Synthetic national data (synthetic benchmark data, never real figures): \(authorities) authorities × \(indicators) indicators × \(years) years, \(charts) charts (\(overTimeCharts) over time).

            | Measure | This tool | matplotlib peer | Target | Met |
            |---|---|---|---|---|

            """
        for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
        if samplePaletteBytes > 0 {
            text += """

                The palette: 12 over-time charts written as 4- or 8-bit palette PNGs have a median of \(UKFormat.number(Double(samplePaletteBytes))) bytes, against \(UKFormat.number(Double(sampleTruecolourBytes))) in truecolour; no channel of any pixel moved by more than \(sampleMaximumError) of 255 (only anti-aliased edge pixels move).

                """
        }
        if !contents.isEmpty {
            text += "\nWhat our over-time chart carries (the first seven are what the peer's carries):\n\n"
            for item in contents { text += "- \(item.drawn ? "yes" : "**no**"): \(item.element)\n" }
        }
        return text
    }
}
