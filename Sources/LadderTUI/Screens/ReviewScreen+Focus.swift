import CellGrid
import LadderKit

/// The review's "working on" lines: an overdue focus is something to talk about;
/// the others are listed with their dates. Dates come first, so a narrow line keeps them.
extension ReviewScreen {
    static func agendaFocusLines(_ agenda: Agenda, _ standing: Standing) -> [(String, Style)] {
        let overdue = Dictionary(agenda.overdue.map { ($0.expectation, $0.detail) }, uniquingKeysWith: { a, _ in a })
        return agenda.working.map { entry in
            if let due = overdue[entry.expectation] {
                return ("  overdue (\(due)): \(standing.profile.name): \(entry.text)", Style(.bold, colour: .warning))
            }
            return ("  working on (\(entry.detail)): \(standing.profile.name): \(entry.text)", Style(colour: .accent))
        }
    }
}
