import AppraisalModel

/// Streams a PIID template workbook (``PIIDTemplateLayout``) as the rows of the CSV syntax, so the CSV
/// decoder reads it with its own rules and messages: the settings sheet's rows, the instantiations sheet's
/// rows as `instantiation` settings, an empty row, the PIID header row, then every PIID sheet's rows with
/// their cells put in the CSV columns' order (docs/xlsx.md, "Reading a template").
///
/// Each cell keeps its place as a ``SourceLocation/workbookLine(sheet:row:)`` and its column, so every
/// message lands on the cell the team typed. Sheets are read one after the other, each streamed.
/// Problems with the layout itself (an unknown column label, a sheet that is not a PIID sheet) are
/// collected in ``problems``; cells a sheet reader could not read in ``cellProblems``.
package struct PIIDTemplateRows: CSVRowSource {
  /// A problem with the template's layout; `line` is a workbook line.
  package struct Problem {
    package var severity: ModelProblem.Severity
    package var line: Int
    package var column: Int
    package var message: String
  }

  private var workbook: XLSXWorkbook
  /// The sheets to read, in order, with what each is.
  private let plan: [(index: Int, kind: Kind)]
  private var step = 0
  private var reader: XLSXSheetReader?
  private var sawHeader = false
  private var lastLine = 0
  /// For the PIID sheet being read: the CSV column number of each sheet column (by column number), and
  /// where its header row is.
  private var columnOf: [Int: Int] = [:]
  /// The other way round: the sheet column of each CSV column the sheet has.
  private var sheetColumn: [Int: Int] = [:]
  private var failure: CSVSyntaxError?
  package private(set) var problems: [Problem] = []
  /// Cells the sheet readers could not turn into text (workbook lines).
  package private(set) var cellProblems: [CSVSyntaxError] = []

  private enum Kind { case settings, instantiations, blankAndHeader, piid }

  private static let columns = CSVAppraisalDecoder.columns
  private static let number = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
  private static let practice = number["practice"]!
  private static let evidenceId = number["evidenceId"]!
  private static let indicator = number["indicator"]!
  /// The CSV columns a team fills in (a row with none of them set is an unused row).
  private static let teamColumns = Set(
    columns.indices.filter { !PIIDTemplateLayout.prefilledFields.contains(columns[$0]) })
  private static let evidenceColumns = Set(PIIDTemplateLayout.evidenceFields.compactMap { number[$0] })

  /// The workbook's sheet names, for the decoder's locations.
  package let sheetNames: [String]

  package init(_ workbook: XLSXWorkbook) {
    self.workbook = workbook
    let names = workbook.sheets.map(\.name)
    sheetNames = names
    var plan: [(Int, Kind)] = []
    if let index = names.firstIndex(of: PIIDTemplateLayout.settingsSheet) { plan.append((index, .settings)) }
    if let index = names.firstIndex(of: PIIDTemplateLayout.instantiationsSheet) {
      plan.append((index, .instantiations))
    }
    let piid = names.indices.filter { !PIIDTemplateLayout.fixedSheets.contains(names[$0]) }
    plan.append((piid.first ?? plan.last?.0 ?? 0, .blankAndHeader))
    plan += piid.map { ($0, .piid) }
    self.plan = plan
  }

  package mutating func nextRow() throws(CSVSyntaxError) -> CSVRow? {
    if let failure { throw failure }
    do {
      return try next()
    } catch {
      failure = error
      throw error
    }
  }

  private mutating func next() throws(CSVSyntaxError) -> CSVRow? {
    if let header = pendingHeader {
      pendingHeader = nil
      return header
    }
    while step < plan.count {
      let (index, kind) = plan[step]
      if kind == .blankAndHeader {
        step += 1
        return headerRows(sheet: index)
      }
      if reader == nil { try open(index) }
      guard let row = try readRow(index) else {
        finishSheet(index)
        step += 1
        continue
      }
      if row.cells.allSatisfy({ CSVTokenizer.isBlank($0.value) }) { continue }
      switch kind {
      case .settings:
        if !sawHeader {
          sawHeader = true
          if Self.isLabel(row, PIIDTemplateLayout.settingsHeader[0]) { continue }
        }
        return row
      case .instantiations:
        if !sawHeader {
          sawHeader = true
          if Self.isLabel(row, PIIDTemplateLayout.instantiationColumns[0]) { continue }
        }
        let first = row.cells[0]
        return CSVRow(
          cells: [CSVCell(value: "instantiation", line: first.line, column: first.column, isQuoted: true)] + row.cells)
      case .piid:
        if !sawHeader {
          sawHeader = true
          if !mapHeader(row, sheet: index) {
            reader = nil
            step += 1
          }
          continue
        }
        if let mapped = piidRow(row, sheet: index) { return mapped }
      case .blankAndHeader:
        continue
      }
    }
    return nil
  }

  /// The empty row that ends the settings block, then the PIID header row (all columns, in order); the
  /// header is located at the first PIID sheet's first row.
  private var pendingHeader: CSVRow?

  private mutating func headerRows(sheet: Int) -> CSVRow? {
    let line = SourceLocation.workbookLine(sheet: sheet, row: 1)
    pendingHeader = CSVRow(
      cells: Self.columns.enumerated().map { CSVCell(value: $1, line: line, column: $0 + 1, isQuoted: true) })
    return CSVRow(cells: [CSVCell(value: "", line: lastLine + 1, column: 1, isQuoted: true)])
  }

  private mutating func open(_ index: Int) throws(CSVSyntaxError) {
    do {
      reader = try workbook.rows(of: index)
    } catch {
      throw CSVSyntaxError(
        line: SourceLocation.workbookLine(sheet: index, row: 1), column: 1, message: error.message)
    }
    sawHeader = false
    columnOf = [:]
    sheetColumn = [:]
  }

  /// The next row of sheet `index`, with workbook lines.
  private mutating func readRow(_ index: Int) throws(CSVSyntaxError) -> CSVRow? {
    guard var sheet = reader else { return nil }
    defer { reader = sheet }
    let row: CSVRow?
    do {
      row = try sheet.nextRow()
    } catch {
      throw CSVSyntaxError(
        line: SourceLocation.workbookLine(sheet: index, row: error.line), column: error.column,
        message: error.message)
    }
    guard var row else { return nil }
    for cell in row.cells.indices {
      row.cells[cell].line = SourceLocation.workbookLine(sheet: index, row: row.cells[cell].line)
    }
    lastLine = row.cells[0].line
    return row
  }

  private mutating func finishSheet(_ index: Int) {
    if let sheet = reader {
      cellProblems += sheet.cellProblems.map {
        CSVSyntaxError(
          line: SourceLocation.workbookLine(sheet: index, row: $0.line), column: $0.column, message: $0.message)
      }
    }
    reader = nil
  }

  private static func isLabel(_ row: CSVRow, _ label: String) -> Bool {
    PIIDTemplateLayout.normalized(row.cells[0].value) == PIIDTemplateLayout.normalized(label)
  }

  // MARK: - PIID sheets

  /// Reads a PIID sheet's header row into ``columnOf``; `false` when the sheet is not read.
  private mutating func mapHeader(_ row: CSVRow, sheet: Int) -> Bool {
    var seen: [Int: CSVCell] = [:]
    var labelled: [CSVCell] = []
    for cell in row.cells where !CSVTokenizer.isBlank(cell.value) {
      guard let column = PIIDTemplateLayout.column(labelled: cell.value) else {
        labelled.append(cell)
        continue
      }
      guard let field = column.field else { continue }
      let number = Self.number[field]!
      if let first = seen[number] {
        problem(
          .error, at: cell,
          "column \"\(CSVAppraisalDecoder.Field(cell).text)\" appears twice in the header row; the first is column "
            + SourceLocation.columnLetters(first.column) + " (only the first is read)")
        continue
      }
      seen[number] = cell
      columnOf[cell.column] = number
      sheetColumn[number] = cell.column
    }
    let name = sheetNames[sheet]
    if seen[Self.practice] == nil && seen[Self.number["instantiation"]!] == nil {
      problem(
        .warning, at: row.cells[0],
        "the sheet \"\(name)\" is not read: its first row has no Practice or Instantiation column, so it is not a "
          + "PIID sheet (notes may stay in such a sheet)")
      return false
    }
    for cell in labelled {
      problem(
        .error, at: cell,
        "unknown column \"\(CSVAppraisalDecoder.Field(cell).text)\" in the header row of \"\(name)\"; its cells are not read "
          + "(expected: " + PIIDTemplateLayout.piidColumns.map(\.label).joined(separator: ", ") + ")")
    }
    for field in ["practice", "instantiation"] where seen[Self.number[field]!] == nil {
      problem(
        .error, at: row.cells[0],
        "the header row of \"\(name)\" has no \(PIIDTemplateLayout.column(labelled: field)!.label) column; the "
          + "sheet is not read")
      return false
    }
    return true
  }

  /// A PIID sheet's row in the CSV columns' order, or `nil` for an unused row (only pre-filled cells).
  private func piidRow(_ row: CSVRow, sheet: Int) -> CSVRow? {
    var cells: [CSVCell?] = Array(repeating: nil, count: Self.columns.count)
    for cell in row.cells {
      if let number = columnOf[cell.column] { cells[number] = cell }
    }
    func isSet(_ number: Int) -> Bool { cells[number].map { !CSVTokenizer.isBlank($0.value) } ?? false }
    guard Self.teamColumns.contains(where: isSet) else { return nil }
    let anchor = cells[Self.practice] ?? row.cells[0]
    if !Self.evidenceColumns.contains(where: isSet) {
      // The template's indicator on a row that holds no evidence: not the team's.
      cells[Self.indicator]?.value = ""
    } else if !isSet(Self.evidenceId) {
      let row = SourceLocation.sheetAndRow(workbookLine: anchor.line).row
      cells[Self.evidenceId] = CSVCell(
        value: "\(sheetNames[sheet])-\(row)", line: anchor.line,
        column: sheetColumn[Self.evidenceId] ?? anchor.column, isQuoted: true)
    }
    // A cell the row leaves out is empty, in its column where the sheet has one.
    return CSVRow(
      cells: cells.enumerated().map { number, cell in
        cell ?? CSVCell(value: "", line: anchor.line, column: sheetColumn[number] ?? anchor.column, isQuoted: true)
      })
  }

  private mutating func problem(_ severity: ModelProblem.Severity, at cell: CSVCell, _ message: String) {
    problems.append(Problem(severity: severity, line: cell.line, column: cell.column, message: message))
  }
}
