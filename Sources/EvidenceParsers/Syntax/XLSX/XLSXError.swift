/// Why a workbook as a whole cannot be read: not a zip, encrypted, hostile, a part missing or malformed.
/// `message` is lower-case and says what was expected. Problems with one cell are not this type: the sheet
/// reader reports them at the cell (``CSVSyntaxError`` with line = row, column = column number).
package struct XLSXError: Error, Hashable, Sendable, CustomStringConvertible {
  package var message: String

  package init(_ message: String) { self.message = message }

  package var description: String { message }
}
