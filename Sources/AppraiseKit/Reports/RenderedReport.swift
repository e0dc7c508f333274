/// A finished report: the text of a text format, or the bytes of a binary one (xlsx).
public enum RenderedReport: Sendable, Equatable {
  case text(String)
  case binary([UInt8])

  /// Whether the report is binary, unfit for a terminal.
  public var isBinary: Bool {
    if case .binary = self { return true }
    return false
  }

  /// The report's bytes (text as UTF-8), for writing to a file or a stream.
  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    switch self {
    case .text(var text): try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    case .binary(let bytes): try bytes.withUnsafeBytes(body)
    }
  }

  /// The report's bytes (text as UTF-8).
  public var bytes: [UInt8] {
    switch self {
    case .text(let text): Array(text.utf8)
    case .binary(let bytes): bytes
    }
  }
}
