/// One token of a JSON document, as returned by ``JSONReader/next()``.
package enum JSONToken: Sendable, Equatable {
  /// `{`
  case beginObject
  /// `}`
  case endObject
  /// `[`
  case beginArray
  /// `]`
  case endArray
  /// An object member name (the string before a `:`), unescaped.
  case key(String)
  /// A string value, unescaped.
  case string(String)
  /// A number, as its literal text from the document (for example `-1.5e3`); the caller converts it.
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null
}

/// A strict RFC 8259 JSON pull parser over UTF-8 bytes that reports a line and column for
/// every token and every error.
///
/// Call ``next()`` repeatedly; it returns one token and the position of its first byte, and
/// `nil` once the single top-level value has been read and only whitespace follows it.
/// Keys are returned as ``JSONToken/key(_:)``; the `:` and `,` separators are consumed
/// silently. The reader checks the whole grammar as it goes, so a caller that reads until
/// `nil` has validated the document.
///
/// Rejected (each with a ``JSONSyntaxError``): trailing commas, comments, single quotes,
/// unquoted names, leading zeros, `NaN`/`Infinity`, unescaped control characters in
/// strings, unknown escapes, lone UTF-16 surrogates in `\u` escapes, invalid UTF-8 in
/// strings, anything after the top-level value, empty input, truncated input and nesting
/// deeper than ``maxDepth``. After an error, every later call to `next()` throws the same
/// error again.
///
/// A UTF-8 byte order mark at the very start is skipped; a UTF-16 one is an error. See
/// ``JSONPosition`` for how lines and columns are counted.
package struct JSONReader {
  /// The default limit for nested arrays and objects.
  package static let defaultMaxDepth = 512

  /// The deepest nesting of arrays and objects accepted; one more opening bracket is an error.
  package let maxDepth: Int

  private let bytes: [UInt8]
  /// Offset of the first byte after the byte order mark, if any.
  private let contentStart: Int
  /// Offset of the next unread byte.
  private var offset: Int
  /// 1-based number of the line holding `offset`.
  private var line = 1
  /// Offset of the first byte of the current line.
  private var lineStart: Int
  private var state = State.topValue
  /// The open arrays and objects, innermost last.
  private var stack: [Frame] = []
  /// Reused buffer for strings that contain escapes.
  private var scratch: [UInt8] = []
  private var failure: JSONSyntaxError?

  private enum State {
    /// Expecting the top-level value.
    case topValue
    /// After `[`: a value or `]`.
    case arrayFirst
    /// After `,` in an array: a value.
    case arrayAfterComma
    /// After a value in an array: `,` or `]`.
    case arrayAfterValue
    /// After `{`: a member name or `}`.
    case objectFirst
    /// After `,` in an object: a member name.
    case objectAfterComma
    /// After a member name: `:`.
    case afterKey
    /// After `:`: a value.
    case afterColon
    /// After a value in an object: `,` or `}`.
    case objectAfterValue
    /// After the top-level value: only whitespace.
    case afterTop
    /// `next()` has returned nil.
    case done
  }

  private struct Frame {
    var isObject: Bool
    var position: JSONPosition
  }

  /// Creates a reader over a UTF-8 document. A leading UTF-8 byte order mark (EF BB BF) is skipped.
  package init(bytes: [UInt8]) {
    self.init(bytes: bytes, maxDepth: JSONReader.defaultMaxDepth)
  }

  /// Creates a reader that rejects more than `maxDepth` nested arrays and objects.
  package init(bytes: [UInt8], maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = max(1, maxDepth)
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    contentStart = hasBOM ? 3 : 0
    offset = contentStart
    lineStart = contentStart
    // A UTF-16 file (Windows "Unicode" text) would otherwise fail on its first byte as "not UTF-8".
    if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
      failure = JSONSyntaxError(
        position: JSONPosition(line: 1, column: 1),
        message: "the file is UTF-16 text; expected UTF-8 (save it as UTF-8)")
    }
  }

  /// The current nesting depth: the number of arrays and objects opened and not yet closed.
  package var depth: Int { stack.count }

  /// Reads the next token.
  ///
  /// - Returns: the token and the position of its first byte (the quote of a string or
  ///   key, the first character of a number or literal, the bracket of a container), or
  ///   `nil` after the top-level value is complete and only whitespace remains.
  /// - Throws: ``JSONSyntaxError`` at the first violation of the grammar.
  package mutating func next() throws(JSONSyntaxError) -> (token: JSONToken, position: JSONPosition)? {
    if let failure { throw failure }
    let bytes = self.bytes
    do {
      return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
        try step(buffer)
      }
    } catch {
      failure = error
      throw error
    }
  }

  /// Where a reader is in its bytes: for a scanner that reads part of the document directly
  /// (``skipOpenContainer(_:)``) and hands back where it stopped.
  package struct Cursor: Equatable {
    /// The next unread byte.
    package var offset: Int
    /// 1-based number of the line holding `offset`.
    package var line: Int
    /// Offset of the first byte of that line.
    package var lineStart: Int

    package init(offset: Int, line: Int, lineStart: Int) {
      self.offset = offset
      self.line = line
      self.lineStart = lineStart
    }
  }

  /// Lets `scan` read the array or object whose opening bracket was the last token straight from the
  /// bytes, from just after the bracket; `scan` returns the cursor just after the matching closing
  /// bracket, having checked everything in between as this reader would, or `nil` to decline.
  ///
  /// Returns whether the container was skipped; the next token is then whatever follows it. Declined,
  /// the reader is unchanged and goes on token by token from the bracket, so a scanner that gives up
  /// leaves every error to be found (and worded) by the reader.
  package mutating func skipOpenContainer(_ scan: (UnsafeBufferPointer<UInt8>, Cursor) -> Cursor?) -> Bool {
    guard failure == nil, state == .arrayFirst || state == .objectFirst else { return false }
    let start = Cursor(offset: offset, line: line, lineStart: lineStart)
    guard let end = bytes.withUnsafeBufferPointer({ scan($0, start) }) else { return false }
    stack.removeLast()
    (offset, line, lineStart) = (end.offset, end.line, end.lineStart)
    afterValue()
    return true
  }

  // MARK: - The state machine

  private mutating func step(_ p: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> (
    token: JSONToken, position: JSONPosition
  )? {
    let n = p.count
    while true {
      skipWhitespace(p)
      let i = offset
      switch state {
      case .topValue:
        if i >= n {
          throw JSONSyntaxError(
            position: position(i),
            message: n == contentStart
              ? "empty file; expected a JSON value"
              : "file contains only whitespace; expected a JSON value")
        }
        return try value(p, at: i)
      case .arrayAfterComma, .afterColon:
        guard i < n else { throw endOfFile(expected: "a value") }
        return try value(p, at: i)
      case .arrayFirst:
        guard i < n else { throw endOfFile(expected: "a value or ']'") }
        if p[i] == UInt8(ascii: "]") { return close(at: i) }
        return try value(p, at: i)
      case .arrayAfterValue:
        guard i < n else { throw endOfFile(expected: "',' or ']'") }
        switch p[i] {
        case UInt8(ascii: ","):
          offset = i + 1
          state = .arrayAfterComma
        case UInt8(ascii: "]"):
          return close(at: i)
        default:
          throw unexpected(p, at: i, expected: "',' or ']'")
        }
      case .objectFirst:
        guard i < n else { throw endOfFile(expected: "a member name in double quotes or '}'") }
        switch p[i] {
        case UInt8(ascii: "\""):
          return try key(p, at: i)
        case UInt8(ascii: "}"):
          return close(at: i)
        default:
          throw unexpected(p, at: i, expected: "a member name in double quotes or '}'")
        }
      case .objectAfterComma:
        guard i < n else { throw endOfFile(expected: "a member name in double quotes") }
        guard p[i] == UInt8(ascii: "\"") else {
          throw unexpected(p, at: i, expected: "a member name in double quotes")
        }
        return try key(p, at: i)
      case .afterKey:
        guard i < n else { throw endOfFile(expected: "':'") }
        guard p[i] == UInt8(ascii: ":") else { throw unexpected(p, at: i, expected: "':'") }
        offset = i + 1
        state = .afterColon
      case .objectAfterValue:
        guard i < n else { throw endOfFile(expected: "',' or '}'") }
        switch p[i] {
        case UInt8(ascii: ","):
          offset = i + 1
          state = .objectAfterComma
        case UInt8(ascii: "}"):
          return close(at: i)
        default:
          throw unexpected(p, at: i, expected: "',' or '}'")
        }
      case .afterTop:
        if i >= n {
          state = .done
          return nil
        }
        throw unexpected(p, at: i, expected: "end of file")
      case .done:
        return nil
      }
    }
  }

  /// Skips JSON whitespace (space, tab, LF, CR), counting lines.
  @inline(__always)
  private mutating func skipWhitespace(_ p: UnsafeBufferPointer<UInt8>) {
    Self.skipWhitespace(p, offset: &offset, line: &line, lineStart: &lineStart)
  }

  /// Skips JSON whitespace (space, tab, LF, CR) from `offset`, counting lines: for the reader and for
  /// scanners that read part of the document directly (``skipOpenContainer(_:)``).
  @inline(__always)
  package static func skipWhitespace(
    _ p: UnsafeBufferPointer<UInt8>, offset: inout Int, line: inout Int, lineStart: inout Int
  ) {
    var i = offset
    let n = p.count
    while i < n {
      let b = p[i]
      if b == 0x20 || b == 0x09 {
        i += 1
      } else if b == 0x0A {
        i += 1
        line += 1
        lineStart = i
      } else if b == 0x0D {
        i += 1
        if i < n && p[i] == 0x0A { i += 1 }
        line += 1
        lineStart = i
      } else {
        break
      }
    }
    offset = i
  }

  /// The position of byte `i`, which must be on the current line.
  @inline(__always)
  private func position(_ i: Int) -> JSONPosition {
    JSONPosition(line: line, column: i - lineStart + 1)
  }

  /// Sets the state that follows a complete value.
  @inline(__always)
  private mutating func afterValue() {
    if let top = stack.last {
      state = top.isObject ? .objectAfterValue : .arrayAfterValue
    } else {
      state = .afterTop
    }
  }

  private mutating func close(at i: Int) -> (token: JSONToken, position: JSONPosition) {
    let isObject = stack.removeLast().isObject
    offset = i + 1
    afterValue()
    return (isObject ? .endObject : .endArray, position(i))
  }

  private mutating func open(_ p: UnsafeBufferPointer<UInt8>, at i: Int, object: Bool)
    throws(JSONSyntaxError) -> (
      token: JSONToken, position: JSONPosition
    )
  {
    let here = position(i)
    guard stack.count < maxDepth else {
      throw JSONSyntaxError(
        position: here,
        message:
          "too many nested arrays and objects: '\(object ? "{" : "[")' opens level \(stack.count + 1); "
          + "expected at most \(maxDepth) levels")
    }
    stack.append(Frame(isObject: object, position: here))
    offset = i + 1
    state = object ? .objectFirst : .arrayFirst
    return (object ? .beginObject : .beginArray, here)
  }

  private mutating func key(_ p: UnsafeBufferPointer<UInt8>, at i: Int) throws(JSONSyntaxError) -> (
    token: JSONToken, position: JSONPosition
  ) {
    let text = try string(p, quote: i)
    state = .afterKey
    return (.key(text), position(i))
  }

  /// Reads the value starting at byte `i` (not whitespace, not end of file).
  private mutating func value(_ p: UnsafeBufferPointer<UInt8>, at i: Int) throws(JSONSyntaxError)
    -> (
      token: JSONToken, position: JSONPosition
    )
  {
    let b = p[i]
    let token: JSONToken
    switch b {
    case UInt8(ascii: "\""):
      token = .string(try string(p, quote: i))
    case UInt8(ascii: "{"):
      return try open(p, at: i, object: true)
    case UInt8(ascii: "["):
      return try open(p, at: i, object: false)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      token = .number(try number(p, at: i))
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      let end = JSONReader.wordEnd(p, from: i)
      let length = end - i
      if length == 4 && p[i] == UInt8(ascii: "t") && p[i + 1] == UInt8(ascii: "r")
        && p[i + 2] == UInt8(ascii: "u")
        && p[i + 3] == UInt8(ascii: "e")
      {
        token = .bool(true)
      } else if length == 5 && p[i] == UInt8(ascii: "f") && p[i + 1] == UInt8(ascii: "a")
        && p[i + 2] == UInt8(ascii: "l") && p[i + 3] == UInt8(ascii: "s")
        && p[i + 4] == UInt8(ascii: "e")
      {
        token = .bool(false)
      } else if length == 4 && p[i] == UInt8(ascii: "n") && p[i + 1] == UInt8(ascii: "u")
        && p[i + 2] == UInt8(ascii: "l") && p[i + 3] == UInt8(ascii: "l")
      {
        token = .null
      } else {
        throw unexpected(p, at: i, expected: valueExpectation)
      }
      offset = end
    default:
      throw unexpected(p, at: i, expected: valueExpectation)
    }
    afterValue()
    return (token, position(i))
  }

  /// What the current state expects when a value may come, for error messages.
  private var valueExpectation: String {
    state == .arrayFirst ? "a value or ']'" : (state == .topValue ? "a JSON value" : "a value")
  }

  // MARK: - Numbers

  @inline(__always)
  private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

  /// Reads a number starting at `i` and returns its literal text.
  private mutating func number(_ p: UnsafeBufferPointer<UInt8>, at i: Int) throws(JSONSyntaxError)
    -> String
  {
    let n = p.count
    var j = i
    if p[j] == UInt8(ascii: "-") { j += 1 }
    if j < n && p[j] == UInt8(ascii: "0") {
      j += 1
      if j < n && JSONReader.isDigit(p[j]) {
        throw numberError(p, start: i, at: j, reason: "leading zeros are not allowed")
      }
    } else if j < n && JSONReader.isDigit(p[j]) {
      j += 1
      while j < n && JSONReader.isDigit(p[j]) { j += 1 }
    } else {
      let word = JSONReader.wordEnd(p, from: j)
      let text = JSONReader.text(p, j, word)
      let hint =
        text == "Infinity" || text == "NaN" ? " (NaN and Infinity are not valid JSON numbers)" : ""
      throw numberError(p, start: i, at: j, reason: "expected a digit after '-'" + hint)
    }
    if j < n && p[j] == UInt8(ascii: ".") {
      j += 1
      guard j < n && JSONReader.isDigit(p[j]) else {
        throw numberError(p, start: i, at: j, reason: "expected a digit after '.'")
      }
      j += 1
      while j < n && JSONReader.isDigit(p[j]) { j += 1 }
    }
    if j < n && (p[j] == UInt8(ascii: "e") || p[j] == UInt8(ascii: "E")) {
      j += 1
      if j < n && (p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-")) { j += 1 }
      guard j < n && JSONReader.isDigit(p[j]) else {
        throw numberError(p, start: i, at: j, reason: "expected a digit in the exponent")
      }
      j += 1
      while j < n && JSONReader.isDigit(p[j]) { j += 1 }
    }
    if j < n && JSONReader.isNumberJunk(p[j]) {
      throw numberError(
        p, start: i, at: j,
        reason: "unexpected \(JSONReader.describe(p, at: j)) after '\(JSONReader.text(p, i, j))'")
    }
    offset = j
    return String(decoding: UnsafeBufferPointer(rebasing: p[i..<j]), as: UTF8.self)
  }

  /// Bytes that cannot follow a number directly and are taken as part of a malformed one.
  @inline(__always)
  private static func isNumberJunk(_ b: UInt8) -> Bool {
    isWordByte(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
  }

  private func numberError(_ p: UnsafeBufferPointer<UInt8>, start: Int, at j: Int, reason: String)
    -> JSONSyntaxError
  {
    var end = start + 1
    while end < p.count && JSONReader.isNumberJunk(p[end]) { end += 1 }
    return JSONSyntaxError(
      position: position(j),
      message: "invalid number '\(JSONReader.text(p, start, end))'; \(reason)")
  }

  // MARK: - Strings

  /// Reads the string whose opening quote is at `quote`; leaves `offset` after the closing quote.
  private mutating func string(_ p: UnsafeBufferPointer<UInt8>, quote: Int) throws(JSONSyntaxError)
    -> String
  {
    let n = p.count
    let start = quote + 1
    var (j, nonASCII) = JSONReader.scanPlain(p, from: start)
    if j < n && p[j] == UInt8(ascii: "\"") {
      // Fast path: no escapes. Validate only if a byte ≥ 0x80 was seen, then build the
      // String from the slice (String(validating:) is generic and not specialized, so slow).
      if nonASCII {
        let bad = JSONReader.firstInvalidUTF8(p, from: start)
        if bad != j { throw invalidUTF8(p, at: bad) }
      }
      offset = j + 1
      return String(decoding: UnsafeBufferPointer(rebasing: p[start..<j]), as: UTF8.self)
    }
    // Slow path: escapes (or an error).
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<j]))
    while true {
      guard j < n else { throw endOfFileInString(quote: quote) }
      let b = p[j]
      if b == UInt8(ascii: "\"") { break }
      if b == UInt8(ascii: "\\") {
        j = try escape(p, at: j, quote: quote)
      } else {
        throw controlCharacter(b, at: j)
      }
      let run = j
      let scanned = JSONReader.scanPlain(p, from: j)
      j = scanned.end
      nonASCII = nonASCII || scanned.nonASCII
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<j]))
    }
    // Escapes decode to well-formed UTF-8 and never to a continuation byte, so the decoded
    // text is valid exactly when the raw bytes between the quotes are.
    if nonASCII {
      let bad = JSONReader.firstInvalidUTF8(p, from: start)
      if bad != j { throw invalidUTF8(p, at: bad) }
    }
    offset = j + 1
    return String(decoding: scratch, as: UTF8.self)
  }

  /// The first offset at or after `from` holding `"`, `\`, a control character, or the end,
  /// and whether any byte before it was ≥ 0x80.
  @inline(__always)
  private static func scanPlain(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> (
    end: Int, nonASCII: Bool
  ) {
    var j = from
    let n = p.count
    let highs: UInt64 = 0x8080_8080_8080_8080
    var seen: UInt64 = 0
    if let base = p.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      while j &+ 8 <= n {
        let word = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        // Each term has a byte's high bit set for a byte equal to '"', equal to '\', or below 0x20.
        let special =
          ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
          | ((word &- ones &* 0x20) & ~word)
        if special & highs != 0 { break }
        seen |= word
        j &+= 8
      }
    }
    while j < n {
      let b = p[j]
      if b == 0x22 || b == 0x5C || b < 0x20 { break }
      seen |= UInt64(b)
      j &+= 1
    }
    return (j, seen & highs != 0)
  }

  /// Decodes the escape whose backslash is at `j` into `scratch`; returns the offset after it.
  private mutating func escape(_ p: UnsafeBufferPointer<UInt8>, at j: Int, quote: Int)
    throws(JSONSyntaxError) -> Int
  {
    let n = p.count
    guard j + 1 < n else { throw endOfFileInString(quote: quote) }
    let decoded: UInt8
    switch p[j + 1] {
    case UInt8(ascii: "\""): decoded = 0x22
    case UInt8(ascii: "\\"): decoded = 0x5C
    case UInt8(ascii: "/"): decoded = 0x2F
    case UInt8(ascii: "b"): decoded = 0x08
    case UInt8(ascii: "f"): decoded = 0x0C
    case UInt8(ascii: "n"): decoded = 0x0A
    case UInt8(ascii: "r"): decoded = 0x0D
    case UInt8(ascii: "t"): decoded = 0x09
    case UInt8(ascii: "u"):
      let unit = try hex4(p, escape: j, quote: quote)
      var scalarValue = UInt32(unit)
      var end = j + 6
      if unit >= 0xD800 && unit <= 0xDBFF {
        guard end + 1 < n && p[end] == UInt8(ascii: "\\") && p[end + 1] == UInt8(ascii: "u") else {
          if end >= n || (end + 1 >= n && p[end] == UInt8(ascii: "\\")) {
            throw endOfFileInString(quote: quote)
          }
          throw loneHighSurrogate(p, at: j)
        }
        let low = try hex4(p, escape: end, quote: quote)
        guard low >= 0xDC00 && low <= 0xDFFF else { throw loneHighSurrogate(p, at: j) }
        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        end += 6
      } else if unit >= 0xDC00 && unit <= 0xDFFF {
        throw JSONSyntaxError(
          position: position(j),
          message: "lone low surrogate '\(JSONReader.text(p, j, j + 6))' in string; "
            + "expected it to follow a high surrogate escape \\uD800-\\uDBFF")
      }
      appendUTF8(scalarValue)
      return end
    default:
      throw JSONSyntaxError(
        position: position(j),
        message: "invalid escape \(JSONReader.describeEscape(p, at: j)) in string; "
          + "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
    }
    scratch.append(decoded)
    return j + 2
  }

  /// Reads the four hex digits of the `\u` escape whose backslash is at `j`.
  private func hex4(_ p: UnsafeBufferPointer<UInt8>, escape j: Int, quote: Int)
    throws(JSONSyntaxError) -> UInt16
  {
    var result: UInt16 = 0
    for k in (j + 2)..<(j + 6) {
      guard k < p.count else { throw endOfFileInString(quote: quote) }
      guard let digit = Self.hexDigit(p[k]) else {
        throw JSONSyntaxError(
          position: position(j),
          message: "invalid escape '\(JSONReader.text(p, j, k))' in string: unexpected "
            + "\(JSONReader.describe(p, at: k)); expected four hexadecimal digits after '\\u'")
      }
      result = result << 4 | UInt16(digit)
    }
    return result
  }

  /// The value of the hexadecimal digit `b`, or `nil`.
  @inline(__always)
  package static func hexDigit(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private mutating func appendUTF8(_ v: UInt32) {
    if v < 0x80 {
      scratch.append(UInt8(v))
    } else if v < 0x800 {
      scratch.append(UInt8(0xC0 | (v >> 6)))
      scratch.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      scratch.append(UInt8(0xE0 | (v >> 12)))
      scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      scratch.append(UInt8(0x80 | (v & 0x3F)))
    } else {
      scratch.append(UInt8(0xF0 | (v >> 18)))
      scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      scratch.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  // MARK: - Errors

  private func endOfFileInString(quote: Int) -> JSONSyntaxError {
    let start = position(quote)
    return JSONSyntaxError(
      position: JSONPosition(line: line, column: bytes.count - lineStart + 1),
      message:
        "unexpected end of file inside a string that starts at line \(start.line), column \(start.column); "
        + "expected a closing '\"'")
  }

  private func loneHighSurrogate(_ p: UnsafeBufferPointer<UInt8>, at j: Int) -> JSONSyntaxError {
    JSONSyntaxError(
      position: position(j),
      message: "lone high surrogate '\(JSONReader.text(p, j, j + 6))' in string; "
        + "expected a low surrogate escape \\uDC00-\\uDFFF right after it")
  }

  private func controlCharacter(_ b: UInt8, at j: Int) -> JSONSyntaxError {
    let names: [UInt8: String] = [
      0x00: "null character", 0x08: "backspace", 0x09: "tab", 0x0A: "line feed", 0x0C: "form feed",
      0x0D: "carriage return",
    ]
    let escapes: [UInt8: String] = [
      0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
    ]
    let name =
      names[b].map { "\($0) (\(JSONReader.scalarName(UInt32(b))))" }
      ?? "control character \(JSONReader.scalarName(UInt32(b)))"
    let suggestion = escapes[b] ?? "\\u\(JSONReader.hex(UInt32(b), digits: 4))"
    let hint = b == 0x0A || b == 0x0D ? " or a closing '\"'" : ""
    return JSONSyntaxError(
      position: position(j),
      message: "unescaped \(name) in string; expected the escape \(suggestion)\(hint)")
  }

  /// Describes the ill-formed UTF-8 sequence whose lead byte is at `bad`.
  private func invalidUTF8(_ p: UnsafeBufferPointer<UInt8>, at bad: Int) -> JSONSyntaxError {
    JSONSyntaxError(
      position: position(bad),
      message:
        "invalid UTF-8 byte 0x\(JSONReader.hex(UInt32(p[bad]), digits: 2)) in string; expected UTF-8 text"
    )
  }

  /// The offset of the lead byte of the first ill-formed UTF-8 sequence at or after `from`,
  /// skipping escapes and stopping at the closing `"`. Returns the quote's offset (or the end
  /// of the buffer) if there is none.
  static func firstInvalidUTF8(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    var i = from
    let n = p.count
    func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      k < n && p[k] >= low && p[k] <= high
    }
    while i < n {
      let b = p[i]
      if b < 0x80 {
        if b == 0x22 { return i }
        i += b == 0x5C ? 2 : 1  // an escape's bytes are ASCII, and `\"` does not end the string
        continue
      }
      var length = 0
      switch b {
      case 0xC2...0xDF: length = continuation(i + 1) ? 2 : 0
      case 0xE0: length = continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
      case 0xE1...0xEC, 0xEE, 0xEF: length = continuation(i + 1) && continuation(i + 2) ? 3 : 0
      case 0xED: length = continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
      case 0xF0:
        length = continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
      case 0xF1...0xF3:
        length = continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
      case 0xF4:
        length =
          continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
      default: length = 0
      }
      if length == 0 { return i }
      i += length
    }
    return n
  }

  /// End of file where the current state expected something.
  private func endOfFile(expected: String) -> JSONSyntaxError {
    JSONSyntaxError(
      position: JSONPosition(line: line, column: offset - lineStart + 1),
      message: "unexpected end of file \(context(atEndOfFile: true)); expected \(expected)")
  }

  /// A byte (or word) where the current state expected something else.
  private func unexpected(_ p: UnsafeBufferPointer<UInt8>, at i: Int, expected: String)
    -> JSONSyntaxError
  {
    let b = p[i]
    var what = JSONReader.describe(p, at: i)
    var hint = ""
    if JSONReader.isWordByte(b) {
      let word = JSONReader.text(p, i, JSONReader.wordEnd(p, from: i))
      what = "'\(word)'"
      switch word {
      case "NaN", "Infinity": hint = " (NaN and Infinity are not valid JSON numbers)"
      case "True", "False", "TRUE", "FALSE", "Null", "NULL", "None":
        hint = " (JSON literals are lower-case: true, false, null)"
      default: break
      }
      if hint.isEmpty && (state == .objectFirst || state == .objectAfterComma) {
        hint = " (member names must be quoted)"
      }
    } else if b == UInt8(ascii: "'") {
      hint = " (JSON strings use double quotes)"
    } else if b == UInt8(ascii: "/") || b == UInt8(ascii: "#") {
      hint = " (JSON does not allow comments)"
    } else if (b == UInt8(ascii: "]") || b == UInt8(ascii: "}"))
      && (state == .arrayAfterComma || state == .objectAfterComma)
    {
      hint = " (trailing commas are not allowed)"
    }
    let location = context(atEndOfFile: false)
    return JSONSyntaxError(
      position: position(i),
      message:
        "unexpected \(what)\(location.isEmpty ? "" : " " + location); expected \(expected)\(hint)")
  }

  /// Where the reader is, for messages: "after ',' in array", "in object", "after the top-level value"...
  private func context(atEndOfFile: Bool) -> String {
    let container: String
    if let top = stack.last {
      container =
        (top.isObject ? "in object" : "in array")
        + (atEndOfFile
          ? " that starts at line \(top.position.line), column \(top.position.column)" : "")
    } else {
      container = ""
    }
    switch state {
    case .topValue: return ""
    case .afterTop, .done: return "after the top-level value"
    case .arrayFirst, .arrayAfterValue, .objectFirst, .objectAfterValue: return container
    case .arrayAfterComma, .objectAfterComma: return "after ',' " + container
    case .afterColon: return "after ':' " + container
    case .afterKey: return "after member name " + container
    }
  }

  // MARK: - Describing bytes

  @inline(__always)
  private static func isWordByte(_ b: UInt8) -> Bool {
    (b | 0x20) &- UInt8(ascii: "a") < 26 || b &- UInt8(ascii: "0") < 10 || b == UInt8(ascii: "_")
  }

  private static func wordEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
    var j = i
    while j < p.count && isWordByte(p[j]) { j += 1 }
    return j
  }

  /// The bytes `from..<to` (clamped to the buffer) as text, shortened to 40 bytes.
  private static func text(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
    let end = min(to, p.count, from + 40)
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: p[from..<max(from, end)]), as: UTF8.self)
    return end < min(to, p.count) ? text + "..." : text
  }

  static func hex(_ v: UInt32, digits: Int) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - s.count)) + s
  }

  private static func scalarName(_ v: UInt32) -> String { "U+" + hex(v, digits: 4) }

  /// Describes the byte at `i` for a message: `'x'`, `"'"`, `byte 0x01`, `'é' (U+00E9)`, `U+00A0`.
  static func describe(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
    let b = p[i]
    switch b {
    case UInt8(ascii: "'"): return "\"'\""
    case 0x21...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
    case 0x00..<0x80: return "control character \(scalarName(UInt32(b)))"
    default: break
    }
    // Non-ASCII: name the character if the bytes are valid UTF-8.
    let end = firstInvalidUTF8Scalar(p, at: i)
    guard end > i,
      let text = String(validating: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self),
      let scalar = text.unicodeScalars.first
    else {
      return "byte 0x\(hex(UInt32(b), digits: 2)) (not UTF-8)"
    }
    switch scalar.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse,
      .unassigned, .surrogate:
      return "character \(scalarName(scalar.value))"
    default:
      return "'\(text)' (\(scalarName(scalar.value)))"
    }
  }

  /// The end of the single well-formed UTF-8 scalar at `i`, or `i` if it is ill-formed.
  private static func firstInvalidUTF8Scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let b = p[i]
    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    let end = min(i + length, p.count)
    return String(validating: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self) == nil
      ? i : end
  }

  /// Describes the escape at backslash `j`: `'\x'`, or `'\' followed by byte 0x01`.
  private static func describeEscape(_ p: UnsafeBufferPointer<UInt8>, at j: Int) -> String {
    let b = p[j + 1]
    if b >= 0x21 && b <= 0x7E && b != UInt8(ascii: "'") {
      return "'\\\(Character(Unicode.Scalar(b)))'"
    }
    return "'\\' followed by \(describe(p, at: j + 1))"
  }
}
