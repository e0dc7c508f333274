import AppraisalModel
import Foundation

/// Prints an HTML page to PDF with headless Chromium (`--print-to-pdf`), for `--format pdf`. This is I/O —
/// a file system, a child process, a clock for the timeout — so it lives in the pipeline, never in a
/// ``ReportRenderer``: the page it prints comes from ``HTMLRenderer`` with ``PrintSettings``.
///
/// Chromium is `APPRAISE_CHROMIUM` (a path) when set, else the first of `chromium`, `chromium-browser`,
/// `google-chrome`, `google-chrome-stable` on `PATH` (``locate(environment:)``). Each print runs in a fresh
/// temporary folder (the page, Chromium's profile, the PDF), which is removed whatever happens.
public struct ChromiumPrinter: Sendable {
  /// Why no PDF came out.
  public enum Failure: Error, CustomStringConvertible, Sendable {
    /// No Chromium to run: `APPRAISE_CHROMIUM` names no executable, or none is on `PATH` (exit 69).
    case notFound(String)
    /// Chromium ran but gave no PDF: it failed, was killed after the timeout, or wrote something else
    /// (exit 70). `stderr` holds its last lines.
    case failed(reason: String, stderr: [String])

    /// How to get a Chromium, after a ``notFound`` message.
    public static let installHint =
      "install Chromium (Debian/Ubuntu: apt-get install chromium) or set APPRAISE_CHROMIUM to its path"

    public var description: String {
      switch self {
      case .notFound(let reason): "\(reason); \(Self.installHint)"
      case .failed(let reason, let stderr):
        stderr.isEmpty
          ? reason : reason + "; its last lines on stderr:\n" + stderr.map { "  " + $0 }.joined(separator: "\n")
      }
    }
  }

  /// The names looked up on `PATH`, in order.
  public static let commandNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

  /// The Chromium executable.
  public var executable: String
  /// Seconds a print may take before Chromium (its whole process group) is killed.
  public var timeout: Double

  public init(executable: String, timeout: Double = 120) {
    self.executable = executable
    self.timeout = timeout
  }

  /// The Chromium named by `APPRAISE_CHROMIUM`, or the first of ``commandNames`` on `PATH`.
  /// `APPRAISE_CHROMIUM_TIMEOUT` (seconds) replaces the 120-second timeout.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(Failure) -> ChromiumPrinter {
    let timeout = environment["APPRAISE_CHROMIUM_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 120
    if let named = environment["APPRAISE_CHROMIUM"], !named.isEmpty {
      guard isExecutableFile(named) else {
        throw .notFound("APPRAISE_CHROMIUM=\(named) is not an executable file")
      }
      return ChromiumPrinter(executable: named, timeout: timeout)
    }
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for name in commandNames {
      for folder in folders where !folder.isEmpty {
        let candidate = "\(folder)/\(name)"
        if isExecutableFile(candidate) { return ChromiumPrinter(executable: candidate, timeout: timeout) }
      }
    }
    throw .notFound("no Chromium found (looked for \(commandNames.joined(separator: ", ")) on PATH)")
  }

  /// A regular file (or a link to one) that may be executed.
  private static func isExecutableFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
  }

  /// The PDF Chromium prints from `html`. With `date` (`YYYY-MM-DD`), the PDF's creation and modification
  /// dates are that day at midnight UTC instead of the time of printing, so the same page gives the same
  /// bytes on the same Chromium (``stampingDates(_:date:)``).
  ///
  /// SIGINT, SIGTERM and SIGHUP are held back while Chromium prints: one that arrives stops Chromium's whole
  /// process group, the temporary folder is removed, and only then is the signal let through (it ends the
  /// process as it would have; a caller that handles it gets ``Failure/failed(reason:stderr:)``).
  public func print(html: String, date: String? = nil) throws(Failure) -> [UInt8] {
    var held = sigset_t()
    sigemptyset(&held)
    for signal in Self.interrupting { sigaddset(&held, signal) }
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &held, &previous)
    // Declared first, so it runs last: after the folder below is gone.
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    let folder: String
    do {
      folder = try Self.makeTemporaryFolder()
    } catch {
      throw .failed(reason: "cannot create a temporary folder: \(error)", stderr: [])
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let page = folder + "/report.html"
    let pdf = folder + "/report.pdf"
    let log = folder + "/chromium.log"
    do {
      try html.write(toFile: page, atomically: false, encoding: .utf8)
    } catch {
      throw .failed(reason: "cannot write the page to print in \(folder): \(error.localizedDescription)", stderr: [])
    }
    let arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--no-pdf-header-footer", "--user-data-dir=\(folder)/profile",
      "--print-to-pdf=\(pdf)", URL(fileURLWithPath: page).absoluteString,
    ]
    let outcome = try run(arguments, log: log, temporaryFolder: folder)
    let stderr = Self.lastLines(of: log)
    switch outcome {
    case .timedOut:
      throw .failed(
        reason: "\(executable) did not finish printing within \(Self.seconds(timeout)) s; killed", stderr: stderr)
    case .exited(let status) where status != 0:
      throw .failed(reason: "\(executable) failed (exit status \(status))", stderr: stderr)
    case .signalled(let signal):
      throw .failed(reason: "\(executable) ended by signal \(signal)", stderr: stderr)
    case .interrupted(let signal):
      throw .failed(reason: "interrupted by signal \(signal) while \(executable) printed", stderr: [])
    case .exited:
      break
    }
    guard let data = FileManager.default.contents(atPath: pdf) else {
      throw .failed(reason: "\(executable) wrote no PDF", stderr: stderr)
    }
    let bytes = [UInt8](data)
    guard bytes.starts(with: Array("%PDF-".utf8)) else {
      throw .failed(reason: "\(executable) wrote a file that is not a PDF", stderr: stderr)
    }
    return date.map { Self.stampingDates(bytes, date: $0) } ?? bytes
  }

  // MARK: The child process

  enum Outcome {
    case exited(Int32)
    case signalled(Int32)
    case timedOut
    /// This process received one of ``interrupting`` (held back while printing).
    case interrupted(Int32)
  }

  /// The signals that end the command and after which nothing temporary may be left (as for output files).
  static let interrupting: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Runs Chromium in a process group of its own, stdin from /dev/null, stdout and stderr to `log`,
  /// `TMPDIR` set to `temporaryFolder` (removed afterwards, with whatever Chromium left there); after
  /// ``timeout`` seconds the whole group (Chromium's renderer and GPU processes too) is killed.
  private func run(_ arguments: [String], log: String, temporaryFolder: String) throws(Failure) -> Outcome {
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A group of its own, to kill every Chromium process at once; default SIGPIPE (the command ignores it)
    // and no blocked signals, so Chromium behaves as it would from a shell.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = temporaryFolder
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw .failed(reason: "cannot run \(executable): \(String(cString: strerror(spawned)).lowercased())", stderr: [])
    }
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(Int(timeout * 1000))
    var status: Int32 = 0
    while true {
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid { break }
      if waited < 0 && errno != EINTR { return .exited(-1) }
      var pending = sigset_t()
      sigpending(&pending)
      if let signal = Self.interrupting.first(where: { sigismember(&pending, $0) == 1 }) {
        Self.stop(group: pid, status: &status)
        return .interrupted(signal)
      }
      if clock.now >= deadline {
        Self.stop(group: pid, status: &status)
        return .timedOut
      }
      usleep(20_000)
    }
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
  }

  /// Ends Chromium's process group led by `pid`: SIGTERM, up to 3 s to exit, then SIGKILL; reaps `pid`.
  private static func stop(group pid: pid_t, status: inout Int32) {
    let clock = ContinuousClock()
    kill(-pid, SIGTERM)
    let grace = clock.now + .seconds(3)
    while waitpid(pid, &status, WNOHANG) == 0 && clock.now < grace { usleep(20_000) }
    kill(-pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
  }

  /// A new folder under `TMPDIR`, or /tmp when that path is too long, readable by this user only. Chromium
  /// runs with it as its `TMPDIR` (so its own temporary files go with the folder) and puts a socket there:
  /// `FOLDER/org.chromium.Chromium.XXXXXX/SingletonSocket` must fit a socket address (107 bytes), or
  /// Chromium aborts.
  private static func makeTemporaryFolder() throws -> String {
    var base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    if base.utf8.count + "/appraise-pdf-XXXXXX".utf8.count > 56 { base = "/tmp" }
    var template =
      Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("appraise-pdf-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    return String(cString: made)
  }

  /// The last few non-empty lines Chromium wrote (its complaint, if any).
  private static func lastLines(of log: String, count: Int = 6) -> [String] {
    guard let data = FileManager.default.contents(atPath: log) else { return [] }
    let lines = String(decoding: data.suffix(16_384), as: UTF8.self).split(whereSeparator: \.isNewline)
    return lines.suffix(count).map { String($0).terminalSafeLines }
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  // MARK: Deterministic dates

  /// `pdf` with the values of its `/CreationDate` and `/ModDate` entries replaced by `date` (`YYYY-MM-DD`)
  /// at midnight UTC, written in the same number of bytes so every offset in the file stays right. Left as
  /// it is when `date` is not such a day or a value has an unexpected length.
  static func stampingDates(_ pdf: [UInt8], date: String) -> [UInt8] {
    let digits = date.unicodeScalars.filter { $0 != "-" }
    guard date.utf8.count == 10, digits.count == 8, digits.allSatisfy({ ("0"..."9").contains($0) }),
      Array(date.utf8)[4] == UInt8(ascii: "-"), Array(date.utf8)[7] == UInt8(ascii: "-")
    else { return pdf }
    // `(D:20110930000000+00'00')`: Chromium's form, with a time zone offset.
    let stamp = Array("(D:\(String(String.UnicodeScalarView(digits)))000000+00'00')".utf8)
    var bytes = pdf
    for key in ["/CreationDate ", "/ModDate "] {
      let needle = Array(key.utf8)
      guard let start = firstIndex(of: needle, in: bytes) else { continue }
      let open = start + needle.count
      guard open < bytes.count, bytes[open] == UInt8(ascii: "("),
        let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")), close - open + 1 == stamp.count
      else { continue }
      bytes.replaceSubrange(open...close, with: stamp)
    }
    return bytes
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var index = 0
    while index <= haystack.count - needle.count {
      if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
