import Foundation

/// Writes output files so that a reader never sees half a report: the text goes to a temporary file in
/// the target's folder, which is then renamed over the target (atomic on POSIX file systems). On any
/// failure the temporary file is removed and the target is left as it was.
enum OutputFile {
  struct Failure: LocalizedError {
    var reason: String
    var errorDescription: String? { reason }
  }

  static func write(_ text: String, to path: String) throws {
    let target = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw Failure(reason: "is a directory; expected a file path")
    }
    // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming over it would
    // replace the device node itself.
    var status = stat()
    if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
      guard let handle = FileHandle(forWritingAtPath: path) else { throw Failure(reason: "cannot open for writing") }
      defer { try? handle.close() }
      handle.write(Data(text.utf8))
      return
    }
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
      throw Failure(reason: "cannot create a file in \(folder.path)")
    }
    if rename(temporary.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw Failure(reason: reason)
    }
  }
}
