import AppraisalModel

/// Turns the events of a worksheet's XML (``XMLPushParser``) into rows of the CSV layout and queues them
/// until ``XLSXSheetReader`` takes them, one chunk of XML's worth at most (docs/xlsx.md, "How cells map").
///
/// The rules are ``XLSXSheetReader``'s: a row or cell without an `r` follows the one before it, skipped cells
/// are empty cells, skipped rows come as one empty row; a cell that cannot be turned into text is a problem
/// kept with its row (handed on in ``problems`` when the row is taken); rows or cells out of order or beyond
/// the grid stop the parse with ``failure``, which comes after the rows queued before it.
final class XLSXRowBuilder: XMLPushHandler {
  /// The element and attribute names the builder tells apart, interned by the parser.
  static let names = ["row", "c", "v", "is", "t", "r", "s", "rPh"]
  private enum Name {
    static let row = 0, c = 1, v = 2, inline = 3, t = 4, r = 5, s = 6, phonetic = 7
  }

  /// A cell's `t` attribute. Anything unknown is read as a number, as Excel does.
  enum CellType { case number, shared, inlineString, formulaString, boolean, error, date }

  /// Everything the builder keeps, behind a pointer: a class's `var`s are checked for exclusive access at run
  /// time on every use, which cost a twentieth of the read.
  private let pointer: UnsafeMutablePointer<State> = .allocate(capacity: 1)
  private var state: State {
    _read { yield pointer.pointee }
    _modify { yield &pointer.pointee }
  }

  init(format: XLSXCellFormat, part: String) { pointer.initialize(to: State(format: format, part: part)) }

  deinit {
    pointer.deinitialize(count: 1)
    pointer.deallocate()
  }

  /// The problems of the cells of the rows taken so far.
  var problems: [CSVSyntaxError] { state.problems }
  /// The parse ended (the document's end, or a failure); nothing more will be queued.
  var ended: Bool { state.ended }
  /// The last row complete (queued), and the row and cell being read (0: none since).
  var lastRow: Int { state.lastRow }
  var rowNumber: Int { state.rowNumber }
  var column: Int { state.column }

  /// The next queued row, its cells' problems moved to ``problems``; `nil` when none is queued.
  func next() -> CSVRow? { state.next() }

  /// The failure that ended the sheet, once every row before it has been taken (its row's problems moved
  /// to ``problems``); `nil` when there is none or rows are still queued.
  func takeFailure() -> CSVSyntaxError? { state.takeFailure() }

  /// Ends the sheet with `error` (malformed XML, a failed inflater) found by the parser.
  func fail(_ error: CSVSyntaxError) { state.fail(error) }

  /// The document ended: a row still open is complete.
  func finish() { state.finish() }

  func startElement(_ name: Int, attributes: XMLPushAttributes) -> Bool {
    state.startElement(name, attributes: attributes)
  }

  func endElement(_ name: Int) -> Bool { state.endElement(name) }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { state.text(bytes) }

  private struct State {
    private let format: XLSXCellFormat
    private let part: String

    /// Rows complete but not yet taken, each with the problems of its cells; `head` is the next to take.
    private var queue: [(row: CSVRow, problems: [CSVSyntaxError])] = []
    private var head = 0
    /// The problems of the cells of the rows taken so far.
    var problems: [CSVSyntaxError] = []
    /// Why the sheet ends early, and the problems of the row it ends in.
    private var failure: (error: CSVSyntaxError, problems: [CSVSyntaxError])?
    /// The parse ended (the document's end, or a failure); nothing more will be queued.
    var ended = false

    /// The last row complete (queued), and the row and cell being read (0: none since).
    var lastRow = 0
    var rowNumber = 0
    var column = 0

    // The row and cell being read.
    private var cells: [CSVCell] = []
    private var rowProblems: [CSVSyntaxError] = []
    private var type = CellType.number
    private var style = -1
    private var text: [UInt8] = []
    private var hasValue = false
    private var inValue = false
    private var inText = false
    private var phonetic = 0
    private var inRow = false

    init(format: XLSXCellFormat, part: String) {
      self.format = format
      self.part = part
      text.reserveCapacity(256)
    }

    // MARK: - Taking rows

    /// The next queued row, its cells' problems moved to ``problems``; `nil` when none is queued.
    mutating func next() -> CSVRow? {
      guard head < queue.count else { return nil }
      let item = queue[head]
      head += 1
      if head == queue.count {
        queue.removeAll(keepingCapacity: true)
        head = 0
      }
      if !item.problems.isEmpty { problems += item.problems }
      return item.row
    }

    /// The failure that ended the sheet, once every row before it has been taken (its row's problems moved
    /// to ``problems``); `nil` when there is none or rows are still queued.
    mutating func takeFailure() -> CSVSyntaxError? {
      guard head == queue.count, let failure else { return nil }
      problems += failure.problems
      self.failure = nil
      return failure.error
    }

    /// Ends the sheet with `error` (malformed XML, a failed inflater) found by the parser.
    mutating func fail(_ error: CSVSyntaxError) {
      failure = (error, rowProblems)
      ended = true
    }

    /// The document ended: a row still open is complete.
    mutating func finish() {
      if inRow { completeRow() }
      ended = true
    }

    // MARK: - Events

    mutating func startElement(_ name: Int, attributes: XMLPushAttributes) -> Bool {
      switch name {
      case Name.row:
        var explicit: Int?
        var bad: String?
        _ = attributes.visit { name, value in
          if name == Name.r {
            explicit = XLSXSheetReader.decimal(value)
            if explicit == nil { bad = String(decoding: value, as: UTF8.self) }
          }
          return true
        }
        if let bad {
          return stop(
            line: lastRow + 1, column: 1,
            "row number \"\(bad)\" in \(part) is not a whole number from 1 to \(XLSXSheetReader.maxRow)")
        }
        rowNumber = explicit ?? lastRow + 1
        if rowNumber <= lastRow || rowNumber > XLSXSheetReader.maxRow {
          return stop(
            line: min(max(rowNumber, 1), XLSXSheetReader.maxRow), column: 1,
            "row \(rowNumber) in \(part) "
              + (rowNumber > XLSXSheetReader.maxRow
                ? "is beyond the last row of a sheet" : "comes after row \(lastRow)")
              + "; expected rows in increasing order")
        }
        inRow = true
      case Name.c where inRow:
        // From the attribute bytes: a String per attribute of every cell costs a tenth of the read.
        var referenced: Int?
        var badReference: String?
        type = .number
        style = -1
        _ = attributes.visit { name, value in
          switch name {
          case Name.r:
            referenced = XLSXSheetReader.column(of: value)
            if referenced == nil { badReference = String(decoding: value, as: UTF8.self) }
          case Name.t: type = Self.cellType(value)
          case Name.s: style = XLSXSheetReader.decimal(value) ?? -1
          default: break
          }
          return true
        }
        let previous = cells.last?.column ?? 0
        if let badReference {
          return stop(
            line: rowNumber, column: previous + 1,
            "cell reference \"\(badReference)\" in \(part) is not an A1-style reference within the sheet")
        }
        column = referenced ?? previous + 1
        if column <= previous || column > XLSXSheetReader.maxColumn {
          return stop(
            line: rowNumber, column: min(column, XLSXSheetReader.maxColumn),
            "cell \(SourceLocation.columnLetters(column))\(rowNumber) in \(part) comes after column "
              + "\(SourceLocation.columnLetters(previous)); expected cells in increasing order")
        }
        for missing in (previous + 1)..<column { cells.append(CSVCell(value: "", line: rowNumber, column: missing)) }
        text.removeAll(keepingCapacity: true)
        hasValue = false
      case Name.v: inValue = true
      case Name.t: inText = true
      case Name.phonetic: phonetic += 1
      default: break
      }
      return true
    }

    mutating func endElement(_ name: Int) -> Bool {
      switch name {
      case Name.row where inRow:
        completeRow()
      case Name.c where inRow && column > (cells.last?.column ?? 0):
        let value: String
        do {
          value = try cellText()
        } catch {
          rowProblems.append(error)
          value = String(decoding: text, as: UTF8.self)
        }
        cells.append(CSVCell(value: value, line: rowNumber, column: column, isQuoted: true))
      case Name.v: inValue = false
      case Name.t: inText = false
      case Name.phonetic: phonetic = max(0, phonetic - 1)
      default: break
      }
      return true
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      // `<v>` holds the value; `<is>`'s `<t>` (directly or in runs) an inline string's text.
      if inValue || (inText && phonetic == 0 && type == .inlineString) {
        text.append(contentsOf: bytes)
        hasValue = true
      }
      return true
    }

    // MARK: - Rows and cells

    private mutating func completeRow() {
      let count = cells.count
      let row = CSVRow(cells: cells.isEmpty ? [blank(rowNumber)] : cells)
      let number = row.line
      // Rows skipped in the sheet come as one empty row (which ends the settings block).
      if number > lastRow + 1 && lastRow > 0 { queue.append((CSVRow(cells: [blank(lastRow + 1)]), [])) }
      queue.append((row, rowProblems))
      lastRow = number
      // What the next row starts from.
      cells = []
      cells.reserveCapacity(count)
      rowProblems = []
      rowNumber = 0
      column = 0
      type = .number
      style = -1
      text.removeAll(keepingCapacity: true)
      hasValue = false
      inValue = false
      inText = false
      phonetic = 0
      inRow = false
    }

    /// Ends the sheet with an error at `line`, `column` (a row; the parse stops).
    private mutating func stop(line: Int, column: Int, _ message: String) -> Bool {
      failure = (CSVSyntaxError(line: line, column: column, message: message), rowProblems)
      ended = true
      return false
    }

    private func blank(_ row: Int) -> CSVCell { CSVCell(value: "", line: row, column: 1, isQuoted: true) }

    /// The `t` attribute's value; almost always `s` (a shared string).
    private static func cellType(_ value: UnsafeBufferPointer<UInt8>) -> CellType {
      if value.count == 1 {
        switch value[0] {
        case UInt8(ascii: "s"): return .shared
        case UInt8(ascii: "b"): return .boolean
        case UInt8(ascii: "e"): return .error
        case UInt8(ascii: "d"): return .date
        default: return .number
        }
      }
      if value.elementsEqual("inlineStr".utf8) { return .inlineString }
      if value.elementsEqual("str".utf8) { return .formulaString }
      return .number
    }

    /// The CSV text of the cell just read.
    private func cellText() throws(CSVSyntaxError) -> String {
      func failure(_ message: String) -> CSVSyntaxError {
        CSVSyntaxError(line: rowNumber, column: column, message: message)
      }
      if !hasValue { return "" }
      switch type {
      case .shared:
        guard let index = XLSXSheetReader.wholeNumber(text), index < format.sharedStrings.count else {
          throw failure(
            "shared string \"\(String(decoding: text, as: UTF8.self))\" does not exist (the workbook has "
              + "\(format.sharedStrings.count)); the file is damaged")
        }
        return format.sharedStrings[index]
      case .inlineString, .formulaString: return String(decoding: text, as: UTF8.self)
      case .boolean:
        switch XLSXSheetReader.wholeNumber(text) {
        case 1: return "true"
        case 0: return "false"
        default: throw failure("boolean cell holds \"\(String(decoding: text, as: UTF8.self))\"; expected 1 or 0")
        }
      case .error:
        throw failure(
          "the cell holds the spreadsheet error \(String(decoding: text, as: UTF8.self)); expected a value (fix the "
            + "formula or type the value)")
      case .date:
        // An ISO 8601 date (strict OOXML): its date part.
        return String(decoding: text.prefix { $0 != UInt8(ascii: "T") }, as: UTF8.self)
      case .number:
        let written = String(decoding: text, as: UTF8.self)
        guard let number = format.number(written, style: style) else {
          throw failure("number cell holds \"\(written)\"; expected a number")
        }
        return number
      }
    }
  }
}
