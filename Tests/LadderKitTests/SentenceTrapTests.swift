import Testing
@testable import LadderKit

/// The splitting traps the product names; the importer's own tests cover more.
@Suite struct SentenceTrapTests {
    @Test(arguments: [
        "Uses managed runtimes, e.g. AWS Lambda and Cloud Run.",
        "Knows the trade-offs, i.e. Latency against cost.",
        "Compares containers vs. Functions for each case.",
        "Writes handlers in Node.js and Python.",
        "Keeps cold starts under 0.5 s at p99.",
        "Holds 99.9% availability for critical paths.",
    ])
    func trapsDoNotSplit(_ sentence: String) {
        #expect(Sentences.split(sentence) == [sentence])
    }

    @Test func realSentencesSplitAndJoinBack() {
        let text = "Deploys simple functions using CLI or console. Follows existing event trigger configurations. Uses Node.js, e.g. Express."
        let parts = Sentences.split(text)
        #expect(parts.count == 3)
        #expect(parts.joined(separator: " ") == text)
    }
}
