/// An input file named in a report with the SHA-256 of the bytes that were read from it (computed while
/// reading: ``InputDigester``), so an auditor can tie the report to the exact files.
struct InputDigest: Hashable, Sendable {
  /// What the file was: `appraisal`, `before`, `after`, `catalog`.
  var role: String
  /// The path as the user gave it.
  var path: String
  /// Lower-case hexadecimal SHA-256 of the file's bytes.
  var sha256: String
}
