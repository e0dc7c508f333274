import AppraisalModel

/// Streams a worksheet's rows as rows of the CSV layout (``CSVRowSource``): libxml2's SAX2 push parser
/// (``XMLPushParser``; no node is built) reads the sheet XML a chunk at a time as ``nextRow()`` asks, and each
/// `<row>` becomes a ``CSVRow`` whose cells carry line = row number and column = column number
/// (``XLSXRowBuilder``). Rows wait in a queue of at most one chunk's worth: memory stays flat.
///
/// - A row or cell without an `r` attribute follows the one before it; a cell skipped in a row is an
///   empty cell; rows skipped in the sheet come as one empty row (which ends the settings block).
/// - Cell values follow ``XLSXCellFormat``: shared and inline strings (rich-text runs concatenated,
///   phonetic runs left out), numbers, booleans as `true`/`false`, dates as ISO text; formulas give their
///   cached value.
/// - An error cell (`t="e"`, such as `#N/A`), a bad shared-string index, boolean or number is a problem at
///   the cell, collected in ``cellProblems`` while reading goes on (the cell passes on its raw text, and the
///   decoder's own complaints about that cell are dropped as repeats). Cells or rows out of order, positions
///   beyond Excel's grid (16,384 columns, 1,048,576 rows) and malformed XML end the reading with an error,
///   after the rows before them.
package struct XLSXSheetReader: CSVRowSource {
  /// Excel's grid.
  package static let maxColumn = 16_384
  package static let maxRow = 1_048_576
  /// How much sheet XML each step of the parser is fed.
  package static let chunkSize = 16 * 1024

  private let parser: XMLPushParser?
  private let rows: XLSXRowBuilder
  private let part: String
  private var failure: CSVSyntaxError?
  /// The inflater of a streamed sheet: its failure (a zip bomb, damaged data) explains a read error.
  private var inflater: XLSXInflater?
  /// Problems with single cells of the rows read so far, in reading order (see the type's comment).
  package var cellProblems: [CSVSyntaxError] { rows.problems }

  /// Where the sheet's XML comes from.
  package enum Input {
    /// Inflated piece by piece as the parser needs it (the sheet is never held whole).
    case stream(XLSXInflater)
    case bytes([UInt8])
  }

  /// Reads the sheet XML `bytes` (the part at `part`, named in messages) with the workbook's `format`.
  package init(bytes: [UInt8], part: String, format: XLSXCellFormat) {
    self.init(.bytes(bytes), part: part, format: format)
  }

  /// Reads the sheet XML from `input` (the part at `part`, named in messages) with the workbook's `format`,
  /// `chunkSize` bytes at a time.
  package init(_ input: Input, part: String, format: XLSXCellFormat, chunkSize: Int = Self.chunkSize) {
    self.part = part
    rows = XLSXRowBuilder(format: format, part: part)
    do {
      switch input {
      case .bytes(let bytes):
        parser = try XMLPushParser(
          bytes: bytes, name: part, names: XLSXRowBuilder.names, chunkSize: chunkSize, handler: rows)
      case .stream(let inflater):
        self.inflater = inflater
        parser = try XMLPushParser(
          name: part, names: XLSXRowBuilder.names, chunkSize: chunkSize, handler: rows,
          source: { inflater.read(into: $0) })
      }
    } catch {
      parser = nil
      failure = CSVSyntaxError(line: 1, column: 1, message: XLSXWorkbook.malformed(error, part: part).message)
    }
  }

  /// The next row: a queued one, or the parser is fed chunks until one is complete or the sheet ends.
  package mutating func nextRow() throws(CSVSyntaxError) -> CSVRow? {
    if let failure { throw failure }
    while true {
      if let row = rows.next() { return row }
      if let error = rows.takeFailure() {
        failure = error
        throw error
      }
      guard let parser, !rows.ended else { return nil }
      do {
        if try !parser.parseNext() && !rows.ended { rows.finish() }
      } catch {
        rows.fail(
          CSVSyntaxError(
            line: max(rows.rowNumber, rows.lastRow, 1), column: max(rows.column, 1),
            message: inflater?.failure?.message ?? XLSXWorkbook.malformed(error, part: part).message))
      }
    }
  }

  /// The column number of an A1-style reference (`C12` → 3), or `nil` when it is not one within the grid.
  static func column(of reference: String) -> Int? {
    var reference = reference
    return reference.withUTF8 { column(of: $0) }
  }

  /// The column number of the A1-style reference in `bytes`.
  static func column(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var column = 0
    var letters = 0
    var digits = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - 64)
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
        column = column * 26 + Int(byte - 96)
        letters += 1
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0: digits += 1
      default: return nil
      }
      if letters > 3 { return nil }
    }
    return letters > 0 && column <= maxColumn ? column : nil
  }

  /// The whole number `text` writes (ASCII spaces around it allowed; at most 9 digits), or `nil`. (Foundation's
  /// trimming cost a sixth of the read.)
  static func wholeNumber(_ text: String) -> Int? {
    var text = text
    return text.withUTF8 { wholeNumber($0) }
  }

  /// The whole number the UTF-8 `bytes` write (see ``wholeNumber(_:)-(String)``).
  static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var value = 0
    var digits = 0
    var trailing = false
    for byte in bytes {
      switch byte {
      case 0x30...0x39 where !trailing:
        value = value * 10 + Int(byte - 0x30)
        digits += 1
        if digits > 9 { return nil }
      case 0x20, 0x09, 0x0A, 0x0D: if digits > 0 { trailing = true }
      default: return nil
      }
    }
    return digits > 0 ? value : nil
  }

  /// The whole number the UTF-8 `bytes` write.
  static func wholeNumber(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { wholeNumber($0) } }

  /// A whole number of at most 7 digits written in `bytes`, or `nil`.
  static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 7 else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }
}
