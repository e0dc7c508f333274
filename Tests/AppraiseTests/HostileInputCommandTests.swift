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

/// Hostile XML (fixtures/hostile/README.md) given to the built binary: `appraise validate` and
/// `appraise rate --format json` never read the file an entity, DTD or XInclude names, never connect to the
/// URL one names, and end within 10 s using less than 200 MB, with the documented exit status. Peak memory is
/// the child's own high-water mark, `VmHWM` in /proc/PID/status, read while it runs: its `ru_maxrss` from
/// wait4(2) is no good here, because Linux carries the spawning process's own peak into it at exec(2), and
/// this test process may be larger than the limit.
@Suite("Hostile input, end to end")
struct HostileInputCommandTests {
  static let timeLimit = Duration.seconds(10)
  static let memoryLimitKiB = 200 * 1024

  /// The path the committed fixtures point at; replaced by the sandbox's secret file.
  static let placeholderPath = "/tmp/appraise-hostile/secret.txt"
  /// The URL xxe-http.xml names; its port is replaced by a listener's.
  static let placeholderURL = "http://127.0.0.1:9/secret.txt"

  /// A scratch folder with a secret file holding a unique marker, and hostile inputs pointing at it.
  final class Sandbox {
    let folder: URL
    let marker = "APPRAISE-SECRET-\(UUID().uuidString)"
    let secretPath: String

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-hostile-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      secretPath = folder.appendingPathComponent("secret.txt").path
      try Data((marker + "\n").utf8).write(to: URL(fileURLWithPath: secretPath))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes the input named `name`: a fixture from fixtures/hostile pointed at the secret file (and at
    /// `url`), or one of the large inputs generated here (never committed).
    func input(_ name: String, url: String? = nil) throws -> String {
      let bytes: [UInt8]
      switch name {
      case "quadratic-blowup.xml":
        let entity = String(repeating: "A", count: 100_000)
        bytes = Array(
          ("<?xml version=\"1.0\"?>\n<!DOCTYPE appraisal [\n  <!ENTITY a \"\(entity)\">\n]>\n"
            + Self.document(note: String(repeating: "&a;", count: 20_000))).utf8)
      case "deep-nesting.xml":
        let nested = String(repeating: "<deep>", count: 100_000) + String(repeating: "</deep>", count: 100_000)
        bytes = Array((Self.declaration + Self.document(extra: "\n    " + nested)).utf8)
      case "text-5mb.xml":
        bytes = Array((Self.declaration + Self.document(note: String(repeating: "x", count: 5 * 1024 * 1024))).utf8)
      case "text-20mb.xml":
        bytes = Array((Self.declaration + Self.document(note: String(repeating: "x", count: 20 * 1024 * 1024))).utf8)
      case "gzip-compressed.xml.gz":
        bytes = try fixture("gzip-compressed.xml")
      default:
        var text = try fixture(name)
        text = replace(HostileInputCommandTests.placeholderPath, with: secretPath, in: text)
        if let url { text = replace(HostileInputCommandTests.placeholderURL, with: url, in: text) }
        bytes = text
      }
      let path = path(name)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return path
    }

    private func fixture(_ name: String) throws -> [UInt8] {
      [UInt8](try Data(contentsOf: AppraiseRunner.root.appendingPathComponent("fixtures/hostile/\(name)")))
    }

    private func replace(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
      let old = Array(old.utf8)
      let new = Array(new.utf8)
      var result: [UInt8] = []
      var index = 0
      while index < bytes.count {
        if index + old.count <= bytes.count && bytes[index..<index + old.count].elementsEqual(old) {
          result += new
          index += old.count
        } else {
          result.append(bytes[index])
          index += 1
        }
      }
      return result
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// The fixtures' evidence document (see fixtures/hostile/README.md), without a declaration.
    static func document(note: String = "what the item shows", extra: String = "") -> String {
      """
      <appraisal formatVersion="1">
        <header id="hostile" name="Hostile input" organizationalUnit="Ünit Ops, Zürich" date="2026-01-01" \
      model="CMMI-SVC" modelVersion="1.3"/>
        <scope representation="continuous" targetLevel="1" processAreas="IRP"/>
        <instantiations>
          <instantiation id="desk" name="Service desk" kind="team"/>
        </instantiations>
        <evidence>
          <item id="E-1" practice="IRP SP 2.1" instantiation="desk" indicator="direct-artifact">
            <locator document="Incident records export"/>
            <note>\(note)</note>
          </item>\(extra)
        </evidence>
      </appraisal>

      """
    }
  }

  /// What one run of the binary gave, with its wall time and peak resident memory.
  struct Measured {
    var status: Int32
    var stdout: String
    var stderr: String
    var elapsed: Duration
    var peakKiB: Int
  }

  /// Runs the built `appraise` with posix_spawn, stdout and stderr to files in `folder`, and waits with
  /// wait4(2) for its exit status and resource usage. A run still going after 60 s is killed.
  static func measure(_ arguments: [String], in folder: URL) throws -> Measured {
    let executable = AppraiseRunner.executable.path
    let stdoutPath = folder.appendingPathComponent("stdout-\(UUID().uuidString)").path
    let stderrPath = folder.appendingPathComponent("stderr-\(UUID().uuidString)").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let clock = ContinuousClock()
    let start = clock.now
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    var usage = rusage()
    var peakKiB = 0
    while true {
      peakKiB = max(peakKiB, Self.highWaterMarkKiB(of: pid))
      let waited = wait4(pid, &status, WNOHANG, &usage)
      if waited == pid { break }
      if waited < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
      if clock.now - start > .seconds(60) {
        kill(pid, SIGKILL)
        _ = wait4(pid, &status, 0, &usage)
        Issue.record("appraise \(arguments.joined(separator: " ")) was still running after 60 s; killed")
        break
      }
      usleep(5_000)
    }
    let elapsed = clock.now - start
    // Exit status, or 128 + signal for a crash (as a shell reports it).
    let signal = status & 0x7F
    let exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    let read = { (path: String) -> String in
      String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
    }
    defer {
      unlink(stdoutPath)
      unlink(stderrPath)
    }
    return Measured(
      status: exitStatus, stdout: read(stdoutPath), stderr: read(stderrPath), elapsed: elapsed,
      peakKiB: peakKiB)
  }

  /// The process's peak resident memory so far (`VmHWM`), 0 once it has exited.
  static func highWaterMarkKiB(of pid: pid_t) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
  }

  /// A hostile input and what the binary must do with it.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// Exit status of both `validate` and `rate`.
    var status: Int32
    /// Part of the one problem printed (status 65), or of `validate`'s confirmation (status 0).
    var message: String
    /// More text the problem must contain, not right after the path.
    var also: String = ""
    var testDescription: String { name }
  }

  static let doctype =
    "error: document type declarations (DOCTYPE) are not accepted: evidence files must not declare DTDs or entities"

  static let cases: [Case] = [
    Case(name: "xxe-file.xml", status: 65, message: ":2:1: " + doctype),
    Case(name: "xxe-http.xml", status: 65, message: ":2:1: " + doctype),
    Case(name: "external-dtd.xml", status: 65, message: ":2:1: " + doctype),
    Case(name: "parameter-entities.xml", status: 65, message: ":2:1: " + doctype),
    Case(name: "doctype-internal-subset.xml", status: 65, message: ":2:1: " + doctype),
    Case(name: "billion-laughs.xml", status: 65, message: ":2:1: " + doctype),
    Case(name: "quadratic-blowup.xml", status: 65, message: ":2:1: " + doctype),
    Case(
      name: "xinclude.xml", status: 65,
      message:
        ":13: error: element <include> is in namespace \"http://www.w3.org/2001/XInclude\"; expected no "
        + "namespace or urn:appraise:evidence:1"),
    Case(name: "gzip-compressed.xml", status: 65, message: ":1:1: error: the file is gzip-compressed"),
    Case(
      name: "gzip-compressed.xml.gz", status: 65,
      message: ": error: unknown file type; expected an evidence file ending in .xml, .json, .csv or .xlsx"),
    Case(name: "deep-nesting.xml", status: 65, message: ":13:1540: error: elements nested deeper than 256 levels"),
    Case(name: "text-5mb.xml", status: 0, message: ": valid — 1 instantiations, 1 evidence items"),
    // The column (about 10,000,000: where libxml2 gave up) depends on the text before the note.
    Case(name: "text-20mb.xml", status: 65, message: ":11:", also: "error: a text value longer than 10,000,000 bytes"),
    Case(
      name: "invalid-utf8.xml", status: 65,
      message: ":11:16: error: invalid UTF-8 byte 0xE9; expected UTF-8 text"),
    Case(name: "utf16-bom.xml", status: 0, message: ": valid — 1 instantiations, 1 evidence items"),
    Case(
      name: "encoding-lie-utf16.xml", status: 65,
      message: ":1:38: error: document labelled utf-16 but has utf-8 content"),
    Case(name: "encoding-lie-latin1.xml", status: 0, message: ": valid — 1 instantiations, 1 evidence items"),
  ]

  @Test(
    "validate and rate: documented status, the secret never read, within 10 s and 200 MB", arguments: cases)
  func hostile(_ item: Case) throws {
    let sandbox = try Sandbox()
    let listener = item.name == "xxe-http.xml" ? try Listener() : nil
    let path = try sandbox.input(item.name, url: listener.map { "http://127.0.0.1:\($0.port)/secret.txt" })
    for arguments in [["validate", path], ["rate", path, "--format", "json"]] {
      let run = try Self.measure(arguments, in: sandbox.folder)
      let command = arguments[0]
      #expect(run.status == item.status, "\(command): \(run.stderr)")
      #expect(run.elapsed < Self.timeLimit, "\(command) took \(run.elapsed)")
      #expect(run.peakKiB < Self.memoryLimitKiB, "\(command) peaked at \(run.peakKiB) KiB")
      #expect(!run.stdout.contains(sandbox.marker))
      #expect(!run.stderr.contains(sandbox.marker))
      if item.status == 65 {
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("1 problem in \(path):\n") || item.name == "deep-nesting.xml", "\(run.stderr)")
        #expect(run.stderr.contains(path + item.message), "\(command): \(run.stderr)")
        #expect(item.also.isEmpty || run.stderr.contains(item.also), "\(command): \(run.stderr)")
      } else if command == "validate" {
        #expect(run.stdout.hasPrefix(path + item.message), "\(run.stdout)")
      } else {
        #expect(run.stdout.hasPrefix("{"))
      }
    }
    if let listener { #expect(!listener.wasContacted, "appraise connected to the URL an entity names") }
  }

  @Test("the listener notices a connection, so a quiet one means appraise made none")
  func listenerNoticesConnections() throws {
    let listener = try Listener()
    #expect(!listener.wasContacted)
    let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(client) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(listener.port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    #expect(connected == 0)
    #expect(listener.wasContacted)
  }

  /// What `rate` makes of the encoding cases that are read: the organizational unit's text.
  @Test(
    "readable encodings: UTF-16 with a BOM is right, a false ISO-8859-1 declaration gives mojibake",
    arguments: [("utf16-bom.xml", "Ünit Ops, Zürich"), ("encoding-lie-latin1.xml", "Ã\u{9C}nit Ops, ZÃ¼rich")])
  func readableEncodings(name: String, organizationalUnit: String) throws {
    let sandbox = try Sandbox()
    let run = try Self.measure(["rate", try sandbox.input(name), "--format", "json"], in: sandbox.folder)
    #expect(run.status == 0)
    let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let appraisal = report?["appraisal"] as? [String: Any]
    #expect(appraisal?["organizationalUnit"] as? String == organizationalUnit, "\(run.stdout.prefix(600))")
  }
}

/// A TCP listener on 127.0.0.1 (an ephemeral port) that only records whether anyone connected.
final class Listener {
  private let socketDescriptor: Int32
  let port: Int

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, size) }
    }
    guard bound == 0, listen(descriptor, 8) == 0 else {
      close(descriptor)
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    var length = size
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    socketDescriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(socketDescriptor) }

  /// Whether a connection is waiting to be accepted (connections completed by the kernel queue up).
  var wasContacted: Bool {
    let connection = accept(socketDescriptor, nil, nil)
    if connection >= 0 {
      close(connection)
      return true
    }
    return false
  }
}
