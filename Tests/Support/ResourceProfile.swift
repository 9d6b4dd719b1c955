/// A profile whose expectations and skill carry resources, for the learning plan's
/// tests: one role (Cloud Engineer), levels Junior, Middle and Senior.
public enum ResourceProfile {
    public static let id = "learning-plan"
    /// A title of real length: 150 characters.
    public static let longTitle = "The complete practical guide to designing, operating and paying for event-driven serverless systems in production, with case studies from three teams."
    public static let url = "https://docs.example.com/serverless/guides/event-driven-design?chapter=cold-starts&edition=2026#measuring-the-p99"

    /// YAML for `profiles/learning-plan.yaml`; `resource` is written as the first
    /// Senior expectation's resource entry (YAML lines under `resources:`).
    public static func yaml(title: String = longTitle, url: String = url) -> String {
        """
        schema: 1
        id: \(id)
        name: Learning Plan
        keywords: [plans]
        domain: Testing
        group: Plans
        updated: '2026-01-01'
        resources:
        - title: The team's serverless handbook
          url: https://wiki.example.com/serverless
        levels: [Junior, Middle, Senior]
        roles:
        - id: cloud-engineer
          name: Cloud Engineer
          levels:
          - level: Junior
            required: true
            expectations:
            - id: j1
              text: Starts here.
          - level: Middle
            required: true
            expectations:
            - id: m1
              text: Builds a function.
          - level: Senior
            required: true
            expectations:
            - id: s1
              text: Designs event-driven systems.
              resources:
              - title: "\(title)"
                url: "\(url)"
              - title: Cold starts, measured
                url: http://blog.example.org/cold-starts
            - id: s2
              text: Optimizes cost and performance.
        - id: data-engineer
          name: Data Engineer
          levels:
          - level: Junior
            required: false
            expectations:
            - id: dj1
              text: Reads a pipeline.
          - level: Middle
            required: false
            expectations:
            - id: dm1
              text: Writes a pipeline.
          - level: Senior
            required: true
            expectations:
            - id: ds1
              text: Designs pipelines.

        """
    }
}
