import ArgumentParser
import LadderKit

/// The custom shell completions of skills, roles, levels, expectation ids and
/// people (see `Completions`): each loads the profile index silently and offers
/// nothing on any error, so a completion never prints a warning into the shell.
enum LadderCompletion {
    static let skills = CompletionKind.custom { _, _, prefix in
        offer(prefix) { library, _ in Completions.skills(library) }
    }
    static let roles = CompletionKind.custom { words, index, prefix in
        offer(prefix) { library, _ in Completions.roles(words, current: index, library: library) }
    }
    static let levels = CompletionKind.custom { words, index, prefix in
        offer(prefix) { library, _ in Completions.levels(words, current: index, library: library) }
    }
    static let expectations = CompletionKind.custom { words, index, prefix in
        offer(prefix) { library, _ in Completions.expectations(words, current: index, library: library) }
    }
    static let people = CompletionKind.custom { _, _, prefix in
        offer(prefix) { _, folder in Completions.people(Store(folder: folder)) }
    }

    /// The lines for the requesting shell; none when the data folder cannot be used.
    static func offer(_ prefix: String, _ body: (ProfileLibrary, DataFolder) -> [Completions.Candidate]) -> [String] {
        guard let folder = try? DataFolder.resolve() else { return [] }
        let library = ProfileLibrary.load(from: folder)
        return Completions.lines(body(library, folder), prefix: prefix, shell: CompletionShell.requesting?.rawValue)
    }
}
