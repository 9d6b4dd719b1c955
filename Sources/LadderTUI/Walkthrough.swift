import LadderKit

/// The first run's first step: the user's name, which makes them the data folder's
/// owner (their person id is made from it) before they choose their role or a skill.
enum Walkthrough {
    static let label = "Welcome to Ladder. Your name (it names your record and signs your reviews):"

    /// Opens the name prompt.
    static func askName(_ state: inout AppState) {
        state.prompt = Prompt(purpose: .ownerName, label: label, text: "")
    }

    /// Enter on the name prompt: an empty or too long name asks again.
    static func named(_ state: inout AppState, _ text: String, _ effects: inout [Effect]) {
        do throws(InputError) {
            effects.append(.nameOwner(try Owner.checkedName(text)))
        } catch {
            askName(&state)
            state.notice = .info("Type your name, 1 to 200 characters, then Enter (Esc to skip).")
        }
    }

    /// The owner is on disk: the record shown is theirs, and they sign reviews.
    static func ownerNamed(_ state: inout AppState, _ owner: Owner) {
        state.owner = owner.id
        state.person = owner.id
        state.reviewer = owner.reviewer
        state.record.id = owner.id
        state.record.name = owner.name
        state.notice = .info("Welcome, \(owner.name).")
    }
}
