#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads input files, opening them read-only (inputs are never modified), each exactly once: the bytes
/// and their SHA-256 come from the same read.
///
/// - A regular file is read whole.
/// - A pipe, FIFO, character device or socket (`<(zcat x.xml.gz)`, `/dev/stdin`) is read once, up to
///   ``streamLimit`` bytes: `/dev/zero` named `x.json` ends in a clear error, not in exhausted memory.
/// - A directory, a missing file, a symbolic link loop and a permission problem each get their own words.
package enum InputFile {
  /// The most that is read from an input that is not a regular file (256 MiB).
  package static let streamLimit = 256 << 20

  /// An input's bytes and the SHA-256 of exactly those bytes.
  package struct Contents: Sendable {
    package var bytes: [UInt8]
    package var sha256: String

    package init(bytes: [UInt8], sha256: String) {
      self.bytes = bytes
      self.sha256 = sha256
    }
  }

  /// Fails with ``ReadFailure/cannotOpen(file:reason:)`` unless `path` names something readable that is
  /// not a directory. It does not open the file (opening a FIFO would consume its writer).
  package static func requireReadable(_ path: String) throws(ReadFailure) {
    var status = stat()
    guard stat(path, &status) == 0 else { throw .cannotOpen(file: path, reason: reason(errno)) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw .cannotOpen(file: path, reason: reason(EISDIR)) }
    if access(path, R_OK) != 0 { throw .cannotOpen(file: path, reason: reason(errno)) }
  }

  /// Whether `path` is a regular file (after following symbolic links); such a file can be read again,
  /// in passes, and streamed.
  package static func isRegular(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  /// Reads the input at `path` once and hashes what was read.
  package static func read(_ path: String) throws(ReadFailure) -> Contents {
    let descriptor = try open(path)
    defer { close(descriptor) }
    var status = stat()
    let regular = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    let digester = InputDigester()
    var bytes: [UInt8] = []
    if regular {
      // Straight into the array (no copy through a chunk), up to the size the file has now; a file that
      // grew meanwhile is read on below.
      let size = Int(status.st_size)
      var failure: Int32 = 0
      bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        while count < size {
          let read = systemRead(descriptor, buffer.baseAddress! + count, size - count)
          if read < 0 && errno == EINTR { continue }
          if read < 0 { failure = errno }
          if read <= 0 { break }
          count += read
        }
      }
      if failure != 0 { throw .cannotOpen(file: path, reason: reason(failure)) }
      bytes.withUnsafeBytes { digester.update($0) }
      if bytes.count < size { return Contents(bytes: bytes, sha256: digester.finish()) }
    }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { chunk.deallocate() }
    while true {
      let count = systemRead(descriptor, chunk.baseAddress, chunk.count)
      if count < 0 {
        if errno == EINTR { continue }
        throw .cannotOpen(file: path, reason: reason(errno))
      }
      if count == 0 { break }
      if !regular && bytes.count + count > streamLimit {
        throw .cannotOpen(
          file: path,
          reason: "a pipe or device that supplies more than \(streamLimit >> 20) MiB; save it to a regular file first")
      }
      let read = UnsafeRawBufferPointer(rebasing: chunk[..<count])
      digester.update(read)
      bytes.append(contentsOf: read)
    }
    return Contents(bytes: bytes, sha256: digester.finish())
  }

  /// The bytes of the input at `path`, read once.
  package static func bytes(at path: String) throws(ReadFailure) -> [UInt8] { try read(path).bytes }

  /// Opens `path` read-only; a directory is refused.
  static func open(_ path: String) throws(ReadFailure) -> Int32 {
    var descriptor: Int32
    repeat { descriptor = systemOpen(path) } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw .cannotOpen(file: path, reason: reason(errno)) }
    var status = stat()
    if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw .cannotOpen(file: path, reason: reason(EISDIR))
    }
    return descriptor
  }

  /// What an `errno` from opening or reading an input means, in the project's words.
  package static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case EACCES, EPERM: "permission denied"
    case EISDIR: "is a directory; expected a file"
    case ELOOP: "too many levels of symbolic links (a symbolic link loop?)"
    case ENOTDIR: "a component of the path is not a directory"
    case ENAMETOOLONG: "the path is too long"
    default: String(cString: strerror(code)).lowercased()
    }
  }
}

// The C functions, out of reach of InputFile's own `read` and `open`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

private func systemOpen(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }
