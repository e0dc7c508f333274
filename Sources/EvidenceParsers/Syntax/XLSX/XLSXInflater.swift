import CAppraiseZlib

/// Inflates one entry of an in-memory zip as a reader asks for it, so a workbook's sheet reaches libxml2
/// piece by piece and is never held whole. It gives out at most `limit` bytes (the size the zip declares,
/// within the archive's budget): more is refused as a possible zip bomb, like ``XLSXArchive/part(_:)``.
package final class XLSXInflater {
  private let bytes: [UInt8]
  private let path: String
  /// The next compressed byte and the end of the entry's data.
  private var position: Int
  private let end: Int
  private let stored: Bool
  private let limit: UInt64
  private let stream: UnsafeMutablePointer<z_stream>
  private var started = false
  private var finished = false
  package private(set) var produced: UInt64 = 0
  /// Why ``read(into:)`` returned -1.
  package private(set) var failure: XLSXError?

  init(bytes: [UInt8], entry: XLSXArchive.Located, path: String, limit: UInt64) throws(XLSXError) {
    guard entry.method == 0 || entry.method == 8 else {
      throw XLSXError(
        "the zip entry \"\(path)\" uses compression method \(entry.method); expected deflate (8) or stored (0)")
    }
    self.bytes = bytes
    self.path = path
    position = entry.dataOffset
    end = entry.dataOffset + entry.compressedSize
    stored = entry.method == 0
    self.limit = limit
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    if !stored {
      guard inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        stream.deallocate()
        throw XLSXError("cannot start inflating the zip entry \"\(path)\" (out of memory?)")
      }
      started = true
    }
  }

  deinit {
    if started { inflateEnd(stream) }
    stream.deallocate()
  }

  /// Fills `buffer` with the next inflated bytes: how many, 0 at the end, -1 on an error (``failure``).
  package func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    if failure != nil { return -1 }
    if finished || buffer.isEmpty { return 0 }
    var count = 0
    if stored {
      count = min(buffer.count, end - position)
      bytes.withUnsafeBytes { source in
        buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
      }
      position += count
      finished = position == end
    } else {
      // Until something comes out: a block header alone inflates to nothing, and 0 would mean the end.
      while count == 0 && !finished {
        let status = bytes.withUnsafeBufferPointer { source -> Int32 in
          stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + position)
          stream.pointee.avail_in = UInt32(end - position)
          stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
          stream.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
          let status = inflate(stream, Z_NO_FLUSH)
          position = end - Int(stream.pointee.avail_in)
          count = min(buffer.count, Int(UInt32.max)) - Int(stream.pointee.avail_out)
          stream.pointee.next_in = nil
          stream.pointee.next_out = nil
          return status
        }
        if status == Z_STREAM_END {
          finished = true
        } else if status != Z_OK || (count == 0 && position == end) {
          failure = XLSXError("the zip entry \"\(path)\" is damaged (it does not inflate)")
          return -1
        }
      }
    }
    produced += UInt64(count)
    if produced > limit {
      failure = XLSXArchive.bomb("the zip entry \"\(path)\" inflates to more than its declared \(limit) bytes")
      return -1
    }
    return count
  }
}
