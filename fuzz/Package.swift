// swift-tools-version: 6.0
// libFuzzer harnesses for the readers (docs/fuzzing.md). A package of its own so the main
// `swift build` never sees the fuzz executables; build and run them with `fuzz/run.sh`.
import PackageDescription

let parsers: [Target.Dependency] = [
  .product(name: "AppraisalModel", package: "appraise"),
  .product(name: "EvidenceParsers", package: "appraise"),
]

let package = Package(
  name: "appraise-fuzz",
  dependencies: [
    // Named so the identity does not depend on the directory the repository was cloned into.
    .package(name: "appraise", path: "..")
  ],
  targets: [
    // What every harness drives: bytes → reader → validation → rating, as the CLI does.
    .target(name: "FuzzSupport", dependencies: parsers),
    .executableTarget(name: "FuzzXML", dependencies: ["FuzzSupport"] + parsers),
    // The command's streaming XML read; it only takes a path (the input goes through a memfd).
    .executableTarget(name: "FuzzXMLStreaming", dependencies: ["FuzzSupport"] + parsers),
    .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport"] + parsers),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"] + parsers),
    .executableTarget(name: "FuzzCatalog", dependencies: ["FuzzSupport"] + parsers),
    // `appraise import`: an ITSM export (first byte: tool and file type) → records → evidence → round trip.
    .executableTarget(name: "FuzzITSM", dependencies: ["FuzzSupport"] + parsers),
  ],
  swiftLanguageModes: [.v6]
)
