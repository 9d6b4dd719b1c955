import LadderKit

/// Whose record the screens show: the owner's own ("Your skills") or someone
/// else's ("Ana's skills"); and that nobody reviews their own ticks.
extension AppState {
    /// True when the record shown is the data folder owner's own.
    public var isOwnRecord: Bool { person == owner }

    /// The person's first name, as screens address them ("Ana").
    var firstName: String {
        record.name.split(separator: " ").first.map(String.init) ?? record.name
    }

    /// "Your" on the owner's own record, "Ana's" on anyone else's.
    var whose: String { isOwnRecord ? "Your" : "\(firstName)'s" }

    /// Refuses a reviewer's key (confirm, question, withdraw, a review) on the owner's
    /// own record, with a notice; true when refused.
    mutating func refusesSelfReview() -> Bool {
        guard isOwnRecord else { return false }
        notice = .info("This is your own record: confirmations, questions and reviews come from your mentor, in their Ladder.")
        return true
    }
}
