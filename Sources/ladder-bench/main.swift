// `swift run -c release ladder-bench generate DIR [--scale N]` writes a large data
// folder; `swift run -c release ladder-bench run [--json FILE]` measures Ladder on it.
LadderBench.main()
