// swift-tools-version:6.0
// Ladder: grow along a skill framework, in the terminal.
//
// Layers, each a target; data flows one way, top to bottom:
//   ladder (executable)  argument parsing and wiring only
//   LadderTUI            app state, update(state, event), view(state) -> Canvas; pure Swift
//   LadderKit            model, profile files, journal store, progress
//   LadderProfiles       the bundled profiles, embedded in the binary
//   LadderTerminal       the Terminal protocol and run loop: NcursesTerminal (the only
//                        code that imports curses) and HeadlessTerminal; knows only CellGrid
//   CellGrid             Cell, Style, Canvas, Key, InputEvent, TerminalProgram, text width,
//                        neutralising control characters: what the UI and the backend share
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
        // The cell grid both sides share: no dependencies, so the terminal backend and
        // its run loop build and test without the model or the screens.
        .target(name: "CellGrid"),
        // The profiles that ship with Ladder, embedded as bytes so the binary finds
        // them wherever it runs from. Add a new file here and in BundledProfiles.swift.
        .target(
            name: "LadderProfiles",
            path: "Profiles",
            // pages/: the starter profiles' page texts, the importer's input for their golden test.
            exclude: ["pages"],
            resources: [
                .embedInCode("serverless-functions.yaml"),
                .embedInCode("ci-cd-pipelines.yaml"),
                .embedInCode("cloud-cost-and-finops.yaml"),
                .embedInCode("cloud-networking.yaml"),
                .embedInCode("cloud-security.yaml"),
                .embedInCode("containers-and-kubernetes.yaml"),
                .embedInCode("infrastructure-as-code.yaml"),
                .embedInCode("managed-databases.yaml"),
                .embedInCode("observability.yaml"),
            ]
        ),
        .target(
            name: "LadderKit",
            dependencies: [
                "CellGrid",
                "LadderProfiles",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "LadderTUI",
            dependencies: ["CellGrid", "LadderKit"]
        ),
        .target(
            name: "LadderTerminal",
            dependencies: ["CellGrid", "CNcursesw"]
        ),

        // MARK: Executable
        .executableTarget(
            name: "ladder",
            dependencies: [
                "CellGrid", "LadderKit", "LadderTUI", "LadderTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmark
        // `swift run -c release ladder-bench`: generates large data folders and measures them.
        .executableTarget(
            name: "ladder-bench",
            dependencies: [
                "CellGrid", "LadderKit", "LadderTUI", "LadderTerminal",
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
            dependencies: ["CellGrid", "LadderTUI", "LadderKit", "LadderTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "LadderTerminalTests",
            dependencies: ["CellGrid", "LadderTerminal", "LadderTestSupport"]
        ),
        .testTarget(
            name: "LadderReliabilityTests",
            dependencies: ["CellGrid", "LadderKit", "LadderTUI", "LadderTestSupport"]
        ),
        .testTarget(
            name: "LadderEndToEndTests",
            dependencies: ["LadderKit", "LadderTestSupport"]
        ),
    ]
)
