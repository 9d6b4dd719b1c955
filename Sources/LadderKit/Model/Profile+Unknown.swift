/// The errors for a role, level or skill that is not there, each suggesting the
/// closest valid names (`Suggestions`) before listing them all. The CLI and
/// `Changes` use these, so every such error reads alike.
extension Profile {
    /// `unknown role 'x' for Skill; did you mean …? choose one of: …` (by name or id).
    public func unknownRole(_ query: String) -> InputError {
        let close = Suggestions.closest(to: query, among: roles.map(\.name), aliases: roles.map { ($0.id, $0.name) })
        return InputError(Suggestions.unknown("role", query, context: " for \(name)", choices: roles.map(\.name), suggested: close))
    }

    /// `unknown level 'x'; did you mean …? choose one of: …`.
    public func unknownLevel(_ query: String) -> InputError {
        InputError(Suggestions.unknown("level", query, choices: levels))
    }
}

extension ProfileLibrary {
    /// `unknown skill 'x'; did you mean …? choose one of: <ids>` (suggested by id or name).
    public func unknownSkill(_ query: String) -> InputError {
        let ids = summaries.map(\.id)
        let close = Suggestions.closest(to: query, among: ids, aliases: summaries.map { ($0.name, $0.id) })
        return InputError(Suggestions.unknown("skill", query, choices: ids, suggested: close, seeAll: "ladder profiles"))
    }
}
