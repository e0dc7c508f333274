import AppraisalModel

/// Streams a worksheet's rows as rows of the CSV layout (``CSVRowSource``): libxml2 reads the sheet XML
/// one node at a time (``XMLStreamReader/advance()``; no tree is built), and each `<row>` becomes a
/// ``CSVRow`` whose cells carry line = row number and column = column number.
///
/// - A row or cell without an `r` attribute follows the one before it; a cell skipped in a row is an
///   empty cell; rows skipped in the sheet come as one empty row (which ends the settings block).
/// - Cell values follow ``XLSXCellFormat``: shared and inline strings (rich-text runs concatenated,
///   phonetic runs left out), numbers, booleans as `true`/`false`, dates as ISO text; formulas give their
///   cached value.
/// - An error cell (`t="e"`, such as `#N/A`), a bad shared-string index, boolean or number is a problem at
///   the cell, collected in ``cellProblems`` while reading goes on (the cell passes on its raw text, and the
///   decoder's own complaints about that cell are dropped as repeats). Cells or rows out of order, positions
///   beyond Excel's grid (16,384 columns, 1,048,576 rows) and malformed XML end the reading with an error.
package struct XLSXSheetReader: CSVRowSource {
  /// Excel's grid.
  package static let maxColumn = 16_384
  package static let maxRow = 1_048_576

  private let reader: XMLStreamReader?
  private let format: XLSXCellFormat
  private let part: String
  private var failure: CSVSyntaxError?
  /// The inflater of a streamed sheet: its failure (a zip bomb, damaged data) explains a read error.
  private var inflater: XLSXInflater?
  /// Problems with single cells, in reading order (see the type's comment).
  package private(set) var cellProblems: [CSVSyntaxError] = []
  private var lastRow = 0
  private var pending: CSVRow?
  private var finished = false

  private static let names = ["row", "c", "v", "is", "t", "r", "s", "rPh", "f"]
  private enum Name {
    static let row = 0, c = 1, v = 2, inline = 3, t = 4, r = 5, s = 6, phonetic = 7, formula = 8
  }

  /// Where the sheet's XML comes from.
  package enum Input {
    /// Inflated piece by piece as libxml2 reads (the sheet is never held whole).
    case stream(XLSXInflater)
    case bytes([UInt8])
  }

  /// Reads the sheet XML `bytes` (the part at `part`, named in messages) with the workbook's `format`.
  package init(bytes: [UInt8], part: String, format: XLSXCellFormat) {
    self.init(.bytes(bytes), part: part, format: format)
  }

  /// Reads the sheet XML from `input` (the part at `part`, named in messages) with the workbook's `format`.
  package init(_ input: Input, part: String, format: XLSXCellFormat) {
    self.format = format
    self.part = part
    do {
      let reader: XMLStreamReader
      switch input {
      case .bytes(let bytes): reader = try XMLStreamReader(bytes: bytes, name: part)
      case .stream(let inflater):
        self.inflater = inflater
        reader = try XMLStreamReader(name: part) { inflater.read(into: $0) }
      }
      reader.internNames(Self.names)
      self.reader = reader
    } catch {
      reader = nil
      failure = CSVSyntaxError(line: 1, column: 1, message: XLSXWorkbook.malformed(error, part: part).message)
    }
  }

  package mutating func nextRow() throws(CSVSyntaxError) -> CSVRow? {
    if let failure { throw failure }
    if let row = pending {
      pending = nil
      return row
    }
    if finished { return nil }
    do {
      guard let row = try readRow() else {
        finished = true
        return nil
      }
      let number = row.line
      defer { lastRow = number }
      if number > lastRow + 1 && lastRow > 0 {
        pending = row
        return CSVRow(cells: [CSVCell(value: "", line: lastRow + 1, column: 1, isQuoted: true)])
      }
      return row
    } catch {
      failure = error
      throw error
    }
  }

  /// The next `<row>` element's cells, or `nil` after the last.
  private mutating func readRow() throws(CSVSyntaxError) -> CSVRow? {
    guard let reader else { return nil }
    var rowNumber = 0
    var cells: [CSVCell] = []
    // The cell being read.
    var column = 0
    var type = ""
    var style = -1
    var text = ""
    var hasValue = false
    var inValue = false
    var inText = false
    var phonetic = 0
    var inRow = false
    while true {
      let kind: XMLNodeKind
      do {
        kind = try reader.advance()
      } catch {
        throw CSVSyntaxError(
          line: max(rowNumber, lastRow, 1), column: max(column, 1),
          message: inflater?.failure?.message ?? XLSXWorkbook.malformed(error, part: part).message)
      }
      switch kind {
      case .endOfDocument:
        return inRow ? CSVRow(cells: cells.isEmpty ? [blank(rowNumber)] : cells) : nil
      case .startElement(let isEmpty):
        switch reader.currentName {
        case Name.row:
          var explicit: Int?
          var bad: String?
          _ = reader.forEachAttribute { name, value in
            if name == Name.r {
              explicit = Self.decimal(value)
              if explicit == nil { bad = String(decoding: value, as: UTF8.self) }
            }
            return true
          }
          if let bad {
            throw CSVSyntaxError(
              line: lastRow + 1, column: 1,
              message: "row number \"\(bad)\" in \(part) is not a whole number from 1 to \(Self.maxRow)")
          }
          rowNumber = explicit ?? lastRow + 1
          if rowNumber <= lastRow || rowNumber > Self.maxRow {
            throw CSVSyntaxError(
              line: min(max(rowNumber, 1), Self.maxRow), column: 1,
              message: "row \(rowNumber) in \(part) "
                + (rowNumber > Self.maxRow ? "is beyond the last row of a sheet" : "comes after row \(lastRow)")
                + "; expected rows in increasing order")
          }
          if isEmpty { return CSVRow(cells: [blank(rowNumber)]) }
          inRow = true
        case Name.c where inRow:
          // Read from the attribute bytes: a String per attribute of every cell cost a tenth of the read.
          var referenced: Int?
          var badReference: String?
          type = ""
          style = -1
          _ = reader.forEachAttribute { name, value in
            switch name {
            case Name.r:
              referenced = Self.column(of: value)
              if referenced == nil { badReference = String(decoding: value, as: UTF8.self) }
            case Name.t:
              // Almost always "s" (shared string): no allocation for it.
              type = value.count == 1 && value[0] == UInt8(ascii: "s") ? "s" : String(decoding: value, as: UTF8.self)
            case Name.s: style = Self.decimal(value) ?? -1
            default: break
            }
            return true
          }
          let previous = cells.last?.column ?? 0
          if let badReference {
            throw CSVSyntaxError(
              line: rowNumber, column: previous + 1,
              message: "cell reference \"\(badReference)\" in \(part) is not an A1-style reference within the sheet")
          }
          column = referenced ?? previous + 1
          if column <= previous || column > Self.maxColumn {
            throw CSVSyntaxError(
              line: rowNumber, column: min(column, Self.maxColumn),
              message: "cell \(SourceLocation.columnLetters(column))\(rowNumber) in \(part) comes after column "
                + "\(SourceLocation.columnLetters(previous)); expected cells in increasing order")
          }
          for missing in (previous + 1)..<column { cells.append(CSVCell(value: "", line: rowNumber, column: missing)) }
          text = ""
          hasValue = false
          if isEmpty { cells.append(CSVCell(value: "", line: rowNumber, column: column, isQuoted: true)) }
        case Name.v: inValue = !isEmpty
        case Name.t: inText = !isEmpty
        case Name.phonetic: if !isEmpty { phonetic += 1 }
        default: break
        }
      case .endElement:
        switch reader.currentName {
        case Name.row where inRow:
          return CSVRow(cells: cells.isEmpty ? [blank(rowNumber)] : cells)
        case Name.c where inRow && column > (cells.last?.column ?? 0):
          let value: String
          do {
            value = try cellText(
              type: type, style: style, text: text, hasValue: hasValue, row: rowNumber, column: column)
          } catch {
            cellProblems.append(error)
            value = text
          }
          cells.append(CSVCell(value: value, line: rowNumber, column: column, isQuoted: true))
        case Name.v: inValue = false
        case Name.t: inText = false
        case Name.phonetic: phonetic = max(0, phonetic - 1)
        default: break
        }
      case .text:
        // `<v>` holds the value; `<is>`'s `<t>` (directly or in runs) an inline string's text.
        if inValue || (inText && phonetic == 0 && type == "inlineStr") {
          text += reader.currentText
          hasValue = true
        }
      }
    }
  }

  private func blank(_ row: Int) -> CSVCell { CSVCell(value: "", line: row, column: 1, isQuoted: true) }

  /// The CSV text of one cell.
  private func cellText(type: String, style: Int, text: String, hasValue: Bool, row: Int, column: Int)
    throws(CSVSyntaxError) -> String
  {
    func failure(_ message: String) -> CSVSyntaxError { CSVSyntaxError(line: row, column: column, message: message) }
    if !hasValue { return "" }
    switch type {
    case "s":
      guard let index = Self.wholeNumber(text), index < format.sharedStrings.count
      else {
        throw failure(
          "shared string \"\(text)\" does not exist (the workbook has \(format.sharedStrings.count)); the file is "
            + "damaged")
      }
      return format.sharedStrings[index]
    case "inlineStr", "str": return text
    case "b":
      switch Self.wholeNumber(text) {
      case 1: return "true"
      case 0: return "false"
      default: throw failure("boolean cell holds \"\(text)\"; expected 1 or 0")
      }
    case "e":
      throw failure(
        "the cell holds the spreadsheet error \(text); expected a value (fix the formula or type the value)")
    case "d":
      // An ISO 8601 date (strict OOXML): its date part.
      return String(text.prefix { $0 != "T" })
    default:
      guard let number = format.number(text, style: style) else {
        throw failure("number cell holds \"\(text)\"; expected a number")
      }
      return number
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
    var value = 0
    var digits = 0
    var trailing = false
    for byte in text.utf8 {
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
