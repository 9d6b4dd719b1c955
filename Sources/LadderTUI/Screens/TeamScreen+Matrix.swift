import CellGrid
import LadderKit

/// The team screen's matrix (`m`): people × the skills of their roles, each cell the
/// person's progress toward their next level in that skill, readable without colour:
/// a digit of tenths done, `✓` complete, `·` not tracked, `–` no next level (ASCII:
/// `*`, `.`, `-`), blank
/// where the skill is not in the person's role.
enum TeamMatrix {
    /// A skill column: its profile id, name and short heading.
    struct Skill: Equatable, Sendable {
        var id: String
        var name: String
        var short: String
    }

    /// Every skill on the team's paths, by name, each with a short unique heading
    /// (worked out when the team's rows are).
    static func skills(_ state: AppState) -> [Skill] { state.team.matrixSkills }

    static func skills(of roleSkills: [String: Set<String>], library: ProfileLibrary) -> [Skill] {
        let ids = roleSkills.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        // The library keeps its summaries by name, as the columns go.
        let named = library.summaries.filter { ids.contains($0.id) }.map { (id: $0.id, name: $0.name) }
        var used: Set<String> = []
        return named.map { id, name in
            let initials = Self.initials(name)
            var short = String((initials.isEmpty ? String(name.prefix(2)) : initials).prefix(3))
            var number = 2
            while used.contains(short) {
                short = String(short.prefix(2)) + "\(number)"
                number += 1
            }
            used.insert(short)
            return Skill(id: id, name: name, short: short)
        }
    }

    /// The capitals that start the words of a name ("Cloud Cost Control" → "CCC").
    static func initials(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { // a byte a character: no grapheme breaking
            var out = "", inWord = false
            for byte in name.utf8 {
                let alphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                if alphanumeric, !inWord, (0x41...0x5A).contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) }
                inWord = alphanumeric
            }
            return out
        }
        return name.split { !$0.isLetter && !$0.isNumber }.filter { $0.first?.isUppercase ?? false }
            .compactMap(\.first).map(String.init).joined()
    }

    /// One cell: a digit of tenths, ✓ complete, · untracked, – no next level, blank off the role.
    static func cell(_ team: TeamViewState, _ member: TeamMember, _ skill: String, unicode: Bool) -> String {
        let glyphs = Glyphs(unicode: unicode)
        guard let path = member.skills.first(where: { $0.skill == skill }) else { // the few skills they track
            return member.role.flatMap { team.roleSkills[$0] }?.contains(skill) == true ? glyphs.untracked : ""
        }
        guard path.level != nil, path.total > 0 else { return glyphs.noNext }
        return path.isComplete ? glyphs.complete : "\(min(9, path.percent / 10))"
    }

    /// The matrix's glyphs, in Unicode or ASCII.
    struct Glyphs {
        let complete, untracked, noNext: String
        init(unicode: Bool) {
            self = unicode ? .unicode : .ascii
        }

        private init(complete: String, untracked: String, noNext: String) {
            (self.complete, self.untracked, self.noNext) = (complete, untracked, noNext)
        }

        static let unicode = Glyphs(complete: "✓", untracked: "·", noNext: "–")
        static let ascii = Glyphs(complete: "*", untracked: ".", noNext: "-")
    }

    /// ← → (h l) scroll the skill columns while the names stay; at the first column
    /// ← goes back as on the table. Returns whether the key scrolled.
    static func scroll(_ state: inout AppState, _ key: Key) -> Bool {
        let count = skills(state).count
        switch key {
        case .right, .character("l"):
            let room = state.body.width - 3 - TeamScreen.nameWidth(state, state.body)
            guard state.team.matrixSkill + columns(state, room: room).count < count else {
                state.notice = .info("That is the last skill.")
                return true
            }
            state.team.matrixSkill += 1
            return true
        case .left, .character("h"):
            guard state.team.matrixSkill > 0 else { return false }
            state.team.matrixSkill -= 1
            return true
        default:
            return false
        }
    }

    /// The columns that fit, left to right by name, from the first one scrolled to.
    static func columns(_ state: AppState, room: Int) -> [(TeamScreen.Column, Int)] {
        var left = room
        var kept: [(TeamScreen.Column, Int)] = []
        for skill in skills(state).dropFirst(state.team.matrixSkill) {
            let width = max(1, TextWidth.of(skill.short))
            guard width + 2 <= left else { break }
            left -= width + 2
            let (unicode, team) = (state.unicode, state.team)
            kept.append((TeamScreen.Column(title: skill.short) { cell(team, $0, skill.id, unicode: unicode) }, width))
        }
        return kept
    }

    /// What the headings and glyphs mean, wrapped, in at most half the body.
    static func legend(_ state: AppState, _ body: Body) -> [String] {
        let all = skills(state)
        let first = min(state.team.matrixSkill, all.count)
        let shown = columns(state, room: body.width - 3 - TeamScreen.nameWidth(state, body)).count
        let glyphs = Glyphs(unicode: state.unicode)
        var text = "0-9 tenths of the next level done, \(glyphs.complete) complete, \(glyphs.untracked) not tracked, \(glyphs.noNext) no next level. "
        if shown < all.count {
            text += "Skills \(first + 1)-\(first + shown) of \(all.count) (\(state.unicode ? "← →" : "h l") for more): "
        }
        text += all.dropFirst(first).prefix(shown).map { "\($0.short) \($0.name)" }.joined(separator: ", ")
        let limit = max(2, (body.height - 4) / 2)
        return Array(TextWidth.wrap(all.isEmpty ? "No one here has a role with skills yet." : text, to: max(1, body.width - 2)).prefix(limit))
    }
}
