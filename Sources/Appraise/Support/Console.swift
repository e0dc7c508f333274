import AppraisalModel
import AppraiseKit
import Foundation

/// Standard output and standard error as the command writes them. Every write is checked (`write(2)`,
/// retried on `EINTR` and short writes): Foundation's `FileHandle.write(_:)` traps on a closed,
/// full or broken stream, and `print` drops the failure silently.
///
/// - A report or listing that cannot be written to standard output ends the command with
///   ``ExitStatus/ioError`` (74) and one line on stderr naming the stream and the reason.
/// - A diagnostic that cannot be written to standard error cannot be reported anywhere; it is remembered
///   so that a command which would otherwise succeed exits 74 instead of 0 (nothing is lost silently).
enum Console {
  /// Why standard output could not be written.
  struct WriteFailure: Error, CustomStringConvertible {
    var stream: String
    var reason: String
    var description: String { "cannot write \(stream): \(reason)" }
  }

  /// Set when a diagnostic could not be written to standard error.
  nonisolated(unsafe) static var lostDiagnostics = false
  /// Streams (0, 1, 2) that were closed when the command started; /dev/null now holds their place.
  nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

  /// Run once before anything is opened. A closed standard stream is occupied with /dev/null, so a file
  /// opened later cannot take descriptor 1 or 2 and receive the report or the diagnostics; writes to it
  /// still fail as "closed". SIGPIPE is ignored so a closed pipe is an `EPIPE` error, not a silent death.
  static func prepare() {
    signal(SIGPIPE, SIG_IGN)
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
      closedAtStart.insert(descriptor)
      let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
      if null >= 0 && null != descriptor {
        dup2(null, descriptor)
        close(null)
      }
    }
  }

  /// Writes `text` to standard output; throws ``WriteFailure`` when it cannot.
  static func output(_ text: String) throws(WriteFailure) { try output(.text(text)) }

  /// Writes a report, text or binary, to standard output; throws ``WriteFailure`` when it cannot.
  static func output(_ report: RenderedReport) throws(WriteFailure) {
    if let reason = report.withUnsafeBytes({ send($0, to: STDOUT_FILENO) }) {
      throw WriteFailure(stream: "standard output", reason: reason)
    }
  }

  /// Writes `text` and a line break to standard error with every control character from an input shown
  /// as an escape (``TerminalText``): a hostile file cannot clear the screen or retitle the terminal.
  static func error(_ text: String) {
    var line = text.terminalSafeLines
    if !line.hasSuffix("\n") { line += "\n" }
    if line.withUTF8({ send(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }) != nil { lostDiagnostics = true }
  }

  /// Writes every byte of `buffer` to `descriptor`; the reason on failure, `nil` on success.
  private static func send(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
    if closedAtStart.contains(descriptor) { return "the stream is closed" }
    var offset = 0
    while offset < buffer.count {
      let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno)).lowercased()
      }
      offset += count
    }
    return nil
  }
}

/// Writes a line to standard error (diagnostics never go to stdout).
func printError(_ text: String) {
  Console.error(text)
}
