/// An input file named in a report with the SHA-256 of the bytes that were read from it (computed while
/// reading: ``InputDigester``), so an auditor can tie the report to the exact files.
public struct InputDigest: Hashable, Sendable {
  /// What the file was: `appraisal`, `before`, `after`, `catalog`.
  public var role: String
  /// The path as the user gave it.
  public var path: String
  /// Lower-case hexadecimal SHA-256 of the file's bytes.
  public var sha256: String

  public init(role: String, path: String, sha256: String) {
    self.role = role
    self.path = path
    self.sha256 = sha256
  }
}
