import CellGrid
import LadderKit

/// The review's "working on" lines: an overdue focus is something to talk about;
/// the others are listed with their dates.
extension ReviewScreen {
    static func agendaFocusLines(_ agenda: Agenda, _ standing: Standing) -> [(String, Style)] {
        let overdue = Set(agenda.overdue.map(\.expectation))
        return agenda.working.map { entry in
            overdue.contains(entry.expectation)
                ? ("  overdue: \(standing.profile.name): \(entry.text) (\(entry.detail))", Style(.bold, colour: .warning))
                : ("  working on: \(standing.profile.name): \(entry.text) (\(entry.detail))", Style(colour: .accent))
        }
    }
}
