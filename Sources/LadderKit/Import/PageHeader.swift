/// What a skill page says above its table: the skill's name, keywords, domain and
/// group, its own counts, the last-updated date and the first and last level names.
///
/// The layout (blank lines between are ignored):
/// ```
/// Skill Profile                        (optional)
/// NAME
/// KEYWORDS, COMMA, SEPARATED           (optional)
/// DOMAIN GROUP                         (checked against Domain and Group below)
/// Roles / N / tagline                  (tagline optional)
/// Levels / N / tagline
/// Mandatory requirements / N / the other M optional
/// Domain / TEXT
/// Group / TEXT
/// Last updated / M/D/YYYY
/// free text naming the levels: "… grows from Junior to Principal. …"
/// ```
struct PageHeader: Equatable {
    /// A value from the page and the line it stands on.
    struct Fact<Value: Equatable>: Equatable {
        let value: Value
        let line: Int
    }

    var name: Fact<String>
    var keywords: [String]
    var domain: Fact<String>
    var group: Fact<String>
    var roleCount: Fact<Int>
    var levelCount: Fact<Int>
    var mandatory: Fact<Int>
    var optional: Fact<Int>?
    /// ISO `YYYY-MM-DD`.
    var updated: Fact<String>
    /// "from FIRST to LAST", when the page says it.
    var levelRange: Fact<LevelRange>?

    struct LevelRange: Equatable {
        let first: String
        let last: String
    }

    static let labels = ["Roles", "Levels", "Mandatory requirements", "Domain", "Group", "Last updated"]
    static let maxRoles = 100
    static let maxLevels = 20
    static let maxText = 200

    /// Reads the header from the page's non-blank lines above its first table.
    /// `tableLine` is the line of the first `Role Required Description`.
    static func parse(_ header: [PageText.Line], tableLine: Int, file: String) throws(PageImportError) -> PageHeader {
        func fail(_ line: Int, _ message: String, hint: String? = nil) -> PageImportError {
            PageImportError(file: file, line: line, message: message, hint: hint)
        }
        // Find the labels, in order.
        var positions: [Int] = []
        var from = 0
        for label in labels {
            guard let index = header[from...].firstIndex(where: { isLabel($0.text, label) }) else {
                let after = positions.last.map { " after '\(labels[positions.count - 1])' (line \(header[$0].number))" } ?? ""
                throw fail(positions.last.map { header[$0].number } ?? tableLine,
                           "the page has no '\(label)' line\(after) above its table",
                           hint: "the page's header must list Roles, Levels, Mandatory requirements, Domain, Group and Last updated, each followed by its value")
            }
            positions.append(index)
            from = index + 1
        }
        func segment(_ i: Int) -> ArraySlice<PageText.Line> {
            header[(positions[i] + 1)..<(i + 1 < positions.count ? positions[i + 1] : header.count)]
        }
        func value(_ i: Int, extra: Int) throws(PageImportError) -> (PageText.Line, ArraySlice<PageText.Line>) {
            let lines = segment(i)
            let labelLine = header[positions[i]]
            guard let first = lines.first else {
                throw fail(labelLine.number, "'\(labels[i])' has no value on the lines below it")
            }
            if lines.count > 1 + extra {
                let unexpected = lines[lines.startIndex + 1 + extra]
                let next = i + 1 < labels.count ? "'\(labels[i + 1])'" : "the table"
                throw fail(unexpected.number, "unexpected line \(Quote.page(unexpected.text)) after '\(labels[i])' \(Quote.page(first.text, limit: 24)); expected \(next)")
            }
            return (first, lines.dropFirst())
        }
        func number(_ line: PageText.Line, _ what: String, in range: ClosedRange<Int>) throws(PageImportError) -> Int {
            guard line.text.count <= 6, line.text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(line.text) else {
                throw fail(line.number, "expected the number of \(what), found \(Quote.page(line.text))")
            }
            guard range.contains(n) else {
                throw fail(line.number, "the page says \(n) \(what); Ladder reads \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }

        let (rolesLine, _) = try value(0, extra: 1)
        let roleCount = try number(rolesLine, "roles", in: 1...maxRoles)
        let (levelsLine, _) = try value(1, extra: 1)
        let levelCount = try number(levelsLine, "levels", in: 1...maxLevels)
        let (mandatoryLine, mandatoryRest) = try value(2, extra: 1)
        let mandatory = try number(mandatoryLine, "mandatory requirements", in: 0...(maxRoles * maxLevels))
        var optional: Fact<Int>?
        if let line = mandatoryRest.first {
            let words = PageWords.split(line.text.lowercased())
            guard words.count == 4, words[0] == "the", words[1] == "other", words[3] == "optional",
                  words[2].count <= 6, words[2].allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(words[2]) else {
                throw fail(line.number, "expected 'the other N optional' after the number of mandatory requirements, found \(Quote.page(line.text))")
            }
            optional = Fact(value: n, line: line.number)
        }
        let (domainLine, _) = try value(3, extra: 0)
        let (groupLine, _) = try value(4, extra: 0)
        let (dateLine, intro) = try value(5, extra: 10_000)
        let updated = try date(dateLine, file: file)
        let domain = try text(domainLine, "domain", file: file)
        let group = try text(groupLine, "group", file: file)

        // Above the labels: [Skill Profile] NAME [KEYWORDS] DOMAIN-GROUP.
        var start = 0
        if let first = header.first, PageWords.fold(first.text).lowercased() == "skill profile" { start = 1 }
        let top = header[start..<positions[0]]
        let rolesLabelLine = header[positions[0]].number
        guard (2...3).contains(top.count), let nameLine = top.first, let combinedLine = top.last else {
            if top.count > 3 {
                throw fail(top[top.startIndex + 2].number, "unexpected line \(Quote.page(top[top.startIndex + 2].text)); above 'Roles' (line \(rolesLabelLine)) the page should have the skill's name, its keywords and its domain and group, one a line")
            }
            throw fail(top.first?.number ?? rolesLabelLine, "the page should have the skill's name, its keywords and its domain and group ('\(domain.value) \(group.value)') above 'Roles', one a line; found \(top.count) line\(top.count == 1 ? "" : "s")")
        }
        let expected = PageWords.fold(domain.value + " " + group.value)
        if PageWords.fold(combinedLine.text) != expected {
            throw fail(combinedLine.number, "expected the domain and group \(Quote.page(expected)) (lines \(domain.line) and \(group.line)), found \(Quote.page(combinedLine.text))")
        }
        if top.count == 2, nameLine.text.contains(",") {
            throw fail(nameLine.number, "\(Quote.page(nameLine.text)) looks like the keywords line; the skill's name is missing above it")
        }
        let name = try text(nameLine, "skill name", file: file)
        var keywords: [String] = []
        if top.count == 3 {
            let line = top[top.startIndex + 1]
            keywords = line.text.split(separator: ",").map { PageWords.fold(String($0)) }.filter { !$0.isEmpty }
            if keywords.count > 100 || keywords.contains(where: { $0.count > maxText }) {
                throw fail(line.number, "the keywords line is too long: at most 100 keywords of \(maxText) characters each")
            }
        }

        return PageHeader(name: name, keywords: keywords, domain: domain, group: group,
                          roleCount: Fact(value: roleCount, line: rolesLine.number),
                          levelCount: Fact(value: levelCount, line: levelsLine.number),
                          mandatory: Fact(value: mandatory, line: mandatoryLine.number),
                          optional: optional, updated: updated, levelRange: levelRange(in: intro))
    }

    static func isLabel(_ text: String, _ label: String) -> Bool {
        PageWords.fold(text).lowercased() == label.lowercased()
    }

    static func text(_ line: PageText.Line, _ what: String, file: String) throws(PageImportError) -> Fact<String> {
        let value = PageWords.fold(line.text)
        guard value.count <= maxText else {
            throw PageImportError(file: file, line: line.number, message: "the \(what) is \(value.count) characters; at most \(maxText) allowed")
        }
        return Fact(value: value, line: line.number)
    }

    /// `M/D/YYYY` (or `YYYY-MM-DD`) as ISO `YYYY-MM-DD`, if it is a real date.
    static func date(_ line: PageText.Line, file: String) throws(PageImportError) -> Fact<String> {
        func digits(_ part: Substring, _ counts: ClosedRange<Int>) -> Int? {
            guard counts.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        var parts: (Int?, Int?, Int?) = (nil, nil, nil)
        let slashes = line.text.split(separator: "/", omittingEmptySubsequences: false)
        let dashes = line.text.split(separator: "-", omittingEmptySubsequences: false)
        if slashes.count == 3 {
            parts = (digits(slashes[2], 4...4), digits(slashes[0], 1...2), digits(slashes[1], 1...2))
        } else if dashes.count == 3 {
            parts = (digits(dashes[0], 4...4), digits(dashes[1], 2...2), digits(dashes[2], 2...2))
        }
        guard let year = parts.0, let month = parts.1, let day = parts.2,
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            throw PageImportError(file: file, line: line.number,
                                  message: "'Last updated' should be a date like 3/17/2026 (month/day/year); found \(Quote.page(line.text))")
        }
        let iso = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
        return Fact(value: iso, line: line.number)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "… from Junior to Principal. …" in the free text below the header; a line
    /// that says "grows from" is preferred over any other "from … to …".
    static func levelRange(in lines: ArraySlice<PageText.Line>) -> Fact<LevelRange>? {
        let preferred = lines.filter { $0.text.lowercased().contains("grows from") }
        for line in preferred + lines {
            let words = PageWords.split(line.text)
            guard let from = words.firstIndex(where: { $0.lowercased() == "from" }),
                  let to = words[(from + 1)...].firstIndex(where: { $0.lowercased() == "to" }) else { continue }
            let first = words[(from + 1)..<to]
            var last: [String] = []
            for word in words[(to + 1)...] {
                if let end = word.last, ".,;:!?".contains(end) {
                    last.append(String(word.dropLast()))
                    break
                }
                last.append(word)
            }
            guard (1...4).contains(first.count), (1...4).contains(last.count), !last.contains(where: \.isEmpty) else { continue }
            return Fact(value: LevelRange(first: first.joined(separator: " "), last: last.joined(separator: " ")), line: line.number)
        }
        return nil
    }
}

/// `value` with leading zeros to `width` digits.
private func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
