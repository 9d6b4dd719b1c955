/// How the people index is written: `FieldWriter` lines (read several times faster
/// than JSON through `Codable`; the team view reads every entry at every open). The
/// first line names the folder; then each entry is a `person` line followed by a
/// `skill` line per tracked skill, a `team` line when it has `TeamFacts` and a
/// `figures` line when it has a `PathFigure`. Any short, unknown or out-of-place
/// line makes the whole index unreadable, and it is rebuilt from the journals.
extension PeopleSummaries {
    static func encodedBody(_ index: Index) -> [UInt8] {
        var out = FieldWriter(capacity: 1 << 16)
        out.field("folder"); out.field(index.folder)
        out.endLine()
        for entry in index.entries {
            out.field("person"); out.field(entry.person)
            out.field(entry.stamp.size); out.field(entry.stamp.mtime); out.field(entry.stamp.ctime); out.field(String(entry.stamp.inode))
            out.field(entry.racy == true ? 1 : 0); out.field(entry.name); out.field(entry.skills); out.optional(entry.lastChange)
            out.field(entry.problems); out.field(entry.readOnly ? 1 : 0); out.field(entry.mentee ? 1 : 0)
            out.optional(entry.lastReview); out.field(entry.openQuestions); out.field(entry.tracked.count)
            out.optional(entry.figureFor); out.optional(entry.figure?.skillName)
            out.optional(entry.figure?.percent.map(String.init)); out.optional(entry.figure?.nextLevel)
            out.endLine()
            for brief in entry.tracked {
                out.field("skill"); out.field(brief.skill); out.field(brief.role); out.field(brief.level)
                out.field(brief.tickedIDs); out.field(brief.notApplicableIDs)
                out.endLine()
            }
            if let team = entry.team {
                out.field("team"); out.optional(team.role); out.optional(team.level); out.field(team.answered)
                out.optional(team.since); out.optional(team.lastProgress)
                out.list(team.evidence.flatMap { [$0.skill, $0.item, $0.at, $0.confirmed == true ? "c" : ""] })
                out.endLine()
            }
            if let figure = entry.pathFigure {
                out.field("figures")
                out.list(figure.counts.sorted { $0.key < $1.key }.flatMap { skill, counts in
                    [skill, String(counts.done), String(counts.total), String(counts.excluded)]
                })
                out.list(figure.requiredEvidence)
                out.endLine()
            }
        }
        return out.bytes
    }

    static func decode(body: ArraySlice<UInt8>) -> Index? {
        var reader = FieldReader(body)
        guard let head = reader.line(), head.count == 2, head.string(0) == "folder", let folder = head.string(1) else { return nil }
        var entries: [Entry] = []
        var line = reader.line()
        while let person = line {
            guard var entry = Self.entry(person) else { return nil }
            var tracked = person.int(15) ?? -1
            line = reader.line()
            while tracked > 0, let skill = line {
                guard skill.count == 6, skill.string(0) == "skill", let id = skill.string(1), let role = skill.string(2),
                      let level = skill.string(3), let ticked = skill.string(4), let notApplicable = skill.string(5) else { return nil }
                entry.tracked.append(SkillBrief(skill: id, role: role, level: level, tickedIDs: ticked, notApplicableIDs: notApplicable))
                tracked -= 1
                line = reader.line()
            }
            guard tracked == 0 else { return nil }
            if let team = line, team.string(0) == "team" {
                guard let facts = Self.facts(team) else { return nil }
                entry.team = facts
                line = reader.line()
            }
            if let figures = line, figures.string(0) == "figures" {
                guard figures.count == 3, let counts = figures.list(1), counts.count % 4 == 0,
                      let required = figures.list(2) else { return nil }
                var figure = PathFigure(counts: [:], requiredEvidence: required)
                for at in stride(from: 0, to: counts.count, by: 4) {
                    guard let done = Int(counts[at + 1]), let total = Int(counts[at + 2]), let excluded = Int(counts[at + 3]) else { return nil }
                    figure.counts[counts[at]] = PathCounts(done: done, total: total, excluded: excluded)
                }
                entry.pathFigure = figure
                line = reader.line()
            }
            entries.append(entry)
        }
        guard reader.atEnd else { return nil }
        return Index(folder: folder, entries: entries)
    }

    /// The entry of a `person` line, without its skills, facts and path figure.
    private static func entry(_ line: FieldReader.Line) -> Entry? {
        guard line.count == 20, line.string(0) == "person", let person = line.string(1),
              let size = line.int64(2), let mtime = line.int64(3), let ctime = line.int64(4),
              let inode = line.string(5).flatMap({ UInt64($0) }), let racy = line.int(6), let name = line.string(7),
              let skills = line.int(8), let lastChange = line.optional(9), let problems = line.int(10),
              let readOnly = line.int(11), let mentee = line.int(12), let lastReview = line.optional(13),
              let openQuestions = line.int(14), let figureFor = line.optional(16), let skillName = line.optional(17),
              let percent = line.optional(18), let nextLevel = line.optional(19) else { return nil }
        var figure: ProgressFigure?
        if let skillName {
            guard let percent = percent.map({ Int($0) }) ?? .some(nil) else { return nil }
            figure = ProgressFigure(skillName: skillName, percent: percent, nextLevel: nextLevel)
        }
        return Entry(person: person, stamp: FileStamp(size: size, mtime: mtime, ctime: ctime, inode: inode),
                     racy: racy == 1 ? true : nil, name: name, skills: skills, lastChange: lastChange, problems: problems,
                     readOnly: readOnly == 1, mentee: mentee == 1, lastReview: lastReview, openQuestions: openQuestions,
                     tracked: [], team: nil, figure: figure, pathFigure: nil, figureFor: figureFor)
    }

    /// The `TeamFacts` of a `team` line.
    private static func facts(_ line: FieldReader.Line) -> TeamFacts? {
        guard line.count == 7, let role = line.optional(1), let level = line.optional(2), let answered = line.int(3),
              let since = line.optional(4), let lastProgress = line.optional(5), let fields = line.list(6),
              fields.count % 4 == 0 else { return nil }
        let evidence = stride(from: 0, to: fields.count, by: 4).map { at in
            TickEvidence(skill: fields[at], item: fields[at + 1], at: fields[at + 2], confirmed: fields[at + 3] == "c" ? true : nil)
        }
        return TeamFacts(role: role, level: level, answered: answered, since: since, lastProgress: lastProgress, evidence: evidence)
    }
}
