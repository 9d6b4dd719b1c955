/// A profile written out for people who keep it elsewhere: YAML (the profile file
/// itself), CSV for a spreadsheet (read back by `CSVImporter`) or Markdown for a wiki.
/// Pure: returns text; writing it goes through `ProfileFile.write(text:to:replacing:)`.
public enum ProfileExport {
    /// The formats `ladder export --format` offers.
    public enum Format: String, CaseIterable, Sendable {
        case csv, yaml, markdown

        /// The usual file name ending.
        public var fileExtension: String {
            switch self {
            case .csv: "csv"
            case .yaml: "yaml"
            case .markdown: "md"
            }
        }
    }

    /// The profile's text in the format.
    public static func text(_ profile: Profile, format: Format) throws(StoreError) -> String {
        switch format {
        case .csv: return csv(profile)
        case .markdown: return markdown(profile)
        case .yaml:
            do {
                return try ProfileFile.encode(profile)
            } catch {
                throw StoreError("could not write \(profile.id) as YAML: \(String(describing: error).prefix(120))")
            }
        }
    }
}
