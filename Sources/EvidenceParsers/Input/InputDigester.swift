import Crypto

/// SHA-256 of an input computed from the very bytes a reader consumes, so the digest printed in a report
/// belongs to the bytes that were rated — never to a second read of a file that may have changed.
package final class InputDigester {
  private var hasher = SHA256()
  private var result: String?
  /// How many bytes went into the digest.
  package private(set) var byteCount = 0

  package init() {}

  /// Adds the next bytes read.
  package func update(_ bytes: UnsafeRawBufferPointer) {
    precondition(result == nil, "InputDigester updated after it was finished")
    hasher.update(bufferPointer: bytes)
    byteCount += bytes.count
  }

  /// The lower-case hexadecimal SHA-256 of everything added; further calls return the same value.
  package func finish() -> String {
    if let result { return result }
    let hex = hasher.finalize().map { byte in
      let digits = Array("0123456789abcdef".utf8)
      return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
    }.joined()
    result = hex
    return hex
  }

  /// The SHA-256 of `bytes`.
  package static func sha256(of bytes: [UInt8]) -> String {
    let digester = InputDigester()
    bytes.withUnsafeBytes { digester.update($0) }
    return digester.finish()
  }
}
