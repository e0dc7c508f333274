import AppraisalModel
import Foundation

/// Why an input file could not be turned into model values.
public enum ReadFailure: Error, LocalizedError, Equatable {
  /// The file could not be opened or read (the command exits with 66, EX_NOINPUT).
  case cannotOpen(file: String, reason: String)
  /// The file was read but its content is wrong; every problem found, sorted by location (exit 65,
  /// EX_DATAERR).
  case invalid(file: String, problems: [LocatedProblem])

  /// The message to print: one line per problem, control characters from file names and input text
  /// shown as `\u{…}` (see ``TerminalText``), so printing it cannot drive the terminal.
  public var errorDescription: String? {
    switch self {
    case .cannotOpen(let file, let reason):
      return "cannot read \(file): \(reason)".terminalSafe
    case .invalid(let file, let problems):
      let header = problems.count == 1 ? "1 problem in \(file):" : "\(problems.count) problems in \(file):"
      return ([header.terminalSafe] + problems.map(\.description)).joined(separator: "\n")
    }
  }

  /// A file whose extension names no evidence syntax (``EvidenceSyntax/init(path:)`` gave none).
  public static func unknownFileType(_ path: String) -> ReadFailure {
    .invalid(
      file: path,
      problems: [
        LocatedProblem(
          severity: .error, location: nil, file: path,
          message: "unknown file type; expected an evidence file ending in .xml, .json, .csv or .xlsx")
      ])
  }

  /// The located problems (empty for a file that could not be opened).
  public var problems: [LocatedProblem] {
    if case .invalid(_, let problems) = self { return problems }
    return []
  }
}
