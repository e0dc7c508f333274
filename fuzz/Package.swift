// swift-tools-version: 6.0
// libFuzzer harnesses for the readers and renderers (docs/fuzzing.md). A package of its own so the main
// `swift build` never sees the fuzz executables; build and run them with `fuzz/run.sh`.
import PackageDescription

let library: [Target.Dependency] = [
  .product(name: "AppraisalModel", package: "appraise"),
  .product(name: "EvidenceParsers", package: "appraise"),
  .product(name: "AppraiseKit", package: "appraise"),
  .product(name: "ITSMImport", package: "appraise"),
]

let package = Package(
  name: "appraise-fuzz",
  dependencies: [
    // Named so the identity does not depend on the directory the repository was cloned into.
    .package(name: "appraise", path: "..")
  ],
  targets: [
    // What every harness drives: the library pipeline the CLI runs (AppraisalPipeline: read → validate →
    // rate → compare → render), plus the ITSM import.
    .target(name: "FuzzSupport", dependencies: library),
    .executableTarget(name: "FuzzXML", dependencies: ["FuzzSupport"] + library),
    // The command's streaming XML read; it only takes a path (the input goes through a memfd).
    .executableTarget(name: "FuzzXMLStreaming", dependencies: ["FuzzSupport"] + library),
    .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport"] + library),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"] + library),
    // An .xlsx workbook (the zip, its XML parts, the sheet's cells) through the same pipeline.
    .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzSupport"] + library),
    .executableTarget(name: "FuzzCatalog", dependencies: ["FuzzSupport"] + library),
    // Every report format of a rated fuzzed appraisal (first byte: syntax, detail, view), checked for
    // well-formedness.
    .executableTarget(name: "FuzzRender", dependencies: ["FuzzSupport"] + library),
    // `appraise import`: an ITSM export (first byte: tool and file type) → records → evidence → round trip.
    .executableTarget(name: "FuzzITSM", dependencies: ["FuzzSupport"] + library),
  ],
  swiftLanguageModes: [.v6]
)
