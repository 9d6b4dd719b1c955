import Foundation
import LadderTestSupport
import Testing

/// A mentor's whole 1:1 in a real terminal at 80×24, with real-length text: open the
/// mentee, start the review, read a tick's thread, confirm one tick, question
/// another, see the mentee's answer (given with the CLI in another shell) arrive,
/// accept it, note the review, end it; then the report. Every screen is read whole.
@Suite(.serialized, .needsTmux) struct ReviewSessionTests {
    static let evidence = "Led the cold-start work on the billing and invoicing functions across three services, cutting p95 latency from 1.8 s to 400 ms, documented in the runbook"
    static let question = "Which of the three services had the worst cold starts before the change, and how did you measure p95 latency there, with traces or the load test?"
    static let answer = "The invoicing service: 1.8 s p95 before, measured with X-Ray traces over a week of production traffic, then again after the change."
    static let reviewNote = "Good month: the cold-start work is Senior-level; next, security hardening with the platform team."

    @Test func aWholeOneOnOneAt80ColumnsThenTheReport() throws {
        let home = try TestSupport.makeTempFolder("ladder-review")
        defer { TestSupport.removeFolder(home) }
        func ladder(_ arguments: String...) throws -> TestSupport.Output {
            let output = try TestSupport.ladder(arguments, home: home)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return output
        }
        // The mentor names herself; the mentee has two Senior ticks with evidence.
        _ = try ladder("init", "--name", "Olga Petrova")
        _ = try ladder("role", "Cloud Engineer", "--level", "Middle")
        _ = try ladder("people", "add", "Ana Silva", "--mentee")
        _ = try ladder("track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", "ana-silva")
        let show = try ladder("show", "serverless-functions", "--role", "cloud-engineer", "--level", "Senior", "--json")
        let ids = try #require(Self.ids(show.stdout))
        _ = try ladder("tick", "serverless-functions", ids[0], ids[1], "--note", Self.evidence, "--person", "ana-silva")

        let session = try Tmux.ladder(home: home, width: 80, height: 24)
        #expect(try session.waitFor("Toward Senior") != nil, "\(session.shown)")
        try session.send("P")
        #expect(try session.waitFor("Ana Silva (mentee)") != nil, "\(session.shown)")
        try session.send("Up", "Enter")
        #expect(try session.waitFor("Showing Ana Silva.") != nil, "\(session.shown)")
        try session.send("R")
        #expect(try session.waitFor("No review of Ana Silva is open") != nil, "\(session.shown)")
        try session.send("S")
        #expect(try session.waitFor("Review started.") != nil, "\(session.shown)")
        let changes = try #require(try session.waitFor("ticked (Senior): Optimizes cost and performance."), "\(session.shown)")
        #expect(Self.words(changes).contains(Self.words(Self.evidence)), "the evidence is read whole at 80 columns: \(changes)")

        // The first tick's thread: the expectation in full, its evidence with dates.
        try session.send("Down", "Enter")
        let thread = try #require(try session.waitFor("Not reviewed yet."), "\(session.shown)")
        #expect(thread.contains("Designs infrastructure solutions with Serverless Functions."), "\(thread)")
        #expect(Self.words(thread).contains(Self.words(Self.evidence)), "\(thread)")
        try session.send("Escape", "c")
        #expect(try session.waitFor("confirmed by Olga Petrova") != nil, "\(session.shown)")

        // Question the second tick with a long question: shown whole, marked open.
        try session.send("Down", "w")
        #expect(try session.waitFor("Question (what is unclear?)") != nil, "\(session.shown)")
        try session.send("-l", Self.question)
        try session.send("Enter")
        let asked = try #require(try session.waitFor("Question saved"), "\(session.shown)")
        #expect(asked.contains("? open question by Olga Petrova"), "\(asked)")
        #expect(Self.words(asked).contains(Self.words(Self.question)), "the question is read whole: \(asked)")

        // Ana answers from the CLI; the open screen shows it without a key press.
        _ = try ladder("answer", "serverless-functions", ids[1], Self.answer, "--person", "ana-silva")
        let answered = try #require(try session.waitFor("! answered, waiting for you", timeout: 5), "\(session.shown)")
        #expect(Self.words(answered).contains(Self.words(Self.answer)), "the answer is read whole: \(answered)")
        try session.send("A")
        #expect(try session.waitFor("Answer accepted") != nil, "\(session.shown)")
        try session.send("r")
        #expect(try session.waitFor("Review note:") != nil, "\(session.shown)")
        try session.send("-l", Self.reviewNote)
        try session.send("Enter")
        #expect(try session.waitFor("Review note saved.") != nil, "\(session.shown)")
        try session.send("E")
        let ended = try #require(try session.waitFor("Review ended."), "\(session.shown)")
        #expect(Self.words(ended).contains(Self.words(Self.reviewNote)), "the review's note is read whole: \(ended)")
        try session.send("q")
        #expect(try session.waitForShell(), "\(session.shown)")

        let report = try ladder("report", "ana-silva")
        #expect(report.stdout.contains("# Growth report: Ana Silva"))
        #expect(report.stdout.contains("Confirmed by Olga Petrova"), "\(report.stdout)")
        #expect(report.stdout.contains(Self.answer), "\(report.stdout)")
        #expect(report.stdout.contains(Self.reviewNote), "\(report.stdout)")
        let reviews = try ladder("review", "list", "ana-silva", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(reviews.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["confirmed"] as? Int == 2, "one confirmed, one answered and accepted (which counts as confirmed)")
        #expect(list.first?["questioned"] as? Int == 1)
        #expect(list.first?["open_at_end"] as? Int == 0, "the answered question was accepted before the end")
    }

    /// A screen's (or a text's) words in order, whatever the wrapping and indentation.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func ids(_ json: String) -> [String]? {
        guard let profile = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let role = (profile["roles"] as? [[String: Any]])?.first,
              let level = (role["levels"] as? [[String: Any]])?.first,
              let expectations = level["expectations"] as? [[String: String]] else { return nil }
        return expectations.compactMap { $0["id"] }
    }
}
