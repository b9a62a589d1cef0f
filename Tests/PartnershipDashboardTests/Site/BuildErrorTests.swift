// A build that stops says in which step, at which file, and what to do; the error beneath is kept.

import Foundation
import Testing

@testable import PartnershipDashboard

@Suite("Build errors")
struct BuildErrorTests {
    @Test("a file that cannot be written is named with its reason and the step the build stopped in")
    func fileFailureNamesItsStep() throws {
        let failure = FileFailure("write", "Site/authorities/kent.html", errno: ENOSPC)
        let error = BuildError(.writing, wrapping: failure)
        #expect(error.step == .writing)
        #expect(error.path == "Site/authorities/kent.html")
        #expect(error.underlying as? FileFailure == failure)
        #expect(
            error.description
                == "could not write Site/authorities/kent.html: \(FileFailure.words(for: ENOSPC)) (while writing the pages and downloads)")
    }

    @Test("an error already named keeps the step it was first given, and its file leads a message that does not name it")
    func innerStepIsKept() {
        let drawing = BuildError(.drawing, path: "charts/kent-adopted.png", message: "libgd could not make an image")
        let outer = BuildError(.writing, wrapping: drawing)
        #expect(outer.step == .drawing)
        #expect(outer.description == "charts/kent-adopted.png: libgd could not make an image (while drawing the charts)")
    }

    @Test("a library's failure keeps its own words; any other error is put in words through its errno, never shown raw")
    func libraryAndSystemErrors() {
        let library = BuildError(.writing, wrapping: LibraryFailure(library: "libdeflate", action: "start a compressor at level 99"))
        #expect(
            library.description
                == "libdeflate could not start a compressor at level 99; the output would be empty or broken, so nothing was written (while writing the pages and downloads)"
        )
        let system = BuildError(.swappingIn, wrapping: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS)))
        #expect(system.description == "the build stopped: \(FileFailure.words(for: EROFS)) (while swapping in the new site)")
        #expect(!system.description.contains("NSPOSIXErrorDomain"))
        #expect((system.underlying as? NSError)?.code == Int(EROFS))
    }

    @Test("the steps before staging leave nothing written; from staging on, the previous site is what stays")
    func whatStays() {
        let untouched = BuildStep.allCases.filter(\.outputUntouched)
        #expect(untouched == [.claimingFolders, .reading, .checking])
    }

    @Test("problems in the data stop the build with their files and lines, and the output folder is named as unchanged")
    func dataProblemsReachThePerson() throws {
        let folder = try TestFolder()
        let missing = folder.url.appendingPathComponent("Nowhere")
        let result = Build.run(
            authorities: missing, display: "Nowhere", output: folder.url.appendingPathComponent("Site"), outputDisplay: "Site",
            check: false, progress: false, cache: folder.url.appendingPathComponent("cache"))
        #expect(result.exitCode == 1)
        #expect(result.errors.hasPrefix("Nowhere: error: there is no folder here; run from the project folder"))
        #expect(result.errors.contains("Nowhere: 1 error; the site was not built and Site is unchanged."))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Site").path))
    }
}
