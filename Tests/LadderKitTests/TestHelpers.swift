@testable import LadderKit

extension PersonRecord {
    /// Applies a change as the store would after writing it, stamped `at` (now by default).
    mutating func apply(_ change: Change, at: String = JournalEvent.now()) {
        apply(JournalEvent(change, at: at))
    }
}
