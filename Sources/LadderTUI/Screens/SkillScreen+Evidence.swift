import CellGrid
import LadderKit

/// A long note of evidence, written in the user's editor (`Ctrl-E` on the note line).
extension SkillScreen {
    /// Asks for the editor, opened on what is typed so far and on which expectation it is for.
    static func writeInEditor(_ state: inout AppState, skill: String, expectation: String, from words: String,
                              _ effects: inout [Effect]) {
        guard let standing = state.standing(skill) else { return }
        let place = standing.profile.place(of: expectation, preferring: standing.role.id)
        state.notice = .info("Writing the note in your editor…")
        let template = TextEditor.noteTemplate(words, expectation: place?.expectation.text ?? expectation,
                                               skill: standing.profile.name, level: place?.level.level ?? standing.level)
        effects.append(.editNote(skill: skill, expectation: expectation, template: template))
    }

    /// The editor closed: the note becomes an entry of the log (an empty one adds
    /// nothing); when it could not run, the notice says why and nothing is written.
    static func edited(_ state: inout AppState, skill: String, expectation: String, _ result: Result<String, EditorFailure>,
                       _ effects: inout [Effect]) {
        switch result {
        case .failure(let failure):
            state.notice = .error("No note from the editor: \(failure.reason).")
        case .success(let text):
            guard !text.isEmpty else { state.notice = .info("Nothing added: the note was empty."); return }
            guard let standing = state.standing(skill) else { return }
            save(&state, &effects, SaveIntent(.text("Evidence added from your editor."))) { () throws(InputError) in
                [try Changes.note(text, on: expectation, in: standing)]
            }
        }
    }
}
