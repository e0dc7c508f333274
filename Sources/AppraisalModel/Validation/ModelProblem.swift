/// One thing wrong with a model document: which object, what is wrong, and how bad it is.
///
/// Validators collect every problem before failing (a user fixes a file in one pass, not one error per run).
public struct ModelProblem: Hashable, Sendable {
  public enum Severity: String, Hashable, Sendable, Comparable {
    case warning, error
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
  }

  public var severity: Severity
  /// The object or field the problem is about.
  public var path: ModelPath
  /// Lower-case text naming the bad value and what was expected.
  public var message: String

  public init(_ severity: Severity = .error, at path: ModelPath, _ message: String) {
    self.severity = severity
    self.path = path
    self.message = message
  }
}

/// A problem resolved to its place in a file, ready to print as `file:line:col: error: message`.
public struct LocatedProblem: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var severity: ModelProblem.Severity
  public var location: SourceLocation?
  /// The file named when the location is unknown.
  public var file: String
  public var message: String

  public init(severity: ModelProblem.Severity, location: SourceLocation?, file: String, message: String) {
    self.severity = severity
    self.location = location
    self.file = file
    self.message = message
  }

  /// Resolves a model problem through the reader's source map; the path is kept in the message when no
  /// location is known, so the user can still find the object.
  public init(_ problem: ModelProblem, in sourceMap: SourceMap) {
    let location = sourceMap.location(of: problem.path)
    self.init(
      severity: problem.severity, location: location, file: sourceMap.file,
      message: location == nil ? "\(problem.path): \(problem.message)" : problem.message)
  }

  /// One line, with any control character of the file name or message (which may quote input text)
  /// shown as `\u{…}` (see ``TerminalText``).
  public var description: String {
    "\(location?.description ?? file): \(severity.rawValue): \(message)".terminalSafe
  }

  public static func < (lhs: LocatedProblem, rhs: LocatedProblem) -> Bool {
    let l = lhs.location ?? SourceLocation(file: lhs.file, line: 0)
    let r = rhs.location ?? SourceLocation(file: rhs.file, line: 0)
    if l != r { return l < r }
    return lhs.message < rhs.message
  }
}
