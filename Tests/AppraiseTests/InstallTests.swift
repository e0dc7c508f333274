import Foundation
import TestSupport
import Testing

/// `make install-files` into a temporary prefix, then the installed binary run from a folder outside the
/// source tree: it finds the installed catalogs, and the man page and completions are where `man` and the
/// shells look. The release binary and man page come from `make all` (a release build takes minutes, too
/// long for every `swift test`); `.ci/run` runs it first, and without it these tests are skipped unless
/// `APPRAISE_REQUIRE_ALL_CHECKS=1`.
@Suite(
  .enabled(
    if: InstallPrerequisites.areMet,
    "needs make and a release build with its man page: run `make all` first (.ci/run does)"))
struct InstallTests {
  static let root = AppraiseRunner.root

  /// A fresh temporary folder, removed when the test ends.
  final class Scratch {
    let url: URL
    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-install-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
  }

  /// Runs `make TARGET VARIABLE=VALUE…` at the repository root.
  static func make(_ arguments: [String]) throws -> AppraiseRunner.Result {
    let make = try #require(InstallPrerequisites.make, "make not found on PATH")
    return try AppraiseRunner.run(arguments, executable: make)
  }

  /// Installs into `prefix` and fails the test unless make succeeded.
  static func install(prefix: String) throws {
    let result = try make(["install-files", "PREFIX=\(prefix)"])
    try #require(result.status == 0, "make install-files failed: \(result.stderr)")
  }

  /// The files `make install` installs, relative to the prefix.
  static let installedFiles = [
    "bin/appraise",
    "share/appraise/practice-catalogs/cmmi-svc-1.3.json",
    "share/appraise/practice-catalogs/mappings/itil-cmmi-svc-1.3.json",
    "share/appraise/practice-catalogs/mappings/itsm-cmmi-svc-1.3.json",
    "share/man/man1/appraise.1",
    "share/bash-completion/completions/appraise",
    "share/zsh/site-functions/_appraise",
    "share/fish/vendor_completions.d/appraise.fish",
  ]

  @Test func installsEveryFileAndUninstallRemovesThem() throws {
    let scratch = try Scratch()
    let prefix = scratch.path("prefix")
    try Self.install(prefix: prefix)
    for file in Self.installedFiles {
      #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file) not installed")
    }
    #expect(FileManager.default.isExecutableFile(atPath: "\(prefix)/bin/appraise"))

    let result = try Self.make(["uninstall", "PREFIX=\(prefix)"])
    #expect(result.status == 0, "\(result.stderr)")
    for file in Self.installedFiles {
      #expect(!FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file) left after uninstall")
    }
    #expect(!FileManager.default.fileExists(atPath: "\(prefix)/share/appraise"))
  }

  @Test func destdirStagesUnderThePrefix() throws {
    let scratch = try Scratch()
    let result = try Self.make(["install-files", "DESTDIR=\(scratch.path("stage"))", "PREFIX=/usr"])
    try #require(result.status == 0, "\(result.stderr)")
    for file in Self.installedFiles {
      #expect(FileManager.default.fileExists(atPath: scratch.path("stage/usr/\(file)")), "\(file) not staged")
    }
  }

  /// Run from an empty folder with `APPRAISE_CATALOGS` unset, the installed binary rates with the
  /// installed catalog: a title changed in the installed copy shows in its output, so it read that copy
  /// and not the source tree's (the last folder it searches).
  @Test func installedBinaryRunsFromAnotherFolderWithTheInstalledCatalog() throws {
    let scratch = try Scratch()
    let prefix = scratch.path("prefix")
    try Self.install(prefix: prefix)
    let elsewhere = scratch.url.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let binary = URL(fileURLWithPath: "\(prefix)/bin/appraise")
    func run(_ arguments: [String]) throws -> AppraiseRunner.Result {
      try AppraiseRunner.run(arguments, unset: ["APPRAISE_CATALOGS"], executable: binary, directory: elsewhere)
    }

    let evidence = Self.root.appendingPathComponent("fixtures/company-a/after.xml").path
    let rated = try run(["rate", evidence])
    #expect(rated.status == 0, "\(rated.stderr)")
    #expect(rated.stderr.isEmpty)
    #expect(rated.stdout.contains("SCON SG 2"))
    let listed = try run(["catalog"])
    #expect(listed.status == 0, "\(listed.stderr)")
    for area in ["CAM", "SCON", "SD", "SSD", "SST", "STSM"] {
      #expect(listed.stdout.contains(area), "catalog does not list \(area)")
    }

    let installedCatalog = "\(prefix)/share/appraise/practice-catalogs/cmmi-svc-1.3.json"
    let original = try String(contentsOfFile: installedCatalog, encoding: .utf8)
    let marked = original.replacingOccurrences(
      of: "\"title\": \"CMMI for Services\"", with: "\"title\": \"CMMI for Services, installed copy\"")
    try #require(marked != original, "the catalog's model title was not found")
    try marked.write(toFile: installedCatalog, atomically: true, encoding: .utf8)
    let marks = try run(["rate", evidence])
    #expect(marks.status == 0, "\(marks.stderr)")
    #expect(marks.stdout.contains("CMMI for Services, installed copy"))
  }

  @Test func manPageIsTroffAndNamesEverySubcommand() throws {
    let scratch = try Scratch()
    let prefix = scratch.path("prefix")
    try Self.install(prefix: prefix)
    let page = try String(contentsOfFile: "\(prefix)/share/man/man1/appraise.1", encoding: .utf8)
    // mdoc: a date, a title in section 1, the name.
    #expect(page.contains(".Dd "))
    #expect(page.contains(".Dt APPRAISE 1"))
    #expect(page.contains(".Nm appraise"))
    for subcommand in ["rate", "compare", "plan", "trend", "validate", "template", "import", "catalog"] {
      #expect(page.contains(".It Em \(subcommand)"), "the man page does not describe \(subcommand)")
    }
  }

  @Test func completionsAreTheShellsOwn() throws {
    let scratch = try Scratch()
    let prefix = scratch.path("prefix")
    try Self.install(prefix: prefix)
    func read(_ file: String) throws -> String { try String(contentsOfFile: "\(prefix)/\(file)", encoding: .utf8) }
    #expect(
      try read("share/bash-completion/completions/appraise").contains("complete -o filenames -F _appraise appraise"))
    #expect(try read("share/zsh/site-functions/_appraise").hasPrefix("#compdef appraise"))
    #expect(try read("share/fish/vendor_completions.d/appraise.fish").contains("complete -c 'appraise'"))
  }

  #if os(Linux)
    /// The release build links the Swift runtime and Foundation statically (docs/performance.md): the
    /// installed binary needs no Swift shared library.
    @Test func installedBinaryNeedsNoSwiftSharedLibrary() throws {
      let scratch = try Scratch()
      let prefix = scratch.path("prefix")
      try Self.install(prefix: prefix)
      let ldd = try AppraiseRunner.run(["\(prefix)/bin/appraise"], executable: URL(fileURLWithPath: "/usr/bin/ldd"))
      #expect(ldd.status == 0, "\(ldd.stderr)")
      #expect(ldd.stdout.contains("libc.so"))
      for library in ["libswiftCore", "libFoundation", "libdispatch", "libswift_Concurrency"] {
        #expect(!ldd.stdout.contains(library), "linked dynamically: \(library)")
      }
    }
  #endif
}

/// What ``InstallTests`` needs: `make` and the products of `make all` (outside the suite, whose trait
/// cannot refer to the suite's own members).
enum InstallPrerequisites {
  /// `make` from PATH.
  static let make: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { URL(fileURLWithPath: String($0)).appendingPathComponent("make") }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

  /// True with make, the release binary and the man page, and under `.ci/run`
  /// (`APPRAISE_REQUIRE_ALL_CHECKS=1`), where anything missing must fail the tests instead.
  static var areMet: Bool {
    if ProcessInfo.processInfo.environment["APPRAISE_REQUIRE_ALL_CHECKS"] == "1" { return true }
    let built = [".build/release/appraise", ".build/manual/appraise.1"]
    return make != nil
      && built.allSatisfy {
        FileManager.default.fileExists(atPath: AppraiseRunner.root.appendingPathComponent($0).path)
      }
  }
}
