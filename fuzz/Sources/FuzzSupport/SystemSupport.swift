#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints one line on stderr.
func printError(_ line: String) {
  fputs(line + "\n", stderr)
}

/// The whole content of `path`.
func readFile(_ path: String) throws -> [UInt8] {
  struct CannotRead: Error {}
  guard let handle = fopen(path, "rb") else { throw CannotRead() }
  defer { fclose(handle) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&chunk, 1, chunk.count, handle)
    if count > 0 { bytes += chunk[..<count] }
    if count < chunk.count { break }
  }
  return bytes
}

/// The value of environment variable `name`.
func environment(_ name: String) -> String? {
  getenv(name).map { String(cString: $0) }
}

@_silgen_name("__lsan_disable") private func lsanDisable()
@_silgen_name("__lsan_enable") private func lsanEnable()

/// Runs `body` with LeakSanitizer ignoring its allocations. For the values the harnesses keep for the
/// whole process: Swift stores enum case tags in a payload pointer's spare bits, so LeakSanitizer cannot
/// see the pointer and reports e.g. the `[Characterization]` of an `OUCharacterization.Basis` held by a
/// global as a "direct leak" at exit (a false positive; checked with a ten-line program).
func withoutLeakChecking<T>(_ body: () -> T) -> T {
  lsanDisable()
  defer { lsanEnable() }
  return body()
}

/// glibc's memfd_create(2) (≥ 2.27), which the Glibc module does not import.
@_silgen_name("memfd_create") private func memfdCreate(_ name: UnsafePointer<CChar>, _ flags: UInt32) -> Int32

/// An in-memory file (memfd) reachable through a path ending in `.EXTENSION`, for the readers that only
/// take a path: the streaming XML read the command uses (``AppraisalReader/read(path:catalog:streaming:)``)
/// and the ITSM importer (``ITSMImportReader``), which choose their syntax by the extension.
/// The symlink `<tmp>/fuzz-input.EXTENSION → /proc/self/fd/N` is made once per process and removed at exit;
/// each execution only rewrites the memfd, so nothing touches a disk per execution.
final class MemoryFile: @unchecked Sendable {
  let path: String
  private let fd: Int32
  private let directory: String

  init(fileExtension: String) {
    fd = memfdCreate("fuzz-input.\(fileExtension)", 0)
    guard fd >= 0 else { fatalError("fuzz: memfd_create failed: errno \(errno)") }
    var template = Array("/tmp/appraise-fuzz-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("fuzz: mkdtemp failed: errno \(errno)") }
    directory = String(cString: made)
    path = directory + "/fuzz-input.\(fileExtension)"
    guard symlink("/proc/self/fd/\(fd)", path) == 0 else { fatalError("fuzz: symlink failed: errno \(errno)") }
    MemoryFile.cleanup.append((path, directory))
    if MemoryFile.cleanup.count == 1 {
      atexit {
        for (path, directory) in MemoryFile.cleanup {
          unlink(path)
          rmdir(directory)
        }
      }
    }
  }

  nonisolated(unsafe) private static var cleanup: [(String, String)] = []

  /// Makes `bytes` the whole content of the file.
  func replace(with bytes: [UInt8]) {
    guard ftruncate(fd, 0) == 0 else { fatalError("fuzz: ftruncate failed: errno \(errno)") }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, bytes.count - written, off_t(written)) }
      guard count > 0 else { fatalError("fuzz: pwrite failed: errno \(errno)") }
      written += count
    }
  }
}
