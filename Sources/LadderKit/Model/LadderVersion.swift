/// This Ladder's version and the versions of the formats it reads and writes, for
/// `ladder --version` and `ladder version --json`.
public enum LadderVersion {
    /// The program's version (semantic versioning).
    public static let current = "0.9.0"
    /// The journal line format this Ladder writes and reads (a line's `v`).
    public static var journalFormat: Int { JournalEvent.currentVersion }
    /// The profile schema this Ladder reads and writes (a profile's `schema`).
    public static var profileSchema: Int { Profile.currentSchema }
}
