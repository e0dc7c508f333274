#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension InputFile {
  /// At most the first `limit` bytes of the input at `path` (fewer when it is shorter), for a look at how a
  /// file starts without reading all of it.
  package static func prefix(of path: String, limit: Int) throws(ReadFailure) -> [UInt8] {
    let descriptor = try open(path)
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: limit)
    var count = 0
    while count < limit {
      let read = bytes.withUnsafeMutableBytes { buffer in
        prefixRead(descriptor, buffer.baseAddress! + count, limit - count)
      }
      if read < 0 {
        if errno == EINTR { continue }
        throw .cannotOpen(file: path, reason: reason(errno))
      }
      if read == 0 { break }
      count += read
    }
    bytes.removeSubrange(count...)
    return bytes
  }
}

private func prefixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
