import Testing

extension Trait where Self == ConditionTrait {
    /// For tests that run Ladder in tmux: where tmux is not installed the test is
    /// skipped, and the run says so. With `LADDER_REQUIRE_TMUX=1` (as `.ci/run` sets)
    /// the test runs anyway and fails on its first tmux call, saying tmux is missing.
    public static var needsTmux: Self {
        .enabled(if: Tmux.isAvailable || Tmux.isRequired, "tmux is not installed (LADDER_REQUIRE_TMUX=1 makes this a failure)")
    }
}
