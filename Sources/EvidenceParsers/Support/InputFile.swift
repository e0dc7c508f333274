import Foundation

/// Reads an input file's bytes, opening it read-only; inputs are never modified.
public enum InputFile {
  /// Fails with ``ReadFailure/cannotOpen(file:reason:)`` unless `path` is an existing, readable file.
  public static func requireReadable(_ path: String) throws(ReadFailure) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .cannotOpen(file: path, reason: "no such file")
    }
    if isDirectory.boolValue { throw .cannotOpen(file: path, reason: "is a directory; expected a file") }
    if !FileManager.default.isReadableFile(atPath: path) { throw .cannotOpen(file: path, reason: "permission denied") }
  }

  public static func bytes(at path: String) throws(ReadFailure) -> [UInt8] {
    try requireReadable(path)
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .cannotOpen(file: path, reason: "permission denied or unreadable")
    }
    defer { try? handle.close() }
    do {
      return [UInt8](try handle.readToEnd() ?? Data())
    } catch {
      throw .cannotOpen(file: path, reason: error.localizedDescription)
    }
  }
}
