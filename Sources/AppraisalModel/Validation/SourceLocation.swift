/// A place in an input file, as readers report it: 1-based line and, where known, column.
///
/// In a workbook the place is a cell: ``sheet`` names the worksheet, `line` is the row number and
/// `column` the column number (1 = A), printed A1-style as `file.xlsx:Sheet1!C12`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The file's path as the user named it.
  public var file: String
  public var line: Int
  public var column: Int?
  /// The worksheet, as the workbook names it, for a location in a spreadsheet; `nil` for a text file.
  public var sheet: String?

  public init(file: String, line: Int, column: Int? = nil, sheet: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.sheet = sheet
  }

  /// `file:line:col` (or `file:line` without a column), the prefix compilers use; `file:Sheet!C12` for a
  /// cell of a workbook.
  public var description: String {
    if let sheet { return "\(file):\(sheet)!\(Self.columnLetters(column ?? 1))\(line)" }
    if let column { return "\(file):\(line):\(column)" }
    return "\(file):\(line)"
  }

  /// The spreadsheet letters of column `number` (1 → `A`, 27 → `AA`).
  public static func columnLetters(_ number: Int) -> String {
    var letters: [Character] = []
    var n = max(number, 1)
    while n > 0 {
      let digit = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }

  /// A sheet's index and a row in one line number, for readers that go through several sheets of a workbook
  /// (``SourceMap/sheets``): a sheet has at most 1,048,576 rows, so the row takes 21 bits and 2,047 sheets
  /// still fit the 32 bits a source map keeps.
  public static func workbookLine(sheet: Int, row: Int) -> Int { sheet << 21 | row }

  /// The sheet's index and the row of a ``workbookLine(sheet:row:)``.
  public static func sheetAndRow(workbookLine line: Int) -> (sheet: Int, row: Int) { (line >> 21, line & 0x1F_FFFF) }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column ?? 0) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column ?? 0)
  }
}
