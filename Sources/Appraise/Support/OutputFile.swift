import AppraiseKit
import ArgumentParser
import Foundation

/// Writes output files so that a reader never sees half a report: the text goes to a temporary file in
/// the target's folder, which is then renamed over the target (atomic on POSIX file systems). On any
/// failure the temporary file is removed and the target is left as it was.
///
/// - SIGINT, SIGTERM and SIGHUP while the temporary file exists remove it before the process ends by the
///   signal (``installSignalHandlers()``); the rename itself runs with those signals blocked.
/// - A replaced file keeps its permission bits, and its owner and group where the user may set them.
/// - A device or pipe (`/dev/stdout`, a FIFO) is written in place, every write checked.
///
/// Paths are used as given, never through `URL`: `URL(fileURLWithPath:)` resolves `..` lexically (it turns
/// `x//../r.md` into `x/r.md`), so the file written would not be the one the user named.
enum OutputFile {
  struct Failure: LocalizedError {
    var reason: String
    var errorDescription: String? { reason }
  }

  /// The signals after which no temporary file may be left behind.
  private static let cleanedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Refuses `output` if it is one of `inputs` (it would be overwritten), however it is spelt:
  /// `./x/../in.xml`, `x//../in.xml`, an absolute path, a symbolic or a hard link. The same file is the same
  /// device and inode; paths are compared by neither text nor `URL`. A path that does not exist yet cannot
  /// be an input.
  static func refuse(_ output: String, ifOneOf inputs: [String]) throws {
    var target = stat()
    guard stat(output, &target) == 0 else { return }
    for input in inputs {
      var source = stat()
      guard stat(input, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino else { continue }
      let alias = input == output ? "" : " (the same file as \(input))"
      throw ValidationError("--output \(output) is one of the input files\(alias); choose another path")
    }
  }

  /// Refuses binary output (an `.xlsx` workbook, a PDF) bound for a terminal: standard output when `output`
  /// is nil or `-` and stdout is one, or an `--output` path that is one (`/dev/tty`). `reason` says what is
  /// binary (`--format xlsx is binary`); `fileExtension` is the one to suggest.
  static func refuseTerminal(_ output: String?, because reason: String, fileExtension: String = "xlsx") throws {
    if output == nil || output == "-" {
      if isatty(STDOUT_FILENO) == 1 {
        throw ValidationError(
          "\(reason), not for a terminal: use --output FILE.\(fileExtension) or redirect stdout")
      }
    } else if let output, isTerminal(output) {
      throw ValidationError("--output \(output) is a terminal; \(reason): use --output FILE.\(fileExtension)")
    }
  }

  /// Whether `path` is a character device (`/dev/null`, `/dev/stdout` on a pipe): written in place, whatever
  /// its name.
  static func isDevice(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR
  }

  /// Whether `path` is a terminal (`/dev/tty`, `/dev/stdout` when standard output is one).
  static func isTerminal(_ path: String) -> Bool {
    guard isDevice(path) else { return false }
    let descriptor = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return isatty(descriptor) == 1
  }

  /// Installs the handlers that remove a pending temporary file on SIGINT, SIGTERM and SIGHUP.
  /// A signal the parent ignores (`nohup` ignores SIGHUP) stays ignored; a signal mask inherited from the
  /// parent (some process launchers block everything) is lifted, so the signals do arrive.
  static func installSignalHandlers() {
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for number in cleanedSignals {
      let previous = signal(number, removePendingAndDie)
      // Handlers are C function pointers (optional on some platforms), compared by address.
      if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(number, SIG_IGN) }
      sigaddset(&unblocked, number)
    }
    sigprocmask(SIG_UNBLOCK, &unblocked, nil)
  }

  /// ``write(_:to:)``; a failure is printed and ends the command with ``ExitStatus/cannotCreate`` (73).
  static func writeOrExit(_ text: String, to path: String) throws { try writeOrExit(.text(text), to: path) }

  static func writeOrExit(_ report: RenderedReport, to path: String) throws {
    do {
      try write(report, to: path)
    } catch {
      printError("cannot write \(path): \(error.localizedDescription)")
      throw ExitStatus.cannotCreate
    }
  }

  static func write(_ report: RenderedReport, to path: String) throws {
    var status = stat()
    let exists = stat(path, &status) == 0
    if exists && (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(reason: "is a directory; expected a file path") }
    // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming over it would
    // replace the device node itself.
    if exists && (status.st_mode & S_IFMT) != S_IFREG {
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Failure(reason: "cannot open for writing: " + errorText(errno)) }
      defer { close(descriptor) }
      if let reason = writeAll(report, to: descriptor) { throw Failure(reason: reason) }
      return
    }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let temporary = (folder == "/" ? "" : folder) + "/.\(name).\(getpid()).tmp"
    // The handler must find the name without allocating: a C string made before the file exists.
    let pending = strdup(temporary)!
    defer { free(pending) }
    setPending(pending)
    defer { setPending(nil) }
    // O_EXCL: never write through something already there (a stale file, a planted symbolic link).
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw Failure(reason: "cannot create a file in \(folder): " + errorText(errno)) }
    var reason = writeAll(report, to: descriptor)
    // Tests interrupt a write here (docs/report-format.md, "Writing reports"): a pause, in seconds,
    // while only the temporary file exists.
    if let delay = ProcessInfo.processInfo.environment["APPRAISE_TEST_WRITE_DELAY"].flatMap(Double.init), delay > 0 {
      Thread.sleep(forTimeInterval: min(delay, 60))
    }
    if reason == nil, exists {
      // Keep the replaced report's mode, and its owner and group when allowed (EPERM otherwise: ignored).
      if fchmod(descriptor, status.st_mode & 0o7777) != 0 { reason = "cannot set the mode: " + errorText(errno) }
      _ = fchown(descriptor, status.st_uid, status.st_gid)
    }
    if reason == nil, fsync(descriptor) != 0, errno != EINVAL { reason = errorText(errno) }
    if close(descriptor) != 0, reason == nil { reason = errorText(errno) }
    if let reason {
      unlink(temporary)
      throw Failure(reason: reason)
    }
    // No signal between the rename and forgetting the temporary name: either the old report or the new
    // one is in place, and nothing else.
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    for number in cleanedSignals { sigaddset(&blocked, number) }
    sigprocmask(SIG_BLOCK, &blocked, &previous)
    let renamed = rename(temporary, path) == 0 ? nil : errorText(errno)
    if renamed != nil { unlink(temporary) }
    setPending(nil)
    sigprocmask(SIG_SETMASK, &previous, nil)
    if let renamed { throw Failure(reason: renamed) }
  }

  /// Writes every byte of `report` (retrying short writes and `EINTR`); the reason on failure.
  private static func writeAll(_ report: RenderedReport, to descriptor: Int32) -> String? {
    report.withUnsafeBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return errorText(errno)
        }
        offset += count
      }
      return nil
    }
  }

  private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}

/// The temporary file being written, for the signal handler (a plain pointer: no Swift runtime call is
/// safe inside a handler).
nonisolated(unsafe) private var pendingTemporary: UnsafeMutablePointer<CChar>?

private func setPending(_ path: UnsafeMutablePointer<CChar>?) { pendingTemporary = path }

/// Removes the pending temporary file, then lets the signal end the process as it would have.
private func removePendingAndDie(_ number: Int32) {
  if let path = pendingTemporary { unlink(path) }
  signal(number, SIG_DFL)
  raise(number)
}
