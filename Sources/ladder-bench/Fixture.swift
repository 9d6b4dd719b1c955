import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LadderKit

/// A deterministic random source (SplitMix64): the same seed writes the same data
/// folder byte for byte, on every machine.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    mutating func hex(_ digits: Int) -> String {
        let value = next()
        let text = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.suffix(digits))
    }
}

/// Writes a data folder shaped like Ladder's largest real use: at scale 1, 1,000
/// profiles shaped like the seed page (4 to 8 roles, 5 levels, 2 to 5 sentences per
/// cell, about 12 MB of YAML) and 200 people who each track 10 skills through 1,000
/// journal events (ticks, unticks, notes, level steps). Everyone but `me` is a
/// mentee with a role (the team view lists them; their path and the matrix read the
/// role); `me` has none, so the first frame stays the dashboard. Scale N multiplies
/// both counts.
struct Fixture {
    /// Bump when the generator's output changes, so old fixtures are remade.
    static let version = 3 // 3: everyone but me a mentee with a role
    static let baseProfiles = 1_000
    static let basePeople = 200
    static let eventsPerPerson = 1_000
    static let skillsPerPerson = 10
    static let levels = ["Junior", "Middle", "Senior", "Lead", "Principal"]

    var scale: Int
    var seed: UInt64 = 0x1add_e5be_7c4a_11ce

    var profileCount: Int { Self.baseProfiles * scale }
    var peopleCount: Int { Self.basePeople * scale }

    struct Summary: Codable {
        var profiles: Int
        var people: Int
        var events: Int
        var profileBytes: Int
        var journalBytes: Int
    }

    /// Writes the data folder at `path`, which must be empty or absent. Returns what it wrote.
    func write(to path: String, log: (String) -> Void = { _ in }) throws -> Summary {
        let folder = DataFolder(path: path)
        try folder.prepare()
        var random = SeededRandom(seed: seed ^ UInt64(scale))
        var profiles: [Profile] = []
        // Keep clear of the bundled profile's id, so every generated profile is listed.
        var usedIDs: Set<String> = ["serverless-functions"]
        var profileBytes = 0
        for index in 0..<profileCount {
            let profile = makeProfile(index, usedIDs: &usedIDs, &random)
            let text = try ProfileFile.encode(profile)
            let bytes = Array(text.utf8)
            try writeFile(bytes, to: "\(folder.profilesPath)/\(profile.id).yaml")
            profileBytes += bytes.count
            profiles.append(profile)
            if index % 250 == 249 { log("  profiles: \(index + 1) of \(profileCount)") }
        }
        var events = 0
        var journalBytes = 0
        var people: [PersonID] = [.me]
        var usedPeople: Set<String> = ["me"]
        while people.count < peopleCount {
            let name = "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))"
            var id = PersonID(name: name)
            var suffix = 2
            while usedPeople.contains(id.rawValue) {
                id = PersonID(name: "\(name) \(suffix)")
                suffix += 1
            }
            usedPeople.insert(id.rawValue)
            people.append(id)
        }
        for (index, person) in people.enumerated() {
            var lines: [UInt8] = []
            let journal = makeJournal(for: person, named: person == .me ? nil : displayName(person), profiles: profiles, &random)
            for event in journal {
                lines += try event.encodedLine()
                lines.append(0x0A)
            }
            try writeFile(lines, to: folder.journalPath(for: person))
            events += journal.count
            journalBytes += lines.count
            if index % 50 == 49 { log("  people: \(index + 1) of \(peopleCount)") }
        }
        return Summary(profiles: profiles.count, people: people.count, events: events,
                       profileBytes: profileBytes, journalBytes: journalBytes)
    }

    func displayName(_ id: PersonID) -> String {
        id.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// A plain write (0600) without fsync: this is throwaway benchmark data.
    func writeFile(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BenchError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    // MARK: - Profiles

    func makeProfile(_ index: Int, usedIDs: inout Set<String>, _ random: inout SeededRandom) -> Profile {
        let subject = random.pick(Self.subjects)
        let base = "\(subject) \(random.pick(Self.aspects))"
        var name = base
        var suffix = 2
        while usedIDs.contains(Identifier.slug(name)) {
            name = "\(base) \(suffix)"
            suffix += 1
        }
        let id = Identifier.slug(name)
        usedIDs.insert(id)
        var keywords: [String] = []
        for _ in 0..<random.int(3...6) {
            let keyword = random.pick(Self.keywords)
            if !keywords.contains(keyword) { keywords.append(keyword) }
        }
        let domainIndex = random.int(0...(Self.domains.count - 1))
        let updated = "20\(random.int(24...26))-\(two(random.int(1...12)))-\(two(random.int(1...28)))"
        var roleNames: [String] = []
        let roleCount = random.int(4...8)
        while roleNames.count < roleCount {
            let role = random.pick(Self.roles)
            if !roleNames.contains(role) { roleNames.append(role) }
        }
        var expectationIDs = Set<String>()
        let roles: [Role] = roleNames.map { roleName in
            let cells: [RoleLevel] = Self.levels.enumerated().map { levelIndex, level in
                var expectations: [Expectation] = []
                for _ in 0..<random.int(2...5) {
                    var id = random.hex(6)
                    while expectationIDs.contains(id) { id = random.hex(6) }
                    expectationIDs.insert(id)
                    let template = random.pick(Self.sentences[levelIndex])
                    let text = template
                        .replacingOccurrences(of: "{skill}", with: name)
                        .replacingOccurrences(of: "{subject}", with: subject)
                        .replacingOccurrences(of: "{tool}", with: random.pick(Self.keywords))
                    expectations.append(Expectation(id: id, text: text))
                }
                return RoleLevel(level: level, required: random.chance(levelIndex < 2 ? 0.5 : 0.8), expectations: expectations)
            }
            return Role(id: Identifier.slug(roleName), name: roleName, levels: cells)
        }
        return Profile(id: id, name: name, keywords: keywords, domain: Self.domains[domainIndex].0,
                       group: random.pick(Self.domains[domainIndex].1), updated: updated, levels: Self.levels, roles: roles)
    }

    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: - Journals

    /// 1,000 events (or `count`): a name, 10 tracked skills, then ticks, unticks, notes and a few
    /// level steps, `step` seconds apart (by default a few hours: about two years).
    func makeJournal(for person: PersonID, named name: String?, profiles: [Profile],
                     _ random: inout SeededRandom, events count: Int = Fixture.eventsPerPerson,
                     seconds step: ClosedRange<Int> = 600...86_400) -> [JournalEvent] {
        var events: [JournalEvent] = []
        var clock = Date(timeIntervalSince1970: 1_672_531_200 + Double(random.int(0...86_400 * 30)))
        func stamp(_ change: Change) -> JournalEvent {
            let event = JournalEvent(change, at: JournalEvent.timestamp(clock), id: random.hex(16))
            clock += Double(random.int(step))
            return event
        }
        if let name { events.append(stamp(.person(name: name, mentee: true))) }
        struct Tracked { var profile: Profile; var role: Role; var level: Int; var ticked: [String: String] }
        var tracked: [Tracked] = []
        while tracked.count < Self.skillsPerPerson {
            let profile = random.pick(profiles)
            if tracked.contains(where: { $0.profile.id == profile.id }) { continue }
            let role = random.pick(profile.roles)
            let level = random.int(0...2)
            tracked.append(Tracked(profile: profile, role: role, level: level, ticked: [:]))
            events.append(stamp(.track(skill: profile.id, role: role.id, level: Self.levels[level])))
        }
        if name != nil { events.append(stamp(.role(role: tracked[0].role.id, level: Self.levels[1]))) }
        while events.count < count {
            let t = random.int(0...(tracked.count - 1))
            let skill = tracked[t]
            let roll = random.int(0...999)
            // Mostly the next level's expectations, sometimes any level's.
            let levelIndex = random.chance(0.7) ? min(skill.level + 1, Self.levels.count - 1) : random.int(0...(Self.levels.count - 1))
            let cell = skill.role.levels[levelIndex]
            let expectation = random.pick(cell.expectations)
            if roll < 550 {
                events.append(stamp(.tick(skill: skill.profile.id, level: cell.level, expectation: expectation.id, text: expectation.text)))
                tracked[t].ticked[expectation.id] = cell.level
            } else if roll < 700, let (item, level) = skill.ticked.first {
                let text = skill.role.levels.first { $0.level == level }?.expectations.first { $0.id == item }?.text
                events.append(stamp(.untick(skill: skill.profile.id, level: level, expectation: item, text: text ?? "")))
                tracked[t].ticked[item] = nil
            } else if roll < 994 {
                let note = (0..<random.int(1...3)).map { _ in random.pick(Self.evidence) }.joined(separator: " ")
                events.append(stamp(.note(skill: skill.profile.id, level: cell.level, expectation: expectation.id,
                                          text: expectation.text, note: note)))
            } else if skill.level + 1 < Self.levels.count {
                tracked[t].level += 1
                events.append(stamp(.step(skill: skill.profile.id, level: Self.levels[skill.level + 1])))
            }
        }
        return events
    }

    // MARK: - Words (from the seed page's vocabulary)

    static let subjects = [
        "Serverless", "Kubernetes", "Terraform", "PostgreSQL", "Kafka", "Redis", "GraphQL", "gRPC", "React", "Swift",
        "Rust", "Go", "Python", "Java", "TypeScript", "Elasticsearch", "ClickHouse", "Airflow", "Spark", "Snowflake",
        "Observability", "Incident", "Security", "Identity", "Networking", "CDN", "DNS", "Linux", "Container",
        "Service Mesh", "API Gateway", "Event Streaming", "Data Modeling", "Feature Flag", "Release", "Mobile",
        "Accessibility", "Localization", "Payments", "Search", "Recommendation", "LLM", "Vector Database", "MLOps",
        "Prompt", "Chaos", "Cost", "Compliance", "Backup", "Edge",
    ]
    static let aspects = [
        "Functions", "Operations", "Architecture", "Performance", "Design", "Testing", "Automation", "Governance",
        "Reliability", "Migration", "Tuning", "Engineering", "Strategy", "Monitoring", "Delivery", "Scaling",
        "Hardening", "Modeling", "Integration", "Analytics",
    ]
    static let keywords = [
        "AWS Lambda", "Cloud Functions", "cold starts", "event triggers", "IaC", "Terraform", "CloudFormation",
        "API Gateway", "SQS", "Step Functions", "X-Ray", "OpenTelemetry", "Prometheus", "Grafana", "Helm",
        "Argo CD", "GitHub Actions", "SLOs", "FinOps", "IAM", "VPC", "DLQ", "SAM", "CDK", "Node.js", "p99 latency",
        "multi-region", "blue/green", "canary", "chaos testing", "least privilege", "runbooks",
    ]
    static let domains: [(String, [String])] = [
        ("Cloud & Infrastructure", ["Serverless", "Compute", "Networking", "Storage"]),
        ("Data & Analytics", ["Pipelines", "Warehousing", "Streaming"]),
        ("Software Engineering", ["Backend", "Frontend", "Mobile", "Languages"]),
        ("Reliability", ["Observability", "Incident Response", "Capacity"]),
        ("Security", ["Application Security", "Identity", "Compliance"]),
        ("AI & ML", ["Model Serving", "MLOps", "LLM Applications"]),
        ("Product & Delivery", ["Release Engineering", "Experimentation"]),
    ]
    static let roles = [
        "AI Product Engineer", "Cloud Engineer", "Infrastructure Engineer", "Platform Engineer", "Backend Developer",
        "Frontend Developer", "Mobile Developer", "Data Engineer", "ML Engineer", "Site Reliability Engineer",
        "Security Engineer", "QA Engineer", "DevOps Engineer", "Solutions Architect", "Engineering Manager",
        "Technical Writer",
    ]
    /// Sentence templates per level, Junior to Principal, in the seed page's style.
    static let sentences: [[String]] = [
        [
            "Understands basic {skill} concepts.", "Uses ready-made configurations.",
            "Performs simple operations under senior guidance.",
            "Understands basic {subject} concepts: {tool}, configuration files and the deployment model.",
            "Deploys simple changes using the CLI or the console.", "Follows existing {tool} configurations and IAM policies.",
            "Monitors invocations and basic error logs.", "Tests changes locally, e.g. with {tool}, before opening a pull request.",
            "Reads the team's runbooks and asks for help when a step is unclear.",
        ],
        [
            "Independently configures and manages {skill}.", "Writes IaC for standard tasks.",
            "Understands networking and security basics.",
            "Independently designs and deploys {subject} components with {tool} and event-driven triggers.",
            "Configures timeouts, memory limits, and retry policies for production workloads.",
            "Implements CI/CD pipelines for {subject} deployment.",
            "Configures observability for {subject} (tracing, structured logging, dashboards).",
            "Understands execution model nuances: timeouts, memory, and retry policies.",
        ],
        [
            "Designs infrastructure solutions with {skill}.", "Optimizes cost and performance.",
            "Introduces best practices and security hardening.",
            "Designs production-grade {subject} systems with multi-region failover, DLQ handling, and observability.",
            "Optimizes performance and cost through right-sizing, e.g. keeping p99 latency under 0.5 s.",
            "Implements least-privilege IAM and reviews every {tool} policy change.",
            "Mentors junior engineers on {skill} and reviews their designs.",
            "Leads incident reviews and turns findings into automated checks.",
        ],
        [
            "Defines infrastructure strategy with {skill}.", "Establishes IaC standards.", "Conducts architecture reviews.",
            "Optimizes FinOps.", "Defines {subject}-first strategy across the organization.",
            "Establishes standards for deployment, monitoring, and cost governance of {tool}.",
            "Conducts architecture reviews of {subject} solutions and sets targets such as 99.9% availability.",
            "Builds a community of practice around {skill} across teams.",
        ],
        [
            "Defines organizational cloud strategy.", "Evaluates multi-cloud vs single-cloud.",
            "Designs enterprise-grade infrastructure.", "Establishes FinOps practices.",
            "Shapes {subject} architecture strategy: {tool} for event processing, gateways for integration, workflows for orchestration.",
            "Designs patterns, i.e. fan-out/fan-in, saga, circuit breaker, for the whole company.",
            "Defines {skill} applicability boundaries and migration paths.",
            "Represents the organization's {skill} practice at industry conferences.",
        ],
    ]
    static let evidence = [
        "Led the cold-start work, PR #412.", "Paired with the platform team on the rollout.",
        "Wrote the design doc and ran the review.", "Shipped behind a feature flag; no incidents.",
        "Cut p99 latency from 800 ms to 120 ms.", "Presented at the engineering all-hands.",
        "Automated the runbook step that paged us weekly.", "Reviewed 14 pull requests on this area.",
        "Mentored two new joiners through their first deploys.", "Migrated the last service off the legacy stack.",
    ]
    static let firstNames = [
        "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Dennis", "Radia",
        "Linus", "Katherine", "Tim", "Hedy", "John", "Sophie", "Yukihiro", "Anita", "Guido", "Olga", "Ivan",
        "Mei", "Chidi", "Amara", "Lars", "Ines", "Tariq", "Priya", "Mateo",
    ]
    static let lastNames = [
        "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Ritchie",
        "Perlman", "Torvalds", "Johnson", "Berners-Lee", "Lamarr", "McCarthy", "Wilson", "Matsumoto", "Borg",
        "van Rossum", "Petrova", "Sokolov", "Chen", "Okafor", "Nwosu", "Nilsen", "García", "Haddad", "Iyer", "Rossi",
    ]
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
