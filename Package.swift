// swift-tools-version:6.0
// Ladder: grow along a skill framework, in the terminal.
//
// Layers, each a target; data flows one way, top to bottom:
//   ladder (executable)  argument parsing and wiring only
//   LadderTerminal       the ncurses backend: the only code that imports curses
//   LadderTUI            app state, update(state, event), view(state) -> Canvas; pure Swift
//   LadderKit            model, profile files, journal store, progress
//   LadderProfiles       the bundled profiles, embedded in the binary
//   CNcursesw            the system's libncursesw (module map + shim)
import PackageDescription

let package = Package(
    name: "Ladder",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ladder", targets: ["ladder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: System library
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),

        // MARK: Libraries
        // The profiles that ship with Ladder, embedded as bytes so the binary finds
        // them wherever it runs from. Add a new file here and in BundledProfiles.swift.
        .target(
            name: "LadderProfiles",
            path: "Profiles",
            resources: [.embedInCode("serverless-functions.yaml")]
        ),
        .target(
            name: "LadderKit",
            dependencies: [
                "LadderProfiles",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "LadderTUI",
            dependencies: ["LadderKit"]
        ),
        .target(
            name: "LadderTerminal",
            dependencies: ["LadderTUI", "CNcursesw"]
        ),

        // MARK: Executable
        .executableTarget(
            name: "ladder",
            dependencies: [
                "LadderKit", "LadderTUI", "LadderTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmark
        // `swift run -c release ladder-bench`: generates large data folders and measures them.
        .executableTarget(
            name: "ladder-bench",
            dependencies: [
                "LadderKit", "LadderTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests (unit, UI snapshot, terminal, reliability, end to end) over one helpers target
        .target(
            name: "LadderTestSupport",
            path: "Tests/Support"
        ),
        .testTarget(
            name: "LadderKitTests",
            dependencies: ["LadderKit", "LadderTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "LadderTUITests",
            dependencies: ["LadderTUI", "LadderKit", "LadderTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "LadderTerminalTests",
            dependencies: ["LadderTerminal", "LadderTUI", "LadderTestSupport"]
        ),
        .testTarget(
            name: "LadderReliabilityTests",
            dependencies: ["LadderKit", "LadderTUI", "LadderTestSupport"]
        ),
        .testTarget(
            name: "LadderEndToEndTests",
            dependencies: ["LadderKit", "LadderTestSupport"]
        ),
    ]
)
