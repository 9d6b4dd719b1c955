import Foundation
import Testing
@testable import LadderKit

@Suite struct SentencesTests {
    /// Splits and checks the invariant the importer relies on.
    func split(_ text: String) -> [String] {
        let sentences = Sentences.split(text)
        #expect(sentences.joined(separator: " ") == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        return sentences
    }

    @Test func splitsPlainSentences() {
        #expect(split("Deploys functions. Monitors logs! Asks why? Fixes it.")
                == ["Deploys functions.", "Monitors logs!", "Asks why?", "Fixes it."])
    }

    @Test(arguments: [
        "Uses managed runtimes, e.g. AWS Lambda or Cloud Functions.",
        "Knows the limits, i.e. Timeouts and memory.",
        "Compares Lambda vs. Fargate for batch jobs.",
        "Writes handlers in Node.js and Python.",
        "Keeps cold starts under 0.5 s for APIs.",
        "Meets a 99.9% availability target.",
        "Reads the docs (e.g. AWS Well-Architected) first.",
        "Works with the U.S. East region.",
        "Works with J. Smith on reviews.",
        "Tunes memory, approx. 512 MB per function.",
        "Runs jobs at 9 a.m. UTC daily.",
        "Moves from v1.2 to v2.0 without downtime.",
        "Loads config from .env files.",
    ])
    func trapsDoNotSplit(_ sentence: String) {
        #expect(split(sentence) == [sentence])
    }

    @Test func trapsInsideLongerText() {
        let text = "Uses e.g. Lambda. Compares Lambda vs. Fargate. Writes Node.js code. Answers in 0.5 s. Keeps 99.9% uptime."
        #expect(split(text) == ["Uses e.g. Lambda.", "Compares Lambda vs. Fargate.", "Writes Node.js code.", "Answers in 0.5 s.", "Keeps 99.9% uptime."])
    }

    @Test func unitAtTheEndOfASentenceSplits() {
        #expect(split("Responds within 0.5 s. Scales to zero.") == ["Responds within 0.5 s.", "Scales to zero."])
    }

    @Test func etcEndsASentenceBeforeACapital() {
        #expect(split("Uses SQS, SNS, etc. Designs queues.") == ["Uses SQS, SNS, etc.", "Designs queues."])
        #expect(split("Uses SQS, SNS, etc. in pipelines.") == ["Uses SQS, SNS, etc. in pipelines."])
    }

    @Test func periodBeforeLowerCaseOrContinuationDoesNotSplit() {
        #expect(split("Calls foo. bar and baz.") == ["Calls foo. bar and baz."])
        #expect(split("Ends here. — not a new one.") == ["Ends here. — not a new one."])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(split("Adds tracing (X-Ray). Reads \"The Guide.\" Ships it.")
                == ["Adds tracing (X-Ray).", "Reads \"The Guide.\"", "Ships it."])
    }

    @Test func listNumberDoesNotMakeASentence() {
        #expect(split("1. Deploys a function. 2. Monitors it.") == ["1. Deploys a function.", "2. Monitors it."])
    }

    @Test func digitsAndEmojiStartSentences() {
        #expect(split("Scales out. 3 regions are live.") == ["Scales out.", "3 regions are live."])
        #expect(split("Ships fast. 🚀 Celebrates.") == ["Ships fast.", "🚀 Celebrates."])
    }

    @Test func unicodeScripts() {
        #expect(split("Понимает основы. Развёртывает функции, напр. AWS Lambda.")
                == ["Понимает основы.", "Развёртывает функции, напр. AWS Lambda."])
        #expect(split("Настраивает SQS, SNS и т.д. Проектирует очереди.") == ["Настраивает SQS, SNS и т.д.", "Проектирует очереди."])
        #expect(split("理解基本概念。 部署简单函数。") == ["理解基本概念。", "部署简单函数。"])
        // CJK sentences with no space between cannot be cut without changing the text.
        #expect(split("理解基本概念。部署简单函数。") == ["理解基本概念。部署简单函数。"])
        #expect(split("Ships 🚀 weekly. Tracks 📈 costs.") == ["Ships 🚀 weekly.", "Tracks 📈 costs."])
    }

    @Test func whitespaceIsFolded() {
        #expect(Sentences.split("  One.\t Two.\n Three.  ") == ["One.", "Two.", "Three."])
        #expect(Sentences.split("") == [])
        #expect(Sentences.split("   ") == [])
    }

    @Test func ellipsisEndsASentence() {
        #expect(split("Waits… Then retries.") == ["Waits…", "Then retries."])
        #expect(split("Waits... Then retries.") == ["Waits...", "Then retries."])
    }

    /// Every description of the real page splits into the sentences a reader sees.
    @Test func seedPageDescriptions() throws {
        let page = try ImportFixtures.seedText()
        let roles = ImportFixtures.seedRoles
        var counts: [Int] = []
        for line in page.split(separator: "\n") {
            guard let role = roles.first(where: { line.hasPrefix($0 + " ") }) else { continue }
            var description = String(line.dropFirst(role.count + 1))
            if description.hasPrefix("Required ") { description = String(description.dropFirst(9)) }
            let sentences = split(description)
            #expect(sentences.allSatisfy { $0.hasSuffix(".") })
            counts.append(sentences.count)
        }
        #expect(counts == [3, 3, 3, 4,  3, 3, 3, 3,  3, 3, 3, 3,  4, 3, 3, 3,  4, 3, 2, 3])
        let patterns = "Shapes serverless architecture strategy: Lambda/Cloud Functions for event processing, API Gateway integration, Step Functions for orchestration. Designs patterns — fan-out/fan-in, saga, circuit breaker. Defines serverless applicability boundaries and migration paths."
        #expect(split(patterns).count == 3)
        #expect(split("Defines organizational cloud strategy. Evaluates multi-cloud vs single-cloud. Designs enterprise-grade infrastructure. Establishes FinOps practices.").count == 4)
    }
}
