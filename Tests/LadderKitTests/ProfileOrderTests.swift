import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// A start reads the profiles folder in the order the file system lists it; what
/// the library answers must not depend on that order: of files with one id the
/// first by name is kept, and problems are listed by file name, with or without
/// the cache.
struct ProfileOrderTests {
    @Test func filesWithOneIdKeepTheFirstByNameAndProblemsComeByName() throws {
        let folder = DataFolder(path: try TestSupport.makeTempFolder("ladder-order"))
        defer { TestSupport.removeFolder(folder.path) }
        try folder.prepare()
        // Six files with one id and two broken ones, written in an order unlike their
        // names', so the folder is unlikely to list them by name whatever it is.
        let shared = ["z-sixth", "m-third", "a-first", "r-fifth", "c-second", "p-fourth"]
        for file in shared + ["q-other"] {
            let id = file == "q-other" ? "other" : "shared"
            try ProfileCacheTests.write(ProfileCacheTests.profile(id: id, name: file, roles: 1), file + ".yaml", in: folder)
        }
        for broken in ["y-broken.yaml", "b-broken.yaml"] {
            try SafeFile.writeAtomically(Array("id: broken\nname: [unclosed\n".utf8), to: folder.profilesPath + "/" + broken)
        }
        let path = folder.profilesPath + "/"
        let skipped = "profile id 'shared' is also used by \(path)a-first.yaml; this file was skipped"
        let expected: [(String, String?)] = [
            ("b-broken", nil), ("c-second", skipped), ("m-third", skipped), ("p-fourth", skipped), ("r-fifth", skipped),
            ("y-broken", nil), ("z-sixth", skipped),
        ].map { (path + $0.0 + ".yaml", $0.1) }
        for library in [ProfileLibrary.load(from: folder, cache: false), ProfileLibrary.load(from: folder), ProfileLibrary.load(from: folder)] {
            #expect(library.summary("shared")?.name == "a-first")
            #expect(library.sources["shared"] == path + "a-first.yaml")
            let problems = library.problems.filter { !$0.file.hasPrefix("bundled:") }
            #expect(problems.map(\.file) == expected.map { $0.0 })
            for (problem, (_, message)) in zip(problems, expected) where message != nil {
                #expect(problem.message == message)
            }
        }
    }
}

