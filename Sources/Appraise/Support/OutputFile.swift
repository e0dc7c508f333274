import ArgumentParser
import Foundation

/// Writes output files so that a reader never sees half a report: the text goes to a temporary file in
/// the target's folder, which is then renamed over the target (atomic on POSIX file systems). On any
/// failure the temporary file is removed and the target is left as it was.
///
/// Paths are used as given, never through `URL`: `URL(fileURLWithPath:)` resolves `..` lexically (it turns
/// `x//../r.md` into `x/r.md`), so the file written would not be the one the user named.
enum OutputFile {
  struct Failure: LocalizedError {
    var reason: String
    var errorDescription: String? { reason }
  }

  /// Refuses `output` if it is one of `inputs` (it would be overwritten), however it is spelt:
  /// `./x/../in.xml`, `x//../in.xml`, an absolute path, a symbolic or a hard link. The same file is the same
  /// device and inode; paths are compared by neither text nor `URL`. A path that does not exist yet cannot
  /// be an input.
  static func refuse(_ output: String, ifOneOf inputs: [String]) throws {
    var target = stat()
    guard stat(output, &target) == 0 else { return }
    for input in inputs {
      var source = stat()
      guard stat(input, &source) == 0, source.st_dev == target.st_dev, source.st_ino == target.st_ino else { continue }
      let alias = input == output ? "" : " (the same file as \(input))"
      throw ValidationError("--output \(output) is one of the input files\(alias); choose another path")
    }
  }

  static func write(_ text: String, to path: String) throws {
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
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let temporary = (folder == "/" ? "" : folder) + "/.\(name).\(getpid()).tmp"
    // O_EXCL: never write through something already there (a stale file, a planted symbolic link).
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw Failure(reason: "cannot create a file in \(folder): " + String(cString: strerror(errno)))
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    } catch {
      unlink(temporary)
      throw Failure(reason: error.localizedDescription)
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(reason: reason)
    }
  }
}
