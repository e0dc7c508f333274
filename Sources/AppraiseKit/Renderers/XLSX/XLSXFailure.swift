/// libxlsxwriter could not write the workbook (a temporary file, a limit of the format).
public struct XLSXFailure: Error, CustomStringConvertible, Sendable {
  /// What went wrong, for the message after `cannot write FILE:`.
  public var reason: String
  public var description: String { reason }
}
