import Crypto
import Foundation

/// An input file named in a report with its SHA-256, so an auditor can tie the report to the exact files.
struct InputDigest: Hashable, Sendable {
  /// What the file was: `appraisal`, `before`, `after`, `catalog`.
  var role: String
  /// The path as the user gave it.
  var path: String
  /// Lower-case hexadecimal SHA-256 of the file's bytes.
  var sha256: String

  /// Hashes the file at `path` (read-only), 1 MiB at a time: a gigabyte of evidence is never in memory.
  init(role: String, path: String) throws {
    self.role = role
    self.path = path
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    sha256 = hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }

  init(role: String, path: String, sha256: String) {
    self.role = role
    self.path = path
    self.sha256 = sha256
  }
}
