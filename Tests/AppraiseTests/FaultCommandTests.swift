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

/// Faults around the rating, injected into the built binary: closed, full and broken streams, inputs that
/// are not regular files, signals during a report write, and options that cannot work. Each ends in a
/// message and a documented exit status (README, "Exit codes") — never a trap (SIGILL, status 132) — and
/// leaves no partial or temporary file.
@Suite("Faults, end to end")
struct FaultCommandTests {
  static let sample = "fixtures/company-a/after.xml"

  /// Runs `appraise` through `/bin/sh` so a test can close or redirect its streams: `$A` is the binary.
  static func shell(_ script: String, environment: [String: String] = [:]) throws -> AppraiseRunner.Result {
    try AppraiseRunner.run(
      ["-c", script], environment: environment.merging(["A": AppraiseRunner.executable.path]) { $1 },
      executable: URL(fileURLWithPath: "/bin/sh"))
  }

  /// A scratch folder, removed afterwards.
  final class Folder {
    let path: String
    init() throws {
      path = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-fault-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
  }

  // MARK: - Streams

  @Test("a closed standard output is exit 74 with a message, not a trap")
  func closedStandardOutput() throws {
    let run = try Self.shell("\"$A\" rate \(Self.sample) >&-")
    #expect(run.status == 74)
    #expect(run.stderr == "cannot write standard output: the stream is closed\n")
  }

  @Test("a full standard output (/dev/full) is exit 74", arguments: ["rate", "validate", "catalog"])
  func fullStandardOutput(_ command: String) throws {
    let argument = command == "catalog" ? "SCON" : Self.sample
    let run = try Self.shell("\"$A\" \(command) \(argument) > /dev/full")
    #expect(run.status == 74)
    #expect(run.stderr.hasSuffix("cannot write standard output: no space left on device\n"))
  }

  @Test("--output naming a full device is exit 73 with the reason")
  func fullOutputDevice() throws {
    let run = try AppraiseRunner.run(["rate", Self.sample, "--format", "json", "--output", "/dev/full"])
    #expect(run.status == 73)
    #expect(run.stderr == "cannot write /dev/full: no space left on device\n")
  }

  @Test("a broken pipe on standard output is exit 74")
  func brokenPipe() throws {
    // The reader is gone before anything is written: every write fails with EPIPE.
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let run = try AppraiseRunner.run(["rate", Self.sample, "--detail", "full"], standardOutput: pipe)
    #expect(run.status == 74)
    #expect(run.stderr == "cannot write standard output: broken pipe\n")
  }

  @Test(
    "a closed standard error keeps the command's own status",
    arguments: [
      ("validate fixtures/invalid/evidence/xml-bad-values.xml", Int32(65)),
      ("rate fixtures/company-a/after.xml", Int32(0)),
      ("rate no-such-file.xml", Int32(66)),
    ])
  func closedStandardError(_ command: String, _ status: Int32) throws {
    let run = try Self.shell("\"$A\" \(command) > /dev/null 2>&-")
    #expect(run.status == status)
  }

  @Test("a successful run whose warnings cannot be written exits 74, not 0")
  func lostWarnings() throws {
    let folder = try Folder()
    let command =
      "import --from servicenow fixtures/itsm/servicenow/incident.xml --skip-bad-records --output \(folder.path)/x.xml"
    let shown = try Self.shell("\"$A\" \(command)")
    try #require(shown.status == 0 && shown.stderr.contains("warning:"))
    let run = try Self.shell("\"$A\" \(command) 2>&-")
    #expect(run.status == 74)
  }

  // MARK: - Inputs that are not regular files

  @Test("a FIFO is read once: rated, with the digest of its bytes")
  func fifo() throws {
    let folder = try Folder()
    let fifo = folder.path + "/evidence.xml"
    try #require(mkfifo(fifo, 0o600) == 0)
    let bytes = try Data(contentsOf: AppraiseRunner.root.appendingPathComponent(Self.sample))
    // A writer that opens the FIFO once, as `<(cat file)` or a pipe from another program would.
    let writer = Thread {
      if let handle = FileHandle(forWritingAtPath: fifo) {
        try? handle.write(contentsOf: bytes)
        try? handle.close()
      }
    }
    writer.start()
    let run = try AppraiseRunner.run(["rate", fifo, "--format", "json"], timeout: 60)
    #expect(run.status == 0, "\(run.stderr)")
    let regular = try AppraiseRunner.run(["rate", Self.sample, "--format", "json"])
    let digest = { (json: String) -> String? in
      json.components(separatedBy: "\"sha256\" : \"").dropFirst().first.map { String($0.prefix(64)) }
    }
    #expect(digest(run.stdout) != nil)
    #expect(digest(run.stdout) == digest(regular.stdout))
  }

  @Test("/dev/zero named .json is refused after a bound, not read until memory runs out")
  func endlessDevice() throws {
    let folder = try Folder()
    let link = folder.path + "/zero.json"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
    let run = try AppraiseRunner.run(["validate", link], timeout: 120)
    #expect(run.status == 66)
    #expect(run.stderr.contains("a pipe or device that supplies more than 256 MiB; save it to a regular file first"))
  }

  @Test("a symbolic link loop is named as such (66)")
  func symbolicLinkLoop() throws {
    let folder = try Folder()
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/a.xml", withDestinationPath: "b.xml")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/b.xml", withDestinationPath: "a.xml")
    for command in ["rate", "validate"] {
      let run = try AppraiseRunner.run([command, folder.path + "/a.xml"])
      #expect(run.status == 66)
      #expect(
        run.stderr == "cannot read \(folder.path)/a.xml: too many levels of symbolic links (a symbolic link loop?)\n")
    }
  }

  @Test("a directory as input is 66 in every syntax", arguments: ["xml", "json", "csv"])
  func directoryInput(_ syntax: String) throws {
    let folder = try Folder()
    try FileManager.default.createDirectory(atPath: folder.path + "/d.\(syntax)", withIntermediateDirectories: false)
    let run = try AppraiseRunner.run(["rate", folder.path + "/d.\(syntax)"])
    #expect(run.status == 66)
    #expect(run.stderr == "cannot read \(folder.path)/d.\(syntax): is a directory; expected a file\n")
  }

  @Test("import refuses a pipe (it reads an export twice) instead of hanging")
  func importPipe() throws {
    let folder = try Folder()
    let fifo = folder.path + "/incident.xml"
    try #require(mkfifo(fifo, 0o600) == 0)
    let output = folder.path + "/out.xml"
    let refused = try AppraiseRunner.run(["import", "--from", "servicenow", fifo, "--output", output], timeout: 60)
    #expect(refused.status == 66)
    #expect(refused.stderr.contains("not a regular file (a pipe or device)"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  // MARK: - Signals and replaced files

  @Test(
    "SIGINT or SIGTERM during a report write leaves the old report and no temporary file",
    arguments: [
      SIGINT, SIGTERM,
    ])
  func signalDuringWrite(_ signal: Int32) throws {
    let folder = try Folder()
    let report = folder.path + "/report.md"
    try Data("old report\n".utf8).write(to: URL(fileURLWithPath: report))
    let process = Process()
    process.executableURL = AppraiseRunner.executable
    process.arguments = ["rate", Self.sample, "--output", report]
    process.currentDirectoryURL = AppraiseRunner.root
    process.environment = ProcessInfo.processInfo.environment.merging(["APPRAISE_TEST_WRITE_DELAY": "20"]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until the temporary file is there, i.e. the write is under way.
    let deadline = Date().addingTimeInterval(60)
    while folder.files().count < 2 && Date() < deadline && process.isRunning { usleep(20_000) }
    #expect(folder.files().count == 2, "the temporary file never appeared: \(folder.files())")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    #expect(folder.files() == ["report.md"])
    #expect(try String(contentsOfFile: report, encoding: .utf8) == "old report\n")
  }

  @Test("a replaced report keeps its mode")
  func replacedReportKeepsMode() throws {
    let folder = try Folder()
    let report = folder.path + "/report.json"
    try Data("{}".utf8).write(to: URL(fileURLWithPath: report))
    try #require(chmod(report, 0o600) == 0)
    let run = try AppraiseRunner.run(["rate", Self.sample, "--output", report])
    #expect(run.status == 0)
    var status = stat()
    try #require(stat(report, &status) == 0)
    #expect(status.st_mode & 0o7777 == 0o600)
    #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("{\n"))
    #expect(folder.files() == ["report.json"])
  }

  // MARK: - Options

  @Test(
    "an --output extension that no format writes is a usage error listing the formats",
    arguments: [
      "report.ods", "report.docx",
    ])
  func unknownOutputExtension(_ name: String) throws {
    let folder = try Folder()
    for command in [["rate", Self.sample], ["compare", "fixtures/company-a/before.xml", Self.sample]] {
      let run = try AppraiseRunner.run(command + ["--output", folder.path + "/" + name])
      #expect(run.status == 64)
      #expect(
        run.stderr.contains("no report format writes .\(name.split(separator: ".").last!) files; expected one of"))
      #expect(run.stderr.contains(".md or .markdown (markdown), .json, .csv, .html or .htm (html)"))
      #expect(run.stderr.contains("Usage: appraise \(command[0])"))
    }
    #expect(folder.files().isEmpty)
    // Naming the format says what the file holds.
    let named = try AppraiseRunner.run(["rate", Self.sample, "--format", "text", "--output", folder.path + "/" + name])
    #expect(named.status == 0)
  }

  @Test(
    "an option that needs another is a usage error",
    arguments: [
      (["--itil", "v2"], "--itil v2 needs --view itil"),
      (["--view-mapping", "practice-catalogs/mappings/itil-cmmi-svc-1.3.json"], "--view-mapping needs --view itil"),
    ])
  func optionNeedsAnother(_ options: [String], _ message: String) throws {
    let run = try AppraiseRunner.run(["rate", Self.sample] + options)
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("Error: \(message)\nUsage: appraise rate "))
  }

  @Test("--fail-on names the goals that tripped it on stderr")
  func failOnNamesGoals() throws {
    let run = try AppraiseRunner.run(["rate", Self.sample, "--fail-on", "unsatisfied", "--output", "/dev/null"])
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "--fail-on unsatisfied: 3 goals of \(Self.sample) unsatisfied: SCON SG 2, SSD SG 3, STSM SG 1\n")
    let compare = try AppraiseRunner.run([
      "compare", "fixtures/company-a/before.xml", Self.sample, "--fail-on", "unsatisfied", "--output", "/dev/null",
    ])
    #expect(compare.status == 1)
    #expect(compare.stderr.contains("--fail-on unsatisfied: 3 goals of \(Self.sample) unsatisfied: SCON SG 2"))
  }

  @Test("process-area ids are case-insensitive; an unknown one gets a did-you-mean and the subcommand's usage")
  func processAreaIDs() throws {
    let lower = try AppraiseRunner.run(["catalog", "scon"])
    #expect(lower.status == 0)
    #expect(lower.stdout.hasPrefix("SCON — Service Continuity\n"))
    let typo = try AppraiseRunner.run(["catalog", "SCOM"])
    #expect(typo.status == 64)
    #expect(typo.stderr.hasPrefix("Error: unknown process area \"SCOM\"; did you mean SCON? expected one of CAM,"))
    #expect(typo.stderr.contains("\nUsage: appraise catalog [<process-area>]"))
    #expect(typo.stderr.contains("See 'appraise catalog --help'"))
    let unrelated = try AppraiseRunner.run(["catalog", "ZZZZZZ"])
    #expect(unrelated.status == 64)
    #expect(!unrelated.stderr.contains("did you mean"))
  }

  @Test("no command traps whatever its streams", arguments: ["rate", "compare", "validate", "catalog", "--version"])
  func neverTraps(_ command: String) throws {
    let arguments =
      switch command {
      case "compare": "compare fixtures/company-a/before.xml \(Self.sample)"
      case "catalog", "--version": command
      default: "\(command) \(Self.sample)"
      }
    for redirect in [">&- 2>&-", "> /dev/full 2> /dev/full", "> /dev/full 2>&-"] {
      let run = try Self.shell("\"$A\" \(arguments) \(redirect)")
      #expect(run.status == 74, "\(arguments) \(redirect)")
    }
  }
}
