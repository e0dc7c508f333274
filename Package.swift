// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "appraise",
  products: [
    .executable(name: "appraise", targets: ["Appraise"]),
    .library(name: "AppraisalModel", targets: ["AppraisalModel"]),
    .library(name: "EvidenceParsers", targets: ["EvidenceParsers"]),
    .library(name: "AppraiseKit", targets: ["AppraiseKit"]),
    .library(name: "ITSMImport", targets: ["ITSMImport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // SHA-256 of the input files in reports, computed while they are read (Foundation on Linux has no
    // CryptoKit).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // The zip container of .xlsx evidence (docs/xlsx.md); its XML parts go through the libxml2 reader.
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    // Catalog, evidence model and the SCAMPI rating rules. Pure Swift: no C, no file syntax, no CLI.
    .target(name: "AppraisalModel"),
    // libxml2 from Debian's libxml2-dev; imported by exactly one Swift file in EvidenceParsers.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // libxlsxwriter, for `--format xlsx` (docs/xlsx.md, "Dependencies"). On Linux, XLSXWriterLoader (C) opens it
    // when the first workbook is written, so the binary starts without it and the OpenSSL it pulls in; its
    // header comes from Debian's libxlsxwriter-dev in /usr/include. On macOS it is linked through pkg-config.
    .systemLibrary(
      name: "CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
    ),
    .target(
      name: "XLSXWriterLoader", dependencies: [.target(name: "CXLSXWriter", condition: .when(platforms: [.macOS]))]),
    // zlib (Debian's zlib1g-dev, which ZIPFoundation needs on Linux too): a workbook's sheet is inflated as
    // libxml2 reads it, so it is never held whole (ZIPFoundation only hands out whole entries or pushes chunks).
    .systemLibrary(name: "CAppraiseZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // Bytes to model values: XML, JSON and CSV readers and the catalog loader.
    .target(
      name: "EvidenceParsers",
      dependencies: [
        "AppraisalModel", "CLibXML2", "CAppraiseZlib", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    // ITSM exports → imported evidence: record model, tool profiles, native-record readers, mapping rules and
    // the importer together (docs/itsm-import.md).
    .target(name: "ITSMImport", dependencies: ["AppraisalModel", "EvidenceParsers"]),
    // The pipelines (read → validate → rate → report) and the report model with every renderer, for any
    // Swift program (docs/architecture.md).
    .target(name: "AppraiseKit", dependencies: ["AppraisalModel", "EvidenceParsers", "XLSXWriterLoader"]),
    // The `appraise` command: arguments, exit codes, terminal and atomic output, nothing else.
    .executableTarget(
      name: "Appraise",
      dependencies: [
        "AppraisalModel", "EvidenceParsers", "ITSMImport", "AppraiseKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What every test target shares: the binary runner, golden files, optional tools.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    // EvidenceParsers to read the Company A fixtures for the readiness check (the model itself stays pure).
    .testTarget(name: "AppraisalModelTests", dependencies: ["AppraisalModel", "ITSMImport", "EvidenceParsers"]),
    // CLibXML2 for the XSD check of the fixtures through libxml2's schema validator (no Python needed).
    // ZIPFoundation to build hostile workbooks in the tests.
    .testTarget(
      name: "EvidenceParsersTests",
      dependencies: [
        "EvidenceParsers", "CLibXML2", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    // The ITSM import: tool profiles against the fixtures, mapping rules, the pipeline.
    .testTarget(
      name: "ITSMImportTests", dependencies: ["ITSMImport", "EvidenceParsers", "AppraisalModel", "TestSupport"]),
    .testTarget(name: "AppraiseTests", dependencies: ["Appraise", "AppraiseKit", "TestSupport"]),
    // A client of the library product alone: every report format produced in-process.
    .testTarget(name: "AppraiseKitTests", dependencies: ["AppraiseKit", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
