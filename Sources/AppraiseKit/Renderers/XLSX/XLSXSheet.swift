/// One worksheet of an XLSX workbook as plain data: a table with a header row and rows of cells. The report
/// renderer (``XLSXRenderer``) and the PIID template (``PIIDTemplate``) build sheets; ``XLSXWorkbook`` writes
/// them, each the same way: bold header on a fill, autofilter over the table, pane frozen under the header,
/// column widths from the content, landscape pages fitted to the width with the header repeated. A sheet
/// for people to fill in may also fix its widths, give columns a default style, and offer drop-down lists.
struct XLSXSheet: Sendable {
  /// How a cell looks. Characterization codes get the HTML heat map's fills.
  enum Style: Sendable, Hashable {
    case plain, wrapped, good, bad, unknown, muted, warning
    case fi, li, pi, ni, ny, notCharacterized, notApplicable
    /// A cell the template fills in for the team (light fill, wrapping).
    case prefilled
    /// Text format (`@`): what a person types stays text, so `1/2` or `2011-09-30` never turn into dates.
    case text
    /// Bold text, wrapping: a heading among text rows.
    case heading

    /// The heat-map style of a characterization code (`FI`…`NY`); `nil` is not characterized, `""` not
    /// applicable.
    init(code: String?) {
      switch code {
      case "FI": self = .fi
      case "LI": self = .li
      case "PI": self = .pi
      case "NI": self = .ni
      case "NY": self = .ny
      case nil: self = .notCharacterized
      case "": self = .notApplicable
      default: self = .plain
      }
    }

    /// The style of a report cell's tone.
    init(_ tone: ReportDocument.Tone) {
      switch tone {
      case .plain: self = .plain
      case .good: self = .good
      case .bad: self = .bad
      case .unknown: self = .unknown
      case .muted: self = .muted
      case .warning: self = .warning
      }
    }
  }

  struct Cell: Sendable {
    enum Value: Sendable {
      case text(String)
      case number(Double)
    }
    var value: Value
    var style: Style

    init(_ text: String, _ style: Style = .plain) {
      value = .text(text)
      self.style = style
    }

    init(_ number: Int, _ style: Style = .plain) {
      value = .number(Double(number))
      self.style = style
    }

    /// The width the text takes, in characters (numbers: their digits). UTF-8 bytes stand for characters:
    /// constant time for a million cells, and a little wide for accented text, which is harmless.
    var width: Int {
      switch value {
      case .text(let text): text.utf8.count
      case .number(let number): number < 10 ? 1 : Int(number).description.utf8.count
      }
    }
  }

  /// The sheet's tab name: at most 31 characters, none of `[]:*?/\`.
  var name: String
  var header: [String]
  var rows: [[Cell]] = []
  /// Columns whose long text wraps instead of widening the column (reasons, findings, statements).
  var wrappedColumns: Set<Int> = []
  /// Each column's default style (empty cells too), instead of plain or wrapped; a plain cell takes it.
  var columnStyles: [Int: Style] = [:]
  /// Column widths in characters, instead of widths from the content (``columnWidths()``); more widths than
  /// header labels let rows run further right than the header (a settings row's values).
  var fixedWidths: [Double]?
  /// Whether the table has an autofilter and the pane is frozen under the header (a text sheet has neither).
  var isTable = true
  /// Columns left of the frozen pane besides the header row (a table only).
  var frozenColumns = 0
  /// Drop-down lists: each offers its values in one column over a range of rows.
  var validations: [Validation] = []
  /// A line chart of some of the sheet's columns over its rows, placed right of the table.
  var lineChart: LineChart?

  /// A line chart drawn from the sheet's own cells: the categories (x axis) from one column, one line per
  /// value column, named by its header.
  struct LineChart: Sendable {
    var title: String
    var categoryColumn: Int
    var valueColumns: [Int]
  }

  /// A drop-down list on the cells of one column from data row `rows.lowerBound` to `rows.upperBound` (0 is
  /// the row under the header; rows beyond the sheet's rows get it too, for rows a person adds).
  struct Validation: Sendable {
    enum Source: Sendable {
      /// The values themselves (at most 255 characters together, Excel's limit).
      case values([String])
      /// A cell range of the workbook, `=Instantiations!$A$2:$A$60`: values a person may add to there.
      case range(String)
    }
    var column: Int
    var rows: ClosedRange<Int>
    var source: Source
    /// What the list is of, for the message a wrong value gets (`indicator`).
    var name: String
  }

  init(_ name: String, header: [String], wrapped: Set<Int> = []) {
    self.name = name
    self.header = header
    self.wrappedColumns = wrapped
  }

  mutating func row(_ cells: [Cell]) { rows.append(cells) }

  /// Column widths in characters: the longest cell, at least the header's, at most 66 (a wrapped column:
  /// a SHA-256 fits on one line) or 80.
  func columnWidths() -> [Double] {
    // Fixed widths may name more columns than the header (rows of values that run to the right).
    if let fixedWidths {
      return header.indices.map { $0 < fixedWidths.count ? fixedWidths[$0] : 12 } + fixedWidths.dropFirst(header.count)
    }
    var widths = header.map { $0.count + 4 }  // + room for the autofilter button
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        // Only the first line counts for multi-line text, and the scan stops at the cap.
        let width = cell.width
        if width > widths[index] { widths[index] = width }
      }
    }
    return widths.enumerated().map { index, width in
      Double(min(max(width + 1, 6), wrappedColumns.contains(index) ? 66 : 80))
    }
  }

  /// The lines a row takes when its wrapped cells wrap at `widths`: at least 1, at most 27 (a row is at
  /// most 409 points high). Spreadsheets do not grow rows for wrapped text written by a library, so the
  /// heights are set from this estimate.
  func lineCount(_ row: [Cell], widths: [Double]) -> Int {
    var lines = 1
    for (index, cell) in row.enumerated() where index < widths.count {
      guard case .text(let text) = cell.value,
        wrappedColumns.contains(index) || cell.style.wraps || columnStyles[index]?.wraps == true
      else { continue }
      let perLine = max(Int(widths[index]) - 1, 1)
      guard text.utf8.count > perLine || text.utf8.contains(10) else { continue }
      var count = 0
      for line in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
        count += max(1, (line.count + perLine - 1) / perLine)
      }
      lines = max(lines, count)
    }
    return min(lines, 27)
  }
}

extension XLSXSheet.Style {
  /// Whether cells of this style wrap their text (the tones do; codes and plain cells do not).
  var wraps: Bool {
    switch self {
    case .wrapped, .good, .bad, .unknown, .muted, .warning, .prefilled, .heading: true
    default: false
    }
  }
}
