/// One cell of a CSV file: its text and where it starts.
///
/// `value` is the cell's content as written: without the surrounding quotes of a quoted cell and with `""`
/// turned into `"`, but not trimmed. `line` and `column` are 1-based; the column counts UTF-8 bytes from
/// the start of the line (a BOM is not counted) and names the cell's first byte — the opening quote of a
/// quoted cell, or the first byte after the preceding `,`.
package struct CSVCell: Hashable, Sendable, CustomStringConvertible {
  package var value: String
  package var line: Int
  package var column: Int
  /// Whether the cell was written in double quotes.
  package var isQuoted: Bool

  package init(value: String, line: Int, column: Int, isQuoted: Bool = false) {
    self.value = value
    self.line = line
    self.column = column
    self.isQuoted = isQuoted
  }

  /// `line:column "value"`, for tests and debugging.
  package var description: String { "\(line):\(column) \"\(value)\"" }
}

/// One record of a CSV file. It has at least one cell: an empty line is a row with one empty cell.
package struct CSVRow: Hashable, Sendable {
  package var cells: [CSVCell]

  package init(cells: [CSVCell]) { self.cells = cells }

  /// The line the row starts on.
  package var line: Int { cells[0].line }

  /// Whether every cell is empty or white space (a spreadsheet's empty row, possibly padded with commas).
  package var isBlank: Bool { cells.allSatisfy { CSVTokenizer.isBlank($0.value) } }
}

/// A violation of the CSV syntax, found by ``CSVTokenizer``; `message` is lower-case and says what was
/// expected.
package struct CSVSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  package var line: Int
  package var column: Int
  package var message: String

  package init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// `line:column: error: message`.
  package var description: String { "\(line):\(column): error: \(message)" }
}

/// Something that yields the rows of the CSV layout one at a time: a CSV file's tokenizer, or a worksheet's
/// reader (``XLSXSheetReader``), whose errors use line = row and column = column number.
package protocol CSVRowSource {
  /// The next row, or `nil` at the end. After an error every call throws it again.
  mutating func nextRow() throws(CSVSyntaxError) -> CSVRow?
}

/// Reads RFC 4180 CSV from UTF-8 bytes one row at a time.
///
/// - A UTF-8 byte order mark at the start is skipped (the next byte is line 1, column 1).
/// - Cells are separated by `,`, or by `;` when the first non-empty line has semicolons and no comma outside
///   quotes (what Excel writes where the decimal separator is a comma); rows end with CR LF, LF or a lone CR;
///   a line break at the very end of the file does not start another row.
/// - A quoted cell (`"…"`) may contain commas, line breaks and `""` for a quote. Spaces and tabs around a
///   quoted cell are allowed and dropped (cells are trimmed by the appraisal reader anyway).
/// - Errors: a quoted cell not closed before the end of the file, a `"` inside an unquoted cell, anything
///   but the separator or a line break after a closing quote, bytes that are not UTF-8, a NUL byte, and a file
///   that uses tabs instead of commas, which is recognized from its first non-empty line.
package struct CSVTokenizer: CSVRowSource {
  private let bytes: [UInt8]
  private var offset: Int
  private var line = 1
  private var lineStart: Int
  private var failure: CSVSyntaxError?
  private let contentStart: Int
  /// The cells of the row ``nextPlainRow(_:)`` offers, reused from row to row.
  private var spans: [Range<Int>] = []
  /// `,` or `;`.
  package let separator: UInt8

  package init(bytes: [UInt8]) {
    self.bytes = bytes
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    contentStart = hasBOM ? 3 : 0
    offset = contentStart
    lineStart = contentStart
    (failure, separator) = Self.checkEncodingAndSeparator(bytes, from: contentStart)
  }

  /// All rows of `bytes`.
  package static func rows(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRow] {
    var tokenizer = CSVTokenizer(bytes: bytes)
    var rows: [CSVRow] = []
    while let row = try tokenizer.nextRow() { rows.append(row) }
    return rows
  }

  /// The next row, or `nil` at the end of the file. After an error every call throws it again.
  package mutating func nextRow() throws(CSVSyntaxError) -> CSVRow? {
    if let failure { throw failure }
    let bytes = self.bytes
    do {
      return try bytes.withUnsafeBufferPointer { (p) throws(CSVSyntaxError) in try row(p) }
    } catch {
      failure = error
      throw error
    }
  }

  /// Offers the next row to `body` as byte ranges of the input, one per cell (as written, untrimmed), if
  /// it is a plain row: on one line, no quote, no NUL, well-formed UTF-8. Returns `true` when `body`
  /// took the row (the tokenizer is then past it); `false`, with nothing read, when the row is not
  /// plain, `body` declined it or the file is at its end: ``nextRow()`` then reads that row as usual,
  /// errors included.
  package mutating func nextPlainRow(
    _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Range<Int>>) -> Bool
  ) -> Bool {
    guard failure == nil, offset < bytes.count else { return false }
    var spans: [Range<Int>] = []
    swap(&spans, &self.spans)
    defer { swap(&spans, &self.spans) }
    spans.removeAll(keepingCapacity: true)
    let (start, separator) = (offset, self.separator)
    let next: Int? = bytes.withUnsafeBufferPointer { p in
      let n = p.count
      var i = start
      var cellStart = i
      while i < n {
        let b = p[i]
        if b == separator {
          spans.append(cellStart..<i)
          i += 1
          cellStart = i
        } else if b >= 0x80 {
          let length = Self.utf8Length(p, at: i)
          if length == 0 { return nil }
          i += length
        } else if b == Self.lf || b == Self.cr {
          break
        } else if b == Self.quote || b == 0 {
          return nil
        } else {
          i += 1
        }
      }
      spans.append(cellStart..<i)
      guard spans.withUnsafeBufferPointer({ body(p, $0) }) else { return nil }
      return i < n && p[i] == Self.cr && i + 1 < n && p[i + 1] == Self.lf ? i + 2 : i + 1
    }
    guard let next else { return false }
    if next <= bytes.count {
      line += 1
      offset = next
    } else {
      offset = bytes.count  // the last row, without a line break
    }
    lineStart = offset
    return true
  }

  // MARK: - Reading

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let cr = UInt8(ascii: "\r")
  private static let lf = UInt8(ascii: "\n")

  @inline(__always)
  static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

  /// Whether `text` is empty or only white space (ASCII fast path; Unicode white space such as U+00A0
  /// counts too).
  static func isBlank(_ text: String) -> Bool {
    var hasNonASCII = false
    for b in text.utf8 {
      if b >= 0x80 {
        hasNonASCII = true
      } else if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) {
        return false
      }
    }
    return !hasNonASCII || text.allSatisfy(\.isWhitespace)
  }

  private mutating func row(_ p: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError) -> CSVRow? {
    let n = p.count
    guard offset < n else { return nil }
    var cells: [CSVCell] = []
    while true {
      let cell = try self.cell(p)
      cells.append(cell)
      let i = offset
      if i >= n { break }
      if p[i] == separator {
        offset = i + 1
        continue
      }
      // A line break ends the row.
      offset = p[i] == Self.cr && i + 1 < n && p[i + 1] == Self.lf ? i + 2 : i + 1
      line += 1
      lineStart = offset
      break
    }
    return CSVRow(cells: cells)
  }

  /// Reads one cell starting at `offset`, leaving `offset` at the `,`, line break or end of file after it.
  private mutating func cell(_ p: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError) -> CSVCell {
    let n = p.count
    let start = offset
    let cellLine = line
    let cellColumn = start - lineStart + 1
    var j = start
    while j < n && Self.isASCIISpace(p[j]) { j += 1 }
    if j < n && p[j] == Self.quote {
      return try quotedCell(p, quoteAt: j, line: cellLine, column: cellColumn)
    }
    var k = start
    while k < n {
      let b = p[k]
      if b == separator || b == Self.lf || b == Self.cr { break }
      if b == Self.quote {
        throw error(
          at: k, "'\"' inside an unquoted cell; quote the whole cell (\"…\") and write a quote in it as \"\"")
      }
      if b >= 0x80 {
        let length = Self.utf8Length(p, at: k)
        if length == 0 { throw invalidUTF8(p, at: k) }
        k += length
      } else {
        if b == 0 { throw nulByte(at: k) }
        k += 1
      }
    }
    offset = k
    let value = start == k ? "" : String(decoding: UnsafeBufferPointer(rebasing: p[start..<k]), as: UTF8.self)
    return CSVCell(value: value, line: cellLine, column: cellColumn)
  }

  private mutating func quotedCell(_ p: UnsafeBufferPointer<UInt8>, quoteAt q: Int, line cellLine: Int, column: Int)
    throws(CSVSyntaxError) -> CSVCell
  {
    let n = p.count
    let quoteLine = line
    let quoteColumn = q - lineStart + 1
    var k = q + 1
    var segmentStart = k
    // Filled only when the cell contains `""` escapes; otherwise the value is one slice of the input.
    var unescaped: [UInt8]? = nil
    var value = ""
    while true {
      guard k < n else {
        throw CSVSyntaxError(
          line: quoteLine, column: quoteColumn,
          message: "quoted cell is not closed before the end of the file; expected a closing '\"'")
      }
      let b = p[k]
      if b == Self.quote {
        if k + 1 < n && p[k + 1] == Self.quote {
          if unescaped == nil { unescaped = [] }
          unescaped!.append(contentsOf: UnsafeBufferPointer(rebasing: p[segmentStart...k]))
          k += 2
          segmentStart = k
          continue
        }
        if var buffer = unescaped {
          buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[segmentStart..<k]))
          value = String(decoding: buffer, as: UTF8.self)
        } else if segmentStart < k {
          value = String(decoding: UnsafeBufferPointer(rebasing: p[segmentStart..<k]), as: UTF8.self)
        }
        k += 1
        break
      }
      if b == Self.lf || b == Self.cr {
        k += b == Self.cr && k + 1 < n && p[k + 1] == Self.lf ? 2 : 1
        line += 1
        lineStart = k
      } else if b >= 0x80 {
        let length = Self.utf8Length(p, at: k)
        if length == 0 { throw invalidUTF8(p, at: k) }
        k += length
      } else {
        if b == 0 { throw nulByte(at: k) }
        k += 1
      }
    }
    while k < n && Self.isASCIISpace(p[k]) { k += 1 }
    if k < n && p[k] != separator && p[k] != Self.lf && p[k] != Self.cr {
      throw error(
        at: k,
        "unexpected \(Self.describe(p, at: k)) after the closing '\"' of a quoted cell; expected '\(Character(Unicode.Scalar(separator)))' or the end of "
          + "the line (write a quote inside a quoted cell as \"\")")
    }
    offset = k
    return CSVCell(value: value, line: cellLine, column: column, isQuoted: true)
  }

  // MARK: - Errors

  private func error(at i: Int, _ message: String) -> CSVSyntaxError {
    CSVSyntaxError(line: line, column: i - lineStart + 1, message: message)
  }

  private func invalidUTF8(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> CSVSyntaxError {
    error(at: i, "invalid UTF-8 byte 0x\(Self.hex(p[i])); expected UTF-8 text (save the file as CSV UTF-8)")
  }

  /// A NUL byte is never text: the file is binary, or UTF-16 without a byte order mark.
  private func nulByte(at i: Int) -> CSVSyntaxError {
    error(at: i, "NUL byte (0x00) in a cell; expected UTF-8 text (is the file binary, or UTF-16? save it as CSV UTF-8)")
  }

  /// The problem a file has before any row is read (UTF-16 text, tab separators on the first non-empty line)
  /// and the separator that line uses: `;` when it has semicolons and no comma outside quotes, `,` otherwise.
  private static func checkEncodingAndSeparator(_ bytes: [UInt8], from start: Int) -> (CSVSyntaxError?, UInt8) {
    if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
      return (
        CSVSyntaxError(
          line: 1, column: 1,
          message: "the file is UTF-16 text; expected UTF-8 (save as CSV UTF-8 with comma separators)"), comma
      )
    }
    var lineNumber = 1
    var i = start
    let n = bytes.count
    while i < n {
      var end = i
      var semicolon = false
      var tab: Int? = nil
      var hasComma = false
      var hasContent = false
      var quoted = false
      // A quoted cell may hold line breaks: the first row ends at a line break outside quotes.
      while end < n && (quoted || (bytes[end] != lf && bytes[end] != cr)) {
        switch bytes[end] {
        case quote: quoted.toggle()
        case comma where !quoted: hasComma = true
        case UInt8(ascii: ";") where !quoted: semicolon = true
        case 0x09 where !quoted: tab = tab ?? end
        case 0x20: break
        default: hasContent = true
        }
        end += 1
      }
      if hasContent || semicolon || hasComma {
        if !hasComma && semicolon { return (nil, UInt8(ascii: ";")) }
        if !hasComma, let tab, hasContent {
          return (
            CSVSyntaxError(
              line: lineNumber, column: tab - i + 1,
              message: "the file uses tabs as separator; expected ',' (save as CSV UTF-8 with comma separators)"),
            comma
          )
        }
        return (nil, comma)
      }
      i = end < n && bytes[end] == cr && end + 1 < n && bytes[end + 1] == lf ? end + 2 : end + 1
      lineNumber += 1
    }
    return (nil, comma)
  }

  // MARK: - Bytes

  /// The length of the well-formed UTF-8 sequence whose lead byte is at `i`, or 0 if it is ill-formed.
  @inline(__always)
  static func utf8Length(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let n = p.count
    @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      k < n && p[k] >= low && p[k] <= high
    }
    switch p[i] {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return continuation(i + 1) ? 2 : 0
    case 0xE0: return continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
    case 0xE1...0xEC, 0xEE, 0xEF: return continuation(i + 1) && continuation(i + 2) ? 3 : 0
    case 0xED: return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
    case 0xF0: return continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
    case 0xF1...0xF3: return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
    case 0xF4: return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
    default: return 0
    }
  }

  private static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
  }

  /// `'x'` for a printable ASCII byte, `'é'` for a well-formed non-ASCII character, `byte 0xNN` otherwise.
  private static func describe(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
    let b = p[i]
    if b >= 0x21 && b <= 0x7E { return "'\(Character(Unicode.Scalar(b)))'" }
    if b >= 0x80 {
      let length = utf8Length(p, at: i)
      if length > 0 {
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: p[i..<(i + length)]), as: UTF8.self) + "'"
      }
    }
    return "byte 0x\(hex(b))"
  }
}
