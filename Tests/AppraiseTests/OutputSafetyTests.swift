import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `--output` may and may not do (README "Exit codes", Sources/Appraise/Support/OutputFile.swift):
/// the report replaces its target by renaming a temporary file written beside it; on any error nothing is
/// created and an existing file keeps its bytes; the output can never be one of the inputs, however its
/// path is spelt; and inputs are only ever read.
@Suite("Output safety, end to end")
struct OutputSafetyTests {
  /// A scratch folder, removed afterwards.
  final class Folder {
    let url: URL
    var path: String { url.path }

    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-output-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
      // Undo chmods so the folder can be removed.
      chmod(url.path, 0o755)
      try? FileManager.default.removeItem(at: url)
    }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies a repository file here.
    @discardableResult
    func copy(_ relative: String, to name: String) throws -> String {
      let target = file(name)
      try FileManager.default.copyItem(
        atPath: AppraiseRunner.root.appendingPathComponent(relative).path, toPath: target)
      return target
    }

    /// The folder's entries, hidden ones included (a leftover `.name.PID.tmp` would show here).
    func entries(_ sub: String = "") throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? path : file(sub)).sorted()
    }
  }

  /// A file's bytes, modification time (ns) and inode, to show it was left alone.
  struct Snapshot: Equatable {
    var bytes: Data
    var modified: Int
    var inode: UInt64
    var mode: UInt32

    init(_ path: String) throws {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      var info = stat()
      guard stat(path, &info) == 0 else { throw POSIXError(.ENOENT) }
      modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
      inode = UInt64(info.st_ino)
      mode = UInt32(info.st_mode) & 0o7777
    }
  }

  /// Sets a file's modification time a day back, so that any write would show.
  static func backdate(_ path: String) {
    var times = [timespec(tv_sec: time(nil) - 86_400, tv_nsec: 0), timespec(tv_sec: time(nil) - 86_400, tv_nsec: 0)]
    _ = utimensat(AT_FDCWD, path, &times, 0)
  }

  // MARK: - Atomic replacement

  @Test("the report replaces its target by a rename: no temporary file remains", arguments: ["md", "json", "html"])
  func replacedByRename(format: String) throws {
    let folder = try Folder()
    let target = folder.file("report.\(format)")
    try Data("old report\n".utf8).write(to: URL(fileURLWithPath: target))
    // A second name for the old file: an in-place write would change it too, a rename does not.
    #expect(link(target, folder.file("previous")) == 0)
    let before = try Snapshot(target)
    let result = try AppraiseRunner.run(["rate", "fixtures/company-a/after.xml", "--output", target])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let after = try Snapshot(target)
    #expect(after.inode != before.inode)
    #expect(after.bytes.count > 1000)
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("previous"))) == Data("old report\n".utf8))
    #expect(try folder.entries() == ["previous", "report.\(format)"])
  }

  @Test("--fail-on still writes the report (exit 1), atomically")
  func failOnWritesTheReport() throws {
    let folder = try Folder()
    let target = folder.file("report.json")
    let result = try AppraiseRunner.run([
      "rate", "fixtures/company-a/after.xml", "--fail-on", "unsatisfied", "--output", target,
    ])
    #expect(result.status == 1)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"))
    #expect(try folder.entries() == ["report.json"])
  }

  // MARK: - Nothing written on error

  struct Failure: Sendable, CustomTestStringConvertible {
    var description: String
    /// Arguments before `--output TARGET`.
    var arguments: [String]
    var status: Int32
    var testDescription: String { description }
  }

  static let failures: [Failure] = [
    Failure(
      description: "invalid evidence (65)", arguments: ["rate", "fixtures/invalid/evidence/xml-bad-values.xml"],
      status: 65),
    Failure(
      description: "invalid CSV evidence (65)", arguments: ["rate", "fixtures/invalid/evidence/csv-ragged.csv"],
      status: 65),
    Failure(
      description: "compare with an invalid after (65)",
      arguments: ["compare", "fixtures/company-a/before.xml", "fixtures/invalid/evidence/json-types.json"], status: 65),
    Failure(
      description: "invalid catalog (65)",
      arguments: [
        "rate", "fixtures/company-a/after.xml", "--catalog", "fixtures/invalid/catalogs/broken-cmmi-svc.json",
      ], status: 65),
    Failure(description: "missing input (66)", arguments: ["rate", "fixtures/company-a/missing.xml"], status: 66),
    Failure(
      description: "unknown format (64)", arguments: ["rate", "fixtures/company-a/after.xml", "--format", "docx"],
      status: 64),
  ]

  @Test("on a bad input nothing is created and an existing output keeps its bytes", arguments: failures)
  func nothingWrittenOnBadInput(_ failure: Failure) throws {
    let folder = try Folder()
    let fresh = folder.file("fresh.txt")
    var result = try AppraiseRunner.run(failure.arguments + ["--output", fresh])
    #expect(result.status == failure.status, "\(result.stderr)")
    #expect(!result.stderr.isEmpty)
    #expect(try folder.entries().isEmpty)

    let existing = folder.file("existing.txt")
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: existing))
    Self.backdate(existing)
    let before = try Snapshot(existing)
    result = try AppraiseRunner.run(failure.arguments + ["--output", existing])
    #expect(result.status == failure.status, "\(result.stderr)")
    #expect(try Snapshot(existing) == before)
    #expect(try folder.entries() == ["existing.txt"])
  }

  @Test("an output path that cannot be written exits 73 and leaves nothing behind")
  func unwritablePath() throws {
    let folder = try Folder()
    try Data("a file, not a folder\n".utf8).write(to: URL(fileURLWithPath: folder.file("plain")))
    try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: false)
    for (target, message) in [
      (folder.file("missing/report.md"), "cannot create a file in \(folder.file("missing"))"),
      (folder.file("plain/report.md"), "cannot create a file in \(folder.file("plain"))"),
      (folder.file("sub"), "is a directory; expected a file path"),
    ] {
      let result = try AppraiseRunner.run(["rate", "fixtures/company-a/after.xml", "--output", target])
      #expect(result.status == 73, "\(target): \(result.stderr)")
      #expect(result.stderr.hasPrefix("cannot write \(target): \(message)"), "\(result.stderr)")
      #expect(result.stdout.isEmpty)
      #expect(try folder.entries() == ["plain", "sub"])
      #expect(try folder.entries("sub").isEmpty)
    }
  }

  /// Root may write into a read-only folder, so this case only runs as another user.
  @Test(
    "a read-only folder: exit 73, the existing output keeps its bytes, no temporary file",
    .enabled(if: geteuid() != 0, "root can write into a read-only folder"))
  func readOnlyFolder() throws {
    let folder = try Folder()
    let existing = folder.file("report.md")
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: existing))
    let before = try Snapshot(existing)
    #expect(chmod(folder.path, 0o555) == 0)
    let result = try AppraiseRunner.run(["rate", "fixtures/company-a/after.xml", "--output", existing])
    chmod(folder.path, 0o755)
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("cannot write \(existing): cannot create a file in \(folder.path)"))
    #expect(try Snapshot(existing) == before)
    #expect(try folder.entries() == ["report.md"])
  }

  // MARK: - The output is never an input

  /// Ways to name `in.xml` (in a folder that also holds `sub/`, `link.xml` → `in.xml`, `hard.xml` ⇔ `in.xml`
  /// and `sublink` → `sub`).
  static let spellings: [String] = [
    "in.xml", "sub/../in.xml", "sub//../in.xml", "./sub/./../in.xml", "link.xml", "hard.xml", "sub/../link.xml",
    "sublink/../in.xml",
  ]

  @Test("--output naming the input is refused (64) however it is spelt", arguments: spellings)
  func outputIsInputRate(spelling: String) throws {
    let folder = try Folder()
    let input = try Self.inputFolder(folder)
    let before = try Snapshot(input)
    // Absolute, and relative to the working directory (the repository root): Foundation's URL resolves `..`
    // lexically in relative paths only (`sub//../in.xml` became `sub/in.xml`).
    for output in [folder.path + "/" + spelling, Self.relative(folder.path) + "/" + spelling] {
      try refuse(output, input: input, before: before, folder: folder)
    }
  }

  private func refuse(_ output: String, input: String, before: Snapshot, folder: Folder) throws {
    for arguments in [
      ["rate", input, "--output", output], ["compare", input, folder.file("other.json"), "--output", output],
      ["compare", folder.file("other.json"), folder.path + "/./" + "in.xml", "--output", output],
    ] {
      let result = try AppraiseRunner.run(arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("Error: --output \(output) is one of the input files"), "\(result.stderr)")
      #expect(result.stdout.isEmpty)
      #expect(try Snapshot(input) == before)
      #expect(try folder.entries() == ["hard.xml", "in.xml", "link.xml", "other.json", "sub", "sublink"])
      #expect(try folder.entries("sub").isEmpty)
    }
  }

  /// `path` (absolute) relative to the runner's working directory, the repository root: `../../tmp/…`.
  static func relative(_ path: String) -> String {
    let depth = AppraiseRunner.root.standardizedFileURL.pathComponents.count - 1
    return String(repeating: "../", count: depth) + path.drop { $0 == "/" }
  }

  /// `sublink/..` is the parent of sub's *target*; when that is elsewhere, `sublink/../in.xml` is not the input.
  @Test("a path through a symbolic link is resolved as the kernel does, not lexically")
  func symlinkParentIsNotLexical() throws {
    let folder = try Folder()
    let input = try Self.inputFolder(folder)
    let elsewhere = try Folder()
    try FileManager.default.createDirectory(atPath: elsewhere.file("deep"), withIntermediateDirectories: false)
    #expect(symlink(elsewhere.file("deep"), folder.file("away")) == 0)
    let output = folder.file("away") + "/../in.xml"  // = elsewhere/in.xml, a new file
    let result = try AppraiseRunner.run(["rate", input, "--format", "text", "--output", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: elsewhere.file("in.xml")))
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == Data(contentsOf: Self.afterXML))
  }

  @Test("--output naming the catalog is refused (64): a --catalog file and the bundled one")
  func outputIsCatalog() throws {
    let folder = try Folder()
    let catalog = try folder.copy("practice-catalogs/cmmi-svc-1.3.json", to: "cmmi-svc-1.3.json")
    let before = try Snapshot(catalog)
    var result = try AppraiseRunner.run([
      "rate", "fixtures/company-a/after.xml", "--catalog", catalog, "--output", folder.path + "/./cmmi-svc-1.3.json",
    ])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("is one of the input files"))
    // The bundled catalog, found through APPRAISE_CATALOGS so that a failure cannot touch the repository's.
    result = try AppraiseRunner.run(
      ["rate", "fixtures/company-a/after.xml", "--output", catalog], environment: ["APPRAISE_CATALOGS": folder.path])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("Error: --output \(catalog) is one of the input files"))
    #expect(try Snapshot(catalog) == before)
    #expect(try folder.entries() == ["cmmi-svc-1.3.json"])
  }

  static let afterXML = AppraiseRunner.root.appendingPathComponent("fixtures/company-a/after.xml")

  /// Fills `folder` with `in.xml` (a copy of company-a/after.xml), `other.json` (before.json), `sub/`,
  /// `link.xml` → `in.xml`, `hard.xml` (a hard link to in.xml) and `sublink` → `sub`; returns in.xml's path.
  static func inputFolder(_ folder: Folder) throws -> String {
    let input = try folder.copy("fixtures/company-a/after.xml", to: "in.xml")
    try folder.copy("fixtures/company-a/before.json", to: "other.json")
    try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: false)
    #expect(symlink("in.xml", folder.file("link.xml")) == 0)
    #expect(link(input, folder.file("hard.xml")) == 0)
    #expect(symlink("sub", folder.file("sublink")) == 0)
    backdate(input)
    return input
  }

  // MARK: - Inputs are only read

  @Test("read-only inputs (0444) work, and no command changes an input's bytes, mode or time")
  func inputsAreOnlyRead() throws {
    let folder = try Folder()
    let inputs = [
      try folder.copy("fixtures/company-a/before.xml", to: "before.xml"),
      try folder.copy("fixtures/company-a/after.json", to: "after.json"),
      try folder.copy("fixtures/company-a/after.csv", to: "after.csv"),
      try folder.copy("practice-catalogs/cmmi-svc-1.3.json", to: "catalog.json"),
    ]
    for input in inputs {
      #expect(chmod(input, 0o444) == 0)
      Self.backdate(input)
    }
    let before = try inputs.map(Snapshot.init)
    let (xml, json, csv, catalog) = (inputs[0], inputs[1], inputs[2], inputs[3])
    let output = folder.file("out")
    for arguments in [
      ["rate", xml], ["rate", json, "--format", "json"],
      ["rate", csv, "--format", "html", "--output", output + ".html"],
      ["rate", xml, "--catalog", catalog, "--format", "csv"], ["compare", xml, json, "--format", "markdown"],
      ["compare", json, csv, "--catalog", catalog, "--output", output + ".txt"], ["validate", xml, json, csv],
      ["validate", "--catalog", catalog, csv], ["catalog", "--catalog", catalog],
      ["catalog", "SCON", "--catalog", catalog],
    ] {
      let result = try AppraiseRunner.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(try inputs.map(Snapshot.init) == before, "\(arguments)")
    }
    #expect(before.allSatisfy { $0.mode == 0o444 })
  }
}
